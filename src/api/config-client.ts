/**
 * The transport every kit request goes through, and the one public `/.well-known` read the first
 * screen needs. No DOM, no Lit: it runs wherever `fetch` does, and tests inject their own `fetch`.
 *
 * The Experience API calls live in `ExperienceClient` (client.ts), which extends this class; the
 * first screen of `<sign-in-form>` needs only the config, so only this part is on its critical path.
 */
import type { $ZodType } from 'zod/v4/core';

import { ApiError, ClientErrorCode } from './errors.js';
import { safeParse } from './zod.js';
import { errorBodySchema, type SignInExperience, signInExperienceSchema } from './schemas.js';

export interface ExperienceClientOptions {
  /** Origin (and optional path prefix) of the Logto endpoint. Defaults to the page's origin. */
  baseUrl?: string;
  /** The `app_id` the server put in the sign-in URL; sent as `Logto-App-Id`. */
  appId?: string;
  /** Organization whose branding applies (the `organization_id` query parameter). */
  organizationId?: string;
  /** Current UI language, sent as `Accept-Language` so server messages come back localized. */
  language?: () => string | undefined;
  /** Injectable transport; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned with `client.timeout`. */
  timeoutMs?: number;
  /** Attempts for idempotent GETs that fail on the network (the first try included). */
  getAttempts?: number;
  /** Base delay of the exponential backoff between GET attempts, in milliseconds. */
  retryDelayMs?: number;
}

export interface RequestOptions<T> {
  body?: unknown;
  /** Schema of the success body; omitted for endpoints that answer 201/204 with no JSON. */
  schema?: $ZodType<T>;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/** Statuses for which a GET is retried: the request never reached a healthy server. */
const RETRYABLE_STATUS = new Set([502, 503, 504]);

/** Reads the tenant's public config; the base of `ExperienceClient`. */
export class ConfigClient {
  readonly appId?: string;
  readonly organizationId?: string;
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #language?: () => string | undefined;
  readonly #timeoutMs: number;
  readonly #getAttempts: number;
  readonly #retryDelayMs: number;

  constructor(options: ExperienceClientOptions = {}) {
    this.appId = options.appId || undefined;
    this.organizationId = options.organizationId || undefined;
    this.#baseUrl = (options.baseUrl ?? globalThis.location?.origin ?? '').replace(/\/+$/, '');
    // Bind so a bare `window.fetch` is never called with the client as `this`.
    const transport = options.fetch ?? globalThis.fetch;
    this.#fetch = (input, init) => transport(input, init);
    this.#language = options.language;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#getAttempts = Math.max(1, options.getAttempts ?? 3);
    this.#retryDelayMs = options.retryDelayMs ?? 400;
  }

  // ----- configuration -------------------------------------------------------------------------

  /** The tenant's sign-in experience: branding, colours, methods, connectors, policies. */
  getSignInExperience(signal?: AbortSignal): Promise<SignInExperience> {
    return this.get('/api/.well-known/sign-in-exp', signInExperienceSchema, signal, {
      appId: this.appId,
      organizationId: this.organizationId,
    });
  }

  // ----- transport -----------------------------------------------------------------------------

  protected async get<T>(
    path: string,
    schema: $ZodType<T>,
    signal?: AbortSignal,
    query?: Record<string, string | undefined>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.#request<T>('GET', path, { schema, signal, query })) as T;
      } catch (error) {
        const retryable =
          error instanceof ApiError && (error.isTransport || RETRYABLE_STATUS.has(error.status));
        if (!retryable || attempt >= this.#getAttempts || signal?.aborted) throw error;
        await delay(this.#retryDelayMs * 2 ** (attempt - 1), signal);
        if (signal?.aborted) throw abortedError();
      }
    }
  }

  protected send(method: string, path: string, options?: RequestOptions<undefined>): Promise<void>;
  protected send<T>(
    method: string,
    path: string,
    options: RequestOptions<T> & { schema: $ZodType<T>; optionalBody: true },
  ): Promise<T | undefined>;
  protected send<T>(method: string, path: string, options: RequestOptions<T> & { schema: $ZodType<T> }): Promise<T>;
  protected async send<T>(
    method: string,
    path: string,
    options: RequestOptions<T> & { optionalBody?: boolean } = {},
  ): Promise<T | undefined> {
    return this.#request(method, path, options);
  }

  async #request<T>(
    method: string,
    path: string,
    { body, schema, query, signal, optionalBody }: RequestOptions<T> & { optionalBody?: boolean },
  ): Promise<T | undefined> {
    const url = new URL(this.#baseUrl + path, globalThis.location?.href ?? 'http://localhost/');
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value) url.searchParams.set(key, value);
    }

    const headers: Record<string, string> = { accept: 'application/json' };
    const language = this.#language?.();
    if (language) headers['accept-language'] = language;
    if (this.appId) headers['logto-app-id'] = this.appId;
    if (body !== undefined) headers['content-type'] = 'application/json';

    // Chromium records the script stack that starts a request. The config request starts while
    // the page's module is still being evaluated (the element upgrades inside `define`), and
    // that stack made V8 re-parse the whole first chunk for source positions: about 40 ms of
    // script time at 4x CPU throttle, a third of the first screen. One microtask later the stack
    // holds only this function.
    await Promise.resolve();
    if (signal?.aborted) throw abortedError();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.#timeoutMs);
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url.href, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: timeout.signal,
      });
      text = await response.text();
    } catch {
      if (signal?.aborted) throw abortedError();
      if (timeout.signal.aborted) {
        throw new ApiError(0, ClientErrorCode.timeout, 'The server did not answer in time.');
      }
      throw new ApiError(0, ClientErrorCode.network, 'The server could not be reached.');
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    if (!response.ok) throw errorFrom(response, text);
    // A web page where an API answer belongs (a proxy that sent /api to the app, a captive
    // portal) is never a success, even on endpoints that answer with no content.
    if (/html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text)) {
      throw new ApiError(response.status, ClientErrorCode.nonJson, 'The server answered with a web page.');
    }
    if (!schema) return undefined;
    if (text.trim() === '') {
      if (optionalBody) return undefined;
      throw new ApiError(response.status, ClientErrorCode.nonJson, 'The server sent an empty answer.');
    }
    // An answer the kit acts on must say it is JSON: a body that merely parses as JSON under
    // another type comes from something other than the API (a proxy, a static file server).
    const json = /\bjson\b/i.test(response.headers.get('content-type') ?? '') ? parseJson(text) : undefined;
    if (json === undefined) {
      throw new ApiError(response.status, ClientErrorCode.nonJson, 'The server did not answer with JSON.');
    }
    const parsed = safeParse(schema, json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      throw new ApiError(
        response.status,
        ClientErrorCode.invalidResponse,
        `The server's answer is missing or has invalid fields: ${[...new Set(fields)].join(', ')}.`,
        parsed.error.issues,
      );
    }
    return parsed.data;
  }
}

function abortedError(): ApiError {
  return new ApiError(0, ClientErrorCode.aborted, 'The request was cancelled.');
}

function errorFrom(response: Response, text: string): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const json = parseJson(text);
  const parsed = safeParse(errorBodySchema, json);
  if (json === undefined || !parsed.success || typeof json !== 'object' || json === null) {
    return new ApiError(
      response.status,
      ClientErrorCode.nonJson,
      `HTTP ${response.status}`,
      undefined,
      retryAfter,
    );
  }
  return ApiError.fromBody(response.status, parsed.data, retryAfter);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as seconds; both the delta-seconds and the HTTP-date forms are accepted. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
