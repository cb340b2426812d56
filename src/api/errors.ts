import type { ErrorBody } from './schemas.js';

/**
 * Codes the client itself produces, for failures that never reached a Logto handler.
 * Server codes (`session.invalid_credentials`, …) pass through unchanged.
 */
export const ClientErrorCode = {
  /** `fetch` rejected: offline, DNS failure, connection reset, blocked by the browser. */
  network: 'client.network_error',
  /** No response within the client's timeout. */
  timeout: 'client.timeout',
  /** The caller aborted the request through its `AbortSignal`. */
  aborted: 'client.aborted',
  /** The body was not JSON where JSON was required (an HTML error page, a proxy's text). */
  nonJson: 'client.non_json_response',
  /** JSON that does not match the contract (a field missing or of the wrong type). */
  invalidResponse: 'client.invalid_response',
  /** An error status whose JSON body carries no `code` (e.g. `500 { message }`). */
  unknown: 'client.unknown_error',
  /** A `redirectTo` or provider URL that is not http(s) (`javascript:`, `data:`…): never followed. */
  unsafeRedirect: 'client.unsafe_redirect',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** The one error type every API call rejects with. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** Logto's error code (`session.invalid_credentials`) or a `client.*` code. */
    readonly code: string,
    message: string,
    /** Code-specific payload from the server (`missingProfile`, password issues, …). */
    readonly data?: unknown,
    /** Seconds the server asked us to wait (`Retry-After`), when it said so. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  static fromBody(status: number, body: ErrorBody, retryAfter?: number): ApiError {
    return new ApiError(
      status,
      body.code ?? ClientErrorCode.unknown,
      body.message ?? body.error_description ?? `HTTP ${status}`,
      body.data,
      retryAfter,
    );
  }

  /** True for failures where nothing reached the server's logic, so a retry is safe. */
  get isTransport(): boolean {
    return this.code === ClientErrorCode.network || this.code === ClientErrorCode.timeout;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
