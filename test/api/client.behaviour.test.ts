/**
 * Transport behaviour of `ExperienceClient` with an injected `fetch`: failures that never reach a
 * Logto handler, retries, Retry-After, headers and URLs.
 */
import { expect } from '@open-wc/testing';

import { ExperienceClient, type ExperienceClientOptions, parseRetryAfter } from '../../src/api/client.js';
import { ApiError, ClientErrorCode } from '../../src/api/errors.js';

const BASE = 'https://auth.example.com';
const APP_ID = 'dsq5lnvyk3um8815zetqt';

/** A sign-in experience body as Logto 1.42 sent it (j00-discovery/03-sign-in-exp.json). */
let signInExperienceBody: unknown;

before(async () => {
  const response = await fetch('/test/fixtures/logto-1.42/j00-discovery/03-sign-in-exp.json');
  signInExperienceBody = ((await response.json()) as { response: { body: unknown } }).response.body;
});

// ----- helpers ---------------------------------------------------------------------------------

interface Call {
  url: URL;
  method: string;
  headers: Headers;
  signal: AbortSignal | undefined;
  at: number;
}

type Handler = (call: Call, attempt: number) => Response | Promise<Response>;

/** A `fetch` double that logs each call and delegates the answer to `handler`. */
function transport(handler: Handler) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const call: Call = {
      url: new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      signal: init?.signal ?? undefined,
      at: performance.now(),
    };
    calls.push(call);
    return handler(call, calls.length);
  };
  return { calls, fetch: fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

const text = (status: number, body: string, contentType = 'text/plain; charset=utf-8') =>
  new Response(body, { status, headers: { 'content-type': contentType } });

const networkFailure = () => Promise.reject(new TypeError('Failed to fetch'));

/** Like the browser's fetch: never answers, but rejects with AbortError once its signal aborts. */
const hangUntilAborted = (call: Call) =>
  new Promise<Response>((_, reject) => {
    const signal = call.signal;
    if (!signal) return;
    const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });

function client(handler: Handler, options: ExperienceClientOptions = {}) {
  const t = transport(handler);
  return { calls: t.calls, client: new ExperienceClient({ baseUrl: BASE, fetch: t.fetch, ...options }) };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error, 'rejects with an ApiError').to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  expect.fail('expected the call to reject');
}

const identifier = { type: 'username', value: 'alice_061126' } as const;

// ----- failures outside Logto ------------------------------------------------------------------

describe('ExperienceClient transport failures', () => {
  it('a rejecting fetch becomes client.network_error with status 0', async () => {
    const { client: c, calls } = client(networkFailure);
    const error = await rejection(c.verifyPassword(identifier, 'pw'));
    expect([error.status, error.code]).to.deep.equal([0, ClientErrorCode.network]);
    expect(error.isTransport).to.equal(true);
    expect(calls).to.have.length(1);
  });

  it('a fetch that never answers is abandoned after timeoutMs with client.timeout', async () => {
    const { client: c, calls } = client(hangUntilAborted, { timeoutMs: 50 });
    const started = performance.now();
    const error = await rejection(c.startInteraction('SignIn'));
    const elapsed = performance.now() - started;
    expect([error.status, error.code]).to.deep.equal([0, ClientErrorCode.timeout]);
    expect(elapsed, 'waited for the timeout').to.be.at.least(45);
    expect(elapsed, 'did not wait much longer than the timeout').to.be.below(2_000);
    expect(calls).to.have.length(1);
    expect(calls[0]?.signal?.aborted, 'the request was aborted').to.equal(true);
  });

  it('a timed-out GET with getAttempts 1 is not retried', async () => {
    const { client: c, calls } = client(hangUntilAborted, { timeoutMs: 30, getAttempts: 1 });
    const error = await rejection(c.getSignInExperience());
    expect(error.code).to.equal(ClientErrorCode.timeout);
    expect(calls).to.have.length(1);
  });

  it('the caller aborting an in-flight request gives client.aborted', async () => {
    const { client: c, calls } = client(hangUntilAborted, { retryDelayMs: 1 });
    const controller = new AbortController();
    const pending = c.getSignInExperience(controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls, 'the request went out').to.have.length(1);
    controller.abort();
    const error = await rejection(pending);
    expect([error.status, error.code]).to.deep.equal([0, ClientErrorCode.aborted]);
    expect(error.isTransport, 'an abort is not a transport failure').to.equal(false);
    expect(calls, 'an aborted GET is not retried').to.have.length(1);
    expect(calls[0]?.signal?.aborted).to.equal(true);
  });

  it('an HTML error page becomes client.non_json_response with the HTTP status', async () => {
    const page = '<!doctype html><html><body><h1>500 Internal Server Error</h1></body></html>';
    const { client: c } = client(() => text(500, page, 'text/html'));
    const error = await rejection(c.verifyPassword(identifier, 'pw'));
    expect([error.status, error.code]).to.deep.equal([500, ClientErrorCode.nonJson]);
  });

  it('a text error page (the recorded unknown-route 404 "Not Found") becomes client.non_json_response', async () => {
    const response = await fetch('/test/fixtures/logto-1.42/j07-errors/27-unknown-route.json');
    const recorded = ((await response.json()) as { response: { status: number; body: string } }).response;
    expect([recorded.status, recorded.body]).to.deep.equal([404, 'Not Found']);
    const { client: c, calls } = client(() => text(recorded.status, recorded.body));
    const error = await rejection(c.getInteraction());
    expect([error.status, error.code]).to.deep.equal([404, ClientErrorCode.nonJson]);
    expect(calls, 'a 404 GET is not retried').to.have.length(1);
  });

  it('a 502 from a proxy with a text body on a POST keeps its status', async () => {
    const { client: c } = client(() => text(502, 'Bad Gateway'));
    const error = await rejection(c.submit());
    expect([error.status, error.code]).to.deep.equal([502, ClientErrorCode.nonJson]);
  });

  it('500 {"message":"Internal server error."} becomes client.unknown_error with that message', async () => {
    const { client: c } = client(() => json(500, { message: 'Internal server error.' }));
    const error = await rejection(c.identify({ verificationId: 'v1' }));
    expect([error.status, error.code, error.message]).to.deep.equal([
      500,
      ClientErrorCode.unknown,
      'Internal server error.',
    ]);
  });

  it('a 200 verification body without verificationId becomes client.invalid_response naming the field', async () => {
    const { client: c } = client(() => json(200, { id: 'not-the-right-key' }));
    const error = await rejection(c.verifyPassword(identifier, 'pw'));
    expect([error.status, error.code]).to.deep.equal([200, ClientErrorCode.invalidResponse]);
    expect(error.message).to.contain('verificationId');
  });

  it('a 200 submit body without redirectTo becomes client.invalid_response naming the field', async () => {
    const { client: c } = client(() => json(200, { redirect: 'http://x' }));
    const error = await rejection(c.submit());
    expect(error.code).to.equal(ClientErrorCode.invalidResponse);
    expect(error.message).to.contain('redirectTo');
  });

  it('a sign-in experience without color.primaryColor becomes client.invalid_response naming the path', async () => {
    const body = structuredClone(signInExperienceBody) as { color: Record<string, unknown> };
    delete body.color.primaryColor;
    const { client: c } = client(() => json(200, body));
    const error = await rejection(c.getSignInExperience());
    expect(error.code).to.equal(ClientErrorCode.invalidResponse);
    expect(error.message).to.contain('color.primaryColor');
  });

  it('an empty 200 where a body is required becomes client.non_json_response', async () => {
    const { client: c } = client(() => new Response('', { status: 200 }));
    const error = await rejection(c.verifyPassword(identifier, 'pw'));
    expect([error.status, error.code]).to.deep.equal([200, ClientErrorCode.nonJson]);
  });
});

// ----- retries ---------------------------------------------------------------------------------

describe('ExperienceClient retries', () => {
  it('retries a GET after network errors and succeeds on the 3rd attempt', async () => {
    const { client: c, calls } = client(
      (_, attempt) => (attempt < 3 ? networkFailure() : json(200, signInExperienceBody)),
      { retryDelayMs: 1 },
    );
    const sie = await c.getSignInExperience();
    expect(sie.color.primaryColor).to.equal('#6139F6');
    expect(calls).to.have.length(3);
    expect(calls.every((call) => call.url.pathname === '/api/.well-known/sign-in-exp')).to.equal(true);
  });

  it('retries a GET after 503 and succeeds on the 3rd attempt', async () => {
    const { client: c, calls } = client(
      (_, attempt) =>
        attempt < 3 ? json(503, { message: 'Service Unavailable' }) : json(200, signInExperienceBody),
      { retryDelayMs: 1 },
    );
    const sie = await c.getSignInExperience();
    expect(sie.socialConnectors[0]?.id).to.equal('ov8uaa2pl8kl');
    expect(calls).to.have.length(3);
  });

  it('waits with exponential backoff between GET attempts', async () => {
    const { client: c, calls } = client(
      (_, attempt) => (attempt < 3 ? text(503, 'Service Unavailable') : json(200, signInExperienceBody)),
      { retryDelayMs: 40 },
    );
    await c.getSignInExperience();
    expect(calls).to.have.length(3);
    const [first, second, third] = calls.map((call) => call.at) as [number, number, number];
    expect(second - first, 'first wait ≈ retryDelayMs').to.be.at.least(35);
    expect(third - second, 'second wait ≈ 2 × retryDelayMs').to.be.at.least(75);
  });

  it('gives up after getAttempts on persistent 503 and reports the last answer', async () => {
    const { client: c, calls } = client(() => json(503, { message: 'Service Unavailable' }), {
      retryDelayMs: 1,
      getAttempts: 2,
    });
    const error = await rejection(c.getSignInExperience());
    expect([error.status, error.code]).to.deep.equal([503, ClientErrorCode.unknown]);
    expect(calls).to.have.length(2);
  });

  it('gives up after getAttempts on persistent network errors', async () => {
    const { client: c, calls } = client(networkFailure, { retryDelayMs: 1, getAttempts: 4 });
    const error = await rejection(c.getPhrases('en'));
    expect(error.code).to.equal(ClientErrorCode.network);
    expect(calls).to.have.length(4);
  });

  it('does not retry a GET answered with a Logto error (400 session.not_found)', async () => {
    const { client: c, calls } = client(
      () => json(400, { code: 'session.not_found', message: 'Session not found.' }),
      { retryDelayMs: 1 },
    );
    const error = await rejection(c.getInteraction());
    expect([error.status, error.code]).to.deep.equal([400, 'session.not_found']);
    expect(calls).to.have.length(1);
  });

  it('never retries a POST on a network error', async () => {
    const { client: c, calls } = client(networkFailure, { retryDelayMs: 1, getAttempts: 5 });
    const error = await rejection(c.verifyPassword(identifier, 'pw'));
    expect(error.code).to.equal(ClientErrorCode.network);
    expect(calls).to.have.length(1);
  });

  it('never retries a PUT on a network error', async () => {
    const { client: c, calls } = client(networkFailure, { retryDelayMs: 1, getAttempts: 5 });
    const error = await rejection(c.startInteraction('SignIn'));
    expect(error.code).to.equal(ClientErrorCode.network);
    expect(calls).to.have.length(1);
    expect(calls[0]?.method).to.equal('PUT');
  });

  it('never retries a POST answered 503', async () => {
    const { client: c, calls } = client(() => text(503, 'Service Unavailable'), { retryDelayMs: 1 });
    const error = await rejection(c.submit());
    expect(error.status).to.equal(503);
    expect(calls).to.have.length(1);
  });
});

// ----- Retry-After -----------------------------------------------------------------------------

describe('Retry-After', () => {
  it('a 429 with Retry-After: 7 rejects with retryAfter 7', async () => {
    const { client: c, calls } = client(() =>
      json(
        429,
        { code: 'request.message_rate_limited', message: 'Too many requests.' },
        { 'retry-after': '7' },
      ),
    );
    const error = await rejection(c.sendVerificationCode({ type: 'email', value: 'a@example.com' }, 'SignIn'));
    expect([error.status, error.code, error.retryAfter]).to.deep.equal([429, 'request.message_rate_limited', 7]);
    expect(calls).to.have.length(1);
  });

  it('an error without Retry-After has retryAfter undefined', async () => {
    const { client: c } = client(() => json(429, { code: 'connector.rate_limit_exceeded', message: 'x' }));
    const error = await rejection(c.sendVerificationCode({ type: 'phone', value: '15550001111' }, 'SignIn'));
    expect(error.retryAfter).to.equal(undefined);
  });

  it('parseRetryAfter reads delta-seconds', () => {
    expect(parseRetryAfter('7')).to.equal(7);
    expect(parseRetryAfter('0')).to.equal(0);
    expect(parseRetryAfter(' 120 ')).to.equal(120);
  });

  it('parseRetryAfter reads an HTTP-date as seconds from now', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const seconds = parseRetryAfter(inTenSeconds);
    // HTTP-dates have whole-second precision.
    expect(seconds).to.be.within(9, 10);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT'), 'a past date means now').to.equal(0);
  });

  it('parseRetryAfter ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('')).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });
});

// ----- headers and URLs ------------------------------------------------------------------------

describe('ExperienceClient headers and URLs', () => {
  it('sends Accept-Language from the language option, read at each request', async () => {
    let language: string | undefined = 'fr-CA';
    const { client: c, calls } = client(() => new Response(null, { status: 204 }), { language: () => language });
    await c.startInteraction('SignIn');
    language = 'de';
    await c.setInteractionEvent('Register');
    language = undefined;
    await c.updateProfile({ type: 'username', value: 'x' });
    expect(calls.map((call) => call.headers.get('accept-language'))).to.deep.equal(['fr-CA', 'de', null]);
  });

  it('sends no Accept-Language and no Logto-App-Id when not configured', async () => {
    const { client: c, calls } = client(() => json(200, signInExperienceBody));
    await c.getSignInExperience();
    expect(calls[0]?.headers.get('accept-language')).to.equal(null);
    expect(calls[0]?.headers.get('logto-app-id')).to.equal(null);
  });

  it('sends Logto-App-Id on every request when an app id is given', async () => {
    const { client: c, calls } = client(
      (call) => (call.method === 'GET' ? json(200, signInExperienceBody) : new Response(null, { status: 204 })),
      { appId: APP_ID },
    );
    await c.getSignInExperience();
    await c.startInteraction('SignIn');
    await c.identify({ verificationId: 'v1' });
    expect(calls.map((call) => call.headers.get('logto-app-id'))).to.deep.equal([APP_ID, APP_ID, APP_ID]);
  });

  it('sign-in-exp GET sends appId and organizationId as query parameters when given', async () => {
    const { client: c, calls } = client(() => json(200, signInExperienceBody), {
      appId: APP_ID,
      organizationId: 'org_123',
    });
    await c.getSignInExperience();
    const url = calls[0]?.url;
    expect(url?.pathname).to.equal('/api/.well-known/sign-in-exp');
    expect(Object.fromEntries(url?.searchParams ?? [])).to.deep.equal({
      appId: APP_ID,
      organizationId: 'org_123',
    });
  });

  it('sign-in-exp GET sends only appId when no organization is given', async () => {
    const { client: c, calls } = client(() => json(200, signInExperienceBody), { appId: APP_ID });
    await c.getSignInExperience();
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).to.deep.equal({ appId: APP_ID });
  });

  it('sign-in-exp GET sends no query at all without app or organization', async () => {
    const { client: c, calls } = client(() => json(200, signInExperienceBody), { appId: '', organizationId: '' });
    await c.getSignInExperience();
    expect(calls[0]?.url.href).to.equal(`${BASE}/api/.well-known/sign-in-exp`);
  });

  it('phrases GET sends lng only when a language is asked for', async () => {
    const { client: c, calls } = client(() => json(200, { translation: {} }));
    await c.getPhrases('fr en');
    await c.getPhrases();
    expect(calls.map((call) => call.url.search)).to.deep.equal(['?lng=fr+en', '']);
  });

  it('a baseUrl with a trailing slash gives a single slash before /api', async () => {
    const { client: c, calls } = client(() => new Response(null, { status: 204 }), {
      baseUrl: 'https://auth.example.com/',
    });
    await c.startInteraction('SignIn');
    expect(calls[0]?.url.href).to.equal('https://auth.example.com/api/experience');
  });

  it('a baseUrl with a path prefix and trailing slashes keeps the prefix', async () => {
    const { client: c, calls } = client(() => json(200, signInExperienceBody), {
      baseUrl: 'https://auth.example.com/logto//',
    });
    await c.getSignInExperience();
    expect(calls[0]?.url.href).to.equal('https://auth.example.com/logto/api/.well-known/sign-in-exp');
  });

  it('defaults to the page origin without a baseUrl', async () => {
    const t = transport(() => new Response(null, { status: 204 }));
    await new ExperienceClient({ fetch: t.fetch }).startInteraction('Register');
    expect(t.calls[0]?.url.href).to.equal(`${location.origin}/api/experience`);
  });

  it('encodes the connector id in social paths', async () => {
    const { client: c, calls } = client(() => json(200, { authorizationUri: 'https://idp/x', verificationId: 'v' }));
    await c.getSocialAuthorizationUri('a/b c', { state: 's', redirectUri: 'https://app/cb' });
    expect(calls[0]?.url.pathname).to.equal('/api/experience/verification/social/a%2Fb%20c/authorization-uri');
  });
});

describe('ExperienceClient: caller aborts', () => {
  it('does not send a request when the signal is already aborted', async () => {
    let calls = 0;
    const client = new ExperienceClient({
      fetch: () => {
        calls++;
        return Promise.resolve(new Response('{}', { status: 200 }));
      },
    });
    const controller = new AbortController();
    controller.abort();
    const error = await client.getInteraction(controller.signal).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as { code?: string }).code).to.equal('client.aborted');
    expect(calls).to.equal(0);
  });

  it('stops retrying a GET when the caller aborts during the backoff', async () => {
    let calls = 0;
    const controller = new AbortController();
    const client = new ExperienceClient({
      retryDelayMs: 50,
      fetch: () => {
        calls++;
        if (calls === 1) setTimeout(() => controller.abort(), 10);
        return Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    const error = await client.getSignInExperience(controller.signal).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as { code?: string }).code).to.equal('client.aborted');
    expect(calls).to.equal(1);
  });
});
