import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';

import '../../src/define.js';
import { ExperienceClient, type SignInForm } from '../../src/index.js';
import { addUser, registerApp, startApp, uniqueName } from '../helpers/emulator.js';
import { ASSET_FAULTS, armFaults, disarmFaults, htmlPage } from '../helpers/faults.js';
import { FormHarness } from '../helpers/harness.js';
import { interceptSuccess } from '../helpers/journeys.js';

/**
 * A tenant whose every sign-in method is password-only: identifier and password on one screen,
 * and sign-up by username, so existing accounts need nothing more at submit.
 */
const PASSWORD_ONLY = {
  signIn: {
    methods: [
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'phone', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  signUp: { identifiers: ['username'], password: true },
};

async function mountForm(appId: string): Promise<FormHarness> {
  const element = await fixture<SignInForm>(html`<sign-in-form app-id=${appId}></sign-in-form>`);
  return new FormHarness(element).ready();
}


describe('<sign-in-form>', () => {
  describe('accessibility', () => {
    it('passes axe with the form on screen', async () => {
      const { appId } = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(appId);
      await expect(harness.element).to.be.accessible();
    });

    it('passes axe in dark mode and with an error shown', async () => {
      const { appId } = await startApp(PASSWORD_ONLY);
      const element = await fixture<SignInForm>(html`<sign-in-form app-id=${appId} theme="dark"></sign-in-form>`);
      const harness = await new FormHarness(element).ready();
      harness.submitButton().click();
      await waitUntil(() => harness.fieldError('identifier'));
      await expect(element).to.be.accessible();
    });

    it('names the show-password toggle and announces its state', async () => {
      const { appId } = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(appId);
      const toggle = harness.form.querySelector<HTMLButtonElement>('.si-icon-button')!;
      expect(toggle.getAttribute('aria-label')).to.equal('Show password');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(harness.input('password').type).to.equal('password');
      // Clicked at once: the toggle takes effect when the form's controller is in (fetched in the
      // first idle moment after paint), not lost.
      toggle.click();
      await waitUntil(() => toggle.getAttribute('aria-pressed') === 'true', 'the toggle did not take effect', { timeout: 2000 });
      expect(harness.input('password').type).to.equal('text');
    });
  });

  describe('form & autofill contract', () => {
    it('keeps the credential inputs in light DOM inside a real form with exact autocomplete tokens', async () => {
      const { appId } = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(appId);
      const identifier = harness.input('identifier');
      const password = harness.input('password');
      expect(identifier.form).to.equal(harness.form);
      expect(password.form).to.equal(harness.form);
      expect(harness.form.getRootNode()).to.equal(document);
      expect(identifier.autocomplete).to.equal('username');
      expect(password.autocomplete).to.equal('current-password');
      expect(identifier.getAttribute('autocapitalize')).to.equal('none');
      expect(identifier.spellcheck).to.equal(false);
      expect(harness.submitButton().type).to.equal('submit');
      const label = harness.form.querySelector(`label[for="${identifier.id}"]`);
      expect(label?.textContent?.trim()).to.equal('Username, email or phone number');
    });

    it('labels the identifier field from the enabled sign-in methods', async () => {
      const { appId } = await startApp({
        signIn: { methods: [{ identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true }] },
      });
      const harness = await mountForm(appId);
      const identifier = harness.input('identifier');
      expect(harness.form.querySelector(`label[for="${identifier.id}"]`)?.textContent?.trim()).to.equal('Email');
      expect(identifier.inputMode).to.equal('email');
    });
  });

  describe('theme from the config', () => {
    it('shows the tenant logo and fills the button with the brand colour', async () => {
      const { appId } = await startApp({ ...PASSWORD_ONLY, color: { primaryColor: '#1D4ED8' } });
      const harness = await mountForm(appId);
      const logo = harness.element.shadowRoot!.querySelector<HTMLImageElement>('[part="logo"] img');
      expect(logo?.src).to.match(/^http:\/\/.+\/__emulator\/assets\/logo\.svg$/);
      expect(getComputedStyle(harness.submitButton()).backgroundColor).to.equal('rgb(29, 78, 216)');
      expect(getComputedStyle(harness.submitButton()).color).to.equal('rgb(255, 255, 255)');
    });

    it('reads a 3-digit brand colour (#b12 is rgb(187, 17, 34)) and keeps white text on it', async () => {
      const { appId } = await startApp({ ...PASSWORD_ONLY, color: { primaryColor: '#b12' } });
      const harness = await mountForm(appId);
      expect(getComputedStyle(harness.submitButton()).backgroundColor).to.equal('rgb(187, 17, 34)');
      expect(getComputedStyle(harness.submitButton()).color).to.equal('rgb(255, 255, 255)');
    });

    it('refuses a logo that is not http(s)', async () => {
      const appId = await registerApp({ ...PASSWORD_ONLY, branding: { logoUrl: 'javascript:alert(1)', darkLogoUrl: null } });
      await fetch(`/oidc/auth?client_id=${appId}`, { redirect: 'manual' });
      const harness = await mountForm(appId);
      // Nothing is loaded from it, and the logo row takes no room.
      expect(harness.element.shadowRoot!.querySelector('[part="logo"] img[src]')).to.equal(null);
      expect(harness.element.shadowRoot!.querySelector<HTMLElement>('[part="logo"]')!.getBoundingClientRect().height).to.equal(0);
    });
  });

  describe('signing in with a username and password', () => {
    it('sends start, password, identification and submit, then announces success with the redirect', async () => {
      // A tenant whose sign-up asks only for a username, so this account needs nothing more.
      const app = await startApp(PASSWORD_ONLY);
      const username = uniqueName('walker');
      await addUser({ username, password: 'Walk3r-pass!' });
      const harness = await mountForm(app.appId);
      const success = interceptSuccess(harness.element);

      await harness.type('identifier', username);
      await harness.type('password', 'Walk3r-pass!');
      harness.submitButton().click();
      const event = await success;

      expect(event.detail.redirectTo).to.match(/^http:\/\/.+\/oidc\/auth\/\w+$/);
      expect(JSON.stringify(event.detail)).not.to.contain('Walk3r-pass!');
      const requests = await app.requests();
      expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal([
        'PUT /api/experience 204',
        'POST /api/experience/verification/password 200',
        'POST /api/experience/identification 204',
        'POST /api/experience/submit 200',
      ]);
      expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
      expect(requests[1]!.body).to.deep.equal({
        identifier: { type: 'username', value: username },
        password: 'Walk3r-pass!',
      });
    });

    it('sends an email identifier as an email', async () => {
      const app = await startApp({ ...PASSWORD_ONLY, signUp: { identifiers: ['email'], password: true } });
      const email = `${uniqueName('mail')}@example.com`;
      await addUser({ email, password: 'Walk3r-pass!' });
      const harness = await mountForm(app.appId);
      const success = interceptSuccess(harness.element);
      await harness.type('identifier', email);
      await harness.type('password', 'Walk3r-pass!');
      harness.submitButton().click();
      await success;
      const body = (await app.requests())[1]!.body as { identifier: unknown };
      expect(body.identifier).to.deep.equal({ type: 'email', value: email });
    });

    it('shows a clear message for a wrong password, keeps what was typed and focuses the field', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(app.appId);
      const failed = oneEvent(harness.element, 'si-error');
      await harness.type('identifier', 'alice');
      await harness.type('password', 'not-her-password');
      harness.submitButton().click();
      const event = await failed;

      expect(event.detail.code).to.equal('session.invalid_credentials');
      expect(JSON.stringify(event.detail)).not.to.contain('not-her-password');
      await waitUntil(() => harness.fieldError('password'));
      expect(harness.fieldError('password')).to.equal('The account or password is incorrect. Check them and try again.');
      expect(harness.input('password').getAttribute('aria-invalid')).to.equal('true');
      expect(harness.form.querySelector('#' + CSS.escape(harness.input('password').getAttribute('aria-describedby')!))?.getAttribute('role')).to.equal('alert');
      expect(document.activeElement).to.equal(harness.input('password'));
      expect(harness.input('identifier').value).to.equal('alice');
      expect(harness.input('password').value).to.equal('not-her-password');
    });

    it('gives an unknown user the same message, so accounts cannot be probed', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(app.appId);
      await harness.type('identifier', uniqueName('nobody'));
      await harness.type('password', 'whatever-123');
      harness.submitButton().click();
      await waitUntil(() => harness.fieldError('password'));
      expect(harness.fieldError('password')).to.equal('The account or password is incorrect. Check them and try again.');
    });

    it('clears the error once the user edits the field', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(app.appId);
      await harness.type('identifier', 'alice');
      await harness.type('password', 'wrong-one');
      harness.submitButton().click();
      await waitUntil(() => harness.fieldError('password'));
      await harness.type('password', 'x');
      await waitUntil(() => !harness.fieldError('password'));
      expect(harness.input('password').getAttribute('aria-invalid')).to.equal('false');
    });

    it('checks empty and malformed input locally and sends nothing', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(app.appId);
      harness.submitButton().click();
      await waitUntil(() => harness.fieldError('identifier'));
      expect(harness.fieldError('identifier')).to.equal('Fill in this field.');
      expect(document.activeElement).to.equal(harness.input('identifier'));

      await harness.type('identifier', 'someone@nowhere');
      harness.submitButton().click();
      await waitUntil(() => harness.fieldError('identifier')?.startsWith('Enter a valid email'));

      await harness.type('identifier', 'alice');
      harness.submitButton().click();
      await waitUntil(() => harness.fieldError('password'));
      expect(harness.fieldError('password')).to.equal('Enter your password.');
      expect(await app.requests()).to.deep.equal([]);
    });

    it('sends a double-clicked submit only once', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(app.appId);
      const success = interceptSuccess(harness.element);
      await harness.type('identifier', 'bob');
      await harness.type('password', 'Passw0rd!');
      harness.submitButton().click();
      harness.submitButton().click();
      harness.form.requestSubmit();
      await success;
      const passwordCalls = (await app.requests()).filter((r) => r.path.endsWith('/verification/password'));
      expect(passwordCalls).to.have.length(1);
    });

    it('marks the button busy while the request is in flight', async () => {
      const app = await startApp(PASSWORD_ONLY);
      const harness = await mountForm(app.appId);
      await harness.type('identifier', 'alice');
      await harness.type('password', 'Passw0rd!');
      harness.element.addEventListener('si-success', (event) => event.preventDefault(), { once: true });
      harness.submitButton().click();
      await waitUntil(() => harness.submitButton().getAttribute('aria-disabled') === 'true', 'the button never showed it was busy');
      expect(harness.submitButton().textContent?.trim()).to.equal('Signing in…');
    });
  });

  describe('session and network problems', () => {
    it('shows a session-expired step when the interaction is missing', async () => {
      const appId = await registerApp(PASSWORD_ONLY); // registered, but no /oidc/auth: no interaction for it
      const harness = await mountForm(appId);
      const changed = oneEvent(harness.element, 'si-step-change');
      await harness.type('identifier', 'alice');
      await harness.type('password', 'Passw0rd!');
      harness.submitButton().click();
      expect((await changed).detail.step).to.equal('session-expired');
      await waitUntil(() => harness.heading() === 'Session expired');
      expect(harness.alertText()).to.equal('This sign-in session has expired. Go back to the app and sign in again.');
    });

    it('explains a config that cannot be loaded and loads it again on "Try again"', async () => {
      let calls = 0;
      const flaky: typeof fetch = (input, init) => {
        calls++;
        return calls <= 3 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
      };
      const client = new ExperienceClient({ fetch: flaky, retryDelayMs: 1 });
      const element = await fixture<SignInForm>(html`<sign-in-form .client=${client}></sign-in-form>`);
      const harness = await new FormHarness(element).ready();
      expect(harness.heading()).to.equal('Sign-in is unavailable');
      expect(harness.alertText()).to.equal('Could not reach the server. Check your connection and try again.');
      expect(calls).to.equal(3);
      harness.button('Try again').click();
      await waitUntil(() => harness.form.querySelector('input[name="identifier"]'));
      expect(calls).to.equal(4);
    });

    describe('a wrong api-base, told to the developer', () => {
      let warnings: string[] = [];
      const original = console.warn;
      beforeEach(() => {
        warnings = [];
        console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
      });
      afterEach(() => {
        console.warn = original;
      });
      const apiBaseWarnings = () => warnings.filter((text) => text.includes('api-base'));

      it('warns in the console, naming api-base and the same-origin rule, when the config answers 404', async () => {
        const base = `${location.origin}/no-logto-here`;
        const element = await fixture<SignInForm>(html`<sign-in-form api-base=${base}></sign-in-form>`);
        const harness = await new FormHarness(element).ready();
        expect(harness.heading()).to.equal('Sign-in is unavailable');
        expect(apiBaseWarnings()).to.have.length(1);
        const [warning] = apiBaseWarnings();
        expect(warning).to.contain(`GET ${base}/api/.well-known/sign-in-exp answered 404 Not Found`);
        expect(warning).to.contain(`api-base attribute must point at your Logto endpoint (it is "${base}")`);
        expect(warning).to.contain('same-origin cookies');
      });

      it('warns when the config answers a web page instead of JSON', async () => {
        // A static host that answers every path with its index.html.
        await armFaults(ASSET_FAULTS, [
          { prefix: '/static-host/', response: { status: 200, headers: { 'content-type': 'text/html' }, body: htmlPage('My app') } },
        ]);
        try {
          const base = `${location.origin}/static-host`;
          const element = await fixture<SignInForm>(html`<sign-in-form api-base=${base}></sign-in-form>`);
          await new FormHarness(element).ready();
          expect(apiBaseWarnings()).to.have.length(1);
          expect(apiBaseWarnings()[0]).to.contain(`GET ${base}/api/.well-known/sign-in-exp answered something other than JSON`);
        } finally {
          await disarmFaults(ASSET_FAULTS);
        }
      });

      it('says nothing when the config loads, or when the network is down (not an api-base mistake)', async () => {
        const { appId } = await startApp(PASSWORD_ONLY);
        await mountForm(appId);
        const element = await fixture<SignInForm>(html`<sign-in-form api-base="http://127.0.0.1:9"></sign-in-form>`);
        await new FormHarness(element).ready('.si-alert');
        expect(apiBaseWarnings()).to.deep.equal([]);
      });
    });

    it('explains a dropped connection on submit and keeps the input', async () => {
      const app = await startApp(PASSWORD_ONLY);
      let offline = false;
      const client = new ExperienceClient({
        appId: app.appId,
        fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
      });
      const element = await fixture<SignInForm>(html`<sign-in-form .client=${client}></sign-in-form>`);
      const harness = await new FormHarness(element).ready();
      offline = true;
      await harness.type('identifier', 'alice');
      await harness.type('password', 'Passw0rd!');
      harness.submitButton().click();
      await waitUntil(() => harness.alertText());
      expect(harness.alertText()).to.equal('Could not reach the server. Check your connection and try again.');
      expect(harness.input('identifier').value).to.equal('alice');
      expect(harness.input('password').value).to.equal('Passw0rd!');
      offline = false;
      const success = interceptSuccess(element);
      harness.submitButton().click();
      expect((await success).detail.redirectTo).to.contain('/oidc/auth/');
    });
  });
});
