/**
 * Malformed server answers, generated from the bodies recorded from Logto 1.42 (test/fixtures):
 * every contract field dropped, nulled and given each wrong type, the whole body replaced by other
 * JSON values, HTML and text instead of JSON, empty and truncated bodies, bodies of several MB,
 * broken error envelopes, and correct bodies under a non-JSON content type. The test server
 * answers them in place of the emulator (test/tools/fault-middleware.mjs), on eight endpoints.
 *
 * For every case the test checks what a person at the form would see, and what the server would
 * receive next:
 * - nothing crashes (no uncaught error), the page does not navigate, no `si-success`;
 * - the form is still there, on the same step, with what the user typed (identifier, password,
 *   code) unchanged;
 * - a visible alert holds one of the kit's sentences for a server problem (read from the XLIFF
 *   files, so it is a translated sentence; a sample runs in German), not raw JSON/HTML, not empty;
 * - the kit stops at the bad answer: no further API request after it.
 */
import { expect } from '@open-wc/testing';

import '../../src/define.js';
import { ExperienceClient, getLocale, setLocale, type SignInForm } from '../../src/index.js';
import { addUser, latestCode, PASSWORD_ONLY, registerApp, startApp, uniqueName } from '../helpers/emulator.js';
import {
  type BadBody,
  clip,
  contentTypeMutations,
  CrashWatch,
  type Endpoint,
  ENDPOINTS,
  errorMutations,
  faultLog,
  armFaults,
  disarmAll,
  forgetKitStorage,
  type FieldSpec,
  fieldMutations,
  htmlPage,
  kitSentences,
  matchesTemplate,
  NavigationGuard,
  nextKitEvent,
  noContentMutations,
  rawMutations,
  recorded,
  rule,
  type Sentence,
  sentenceProblem,
  SERVER_PROBLEM_IDS,
  shapeMutations,
  visibleAlerts,
  EMAIL_CODE,
} from '../helpers/faults.js';
import { FormHarness } from '../helpers/harness.js';



/** The fields of the sign-in-exp payload the contract always sends and the kit reads. */
const CONFIG_FIELDS: FieldSpec[] = [
  { path: ['color'], type: 'object', emptyInvalid: true },
  { path: ['color', 'primaryColor'], type: 'string', invalid: ['red', '#12345'] },
  { path: ['color', 'isDarkModeEnabled'], type: 'boolean' },
  { path: ['color', 'darkPrimaryColor'], type: 'string', invalid: ['rgb(0, 0, 0)'] },
  { path: ['branding'], type: 'object' },
  { path: ['branding', 'logoUrl'], type: 'string', optional: true },
  { path: ['languageInfo'], type: 'object', emptyInvalid: true },
  { path: ['languageInfo', 'autoDetect'], type: 'boolean' },
  { path: ['languageInfo', 'fallbackLanguage'], type: 'string' },
  { path: ['signIn'], type: 'object', emptyInvalid: true },
  { path: ['signIn', 'methods'], type: 'array' },
  { path: ['signIn', 'methods', 0], type: 'object', item: true, emptyInvalid: true },
  { path: ['signIn', 'methods', 0, 'identifier'], type: 'string', invalid: ['nickname'] },
  { path: ['signIn', 'methods', 0, 'password'], type: 'boolean' },
  { path: ['signIn', 'methods', 0, 'verificationCode'], type: 'boolean' },
  { path: ['signIn', 'methods', 0, 'isPasswordPrimary'], type: 'boolean' },
  { path: ['signUp'], type: 'object', emptyInvalid: true },
  { path: ['signUp', 'identifiers'], type: 'array' },
  { path: ['signUp', 'identifiers', 0], type: 'string', item: true, invalid: ['nickname'] },
  { path: ['signUp', 'password'], type: 'boolean' },
  { path: ['socialConnectors'], type: 'array' },
  { path: ['socialConnectors', 0], type: 'object', item: true, emptyInvalid: true },
  { path: ['socialConnectors', 0, 'id'], type: 'string', invalid: [''] },
  { path: ['socialConnectors', 0, 'target'], type: 'string' },
  { path: ['socialConnectors', 0, 'name'], type: 'object' },
  { path: ['socialConnectors', 0, 'logo'], type: 'string' },
  { path: ['socialConnectors', 0, 'platform'], type: 'string', optional: true, invalid: ['Desktop'] },
  { path: ['signInMode'], type: 'string', invalid: ['Everything', 'signin'] },
  { path: ['forgotPassword'], type: 'object', emptyInvalid: true },
  { path: ['forgotPassword', 'email'], type: 'boolean' },
  { path: ['forgotPassword', 'phone'], type: 'boolean' },
];

const VERIFICATION_ID: FieldSpec[] = [{ path: ['verificationId'], type: 'string', invalid: [''] }];

const PROXY_502: BadBody = {
  name: '502 Bad Gateway page from a proxy',
  response: { status: 502, headers: { 'content-type': 'text/html' }, body: htmlPage('502 Bad Gateway') },
};

// ----- bookkeeping -----------------------------------------------------------------------------

const totals = { tried: 0, contentTypeTried: 0, endpoints: new Set<string>(), crashes: 0, navigations: 0 };
/** Problems with a correct body under a non-JSON content type, asserted in their own test. */
const contentTypeProblems: string[] = [];
const crashWatch = new CrashWatch();
const guard = new NavigationGuard();
/** The kit's strings (English sources and German translations), from locales/de.xlf. */
let sentences: Map<string, Sentence>;

/** A form under test, the app whose requests get the faults, and what the user typed. */
interface Bench {
  key: string;
  element: SignInForm;
  harness: FormHarness;
  typed: Record<string, string>;
  /** Does what the user does to send the request under test again. */
  trigger: (first: boolean) => void | Promise<void>;
  /** The step the form must stay on; undefined for the config bench (the load failed: no step). */
  step?: string;
  /** A check of the screen beyond the step and the typed values. */
  screen?: () => string | undefined;
  /** Puts a fresh form back after a case that took the old one elsewhere. */
  rebuild?: () => Promise<void>;
}

function mountForm(client: ExperienceClient): { element: SignInForm; harness: FormHarness } {
  const element = document.createElement('sign-in-form');
  element.client = client;
  document.body.append(element);
  return { element, harness: new FormHarness(element) };
}

function clientFor(appId: string): ExperienceClient {
  return new ExperienceClient({ appId, retryDelayMs: 1, language: () => getLocale() });
}

/** A bench on the first step of a form, with `typed` typed in (really, key by key). */
async function formBench(appId: string, typed: Record<string, string>, trigger: (bench: Bench) => void): Promise<Bench> {
  const client = clientFor(appId);
  const bench = { key: appId, typed, step: 'sign-in' } as Bench;
  bench.trigger = () => trigger(bench);
  bench.rebuild = async () => {
    bench.element?.remove();
    Object.assign(bench, mountForm(client));
    await bench.harness.ready(`input[name="${Object.keys(typed).at(-1) ?? 'identifier'}"]`);
    for (const [name, value] of Object.entries(typed)) await bench.harness.type(name, value);
  };
  await bench.rebuild();
  return bench;
}

function retryLabel(): string {
  const sentence = sentences.get('common.tryAgain');
  return (getLocale() === 'de' ? sentence?.translated : sentence?.en) || 'Try again';
}

function allowedTexts(bad: BadBody, locale: 'en' | 'de'): string[] {
  return [...SERVER_PROBLEM_IDS, ...(bad.alsoAllowed ?? [])].map((id) => {
    const sentence = sentences.get(id);
    if (!sentence) throw new Error(`locales/de.xlf has no ${id}`);
    return locale === 'en' ? sentence.en : sentence.translated;
  });
}

function isBackgroundFetch(entry: { method: string; path: string }): boolean {
  return entry.method === 'GET' && entry.path === '/api/.well-known/phrases';
}

/** Runs one bad answer against a bench; returns what went wrong (nothing: the case passed). */
async function tryCase(
  bench: Bench,
  endpoint: Endpoint,
  bad: BadBody,
  options: { first?: boolean; locale?: 'en' | 'de'; category?: 'malformed' | 'content-type' } = {},
): Promise<string[]> {
  const { first = false, locale = 'en', category = 'malformed' } = options;
  const problems: string[] = [];
  const crashesBefore = crashWatch.crashes.length;
  const navigationsBefore = guard.attempts.length;
  const since = await armFaults(bench.key, [rule(endpoint, bad.response, { label: bad.name })]);
  // Listened for on the document: the config bench replaces its element when it needs a new one.
  const outcome = nextKitEvent(document, {
    settled: () =>
      bench.step === undefined
        ? Boolean(bench.element.querySelector('form[data-si-fields] input'))
        : bench.element.step?.name !== bench.step,
  });
  await bench.trigger(first);
  const event = await outcome;
  if (event === 'timeout') problems.push('nothing happened within 3 s (no si-error)');
  else if (event === 'settled' || event.type !== 'si-error') {
    problems.push(`the kit took the answer as good: ${event === 'settled' ? 'the form moved on' : `${event.type} ${JSON.stringify(event.detail)}`}`);
  }

  const allowed = allowedTexts(bad, locale);
  const fits = (text: string) => allowed.some((template) => matchesTemplate(text, template));
  // The alert may take a moment (the kit's sentences load lazily): wait for a fitting one, or for
  // whatever it shows to stay the same for a little while.
  const tookAsGood = event === 'settled' || (event !== 'timeout' && event.type !== 'si-error');
  const deadline = Date.now() + (tookAsGood ? 100 : 1000);
  let shown: string[] = [];
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    shown = visibleAlerts(bench.harness.form);
    if (shown.some(fits) || Date.now() > deadline) break;
    const seen = shown.join('\n');
    if (seen !== last) {
      last = seen;
      stableSince = Date.now();
    } else if (seen && Date.now() - stableSince > 100) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (shown.length === 0) problems.push('no visible alert');
  else if (!shown.some(fits)) {
    problems.push(`the alert is not one of the kit's ${locale} server-problem sentences: ${shown.map((text) => `"${clip(text)}"`).join(', ')}`);
  }
  for (const text of shown) {
    const problem = sentenceProblem(text);
    if (problem) problems.push(`the alert "${clip(text)}" is not a clear sentence: ${problem}`);
  }
  if (locale === 'de' && shown.some((text) => allowedTexts(bad, 'en').some((template) => matchesTemplate(text, template)))) {
    problems.push('the alert is still in English after switching to German');
  }

  if (!bench.element.isConnected || !bench.harness.form.isConnected) problems.push('the form is gone');
  const moved = bench.step !== undefined && bench.element.step?.name !== bench.step;
  if (moved) problems.push(`the form left the ${bench.step} step for ${bench.element.step?.name ?? 'nothing'}`);
  for (const [name, value] of Object.entries(bench.typed)) {
    const input = bench.harness.form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) problems.push(`the ${name} field is gone`);
    else if (input.value !== value) problems.push(`the ${name} field now holds "${clip(input.value, 40)}" instead of what was typed`);
  }
  const screenProblem = bench.screen?.();
  if (screenProblem) problems.push(screenProblem);

  const crashes = crashWatch.crashes.slice(crashesBefore);
  totals.crashes += crashes.length;
  problems.push(...crashes);
  const navigations = guard.attempts.slice(navigationsBefore);
  for (const url of navigations) problems.push(`the page tried to navigate to ${clip(url)}`);

  const log = await faultLog(bench.key, since);
  const faulted = log.findIndex((entry) => entry.faulted);
  if (faulted < 0) problems.push(`${endpoint.name} was never called (requests: ${log.map((entry) => `${entry.method} ${entry.path}`).join(', ') || 'none'})`);
  else {
    // The tenant's phrases are fetched in idle time once the form's controller is in, whatever
    // the journey does: not a step taken after the bad answer.
    const later = log.slice(faulted + 1).filter((entry) => !entry.faulted && !isBackgroundFetch(entry));
    if (later.length > 0) problems.push(`the kit went on after the bad answer: ${later.map((entry) => `${entry.method} ${entry.path}`).join(', ')}`);
  }
  if (category === 'malformed') {
    totals.tried += 1;
    totals.navigations += navigations.length;
  } else totals.contentTypeTried += 1;
  totals.endpoints.add(endpoint.name);
  // A case that took the form elsewhere has failed already; the next one starts from a fresh form.
  if (moved || problems.some((problem) => problem.includes('field is gone'))) await bench.rebuild?.();
  return problems.map((problem) => `${bad.name}: ${problem}`);
}

/** Runs every case, then a sample in German, then the content-type cases (asserted in their own test). */
async function sweep(bench: Bench, endpoint: Endpoint, cases: BadBody[], contentTypes: BadBody[] = []): Promise<string[]> {
  const problems: string[] = [];
  let first = true;
  for (const bad of cases) {
    problems.push(...(await tryCase(bench, endpoint, bad, { first })));
    first = false;
  }
  await setLocale('de');
  try {
    for (const bad of [cases[0]!, cases[Math.floor(cases.length / 2)]!, cases.at(-1)!]) {
      problems.push(...(await tryCase(bench, endpoint, { ...bad, name: `${bad.name} (in German)` }, { locale: 'de' })));
    }
  } finally {
    await setLocale('en');
  }
  for (const bad of contentTypes) {
    const found = await tryCase(bench, endpoint, bad, { category: 'content-type' });
    contentTypeProblems.push(...found.map((problem) => `${endpoint.name} ${problem}`));
  }
  await armFaults(bench.key, []);
  return problems;
}

function report(endpoint: Endpoint, tried: number, problems: string[]): string {
  const head = `${problems.length} problem(s) in ${tried} bad answers to ${endpoint.name}`;
  const shown = problems.slice(0, 30);
  return [head, ...shown, problems.length > shown.length ? `… and ${problems.length - shown.length} more` : ''].filter(Boolean).join('\n  ');
}

// ----- the tests ---------------------------------------------------------------------------------

describe('malformed responses never break the form', function () {
  this.timeout(120_000);
  const preventSuccess = (event: Event) => event.preventDefault();

  before(async () => {
    crashWatch.install();
    guard.install();
    // A kit that accepts a bad answer must never take the test page away.
    document.addEventListener('si-success', preventSuccess, true);
    sentences = await kitSentences('de');
  });

  after(async () => {
    await disarmAll();
    forgetKitStorage();
    crashWatch.remove();
    guard.remove();
    document.removeEventListener('si-success', preventSuccess, true);
    await setLocale('en');
    console.log(
      `faults: ${totals.tried + totals.contentTypeTried} bad bodies tried across ${totals.endpoints.size} endpoints, ` +
        `${totals.crashes} crashes (${totals.tried} malformed answers, ${totals.contentTypeTried} correct bodies under a ` +
        `non-JSON content type; ${guard.attempts.length} attempts to navigate the page, stopped)`,
    );
  });

  describe('the config', () => {
    let bench: Bench | undefined;
    after(() => bench?.element.remove());

    it(`${ENDPOINTS.config.name}: every bad config shows "Sign-in is unavailable" with a sentence and Try again`, async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const config = (await recorded('j00-discovery/03-sign-in-exp.json')).body;
      const error = (await recorded('j07-errors/12-submit-before-init.json')).body as Record<string, unknown>;
      const client = clientFor(appId);
      // The first case mounts the form (see trigger): until then, a form that is not on the page.
      const detached = document.createElement('sign-in-form');
      const b = { key: appId, typed: {}, element: detached, harness: new FormHarness(detached) } as Bench;
      b.trigger = (first) => {
        const retry = b.element.isConnected
          ? [...b.harness.form.querySelectorAll('button')].find((button) => button.textContent?.trim() === retryLabel())
          : undefined;
        if (first || !retry) {
          // The first case, or the last one was accepted: a fresh form loads the config.
          b.element.remove();
          Object.assign(b, mountForm(client));
        } else retry.click();
      };
      b.screen = () => {
        const form = b.harness.form;
        if (form.querySelector('input')) return 'the form shows its fields, as if the bad config were fine';
        const retry = [...form.querySelectorAll('button')].some((button) => button.textContent?.trim() === retryLabel());
        return retry ? undefined : 'there is no "Try again" button';
      };
      bench = b;
      const cases = [
        ...fieldMutations(config, CONFIG_FIELDS),
        ...shapeMutations(config),
        ...rawMutations(config),
        PROXY_502,
        ...errorMutations(error, 500),
      ];
      const problems = await sweep(b, ENDPOINTS.config, cases, contentTypeMutations(config));
      expect(problems, report(ENDPOINTS.config, cases.length + 3, problems)).to.deep.equal([]);
    });
  });

  describe('signing in with a password', () => {
    let bench: Bench | undefined;

    before(async () => {
      const app = await startApp(PASSWORD_ONLY);
      const username = uniqueName('faulty');
      const password = 'Fault-pass-42';
      await addUser({ username, password });
      bench = await formBench(app.appId, { identifier: username, password }, (b) => b.harness.submitButton().click());
    });
    after(() => bench?.element.remove());

    it(`${ENDPOINTS.start.name}: broken error answers and 2xx pages leave the form with its input and a sentence`, async () => {
      const error = (await recorded('j07-errors/04-no-cookie-put-experience.json')).body as Record<string, unknown>;
      const cases = [...errorMutations(error, 400), PROXY_502, ...noContentMutations()];
      const problems = await sweep(bench!, ENDPOINTS.start, cases);
      expect(problems, report(ENDPOINTS.start, cases.length + 3, problems)).to.deep.equal([]);
    });

    it(`${ENDPOINTS.password.name}: every bad answer leaves the form with its input and a sentence`, async () => {
      const ok = (await recorded('j03-signin-username-password/05-verification-password.json')).body;
      const error = (await recorded('j07-errors/14-wrong-password.json')).body as Record<string, unknown>;
      const cases = [...fieldMutations(ok, VERIFICATION_ID), ...shapeMutations(ok), ...rawMutations(ok), PROXY_502, ...errorMutations(error, 422)];
      const problems = await sweep(bench!, ENDPOINTS.password, cases, contentTypeMutations(ok));
      expect(problems, report(ENDPOINTS.password, cases.length + 3, problems)).to.deep.equal([]);
    });

    it(`${ENDPOINTS.identification.name}: broken error answers and 2xx pages leave the form with its input and a sentence`, async () => {
      const error = (await recorded('j07-errors/18-identification-unknown-verification.json')).body as Record<string, unknown>;
      const cases = [...errorMutations(error, 404), PROXY_502, ...noContentMutations()];
      const problems = await sweep(bench!, ENDPOINTS.identification, cases);
      expect(problems, report(ENDPOINTS.identification, cases.length + 3, problems)).to.deep.equal([]);
    });

    it(`${ENDPOINTS.submit.name}: every bad answer (also a broken missing-profile payload) leaves the form with a sentence`, async () => {
      const ok = (await recorded('j03-signin-username-password/07-submit.json')).body;
      const error = (await recorded('j07-errors/20-submit-not-identified.json')).body as Record<string, unknown>;
      const missing = (data: unknown): BadBody => ({
        name: `422 user.missing_profile with data = ${JSON.stringify(data) ?? '(none)'}`,
        response: {
          status: 422,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'user.missing_profile', message: 'Please complete your profile.', ...(data === undefined ? {} : { data }) }),
        },
        // Reporting that the account needs details the page cannot collect is fair here too.
        alsoAllowed: ['errors.unsupportedProfile'],
      });
      const cases = [
        ...fieldMutations(ok, [{ path: ['redirectTo'], type: 'string', invalid: [''] }]),
        ...shapeMutations(ok),
        ...rawMutations(ok),
        PROXY_502,
        ...errorMutations(error, 404),
        missing(undefined),
        missing(null),
        missing('password'),
        missing({ missingProfile: 'password' }),
        missing({ missingProfile: [42] }),
        missing({ missingProfile: [] }),
      ];
      const problems = await sweep(bench!, ENDPOINTS.submit, cases, contentTypeMutations(ok));
      expect(problems, report(ENDPOINTS.submit, cases.length + 3, problems)).to.deep.equal([]);
    });
  });

  describe('asking for an emailed code', () => {
    let bench: Bench | undefined;

    before(async () => {
      const app = await startApp(EMAIL_CODE);
      const email = `${uniqueName('coded')}@example.com`;
      await addUser({ email, password: 'Unused-pass-7' });
      bench = await formBench(app.appId, { identifier: email }, (b) => b.harness.submitButton().click());
    });
    after(() => bench?.element.remove());

    it(`${ENDPOINTS.sendCode.name}: every bad answer leaves the form with the email and a sentence`, async () => {
      const ok = (await recorded('j04-signin-email-verification-code/05-send-code.json')).body;
      const error = (await recorded('j07-errors/10-invalid-event.json')).body as Record<string, unknown>;
      const cases = [...fieldMutations(ok, VERIFICATION_ID), ...shapeMutations(ok), ...rawMutations(ok), PROXY_502, ...errorMutations(error, 400)];
      const problems = await sweep(bench!, ENDPOINTS.sendCode, cases, contentTypeMutations(ok));
      expect(problems, report(ENDPOINTS.sendCode, cases.length + 3, problems)).to.deep.equal([]);
    });
  });

  describe('entering the emailed code', () => {
    let bench: Bench | undefined;

    before(async () => {
      const app = await startApp(EMAIL_CODE);
      const email = `${uniqueName('verify')}@example.com`;
      await addUser({ email, password: 'Unused-pass-7' });
      const client = clientFor(app.appId);
      const b = { key: app.appId, step: 'verification-code' } as Bench;
      let code = '';
      b.rebuild = async () => {
        b.element?.remove();
        Object.assign(b, mountForm(client));
        await b.harness.ready('input[name="identifier"]');
        await b.harness.type('identifier', email);
        const sent = nextKitEvent(b.element, { types: ['si-step-change', 'si-error'] });
        b.harness.submitButton().click();
        const event = await sent;
        if (event === 'timeout' || event === 'settled' || event.type !== 'si-step-change') throw new Error('the real code was not sent');
        await b.element.updateComplete;
        code = await latestCode(email);
        b.typed = { code };
        b.trigger = (first) => {
          if (first) {
            // The user pastes the code: a complete code is sent at once.
            const input = b.harness.input('code');
            input.focus();
            input.value = code;
            input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: code }));
          } else b.harness.submitButton().click();
        };
      };
      await b.rebuild();
      bench = b;
    });
    after(() => bench?.element.remove());

    it(`${ENDPOINTS.verifyCode.name}: every bad answer leaves the code step with the code and a sentence`, async () => {
      const ok = (await recorded('j04-signin-email-verification-code/07-verify-code.json')).body;
      const error = (await recorded('j04-signin-email-verification-code/06-verify-code-wrong.json')).body as Record<string, unknown>;
      const cases = [...fieldMutations(ok, VERIFICATION_ID), ...shapeMutations(ok), ...rawMutations(ok), PROXY_502, ...errorMutations(error, 400)];
      const problems = await sweep(bench!, ENDPOINTS.verifyCode, cases, contentTypeMutations(ok));
      expect(problems, report(ENDPOINTS.verifyCode, cases.length + 3, problems)).to.deep.equal([]);
    });
  });

  describe('choosing a social provider', () => {
    let bench: Bench | undefined;

    before(async () => {
      const app = await startApp();
      bench = await formBench(app.appId, { identifier: 'alice' }, (b) => {
        const button = b.element
          .querySelector('social-buttons')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-connector="oauth2-demo"]');
        if (!button) throw new Error('no OAuth2 button');
        button.click();
      });
    });
    after(() => bench?.element.remove());

    it(`${ENDPOINTS.socialUri.name}: every bad answer leaves the sign-in form with a sentence, and the page where it is`, async () => {
      const ok = (await recorded('j06-social-oauth2-register/05-social-authorization-uri.json')).body;
      const error = (await recorded('j07-errors/08-no-app-id-header.json')).body as Record<string, unknown>;
      const cases = [
        ...fieldMutations(ok, [
          { path: ['authorizationUri'], type: 'string', invalid: [''] },
          { path: ['verificationId'], type: 'string', invalid: [''] },
        ]),
        ...shapeMutations(ok),
        ...rawMutations(ok),
        PROXY_502,
        ...errorMutations(error, 404),
      ];
      const problems = await sweep(bench!, ENDPOINTS.socialUri, cases, contentTypeMutations(ok));
      expect(problems, report(ENDPOINTS.socialUri, cases.length + 3, problems)).to.deep.equal([]);
    });
  });

  // Last: mocha runs a suite's own tests before its sub-suites.
  describe('in total', () => {
    it('refuses a correct body served with a non-JSON content type, on every endpoint that answers with JSON', () => {
      expect(totals.contentTypeTried, 'no content-type case ran').to.be.greaterThan(0);
      expect(contentTypeProblems, `${contentTypeProblems.length} problem(s) in ${totals.contentTypeTried} cases:\n  ${contentTypeProblems.join('\n  ')}`).to.deep.equal([]);
    });

    it('tried at least 200 bad bodies across at least 8 endpoints, with no crash and no navigation', () => {
      expect(totals.tried + totals.contentTypeTried).to.be.at.least(200);
      expect(totals.endpoints.size).to.be.at.least(8);
      expect(totals.crashes, crashWatch.crashes.join('\n')).to.equal(0);
      expect(totals.navigations, 'navigation attempts after a malformed answer').to.equal(0);
    });
  });
});
