/**
 * Network faults on a bare `<sign-in-form>`: offline (the transport rejects, as `fetch` does
 * without a network), a server that never answers (the client's timeout), 500, 503, and 429 with
 * `Retry-After`. Server faults come from the test server (test/tools/fault-middleware.mjs), which
 * also logs every attempt, so retries are counted where they happen.
 *
 * What must hold: the config GET (idempotent) is retried on transport failures and 502-504, then
 * explained with a "Try again" control; POSTs are never repeated by the kit, the user gets a
 * sentence, keeps what they typed, and the submit button (the retry control) works once the
 * fault is gone; and a slow submit, clicked twice or with Enter pressed twice, is sent once.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/define.js';
import { ExperienceClient, getLocale, type SignInForm } from '../../src/index.js';
import { addUser, latestCode, PASSWORD_ONLY, registerApp, startApp, type TestApp, uniqueName } from '../helpers/emulator.js';
import {
  armFaults,
  disarmAll,
  forgetKitStorage,
  type Endpoint,
  ENDPOINTS,
  type FaultResponse,
  faultLog,
  htmlPage,
  kitSentences,
  matchesTemplate,
  NavigationGuard,
  rule,
  type Sentence,
  SERVER_PROBLEM_IDS,
  sentenceProblem,
  EMAIL_CODE,
} from '../helpers/faults.js';
import { FormHarness } from '../helpers/harness.js';


const NETWORK = 'Could not reach the server. Check your connection and try again.';
const TIMEOUT = 'The server took too long to answer. Try again.';
const TIMEOUT_MS = 400;
/** What a 429 with `Retry-After: 30` must say (written here, not read from the kit). */
const RETRY_AFTER_30 = 'Too many requests. Try again in 30 seconds.';
const GET_ATTEMPTS = 3;

const injected = { offline: 0, timeout: 0, status500: 0, status503: 0, status429: 0, slow: 0 };
let sentences: Map<string, Sentence>;

/** A transport that can go offline: `fetch` rejects, as the browser's does without a network. */
class Transport {
  offline = false;
  readonly calls: string[] = [];
  readonly fetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    this.calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (this.offline) {
      injected.offline += 1;
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return fetch(input, init);
  };

  count(call: string): number {
    return this.calls.filter((item) => item === call).length;
  }
}

/** A client with a short timeout (for the timeout faults) and short GET backoff. */
function client(appId: string, transport?: Transport, timeoutMs = TIMEOUT_MS): ExperienceClient {
  return new ExperienceClient({
    appId,
    fetch: transport?.fetch,
    timeoutMs,
    retryDelayMs: 5,
    language: () => getLocale(),
  });
}

/** A slow answer is not a timeout: these forms wait as long as the kit does by default. */
const PATIENT_MS = 15_000;

const mounted: SignInForm[] = [];

function mount(api: ExperienceClient): FormHarness {
  const element = document.createElement('sign-in-form');
  element.client = api;
  document.body.append(element);
  mounted.push(element);
  return new FormHarness(element);
}

/** The sentences (English) of these ids, from the XLIFF source. */
function english(...ids: string[]): string[] {
  return ids.map((id) => {
    const sentence = sentences.get(id);
    if (!sentence) throw new Error(`no ${id} in the XLIFF files`);
    return sentence.en;
  });
}

async function alertReading(harness: FormHarness, templates: string[]): Promise<string> {
  let text = '';
  try {
    await waitUntil(
      () => {
        text = harness.alertText() ?? '';
        return templates.some((template) => matchesTemplate(text, template));
      },
      '',
      { timeout: 3000, interval: 10 },
    );
  } catch {
    const readable = templates.map((item) => `"${item.replace(/\u0000/g, '…')}"`).join(', ');
    throw new Error(`the alert reads "${text}", expected one of: ${readable}`);
  }
  expect(sentenceProblem(text), `"${text}"`).to.equal(undefined);
  return text;
}

function tryAgainButton(harness: FormHarness): HTMLButtonElement {
  return harness.button('Try again');
}

/** Stops the journey's final navigation; resolves with the redirect. */
function success(element: SignInForm): Promise<string> {
  return new Promise((resolve) => {
    element.addEventListener(
      'si-success',
      (event) => {
        event.preventDefault();
        resolve(event.detail.redirectTo);
      },
      { once: true },
    );
  });
}

async function armed(appId: string, endpoint: Endpoint, response: FaultResponse, times?: number): Promise<number> {
  return armFaults(appId, [rule(endpoint, response, times === undefined ? {} : { times })]);
}

/** Requests the test server saw for `endpoint` (faulted or not) since `since`. */
async function attempts(appId: string, since: number, endpoint: Endpoint): Promise<number> {
  const matches = (path: string) => (endpoint.path ? endpoint.path === path : new RegExp(endpoint.pattern ?? '$^').test(path));
  return (await faultLog(appId, since)).filter((entry) => entry.method === endpoint.method && matches(entry.path)).length;
}

describe('network faults', function () {
  this.timeout(20_000);
  const guard = new NavigationGuard();

  before(async () => {
    sentences = await kitSentences('de');
    guard.install();
  });
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
  });
  after(async () => {
    await disarmAll();
    forgetKitStorage();
    guard.remove();
    const total = Object.values(injected).reduce((sum, value) => sum + value, 0);
    console.log(
      `network faults: ${total} faults injected (offline ${injected.offline}, timeout ${injected.timeout}, 500 ${injected.status500}, ` +
        `503 ${injected.status503}, 429 ${injected.status429}, slow answers ${injected.slow}); ` +
        `${guard.attempts.length} navigation(s) of the test page stopped (the social click's, to the provider)`,
    );
  });

  describe('loading the config (GET, retried where safe)', () => {
    it('offline: tries 3 times, then explains with "Try again", which loads the form once back online', async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const transport = new Transport();
      transport.offline = true;
      const harness = mount(client(appId, transport));
      await harness.ready('.si-alert');
      expect(await alertReading(harness, [NETWORK])).to.equal(NETWORK);
      expect(transport.count('GET /api/.well-known/sign-in-exp')).to.equal(GET_ATTEMPTS);
      transport.offline = false;
      tryAgainButton(harness).click();
      await harness.ready('input[name="identifier"]');
      expect(transport.count('GET /api/.well-known/sign-in-exp')).to.equal(GET_ATTEMPTS + 1);
    });

    it('a server that never answers: gives up after the timeout, 3 times, then explains with "Try again"', async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const since = await armed(appId, ENDPOINTS.config, { hang: true });
      const started = performance.now();
      const harness = mount(client(appId));
      await harness.ready('.si-alert');
      expect(await alertReading(harness, [TIMEOUT])).to.equal(TIMEOUT);
      const elapsed = performance.now() - started;
      const tries = await attempts(appId, since, ENDPOINTS.config);
      injected.timeout += tries;
      expect(tries, 'GET attempts').to.equal(GET_ATTEMPTS);
      expect(elapsed, 'each attempt waits for the timeout').to.be.greaterThan(GET_ATTEMPTS * TIMEOUT_MS - 50);
      await armFaults(appId, []);
      tryAgainButton(harness).click();
      await harness.ready('input[name="identifier"]');
    });

    it('503 from a proxy: retried 3 times, then explained with "Try again"', async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const since = await armed(appId, ENDPOINTS.config, {
        status: 503,
        headers: { 'content-type': 'text/html' },
        body: htmlPage('503 Service Temporarily Unavailable'),
      });
      const harness = mount(client(appId));
      await harness.ready('.si-alert');
      await alertReading(harness, english(...SERVER_PROBLEM_IDS));
      const tries = await attempts(appId, since, ENDPOINTS.config);
      injected.status503 += tries;
      expect(tries, 'GET attempts').to.equal(GET_ATTEMPTS);
      await armFaults(appId, []);
      tryAgainButton(harness).click();
      await harness.ready('input[name="identifier"]');
    });

    it('500: explained with "Try again" after at most 3 attempts', async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const since = await armed(appId, ENDPOINTS.config, {
        status: 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Internal server error.' }),
      });
      const harness = mount(client(appId));
      await harness.ready('.si-alert');
      await alertReading(harness, english(...SERVER_PROBLEM_IDS));
      const tries = await attempts(appId, since, ENDPOINTS.config);
      injected.status500 += tries;
      expect(tries, 'GET attempts').to.be.within(1, GET_ATTEMPTS);
      await armFaults(appId, []);
      tryAgainButton(harness).click();
      await harness.ready('input[name="identifier"]');
    });

    it('429 with Retry-After: says how long to wait, with "Try again"', async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const since = await armed(appId, ENDPOINTS.config, {
        status: 429,
        headers: { 'content-type': 'text/plain', 'retry-after': '30' },
        body: 'Too Many Requests',
      });
      const harness = mount(client(appId));
      await harness.ready('.si-alert');
      const tries = await attempts(appId, since, ENDPOINTS.config);
      injected.status429 += tries;
      expect(tries, 'GET attempts').to.be.within(1, GET_ATTEMPTS);
      const text = await alertReading(harness, english('errors.retryAfter'));
      expect(text).to.equal(RETRY_AFTER_30);
      expect(tryAgainButton(harness)).to.exist;
    });
  });

  describe('sending the password (POST, never repeated by the kit)', () => {
    let app: TestApp;
    let username = '';
    const password = 'Net-fault-42';

    before(async () => {
      app = await startApp(PASSWORD_ONLY);
      username = uniqueName('netty');
      await addUser({ username, password });
    });

    /** Types the credentials, presses Sign in under `fault`, and checks what the user sees and keeps. */
    async function submitUnder(
      fault: { transport?: Transport; arm?: FaultResponse },
      expected: string[],
    ): Promise<{ harness: FormHarness; since: number; requests: number }> {
      const harness = mount(client(app.appId, fault.transport));
      await harness.ready('input[name="password"]');
      await harness.type('identifier', username);
      await harness.type('password', password);
      const since = await armFaults(app.appId, fault.arm ? [rule(ENDPOINTS.password, fault.arm, { times: 1 })] : []);
      const callsBefore = fault.transport?.calls.length ?? 0;
      if (fault.transport) fault.transport.offline = true;
      harness.submitButton().click();
      await alertReading(harness, expected);
      // Offline, the first request of the journey (PUT /api/experience) fails; otherwise the
      // faulted password verification does. Either way it must have been sent once.
      const requests = fault.transport
        ? fault.transport.calls.length - callsBefore
        : await attempts(app.appId, since, ENDPOINTS.password);
      expect(requests, 'attempts of the failed request (the kit must not repeat a PUT or POST)').to.equal(1);
      expect(harness.input('identifier').value).to.equal(username);
      expect(harness.input('password').value).to.equal(password);
      expect(harness.element.step?.name).to.equal('sign-in');
      expect(harness.submitButton().getAttribute('aria-disabled'), 'the submit button (the retry control) is usable').to.equal('false');
      return { harness, since, requests };
    }

    async function retrySucceeds(harness: FormHarness, transport?: Transport): Promise<void> {
      if (transport) transport.offline = false;
      await armFaults(app.appId, []);
      const done = success(harness.element);
      harness.submitButton().click();
      expect(await done).to.match(/\/oidc\/auth\//);
    }

    it('offline: one attempt, a sentence, the input kept, and Sign in works again once online', async () => {
      const transport = new Transport();
      const { harness } = await submitUnder({ transport }, [NETWORK]);
      expect(transport.calls.at(-1), 'the request that failed').to.equal('PUT /api/experience');
      await retrySucceeds(harness, transport);
    });

    it('a server that never answers: one attempt, the timeout sentence, and Sign in works again', async () => {
      const { harness, requests } = await submitUnder({ arm: { hang: true } }, [TIMEOUT]);
      injected.timeout += requests;
      await retrySucceeds(harness);
    });

    it('500: one attempt, a sentence, and Sign in works again', async () => {
      const { harness, requests } = await submitUnder(
        { arm: { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Internal server error.' }) } },
        english(...SERVER_PROBLEM_IDS),
      );
      injected.status500 += requests;
      await retrySucceeds(harness);
    });

    it('503: one attempt (a POST is not retried like a GET), a sentence, and Sign in works again', async () => {
      const { harness, requests } = await submitUnder(
        { arm: { status: 503, headers: { 'content-type': 'text/html', 'retry-after': '0' }, body: htmlPage('503 Service Unavailable') } },
        english(...SERVER_PROBLEM_IDS),
      );
      injected.status503 += requests;
      await retrySucceeds(harness);
    });

    it('429 with Retry-After (seconds): one attempt, says how long to wait, and Sign in works again', async () => {
      const { harness, requests } = await submitUnder(
        { arm: { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': '30' }, body: 'Too Many Requests' } },
        english('errors.retryAfter'),
      );
      injected.status429 += requests;
      expect(harness.alertText()).to.equal(RETRY_AFTER_30);
      await retrySucceeds(harness);
    });
  });

  describe('asking for a code (POST)', () => {
    it('429 request.message_rate_limited with Retry-After as a date: one attempt, says how long to wait, keeps the email', async () => {
      const app = await startApp(EMAIL_CODE);
      const email = `${uniqueName('limited')}@example.com`;
      await addUser({ email, password: 'Unused-pass-7' });
      const harness = mount(client(app.appId));
      await harness.ready('input[name="identifier"]');
      await harness.type('identifier', email);
      const when = new Date(Date.now() + 120_000).toUTCString();
      const since = await armFaults(app.appId, [
        rule(
          ENDPOINTS.sendCode,
          {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': when },
            body: JSON.stringify({ code: 'request.message_rate_limited', message: 'Too many codes were sent.' }),
          },
          { times: 1 },
        ),
      ]);
      harness.submitButton().click();
      const text = await alertReading(harness, english('errors.retryAfter'));
      const seconds = Number(/^Too many requests\. Try again in (\d+) seconds\.$/.exec(text)?.[1]);
      expect(seconds, text).to.be.within(100, 121);
      const tries = await attempts(app.appId, since, ENDPOINTS.sendCode);
      injected.status429 += tries;
      expect(tries).to.equal(1);
      expect(harness.input('identifier').value).to.equal(email);
    });
  });

  describe('a slow answer cannot be sent twice', () => {
    const SLOW: FaultResponse = { delayMs: 700, passThrough: true };
    const patient = (appId: string) => client(appId, undefined, PATIENT_MS);

    async function slow(app: TestApp, endpoint: Endpoint): Promise<void> {
      injected.slow += 1;
      await armFaults(app.appId, [rule(endpoint, SLOW)]);
    }

    it('Enter pressed twice and a click on a slow "Sign in" send one password verification', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const username = uniqueName('twice');
      await addUser({ username, password: 'Twice-pass-42' });
      const harness = mount(patient(app.appId));
      await harness.ready('input[name="password"]');
      await harness.type('identifier', username);
      await harness.type('password', 'Twice-pass-42');
      await slow(app, ENDPOINTS.password);
      const done = success(harness.element);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => harness.submitButton().getAttribute('aria-disabled') === 'true', 'the button never showed it was busy');
      await sendKeys({ press: 'Enter' });
      harness.submitButton().click();
      harness.submitButton().click();
      await done;
      const requests = (await app.requests()).map((request) => `${request.method} ${request.path}`);
      expect(requests.filter((request) => request === 'POST /api/experience/verification/password')).to.have.length(1);
      expect(requests.filter((request) => request === 'PUT /api/experience')).to.have.length(1);
      expect(requests.filter((request) => request === 'POST /api/experience/submit')).to.have.length(1);
    });

    it('a double-click on a slow "Continue" sends one code, and Enter after a pasted code one verification', async () => {
      const app = await startApp(EMAIL_CODE);
      const email = `${uniqueName('slowcode')}@example.com`;
      await addUser({ email, password: 'Unused-pass-7' });
      const harness = mount(patient(app.appId));
      await harness.ready('input[name="identifier"]');
      await harness.type('identifier', email);
      await slow(app, ENDPOINTS.sendCode);
      harness.submitButton().click();
      harness.submitButton().click();
      await waitUntil(() => harness.element.step?.name === 'verification-code', 'the code step did not show', { timeout: 4000 });
      await harness.element.updateComplete;
      expect((await app.requests()).filter((request) => request.path === ENDPOINTS.sendCode.path)).to.have.length(1);

      await slow(app, ENDPOINTS.verifyCode);
      const done = success(harness.element);
      const code = await latestCode(email);
      const input = harness.input('code');
      input.focus();
      input.value = code;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: code }));
      await sendKeys({ press: 'Enter' });
      harness.submitButton().click();
      await done;
      expect((await app.requests()).filter((request) => request.path === ENDPOINTS.verifyCode.path)).to.have.length(1);
    });

    it('a double-click on a slow social button asks for one authorization URI', async () => {
      const app = await startApp();
      const harness = mount(patient(app.appId));
      await harness.ready('input[name="identifier"]');
      await slow(app, ENDPOINTS.socialUri);
      const button = harness.element
        .querySelector('social-buttons')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-connector="oauth2-demo"]');
      expect(button, 'no OAuth2 button').to.exist;
      const navigations = guard.attempts.length;
      button!.click();
      button!.click();
      await waitUntil(() => guard.attempts.length > navigations, 'the kit never left for the provider', { timeout: 4000 });
      expect(
        (await app.requests()).filter((request) => /\/verification\/social\/[^/]+\/authorization-uri$/.test(request.path)),
      ).to.have.length(1);
      expect(guard.attempts.length - navigations, 'navigations to the provider').to.equal(1);
    });
  });
});
