/**
 * Helpers for the robustness and security tests (test/faults, test/security): scripted server
 * faults (test/tools/fault-middleware.mjs), bad bodies generated from the recorded Logto 1.42
 * responses, what the user sees (alerts, the kit's sentences read from the XLIFF files), and
 * recorders for what a page leaks (navigations, uncaught errors, the hosted-page probe).
 */
import { waitUntil } from '@open-wc/testing';

// ----- scripted faults -----------------------------------------------------------------------------

export interface FaultResponse {
  status?: number;
  /** Sent exactly as given (plus `cache-control: no-store`); no content-type unless listed. */
  headers?: Record<string, string>;
  body?: string;
  /** A body built on the server: `before + fill × count + after` (several MB without sending them here). */
  pad?: { before?: string; fill?: string; count: number; after?: string };
  /** Never answer (until the browser gives up). */
  hang?: boolean;
  /** Announce the whole body, send only this many bytes, then drop the connection. */
  cutAfter?: number;
  /** Wait this long first; with `passThrough`, the emulator then answers normally. */
  delayMs?: number;
  passThrough?: boolean;
}

export interface Endpoint {
  /** How reports name it: `POST /api/experience/submit`. */
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path?: string;
  /** A RegExp source, for paths with an id in them. */
  pattern?: string;
}

export interface FaultRule extends Omit<Endpoint, 'name' | 'method'> {
  method?: Endpoint['method'];
  /** Under the key `*` (see ASSET_FAULTS): any request whose path starts with this. */
  prefix?: string;
  /** How many matching requests get the fault (default: all, until the next `armFaults`). */
  times?: number;
  /** Names the case in the log. */
  label?: string;
  response: FaultResponse;
}

export interface FaultLogEntry {
  seq: number;
  method: string;
  path: string;
  label: string | null;
  faulted: boolean;
  at: number;
}

export const ENDPOINTS = {
  config: { name: 'GET /api/.well-known/sign-in-exp', method: 'GET', path: '/api/.well-known/sign-in-exp' },
  start: { name: 'PUT /api/experience', method: 'PUT', path: '/api/experience' },
  password: { name: 'POST /api/experience/verification/password', method: 'POST', path: '/api/experience/verification/password' },
  sendCode: {
    name: 'POST /api/experience/verification/verification-code',
    method: 'POST',
    path: '/api/experience/verification/verification-code',
  },
  verifyCode: {
    name: 'POST /api/experience/verification/verification-code/verify',
    method: 'POST',
    path: '/api/experience/verification/verification-code/verify',
  },
  identification: { name: 'POST /api/experience/identification', method: 'POST', path: '/api/experience/identification' },
  submit: { name: 'POST /api/experience/submit', method: 'POST', path: '/api/experience/submit' },
  socialUri: {
    name: 'POST /api/experience/verification/social/:id/authorization-uri',
    method: 'POST',
    pattern: '^/api/experience/verification/social/[^/]+/authorization-uri$',
  },
} satisfies Record<string, Endpoint>;

/** The key whose rules match the page's own files by path prefix instead of API requests. */
export const ASSET_FAULTS = '*';

async function postJson(url: string, body: unknown): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * Replaces the rules for `key` (an app id) and starts logging its API requests. Resolves to the
 * log position before the rules took effect (pass it to `faultLog` as `since`).
 */
export async function armFaults(key: string, rules: FaultRule[]): Promise<number> {
  armedKeys.add(key);
  const response = await postJson('/__faults/arm', { key, rules });
  return ((await response.json()) as { seq: number }).seq;
}

export async function disarmFaults(key: string): Promise<void> {
  armedKeys.delete(key);
  await postJson('/__faults/disarm', { key });
}

/** Keys this page armed: `disarmAll` (in an `after` hook) leaves the test server as it found it. */
const armedKeys = new Set<string>();

export async function disarmAll(): Promise<void> {
  await Promise.all([...armedKeys].map((key) => disarmFaults(key)));
}

/** Every API request with this app id after `since`, faulted or passed to the emulator. */
export async function faultLog(key: string, since = 0): Promise<FaultLogEntry[]> {
  const response = await fetch(`/__faults/log?key=${encodeURIComponent(key)}&since=${since}`);
  return (await response.json()) as FaultLogEntry[];
}

export function rule(endpoint: Endpoint, response: FaultResponse, extra: Partial<FaultRule> = {}): FaultRule {
  const { name: _name, ...where } = endpoint;
  return { ...where, ...extra, response };
}

/**
 * Removes what the kit kept in this origin's storage (the social attempts' localStorage copies
 * outlive the page): later test files must start from clean storage.
 */
export function forgetKitStorage(): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('sign-in-kit:')) storage.removeItem(key);
  }
}

// ----- recorded bodies -----------------------------------------------------------------------------

const FIXTURES = '/test/fixtures/logto-1.42';

export interface Recorded {
  status: number;
  body: unknown;
}

/** The response of one recorded exchange (`j03-signin-username-password/05-verification-password.json`). */
export async function recorded(file: string): Promise<Recorded> {
  const response = await fetch(`${FIXTURES}/${file}`);
  if (!response.ok) throw new Error(`no fixture ${file}`);
  const { response: answer } = (await response.json()) as { response: { status: number; body: unknown } };
  return { status: answer.status, body: answer.body };
}

// ----- bad bodies ----------------------------------------------------------------------------------

export interface BadBody {
  name: string;
  response: FaultResponse;
  /** Extra sentence ids (besides the server-problem ones) that are a fair answer to this case. */
  alsoAllowed?: string[];
}

type Path = (string | number)[];

export interface FieldSpec {
  path: Path;
  type: 'string' | 'boolean' | 'array' | 'object' | 'number';
  /** Values of the right type that the contract still forbids (an unknown enum member, ""). */
  invalid?: unknown[];
  /** The contract lets the field be absent (and null): only wrong types are bad. */
  optional?: boolean;
  /** An array item: removing it leaves a valid body, so it is not dropped. */
  item?: boolean;
  /** `{}` misses required fields (for objects). */
  emptyInvalid?: boolean;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const WRONG_TYPES: Record<FieldSpec['type'], unknown[]> = {
  string: [null, 42, true, [], {}],
  boolean: [null, 1, 'true', [], {}],
  number: [null, '1', true, [], {}],
  array: [null, 42, true, 'list', {}],
  object: [null, 42, true, 'object', []],
};

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function label(path: Path): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : '{…}';
  return JSON.stringify(value);
}

/** A copy of `body` with the value at `path` replaced (or removed, for `undefined`). */
function withValue(body: unknown, path: Path, value: unknown): unknown {
  const copy = clone(body);
  let node = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function json(status: number, value: unknown, headers: Record<string, string> = JSON_TYPE): FaultResponse {
  return { status, headers, body: JSON.stringify(value) };
}

/** Each contract field of a recorded success body dropped, nulled, given every wrong type and each forbidden value. */
export function fieldMutations(body: unknown, fields: FieldSpec[], status = 200): BadBody[] {
  const out: BadBody[] = [];
  for (const field of fields) {
    const name = label(field.path);
    if (!field.optional && !field.item) out.push({ name: `${name} missing`, response: json(status, withValue(body, field.path, undefined)) });
    const wrong = WRONG_TYPES[field.type].filter((value) => !(field.optional && value === null));
    const values = [...wrong, ...(field.emptyInvalid ? [{}] : []), ...(field.invalid ?? [])];
    for (const value of values) {
      out.push({ name: `${name} = ${describeValue(value)}`, response: json(status, withValue(body, field.path, value)) });
    }
  }
  return out;
}

/** The whole body replaced by other JSON values. */
export function shapeMutations(body: unknown, status = 200): BadBody[] {
  return [null, 42, true, 'ok', [], [body], {}].map((value) => ({
    name: `body = ${Array.isArray(value) && value.length === 1 ? '[recorded body]' : describeValue(value)}`,
    response: json(status, value),
  }));
}

const HUGE = 4 * 1024 * 1024;

/** A reverse proxy's or a framework's HTML error page. */
export function htmlPage(title: string): string {
  return (
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n<body><center><h1>${title}</h1></center>` +
    `<hr><center>nginx</center>\n<script>window.__faultPageScriptRan = true</script></body></html>\n`
  );
}

/** A single-page app's index.html, as a proxy that routes /api to the page would answer. */
const SPA_INDEX =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>' +
  '<script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>';

/** Bodies that are not the JSON they claim to be: empty, cut short, HTML, text, several MB. */
export function rawMutations(body: unknown, status = 200): BadBody[] {
  const text = JSON.stringify(body);
  const cut = (at: number) => text.slice(0, Math.max(1, at));
  return [
    { name: 'empty body', response: { status, headers: JSON_TYPE, body: '' } },
    { name: 'whitespace body', response: { status, headers: JSON_TYPE, body: ' \n\t ' } },
    { name: 'JSON cut after 1 character', response: { status, headers: JSON_TYPE, body: cut(1) } },
    { name: 'JSON cut in the middle', response: { status, headers: JSON_TYPE, body: cut(Math.floor(text.length / 2)) } },
    { name: 'JSON without its last character', response: { status, headers: JSON_TYPE, body: cut(text.length - 1) } },
    { name: 'JSON with trailing garbage', response: { status, headers: JSON_TYPE, body: `${text}}garbage` } },
    { name: 'JSON with single quotes', response: { status, headers: JSON_TYPE, body: text.replace(/"/g, "'") } },
    { name: 'HTML error page (200)', response: { status, headers: { 'content-type': 'text/html' }, body: htmlPage('Welcome') } },
    { name: 'SPA index.html (200)', response: { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: SPA_INDEX } },
    { name: 'plain text "OK"', response: { status, headers: { 'content-type': 'text/plain' }, body: 'OK' } },
    {
      name: 'XML document',
      response: { status, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><result><ok>true</ok></result>' },
    },
    {
      name: `huge JSON (${HUGE >> 20} MB) without the contract fields`,
      response: { status, headers: JSON_TYPE, pad: { before: '{"padding":"', fill: 'x', count: HUGE, after: '"}' } },
    },
    {
      name: `huge HTML page (${HUGE >> 20} MB)`,
      response: { status, headers: { 'content-type': 'text/html' }, pad: { before: '<!doctype html><html><body><p>', fill: 'lorem ', count: HUGE / 6, after: '</p></body></html>' } },
    },
    {
      name: `huge JSON array (${HUGE >> 20} MB)`,
      response: { status, headers: JSON_TYPE, pad: { before: '[', fill: '0,', count: HUGE / 2, after: '0]' } },
    },
  ];
}

/**
 * 2xx answers with a non-JSON body, for endpoints whose success has no body at all (204): what a
 * proxy that routes /api to a web page answers.
 */
export function noContentMutations(): BadBody[] {
  return [
    { name: 'SPA index.html (200) instead of 204', response: { status: 200, headers: { 'content-type': 'text/html' }, body: SPA_INDEX } },
    { name: 'HTML page (200) instead of 204', response: { status: 200, headers: { 'content-type': 'text/html' }, body: htmlPage('Sign in to the proxy') } },
  ];
}

/**
 * A recorded error envelope (`{ code, message }`) broken in every way, at `status`, plus the
 * non-JSON error answers proxies and frameworks send.
 */
export function errorMutations(envelope: Record<string, unknown>, status: number): BadBody[] {
  const at = (value: unknown) => json(status, value);
  const out: BadBody[] = [
    { name: `${status} code = 42`, response: at({ ...envelope, code: 42 }) },
    { name: `${status} code = null`, response: at({ ...envelope, code: null }) },
    { name: `${status} code = {}`, response: at({ ...envelope, code: {} }) },
    { name: `${status} message = 42`, response: at({ ...envelope, message: 42 }) },
    { name: `${status} message = []`, response: at({ ...envelope, message: ['a', 'b'] }) },
    { name: `${status} details = 42`, response: at({ ...envelope, details: 42 }) },
    { name: `${status} body = null`, response: at(null) },
    { name: `${status} body = []`, response: at([]) },
    { name: `${status} body = [envelope]`, response: at([envelope]) },
    { name: `${status} body = "text"`, response: at('Internal error') },
    { name: `${status} body = 42`, response: at(42) },
    { name: `${status} body = {}`, response: at({}) },
    {
      name: `${status} unknown code with an HTML page as message`,
      response: at({ code: 'proxy.failure', message: htmlPage(`${status} Error`) }),
    },
    {
      name: `${status} unknown code with a 256 KB message`,
      response: {
        status,
        headers: JSON_TYPE,
        pad: { before: '{"code":"proxy.failure","message":"', fill: 'error ', count: 256 * 1024 / 6, after: '"}' },
      },
    },
    { name: `${status} HTML error page`, response: { status, headers: { 'content-type': 'text/html' }, body: htmlPage(`${status} Error`) } },
    { name: `${status} empty body`, response: { status, headers: JSON_TYPE, body: '' } },
    { name: `${status} text "Internal Server Error"`, response: { status, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' } },
    { name: `${status} envelope cut in the middle`, response: { status, headers: JSON_TYPE, body: JSON.stringify(envelope).slice(0, 12) } },
  ];
  return out;
}

/** The recorded (valid) success body under a content type that is not JSON, or none. */
export function contentTypeMutations(body: unknown, status = 200): BadBody[] {
  const text = JSON.stringify(body);
  return [
    { name: 'content-type text/html', response: { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: text } },
    { name: 'content-type text/plain', response: { status, headers: { 'content-type': 'text/plain' }, body: text } },
    { name: 'content-type application/octet-stream', response: { status, headers: { 'content-type': 'application/octet-stream' }, body: text } },
    { name: 'no content-type', response: { status, headers: {}, body: text } },
  ];
}

// ----- the kit's sentences -------------------------------------------------------------------------

export interface Sentence {
  id: string;
  /** English (the source), with `\u0000` where a placeholder goes. */
  en: string;
  /** The language's translation, same placeholder convention. */
  translated: string;
}

const sentenceCache = new Map<string, Map<string, Sentence>>();

/** The kit's strings for one language, read from its XLIFF file (the translators' source of truth). */
export async function kitSentences(locale: string): Promise<Map<string, Sentence>> {
  const cached = sentenceCache.get(locale);
  if (cached) return cached;
  const response = await fetch(`/locales/${locale}.xlf`);
  if (!response.ok) throw new Error(`no locales/${locale}.xlf`);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const read = (element: Element | null): string => {
    if (!element) return '';
    let out = '';
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
      else if ((node as Element).localName === 'x') out += '\u0000';
      else out += read(node as Element);
    }
    return out.replace(/\s+/g, ' ').trim();
  };
  const map = new Map<string, Sentence>();
  for (const unit of doc.querySelectorAll('trans-unit')) {
    const id = unit.getAttribute('id') ?? '';
    map.set(id, { id, en: read(unit.querySelector('source')), translated: read(unit.querySelector('target')) });
  }
  sentenceCache.set(locale, map);
  return map;
}

/** Does `shown` read as this template (placeholders match any text)? */
export function matchesTemplate(shown: string, template: string): boolean {
  if (!template) return false;
  const pattern = template
    .split('\u0000')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+?');
  return new RegExp(`^${pattern}$`).test(shown.replace(/\s+/g, ' ').trim());
}

/** The sentences that fairly describe "the server answered something broken". */
export const SERVER_PROBLEM_IDS = ['errors.unexpectedResponse', 'errors.serverError', 'errors.generic'];

/** Reasons `text` is not a clear sentence for a person: empty, raw JSON or HTML, a status line, too long. */
export function sentenceProblem(text: string): string | undefined {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return 'it is empty';
  if (/^[[{<"]/.test(trimmed)) return 'it starts like raw JSON or HTML';
  if (/<\/?[a-z!?][^>]*>/i.test(trimmed)) return 'it contains markup';
  if (/"[\w$-]+"\s*:/.test(trimmed)) return 'it contains JSON';
  if (/\b(undefined|NaN|\[object Object\])\b/.test(trimmed)) return 'it contains a programming value';
  if (/^HTTP \d{3}$/.test(trimmed)) return 'it is only a status line';
  if (trimmed.length > 300) return `it is ${trimmed.length} characters long`;
  if (!/[.!?。！？]$/.test(trimmed)) return 'it is not a sentence';
  return undefined;
}

export function clip(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}… (${flat.length} chars)` : flat;
}

// ----- what the user sees --------------------------------------------------------------------------

function isShown(element: Element): boolean {
  const style = getComputedStyle(element);
  return element.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
}

/** Texts of the visible alerts (role=alert, the form's alert and field-error regions) in `root`. */
export function visibleAlerts(root: ParentNode): string[] {
  const elements = new Set(root.querySelectorAll('[role="alert"], .si-alert, .si-error'));
  return [...elements].filter(isShown).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

// ----- what a page leaks -------------------------------------------------------------------------

/**
 * Stops (and records) every navigation of the test page itself: a kit that accepts a bad answer
 * may try to leave, which would take the test runner with it.
 */
export class NavigationGuard {
  readonly attempts: string[] = [];
  #listener = (event: Event): void => {
    const navigate = event as Event & { destination: { url: string }; cancelable: boolean };
    this.attempts.push(navigate.destination.url);
    if (navigate.cancelable) navigate.preventDefault();
  };

  get #navigation(): EventTarget {
    return (window as unknown as { navigation: EventTarget }).navigation;
  }

  install(): void {
    this.#navigation.addEventListener('navigate', this.#listener);
  }

  remove(): void {
    this.#navigation.removeEventListener('navigate', this.#listener);
  }
}

/** Counts errors nothing caught (the page "crashed"), with their messages. */
export class CrashWatch {
  readonly crashes: string[] = [];
  #onError = (event: ErrorEvent): void => {
    this.crashes.push(`uncaught ${event.message}`);
  };
  #onRejection = (event: PromiseRejectionEvent): void => {
    const reason = event.reason as { message?: string } | undefined;
    this.crashes.push(`unhandled rejection ${reason?.message ?? String(event.reason)}`);
  };

  install(): void {
    addEventListener('error', this.#onError);
    addEventListener('unhandledrejection', this.#onRejection);
  }

  remove(): void {
    removeEventListener('error', this.#onError);
    removeEventListener('unhandledrejection', this.#onRejection);
  }
}

/**
 * Resolves with the first kit event of these types on `target`, `'settled'` as soon as `settled()`
 * holds (something happened that fires no event, like a form that rendered a bad config), or
 * `'timeout'`.
 */
export function nextKitEvent(
  target: EventTarget,
  options: { types?: string[]; timeout?: number; settled?: () => boolean } = {},
): Promise<CustomEvent | 'settled' | 'timeout'> {
  const { types = ['si-error', 'si-success', 'si-step-change'], timeout = 3000, settled } = options;
  return new Promise((resolve) => {
    const done = (value: CustomEvent | 'settled' | 'timeout') => {
      for (const type of types) target.removeEventListener(type, onEvent);
      clearTimeout(timer);
      clearInterval(poll);
      resolve(value);
    };
    const onEvent = (event: Event) => done(event as CustomEvent);
    for (const type of types) target.addEventListener(type, onEvent);
    const timer = setTimeout(() => done('timeout'), timeout);
    const poll = setInterval(() => {
      if (settled?.()) done('settled');
    }, 20);
  });
}

// ----- the hosted-page probe (see test/tools/fault-middleware.mjs) ---------------------------------

export interface ProbeRecord {
  kind: 'load' | 'violation' | 'console' | 'event' | 'url' | 'navigate' | 'storage' | 'unload' | 'uncaught';
  /** The page's address when it was recorded. */
  href: string;
  at: number;
  data: Record<string, unknown>;
}

/**
 * Collects what the probe in CSP-marked hosted pages reports, across every page load of the
 * window this test opened.
 */
export class ProbeRecorder {
  readonly records: ProbeRecord[] = [];

  install(): void {
    (window as unknown as { __siPageProbe?: (text: string) => void }).__siPageProbe = (text) => {
      this.records.push(JSON.parse(text) as ProbeRecord);
    };
  }

  remove(): void {
    delete (window as unknown as { __siPageProbe?: unknown }).__siPageProbe;
  }

  of(kind: ProbeRecord['kind']): ProbeRecord[] {
    return this.records.filter((record) => record.kind === kind);
  }

  /** Page loads the probe saw (each one ran under the strict policy). */
  loads(): string[] {
    return this.of('load').map((record) => String(record.data.url));
  }

  violations(): ProbeRecord[] {
    return this.of('violation');
  }

  async waitForLoad(pathname: string, timeout = 8000): Promise<void> {
    await waitUntil(
      () => this.loads().some((url) => new URL(url).pathname === pathname),
      `the probe never reported a page load at ${pathname} (loads: ${this.loads().join(', ') || 'none'})`,
      { timeout },
    );
  }
}

/** Every place a secret could leak to, as text, with where it was found. */
export function leakSources(
  recorder: ProbeRecorder,
  options: {
    /**
     * Addresses the kit did not make: the callback URL a provider sent the browser to carries
     * its code. Its load, and history calls that keep that same address, are not the kit's.
     */
    notTheKits?: (url: string) => boolean;
  } = {},
): { where: string; text: string }[] {
  const skip = (url: string) => options.notTheKits?.(url) ?? false;
  const out: { where: string; text: string }[] = [];
  for (const record of recorder.records) {
    switch (record.kind) {
      case 'console':
        out.push({ where: `console.${String(record.data.method)}`, text: String(record.data.text) });
        break;
      case 'event':
        out.push({ where: `event ${String(record.data.type)}`, text: String(record.data.detail) });
        break;
      case 'url':
        if (!skip(String(record.data.url))) out.push({ where: `history.${String(record.data.how)}`, text: String(record.data.url) });
        break;
      case 'navigate':
        if (!skip(String(record.data.url))) out.push({ where: `navigation (${String(record.data.type)})`, text: String(record.data.url) });
        break;
      case 'storage':
        out.push({ where: `${String(record.data.area)}Storage.setItem`, text: `${String(record.data.key)}=${String(record.data.value)}` });
        break;
      case 'unload':
        out.push({ where: 'storage when the page was left', text: JSON.stringify([record.data.session, record.data.local, record.data.cookie]) });
        break;
      case 'load':
        if (!skip(String(record.data.url))) out.push({ where: 'page load', text: String(record.data.url) });
        break;
      case 'uncaught':
        out.push({ where: 'uncaught error', text: String(record.data.message) });
        break;
      case 'violation':
        out.push({ where: 'CSP report', text: JSON.stringify(record.data) });
        break;
    }
  }
  return out;
}

/** `where: …secret…` for every source that contains one of the secrets (empty: no leak). */
export function findLeaks(sources: { where: string; text: string }[], secrets: Record<string, string>): string[] {
  const leaks: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    if (!secret) continue;
    const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
    for (const source of sources) {
      if ([...forms].some((form) => source.text.includes(form))) leaks.push(`${name} in ${source.where}: ${clip(source.text, 160)}`);
    }
  }
  return leaks;
}

/** Sentences that fairly explain "a part of the kit could not be fetched" (offline). */
export const OFFLINE_SENTENCE_IDS = ['load.partFailed', 'load.unreachable', 'errors.network'];

// ----- tenants the fault tests use ----------------------------------------------------------------

/** Email with a verification code only. */
export const EMAIL_CODE = {
  signIn: { methods: [{ identifier: 'email', password: false, verificationCode: true, isPasswordPrimary: false }] },
};
