/**
 * The relay service worker of the in-browser emulator (see browser.ts): requests for the emulated
 * paths go to the tab that runs the emulator, and its answer becomes the response; every other
 * request is left to the browser. Built into a classic script, `emulator-sw.js`, by
 * `emulatorServiceWorker()` in vite-plugin.ts.
 */
import type { RelayAnswer, RelayMessage, RelayRequest, RelayResponse } from './browser.js';
import { EMULATED_PATH_PREFIXES } from './http.js';

// The parts of the service-worker global scope used here (the project's lib is DOM, not WebWorker).
interface WorkerClient {
  readonly id: string;
  postMessage(message: RelayMessage, transfer?: Transferable[]): void;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  readonly clientId: string;
  respondWith(response: Promise<Response>): void;
}
interface WorkerMessageEvent extends ExtendableEvent {
  readonly data: RelayMessage | null;
  readonly source: WorkerClient | null;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: {
    get(id: string): Promise<WorkerClient | undefined>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WorkerClient[]>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
}
declare const self: WorkerScope;

/** A host that does not answer within this time is taken for hung. */
const ANSWER_TIMEOUT_MS = 30_000;
/** How long a restarted worker waits for the open tabs to say which of them hosts the emulator. */
const DISCOVERY_TIMEOUT_MS = 2_000;
/** Statuses whose response has no body. */
const NULL_BODY = new Set([204, 205, 304]);

/** Ids of the tabs running the emulator, the most recent last. */
const hosts: string[] = [];
let announced: (() => void)[] = [];

self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const id = event.source?.id;
  if (event.data?.type === 'emulator-claim') event.waitUntil(self.clients.claim());
  if (event.data?.type === 'emulator-host' && id) {
    forget(id);
    hosts.push(id);
    for (const resolve of announced) resolve();
    announced = [];
  }
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (!EMULATED_PATH_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return;
  event.respondWith(relay(event));
});

async function relay(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  const message: RelayRequest = { url: request.url, method: request.method, headers: [...request.headers], body };
  let host = await liveHost(event.clientId);
  if (!host) {
    await discover();
    host = await liveHost(event.clientId);
  }
  if (!host) {
    return new Response(
      'No page runs the Logto emulator: open the Storybook (or reload it) and try again.',
      { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } },
    );
  }
  const answer = await ask(host, message);
  if (!answer) return new Response('The Logto emulator did not answer.', { status: 504 });
  if ('passthrough' in answer) return fetch(request);
  return responseOf(answer, request.url);
}

/** The requesting tab if it hosts the emulator, else the host that announced itself last. */
async function liveHost(clientId: string): Promise<WorkerClient | undefined> {
  const candidates = hosts.includes(clientId) ? [clientId, ...hosts.toReversed()] : hosts.toReversed();
  for (const id of candidates) {
    const client = await self.clients.get(id);
    if (client) return client;
    forget(id);
  }
  return undefined;
}

/** Asks every open tab who hosts the emulator (a restarted worker has forgotten). */
async function discover(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.length === 0) return;
  const answered = new Promise<void>((resolve) => announced.push(resolve));
  for (const window of windows) window.postMessage({ type: 'emulator-who' });
  await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, DISCOVERY_TIMEOUT_MS))]);
}

function forget(id: string): void {
  const index = hosts.indexOf(id);
  if (index >= 0) hosts.splice(index, 1);
}

function ask(host: WorkerClient, request: RelayRequest): Promise<RelayAnswer | undefined> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(undefined), ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<RelayAnswer>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    host.postMessage({ type: 'emulator-request', request }, [channel.port2]);
  });
}

function responseOf(answer: RelayResponse, requestUrl: string): Response {
  const headers = new Headers();
  for (const [name, value] of answer.headers) {
    // A made-up response has no URL to resolve a relative Location against: make it absolute.
    headers.append(name, name === 'location' ? new URL(value, requestUrl).href : value);
  }
  return new Response(NULL_BODY.has(answer.status) ? null : answer.body, { status: answer.status, headers });
}
