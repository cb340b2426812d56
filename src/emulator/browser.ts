/**
 * The emulator in a browser tab, for pages served as plain static files with no dev server to
 * mount it in: the published Storybook (`npm run build-storybook`), and the dev Storybook too, so
 * both take the same path.
 *
 * How it works. A service worker (service-worker.ts, served as `emulator-sw.js` beside the pages)
 * sees every request the origin's pages and frames make. It hands those for the emulated paths
 * (`/api/`, `/oidc/`, `/__emulator/`, `/demo/`) to a tab running the emulator, the "host" (here
 * Storybook's preview frame); the host answers with status, headers and body, and the worker
 * makes that the response. Navigations go the same way, so a framed provider page (WeChat's QR
 * login), the emulator's "Terms" page or the demo app's callback load as they do from the dev
 * server. (Mock Service Worker's worker lets navigations through to the network, which would leave
 * those frames empty; hence a worker of our own.)
 *
 * The emulator's state lives in the host, not in the worker: browsers stop an idle worker after
 * about 30 seconds, while the tab lives as long as it is open. A worker that was stopped asks the
 * open tabs who hosts the emulator when the next request comes (`emulator-who`).
 *
 * Cookies. The emulator keeps the interaction in a cookie, like Logto, but a response made up by a
 * service worker cannot set cookies (the browser drops `Set-Cookie`), and the worker does not see
 * a request's `Cookie` header either. So the host is the cookie jar: `HttpOnly` cookies
 * (`_interaction`) stay in its memory, out of reach of page scripts as Logto's are; the others
 * (`_logto`) go to `document.cookie`, where page scripts see them as they would see Logto's. Each
 * request gets both in its `Cookie` header. An in-memory cookie is gone when the tab reloads,
 * together with the interaction it names, as after a restart of the dev server.
 */
import { setAssetReader } from './assets.js';
import { type EmulatorOptions, LogtoEmulator } from './emulator.js';
import type { Request, Response } from './http.js';

/** A request as the worker passes it to the host. */
export interface RelayRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** The host's answer. */
export interface RelayResponse {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** Messages between the worker and the host (`postMessage`). */
export type RelayMessage =
  /** Host → worker: "I run the emulator" (on start, and when the worker asks). */
  | { type: 'emulator-host' }
  /** Host → worker: take control of this page (it was opened with a hard reload). */
  | { type: 'emulator-claim' }
  /** Worker → every tab: "who runs the emulator?" (the worker was restarted). */
  | { type: 'emulator-who' }
  /** Worker → host: answer this request on the message's port (`RelayAnswer`). */
  | { type: 'emulator-request'; request: RelayRequest };

/** On the request's port: the response, or "not the emulator's, fetch it from the network". */
export type RelayAnswer = RelayResponse | { passthrough: true };

// The demo tenant's logos and icons, bundled (about 40 kB of SVG).
const assets = import.meta.glob<string>('./assets/*.svg', { query: '?raw', import: 'default', eager: true });
setAssetReader((name) => Promise.resolve(assets[`./assets/${name}`]));

const encoder = new TextEncoder();

/** The emulator with the tab as its server: answers `RelayRequest`s and keeps the cookie jar. */
export class BrowserEmulator {
  readonly emulator: LogtoEmulator;
  readonly #httpOnlyCookies = new Map<string, string>();

  constructor(options: EmulatorOptions = {}) {
    // Verification codes and the like go to the browser's console instead of a terminal.
    this.emulator = new LogtoEmulator({ log: (line) => console.info(`[emulator] ${line}`), ...options });
  }

  /** Answers a request; `undefined` when the path is not the emulator's. */
  async fetch(request: RelayRequest): Promise<RelayResponse | undefined> {
    const res = new RecordedResponse();
    if (!(await this.emulator.handle(requestOf(request, this.#cookieHeader()), res))) return undefined;
    await res.ended;
    const headers: [string, string][] = [];
    for (const [name, values] of res.headers) {
      for (const value of values) {
        if (name === 'set-cookie') this.#storeCookie(value);
        else if (name !== 'content-length') headers.push([name, value]);
      }
    }
    return { status: res.statusCode, headers, body: res.body() };
  }

  #cookieHeader(): string {
    const cookies = new Map<string, string>();
    for (const part of document.cookie.split(';')) {
      const index = part.indexOf('=');
      if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
    }
    for (const [name, value] of this.#httpOnlyCookies) cookies.set(name, value);
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  #storeCookie(setCookie: string): void {
    const [pair = '', ...rest] = setCookie.split(';');
    const index = pair.indexOf('=');
    if (index <= 0) return;
    const attributes = new Map(
      rest.map((attribute) => {
        const [key = '', ...value] = attribute.split('=');
        return [key.trim().toLowerCase(), value.join('=').trim()] as const;
      }),
    );
    if (!attributes.has('httponly')) {
      // The browser applies path, expiry and SameSite as it would for a server's cookie.
      document.cookie = setCookie;
      return;
    }
    // Every emulator cookie has `path=/`, so the in-memory jar needs no path matching.
    const name = pair.slice(0, index).trim();
    const maxAge = attributes.get('max-age');
    const expires = attributes.get('expires');
    const expired = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (expired) this.#httpOnlyCookies.delete(name);
    else this.#httpOnlyCookies.set(name, pair.slice(index + 1).trim());
  }
}

/** The `Request` the emulator reads, made from a relayed one. */
function requestOf(relay: RelayRequest, cookie: string): Request {
  const url = new URL(relay.url);
  const headers: Request['headers'] = {};
  for (const [name, value] of relay.headers) headers[name.toLowerCase()] = value;
  headers.host = url.host;
  if (cookie) headers.cookie = cookie;
  headers['user-agent'] ??= navigator.userAgent;
  const body = relay.body ? new Uint8Array(relay.body) : undefined;
  return {
    method: relay.method,
    url: `${url.pathname}${url.search}`,
    headers,
    socket: { remoteAddress: '127.0.0.1', encrypted: url.protocol === 'https:' },
    // The emulator subscribes to `data` and `end` together (http.ts readText); both then fire
    // on the next microtasks, in that order.
    on(event, listener) {
      if (event === 'data' && body?.length) queueMicrotask(() => (listener as (chunk: Uint8Array) => void)(body));
      if (event === 'end') queueMicrotask(() => listener());
      return this;
    },
    destroy: () => undefined,
  };
}

/** The `Response` the emulator writes to, recorded. */
class RecordedResponse implements Response {
  statusCode = 200;
  /** Lower-case names. */
  readonly headers = new Map<string, string[]>();
  readonly #chunks: Uint8Array[] = [];
  #finish: () => void = () => undefined;
  /** Settles when `end()` was called. */
  readonly ended = new Promise<void>((resolve) => {
    this.#finish = resolve;
  });

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers.set(name.toLowerCase(), typeof value === 'object' ? [...value] : [String(value)]);
    return this;
  }

  writeHead(status: number, headers: Record<string, string | number | string[]> = {}): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    return this;
  }

  end(body?: string | Uint8Array): this {
    if (body !== undefined) this.#chunks.push(typeof body === 'string' ? encoder.encode(body) : body);
    this.#finish();
    return this;
  }

  body(): ArrayBuffer | null {
    const size = this.#chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (size === 0) return null;
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes.buffer;
  }
}

export interface BrowserEmulatorOptions extends EmulatorOptions {
  /** The worker script (service-worker.ts as built); default `emulator-sw.js` beside the page. */
  workerUrl?: string | URL;
  /** Milliseconds to wait for the worker to control the page. */
  timeout?: number;
}

let started: Promise<BrowserEmulator> | undefined;

/**
 * Runs the emulator in this tab: registers the worker, makes sure it controls the page (so the
 * page's own requests reach the emulator too) and answers what it relays. Once per tab; later
 * calls get the same emulator. Rejects when the browser has no service workers (pages over plain
 * http on a host other than localhost / 127.0.0.1, Firefox's private windows).
 */
export function startBrowserEmulator(options: BrowserEmulatorOptions = {}): Promise<BrowserEmulator> {
  started ??= start(options);
  return started;
}

async function start({ workerUrl, timeout = 10_000, ...options }: BrowserEmulatorOptions): Promise<BrowserEmulator> {
  const container = (navigator as Partial<Navigator>).serviceWorker;
  if (!container) {
    throw new Error(
      'The Logto emulator runs in a service worker, which this page cannot use: open it over https, ' +
        'or on localhost or 127.0.0.1 (not in a private window of Firefox).',
    );
  }
  const host = new BrowserEmulator(options);
  container.addEventListener('message', (event: MessageEvent<RelayMessage | null>) => {
    const message = event.data;
    if (message?.type === 'emulator-who') {
      (event.source as ServiceWorker | null)?.postMessage({ type: 'emulator-host' } satisfies RelayMessage);
    } else if (message?.type === 'emulator-request') {
      const [port] = event.ports;
      if (port) void answer(host, message.request, port);
    }
  });
  container.startMessages();

  const registration = await container.register(workerUrl ?? new URL('emulator-sw.js', document.baseURI));
  if (!container.controller) {
    const controlled = new Promise<void>((resolve) => {
      container.addEventListener('controllerchange', () => resolve(), { once: true });
    });
    // A new worker takes control of the open pages when it activates; a page opened with a hard
    // reload (Shift+Reload) is left alone even by an active worker until it is claimed again.
    const worker = registration.active ?? (await container.ready).active;
    worker?.postMessage({ type: 'emulator-claim' } satisfies RelayMessage);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("The Logto emulator's service worker did not take control of the page.")), timeout);
    });
    await Promise.race([controlled, late]).finally(() => clearTimeout(timer));
  }
  container.controller?.postMessage({ type: 'emulator-host' } satisfies RelayMessage);
  return host;
}

async function answer(host: BrowserEmulator, request: RelayRequest, port: MessagePort): Promise<void> {
  let reply: RelayAnswer;
  try {
    reply = (await host.fetch(request)) ?? { passthrough: true };
  } catch (error) {
    console.error('[emulator]', error);
    reply = { status: 500, headers: [['content-type', 'text/plain; charset=utf-8']], body: encoder.encode(String(error)).buffer };
  }
  const body = 'body' in reply ? reply.body : null;
  port.postMessage(reply, body ? [body] : []);
}
