/**
 * Network faults for the stories that show what a user sees when the server misbehaves: a
 * story-scoped `fetch` handed to the kit's `ExperienceClient` (its documented, injectable
 * transport), which the story then passes to `<sign-in-form>` through its `client` property.
 * Requests no rule matches go to the emulator unchanged, so everything else stays real.
 */
import { ExperienceClient, getLocale } from '../../src/index.js';

export type FaultAnswer =
  /** `fetch` rejects, as it does offline or when the connection is refused. */
  | 'offline'
  /** The request never gets an answer (until the client gives up or the story goes away). */
  | 'hang'
  /** An HTTP answer: a JSON body (or text), a status and headers. */
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> };

export interface FaultRule {
  /** Path of the request, e.g. `/api/experience/verification/password`. */
  path: string | RegExp;
  method?: string;
  answer: FaultAnswer;
  /** How many matching requests fail; the ones after that go through. Unlimited by default. */
  times?: number;
}

function matches(rule: FaultRule, url: URL, method: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  return typeof rule.path === 'string' ? url.pathname === rule.path : rule.path.test(url.pathname);
}

function hang(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const stop = () => reject(new DOMException('The request was aborted.', 'AbortError'));
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** A `fetch` that fails the requests the rules name, and passes the others to the network. */
export function faultyFetch(rules: FaultRule[]): typeof fetch {
  const used = new Map<FaultRule, number>();
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const rule = rules.find(
      (candidate) => matches(candidate, url, request.method) && (used.get(candidate) ?? 0) < (candidate.times ?? Infinity),
    );
    if (!rule) return fetch(input, init);
    used.set(rule, (used.get(rule) ?? 0) + 1);
    const { answer } = rule;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    if (answer === 'hang') return hang(init?.signal);
    const body = answer.json === undefined ? (answer.text ?? '') : JSON.stringify(answer.json);
    const type = answer.json === undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    return new Response(body, { status: answer.status, headers: { 'content-type': type, ...answer.headers } });
  };
}

/**
 * An `ExperienceClient` for an emulator app whose transport fails as the rules say. `timeoutMs`
 * defaults to ten minutes so a hanging request keeps its "busy" state on screen.
 */
export function faultyClient(appId: string, rules: FaultRule[], options: { timeoutMs?: number } = {}): ExperienceClient {
  return new ExperienceClient({
    appId,
    fetch: faultyFetch(rules),
    language: () => getLocale(),
    timeoutMs: options.timeoutMs ?? 10 * 60_000,
    retryDelayMs: 100,
  });
}

/** What Logto answers when a handler throws: `500 { message }`, with no error code. */
export const SERVER_ERROR: FaultAnswer = { status: 500, json: { message: 'Internal server error.' } };

/** What a rate limiter in front of Logto answers: `429`, plain text, and when to come back. */
export const TOO_MANY_REQUESTS: FaultAnswer = {
  status: 429,
  text: 'Too Many Requests',
  headers: { 'retry-after': '30' },
};
