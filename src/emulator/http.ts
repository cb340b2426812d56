/**
 * Small helpers over an HTTP request/response, shared by the emulator's routes. The types are the
 * part of Node's `IncomingMessage` / `ServerResponse` the emulator uses, so the dev server passes
 * Node's objects and the in-browser adapter (browser.ts) its own stand-ins; nothing here needs Node.
 */

/**
 * The paths the emulated server answers (`LogtoEmulator.handle`); the host serves everything else
 * (pages, assets). The in-browser relay worker (service-worker.ts) intercepts exactly these.
 */
export const EMULATED_PATH_PREFIXES: readonly string[] = ['/api/', '/oidc/', '/__emulator/', '/demo/'];

/** What the routes read of a request (Node's `IncomingMessage` has all of it). */
export interface Request {
  method?: string;
  /** Path and query, as on the request line. */
  url?: string;
  /** Lower-case names. */
  headers: { host?: string; cookie?: string; [name: string]: string | string[] | undefined };
  socket: { remoteAddress?: string; encrypted?: boolean };
  /** The body arrives as `data` events (byte chunks) and then `end`. */
  on(event: string, listener: (...args: never[]) => void): unknown;
  destroy(): unknown;
}

/** What the routes call on a response (Node's `ServerResponse` has all of it). */
export interface Response {
  statusCode: number;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  writeHead(status: number, headers?: Record<string, string | number | string[]>): unknown;
  end(body?: string | Uint8Array): unknown;
}

/** A parsed request the routes work with. */
export interface Exchange {
  req: Request;
  res: Response;
  method: string;
  url: URL;
  origin: string;
  cookies: Record<string, string>;
  /** Parsed JSON body (`{}` when there is none); `undefined` when it was not valid JSON. */
  body: unknown;
}

export async function readExchange(req: Request, res: Response): Promise<Exchange> {
  const host = req.headers.host ?? '127.0.0.1';
  const origin = `${isTls(req) ? 'https' : 'http'}://${host}`;
  const url = new URL(req.url ?? '/', origin);
  const method = (req.method ?? 'GET').toUpperCase();
  let body: unknown = {};
  if (method !== 'GET' && method !== 'HEAD') {
    const text = await readText(req);
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
  }
  return { req, res, method, url, origin, cookies: parseCookies(req.headers.cookie), body };
}

function isTls(req: Request): boolean {
  return Boolean((req.socket as { encrypted?: boolean }).encrypted) || req.headers['x-forwarded-proto'] === 'https';
}

function readText(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    req.on('data', (chunk: Uint8Array) => {
      size += chunk.length;
      if (size > 1_000_000) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(new TextDecoder().decode(bytes));
    });
    req.on('error', reject);
  });
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name) cookies[name] = value;
  }
  return cookies;
}

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: Response, status = 204): void {
  res.writeHead(status, { 'cache-control': 'no-store' });
  res.end();
}

export function sendText(res: Response, status: number, text: string, type = 'text/plain'): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function redirect(res: Response, location: string, status = 303, cookies: string[] = []): void {
  res.writeHead(status, { location, 'set-cookie': cookies, 'cache-control': 'no-store' });
  res.end(`Redirecting to ${location}.`);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Escapes text for the emulator's small HTML pages. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
