/**
 * Test-server middleware for the robustness and security tests (test/faults, test/security). It
 * sits in front of the emulator and does two things, both scoped to the app ids a test chooses:
 *
 * 1. Scripted faults. A test arms rules for one app id (`POST /__faults/arm`); an API request that
 *    carries that id (the `Logto-App-Id` header, or `?appId=` on the config endpoint) and matches
 *    a rule is answered by the rule instead of the emulator: any status, headers and body, a body
 *    of several MB, an answer cut off mid-way, a server that never answers, or a delay before the
 *    emulator answers. Every API request with a watched id is logged (`GET /__faults/log`), faulted
 *    or not, so tests can count retries, including those of GETs the emulator does not record.
 *    Rules armed under the key `*` match any other request whose path starts with their `prefix`
 *    (a lazily loaded module, for instance).
 *
 * 2. A strict Content-Security-Policy. A hosted-page document (the routes spa-fallback.mjs serves)
 *    for an app whose id starts with `csp-` (the `app_id` query parameter, or else the app of the
 *    last `/oidc/auth`, from the `_logto` cookie, which is how a `/callback/...` page is matched) is
 *    served with exactly STRICT_CSP, and with one extra external script, `/__faults/probe.js`,
 *    first in <head>: it forwards CSP violations, console output, the kit's events, history and
 *    storage writes to the window that opened the page (the test). Nothing else is changed.
 */

import { PAGE_ROUTES } from './spa-fallback.mjs';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; frame-src https:; require-trusted-types-for 'script'";


const CSP_APP_PREFIX = 'csp-';
/** A request left hanging is closed after this long even if the browser never gives up. */
const HANG_LIMIT_MS = 30_000;
/** Rules under this key match any other request by path prefix (`prefix`): the page's own files. */
const ASSET_KEY = '*';
/** Log entries kept per app id. */
const LOG_LIMIT = 2000;

/** Runs in the hosted page (a classic script, so it runs before the page's module). */
const PROBE = String.raw`(() => {
  'use strict';
  const sink = (kind, data) => {
    try {
      const target = window.opener && window.opener.__siPageProbe;
      if (typeof target === 'function') target(JSON.stringify({ kind, href: location.href, at: Date.now(), data }));
    } catch (_) {}
  };
  const text = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.name + ': ' + value.message + '\n' + (value.stack || '');
    try {
      return JSON.stringify(value);
    } catch (_) {
      return String(value);
    }
  };
  sink('load', { url: location.href, referrer: document.referrer });
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      sink('violation', {
        directive: event.effectiveDirective,
        violatedDirective: event.violatedDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
        disposition: event.disposition,
      }),
    true,
  );
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed', 'assert']) {
    const original = console[method];
    if (typeof original !== 'function') continue;
    console[method] = function (...args) {
      // console.assert prints only when its condition is false.
      if (method !== 'assert' || !args[0]) sink('console', { method, text: args.map(text).join(' ') });
      return original.apply(this, args);
    };
  }
  for (const type of ['si-success', 'si-error', 'si-step-change', 'si-provider-select', 'si-qr-status', 'si-qr-refresh']) {
    document.addEventListener(type, (event) => sink('event', { type, detail: text(event.detail === undefined ? null : event.detail) }), true);
  }
  for (const how of ['pushState', 'replaceState']) {
    const original = history[how];
    history[how] = function (state, unused, url) {
      const result = original.apply(this, arguments);
      sink('url', { how, url: location.href, state: text(state) });
      return result;
    };
  }
  window.addEventListener('hashchange', () => sink('url', { how: 'hashchange', url: location.href }));
  window.addEventListener('popstate', () => sink('url', { how: 'popstate', url: location.href }));
  if (window.navigation) {
    window.navigation.addEventListener('navigate', (event) =>
      sink('navigate', { url: event.destination.url, type: event.navigationType }),
    );
  }
  const areaOf = (storage) => (storage === window.localStorage ? 'local' : storage === window.sessionStorage ? 'session' : 'other');
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    sink('storage', { area: areaOf(this), key: String(key), value: String(value) });
    return setItem.call(this, key, value);
  };
  const dump = (storage) => {
    const out = {};
    for (let i = 0; i < storage.length; i++) out[storage.key(i)] = storage.getItem(storage.key(i));
    return out;
  };
  window.addEventListener('pagehide', () =>
    sink('unload', { url: location.href, session: dump(sessionStorage), local: dump(localStorage), cookie: document.cookie }),
  );
  window.addEventListener('error', (event) => sink('uncaught', { message: event.message, file: event.filename, line: event.lineno }));
  window.addEventListener('unhandledrejection', (event) => sink('uncaught', { message: text(event.reason) }));
})();
`;

/** Lazily fetched files that fault tests fail (see test/faults/lazy-parts.test.ts). */
const LAZY_ASSETS = ['/node_modules/libphonenumber-js/', '/src/components/sign-in-form/controller.ts'];

export function faultMiddleware() {
  /** app id → armed rules */
  const rules = new Map();
  /** app id → log entries (only for ids a test armed) */
  const logs = new Map();
  let seq = 0;

  return async (ctx, next) => {
    const path = ctx.path;
    if (path.startsWith('/__faults/')) return control(ctx, path.slice('/__faults/'.length));
    if (path.startsWith('/api/')) return api(ctx, next);
    const asset = (rules.get(ASSET_KEY) ?? []).find((candidate) => candidate.remaining > 0 && path.startsWith(candidate.prefix));
    if (asset) {
      asset.remaining -= 1;
      const response = asset.response ?? {};
      if (response.delayMs) await sleep(response.delayMs);
      if (!response.passThrough) return answer(ctx, response);
    }
    if (isMarkedPage(ctx)) return strictPage(ctx, next);
    if (LAZY_ASSETS.some((prefix) => path.startsWith(prefix))) {
      // Files a test may fail later must reach the server every time: without this, an earlier
      // test file leaves them in the browser's HTTP cache and the fault is never met. The dev
      // server sets its own caching headers on the way out, so they are replaced as the response
      // head is written.
      const writeHead = ctx.res.writeHead.bind(ctx.res);
      ctx.res.writeHead = (...args) => {
        ctx.res.setHeader('cache-control', 'no-store');
        ctx.res.removeHeader('etag');
        ctx.res.removeHeader('last-modified');
        return writeHead(...args);
      };
      return next();
    }
    return next();
  };

  async function control(ctx, route) {
    ctx.set('cache-control', 'no-store');
    if (route === 'probe.js' && ctx.method === 'GET') {
      ctx.type = 'text/javascript';
      ctx.body = PROBE;
      return;
    }
    if (route === 'arm' && ctx.method === 'POST') {
      const { key, rules: list } = JSON.parse((await readBody(ctx.req)) || '{}');
      if (typeof key !== 'string' || !key || !Array.isArray(list)) {
        ctx.status = 400;
        ctx.body = { message: 'arm needs { key, rules: [] }' };
        return;
      }
      rules.set(
        key,
        list.map((rule) => ({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY })),
      );
      if (!logs.has(key)) logs.set(key, []);
      ctx.body = { armed: list.length, seq };
      return;
    }
    if (route === 'disarm' && ctx.method === 'POST') {
      const { key } = JSON.parse((await readBody(ctx.req)) || '{}');
      rules.delete(key);
      logs.delete(key);
      ctx.status = 204;
      return;
    }
    if (route === 'log' && ctx.method === 'GET') {
      const key = String(ctx.query.key ?? '');
      const since = Number(ctx.query.since ?? 0);
      ctx.body = (logs.get(key) ?? []).filter((entry) => entry.seq > since);
      return;
    }
    ctx.status = 404;
    ctx.body = { message: `no fault route ${route}` };
  }

  async function api(ctx, next) {
    const key = ctx.get('logto-app-id') || (typeof ctx.query.appId === 'string' ? ctx.query.appId : '');
    const log = key ? logs.get(key) : undefined;
    if (!log) return next();
    const rule = (rules.get(key) ?? []).find(
      (candidate) =>
        candidate.remaining > 0 &&
        (!candidate.method || candidate.method === ctx.method) &&
        (candidate.path ? candidate.path === ctx.path : new RegExp(candidate.pattern).test(ctx.path)),
    );
    const entry = { seq: ++seq, method: ctx.method, path: ctx.path, label: rule?.label ?? null, faulted: false, at: Date.now() };
    log.push(entry);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    if (!rule) return next();
    rule.remaining -= 1;
    const response = rule.response ?? {};
    if (response.delayMs) await sleep(response.delayMs);
    if (response.passThrough) return next();
    entry.faulted = true;
    return answer(ctx, response);
  }

  function isMarkedPage(ctx) {
    if (ctx.method !== 'GET' || !PAGE_ROUTES.some((route) => route.test(ctx.path))) return false;
    if (!ctx.accepts('html')) return false;
    const appId = typeof ctx.query.app_id === 'string' ? ctx.query.app_id : lastAppFromCookie(ctx.get('cookie'));
    return Boolean(appId?.startsWith(CSP_APP_PREFIX));
  }

  async function strictPage(ctx, next) {
    // The page must be served fresh (with the probe), never as a 304 of an earlier copy.
    delete ctx.request.header['if-none-match'];
    delete ctx.request.header['if-modified-since'];
    await next();
    if (ctx.status !== 200) return;
    const html = await bodyText(ctx.body);
    ctx.body = html.replace(/<head>/i, '<head>\n    <script src="/__faults/probe.js"></script>');
    ctx.remove('etag');
    ctx.remove('last-modified');
    ctx.set('cache-control', 'no-store');
    ctx.set('content-security-policy', STRICT_CSP);
  }
}

/** Writes a scripted answer straight to the socket, so headers are exactly the ones asked for. */
async function answer(ctx, response) {
  ctx.respond = false;
  const { res, req } = ctx;
  if (response.hang) {
    // A server that never answers: wait until the browser gives up (or the limit), then close.
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, HANG_LIMIT_MS);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!res.writableEnded) req.socket.destroy();
    return;
  }
  const status = response.status ?? 200;
  const headers = { 'cache-control': 'no-store', ...(response.headers ?? {}) };
  let body = Buffer.from(response.body ?? '', 'utf8');
  if (response.pad) {
    const { before = '', fill = 'x', count = 0, after = '' } = response.pad;
    body = Buffer.from(before + fill.repeat(count) + after, 'utf8');
  }
  if (response.cutAfter !== undefined) {
    // Announce the whole body, send only its start, then drop the connection.
    res.writeHead(status, { ...headers, 'content-length': String(body.length) });
    res.write(body.subarray(0, response.cutAfter));
    await sleep(20);
    req.socket.destroy();
    return;
  }
  const noBody = status === 204 || status === 304;
  res.writeHead(status, noBody ? headers : { ...headers, 'content-length': String(body.length) });
  res.end(noBody ? undefined : body);
}

function lastAppFromCookie(header) {
  const match = /(?:^|;\s*)_logto=([^;]*)/.exec(header ?? '');
  if (!match) return undefined;
  for (const candidate of [match[1], safeDecode(match[1])]) {
    try {
      const value = JSON.parse(candidate);
      if (typeof value?.appId === 'string') return value.appId;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function bodyText(body) {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (body && typeof body.pipe === 'function') {
    const chunks = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  return String(body ?? '');
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
