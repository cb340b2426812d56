/**
 * The enterprise journeys on the hosted page, end to end against the emulator: single sign-on (the
 * page really leaves for the emulated identity provider and comes back, so those tests run in a
 * window of their own, see test/helpers/social.ts), magic links, direct sign-in links, the
 * identifier-only screens, a suspended account and an unknown address.
 */
import { expect } from '@open-wc/testing';

import { addUser, uniqueName } from '../helpers/emulator.js';
import { armFaults, disarmFaults, recorded } from '../helpers/faults.js';
import { bodyOf, HostedWindow, socialApp, until } from '../helpers/social.js';

const PASSWORD = 'Passw0rd!';

/** Sign-in by username or email with a password, and single sign-on for two domains. */
const SSO_TENANT = {
  signIn: {
    methods: [
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  signUp: { identifiers: ['username'], password: true },
  singleSignOnEnabled: true,
  ssoConnectors: [
    { id: 'acme-oidc', connectorName: 'Acme Workforce', domains: ['acme.test'] },
    { id: 'globex-saml', connectorName: 'Globex SAML', domains: ['globex.test'] },
    { id: 'globex-oidc', connectorName: 'Globex Okta', domains: ['globex.test'] },
  ],
};

/** The sentences the user must read, written here (never taken from the kit's own table). */
const NO_SSO = 'Single sign-on is not set up for this email domain. Check the address, or sign in another way.';

/** What the server received, as `METHOD path` (query left out) for the API calls only. */
async function apiCalls(app: { requests(): Promise<{ method: string; path: string; status: number }[]> }): Promise<string[]> {
  return (await app.requests()).map((request) => `${request.method} ${request.path.replace(/^\/api\/experience/, '') || '/'}`);
}

/** Answers the emulated identity provider's page: sign in as `email`, or cancel. */
async function answerIdp(page: HostedWindow, decision: 'allow' | 'deny', email?: string): Promise<void> {
  const form = await until(() => page.doc.querySelector<HTMLFormElement>('form[action*="/approve"]'), 'the identity provider page did not show');
  if (email) form.querySelector<HTMLInputElement>('input[name="email"]')!.value = email;
  form.querySelector<HTMLButtonElement>(`button[value="${decision}"]`)!.click();
}

describe('enterprise single sign-on', () => {
  afterEach(() => HostedWindow.closeAll());

  it('signs in through the "Single sign-on" screen: email, identity provider, back to the app', async function () {
    this.timeout(20000);
    const app = await socialApp(SSO_TENANT);
    const page = await HostedWindow.start(app.appId);
    expect(page.heading()).to.equal('Sign in');
    page.button('Single sign-on').click();
    await page.waitForHeading('Single sign-on');
    expect(page.path).to.equal('/single-sign-on/email');

    const email = `${uniqueName('jit')}@acme.test`;
    page.fill('identifier', email);
    page.form!.requestSubmit();
    await page.waitForPath('/__emulator/sso/acme-oidc/authorize');
    await answerIdp(page, 'allow', email);
    await page.waitForPath('/demo/callback', 12000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('SSO User');

    const requests = await app.requests();
    expect(await apiCalls(app)).to.deep.equal([
      'GET /sso-connectors',
      'PUT /',
      'POST /verification/sso/acme-oidc/authorization-uri',
      'POST /verification/sso/acme-oidc/verify',
      'POST /identification',
      'PUT /interaction-event',
      'POST /identification',
      'POST /submit',
    ]);
    const authorization = bodyOf(requests[2]) as { state: string; redirectUri: string };
    expect(authorization.redirectUri).to.equal(`${location.origin}/callback/acme-oidc`);
    expect(authorization.state).to.match(/^[\w-]{22,}$/);
    const verify = bodyOf(requests[3]) as { connectorData: Record<string, string>; verificationId: string };
    // Logto hands every callback parameter to the identity provider's verification, state included.
    expect(verify.connectorData.state).to.equal(authorization.state);
    expect(verify.connectorData.redirectUri).to.equal(authorization.redirectUri);
    expect(verify.connectorData.code).to.be.a('string').and.not.equal('');
    expect(bodyOf(requests[4])).to.deep.equal({ verificationId: verify.verificationId });
  });

  it('signs a returning enterprise user straight in, without registering again', async function () {
    this.timeout(25000);
    const app = await socialApp(SSO_TENANT);
    const email = `${uniqueName('back')}@acme.test`;
    for (const round of [1, 2]) {
      const page = await HostedWindow.start(app.appId);
      await until(() => page.form!.querySelector('.si-button--secondary'), 'no "Single sign-on" button');
      page.fill('identifier', email);
      page.form!.requestSubmit();
      await page.waitForPath('/__emulator/sso/acme-oidc/authorize');
      await answerIdp(page, 'allow', email);
      await page.waitForPath('/demo/callback', 12000);
      page.win.close();
      if (round === 2) {
        const calls = await apiCalls(app);
        expect(calls.slice(calls.lastIndexOf('GET /sso-connectors'))).to.deep.equal([
          'GET /sso-connectors',
          'PUT /',
          'POST /verification/sso/acme-oidc/authorization-uri',
          'POST /verification/sso/acme-oidc/verify',
          'POST /identification',
          'POST /submit',
        ]);
      }
    }
  });

  it('sends an email of an SSO domain typed into the sign-in form to its identity provider, never asking for a password', async function () {
    this.timeout(20000);
    const app = await socialApp(SSO_TENANT);
    const page = await HostedWindow.start(app.appId);
    page.fill('identifier', `someone@acme.test`);
    page.form!.requestSubmit();
    await page.waitForPath('/__emulator/sso/acme-oidc/authorize');
    expect(await apiCalls(app)).to.deep.equal(['GET /sso-connectors', 'PUT /', 'POST /verification/sso/acme-oidc/authorization-uri']);
  });

  it('lets the user pick when several identity providers serve the domain, and comes back after a cancel with a sentence', async function () {
    this.timeout(20000);
    const app = await socialApp(SSO_TENANT);
    const page = HostedWindow.openBlank(`/oidc/auth?client_id=${app.appId}&first_screen=single_sign_on`);
    await page.waitForHeading('Single sign-on');
    page.fill('identifier', 'someone@globex.test');
    page.form!.requestSubmit();
    await page.waitForHeading('Choose your organization');
    expect(page.path).to.equal('/single-sign-on/connectors');
    const names = [...page.form!.querySelectorAll('.si-provider')].map((button) => button.textContent?.trim());
    expect(names).to.deep.equal(['Globex SAML', 'Globex Okta']);
    page.button('Globex Okta').click();
    await page.waitForPath('/__emulator/sso/globex-oidc/authorize');
    await answerIdp(page, 'deny');
    await page.waitForHeading('Sign in', 12000);
    const cancelled = 'The sign-in was cancelled at the provider. Choose a way to sign in.';
    await until(() => page.alertText() === cancelled, () => `no "${cancelled}" (alert: "${page.alertText() ?? ''}")`);
  });

  it('says a domain has no single sign-on, keeping what was typed', async function () {
    this.timeout(15000);
    const app = await socialApp(SSO_TENANT);
    const page = HostedWindow.openBlank(`/oidc/auth?client_id=${app.appId}&first_screen=single_sign_on`);
    await page.waitForHeading('Single sign-on');
    page.fill('identifier', 'someone@example.com');
    page.form!.requestSubmit();
    await until(() => page.form?.querySelector('.si-alert, .si-error')?.textContent?.trim() === NO_SSO, () => `no "${NO_SSO}"`);
    expect(page.form!.querySelector<HTMLInputElement>('input[name="identifier"]')!.value).to.equal('someone@example.com');
    expect(await apiCalls(app)).to.deep.equal(['GET /sso-connectors']);
  });

  it('starts the connector of a direct sign-in link at once (/direct/sso/<id>)', async function () {
    this.timeout(15000);
    const app = await socialApp(SSO_TENANT);
    const page = HostedWindow.openBlank(`/oidc/auth?client_id=${app.appId}&direct_sign_in=sso:acme-oidc`);
    await page.waitForPath('/__emulator/sso/acme-oidc/authorize');
  });

  it('shows the fallback screen for a direct link to a connector the tenant does not have', async function () {
    this.timeout(15000);
    const app = await socialApp(SSO_TENANT);
    const page = HostedWindow.openBlank(`/oidc/auth?client_id=${app.appId}&direct_sign_in=social:nowhere&first_screen=register`);
    await page.waitForHeading('Create your account');
    expect(page.path).to.equal('/register');
    expect(await apiCalls(app)).to.deep.equal([]);
  });
});

describe('magic links', () => {
  afterEach(() => HostedWindow.closeAll());

  async function magicLink(appId: string, email: string, expiresIn?: number): Promise<string> {
    const response = await fetch('/__emulator/one-time-tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, appId, ...(expiresIn === undefined ? {} : { expiresIn }) }),
    });
    expect(response.status).to.equal(200);
    const { link } = (await response.json()) as { link: string };
    return new URL(link).pathname + new URL(link).search;
  }

  it('signs an existing account in from the link, and the token leaves the address bar', async function () {
    this.timeout(15000);
    const app = await socialApp();
    const email = `${uniqueName('ml')}@example.com`;
    await addUser({ username: uniqueName('ml'), password: PASSWORD, email, name: 'Magic Reader' });
    const page = HostedWindow.openBlank(await magicLink(app.appId, email));
    await page.waitForPath('/demo/callback', 12000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Magic Reader');
    const requests = await app.requests();
    expect(await apiCalls(app)).to.deep.equal(['PUT /', 'POST /verification/one-time-token/verify', 'POST /identification', 'POST /submit']);
    expect((bodyOf(requests[1]) as { identifier: unknown }).identifier).to.deep.equal({ type: 'email', value: email });
  });

  it('creates the account for an email without one', async function () {
    this.timeout(15000);
    const app = await socialApp({ signUp: { identifiers: ['email'], password: false } });
    const email = `${uniqueName('new')}@example.com`;
    const page = HostedWindow.openBlank(await magicLink(app.appId, email));
    // The demo tenant wants the terms ticked for new accounts: the usual question asks first.
    await page.waitForHeading('Create a new account?');
    page.form!.querySelector<HTMLInputElement>('input[name="terms"]')!.click();
    page.form!.requestSubmit();
    await page.waitForPath('/demo/callback', 12000);
    expect(await apiCalls(app)).to.deep.equal([
      'PUT /',
      'POST /verification/one-time-token/verify',
      'POST /identification',
      'PUT /interaction-event',
      'POST /identification',
      'POST /submit',
    ]);
  });

  it('explains an expired link and a used one on a screen of their own, with a way to sign in', async function () {
    this.timeout(20000);
    const app = await socialApp();
    const email = `${uniqueName('old')}@example.com`;
    await addUser({ username: uniqueName('old'), password: PASSWORD, email });
    const expired = HostedWindow.openBlank(await magicLink(app.appId, email, 0));
    await expired.waitForHeading('This link cannot be used');
    expect(expired.alertText()).to.equal('This sign-in link has expired. Ask for a new one.');
    expect(expired.path).to.equal('/one-time-token/error');
    expired.button('Sign in another way').click();
    await expired.waitForHeading('Sign in');

    const link = await magicLink(app.appId, email);
    const first = HostedWindow.openBlank(link);
    await first.waitForPath('/demo/callback', 12000);
    const again = HostedWindow.openBlank(link);
    await again.waitForHeading('This link cannot be used');
    expect(again.alertText()).to.equal('This sign-in link was already used. Each link works once: ask for a new one.');
  });

  it('asks first on /switch-account when the browser is signed in as someone else, then signs in as the link\'s email', async function () {
    this.timeout(20000);
    const app = await socialApp();
    const email = `${uniqueName('sw')}@example.com`;
    await addUser({ username: uniqueName('sw'), password: PASSWORD, email, name: 'Link Owner' });
    const token = new URL(await magicLink(app.appId, email), location.origin).searchParams.get('one_time_token')!;
    // The emulator keeps no session between interactions: the signed-in account comes as Logto
    // 1.42 described one (GET /api/interaction/consent, recorded), once.
    const { body: session } = await recorded('j14-consent-third-party/10-get-consent-info.json');
    const signedIn = (session as { user: { primaryEmail: string } }).user.primaryEmail;
    await armFaults(app.appId, [
      {
        method: 'GET',
        path: '/api/interaction/consent',
        times: 1,
        response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(session) },
      },
    ]);
    try {
      const page = await HostedWindow.start(app.appId);
      page.win.location.href = `/switch-account?app_id=${app.appId}&one_time_token=${token}&login_hint=${encodeURIComponent(email)}`;
      await page.waitForHeading('Switch account?');
      const subtitle = page.doc.querySelector('sign-in-form .si-subtitle')?.textContent?.replace(/\s+/g, ' ').trim();
      expect(subtitle).to.equal(`You are signed in as ${signedIn}. This link signs you in as ${email}.`);
      expect(page.win.location.search, 'the token left the address bar').not.to.include(token);
      expect(page.button('Stay with the current account')).to.exist;
      expect(await apiCalls(app), 'nothing is sent before the user answers').to.deep.equal([]);

      page.button(`Continue as ${email}`).click();
      await page.waitForPath('/demo/callback', 12000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Link Owner');
      expect(await apiCalls(app)).to.deep.equal(['PUT /', 'POST /verification/one-time-token/verify', 'POST /identification', 'POST /submit']);
    } finally {
      await disarmFaults(app.appId);
    }
  });
});

describe('suspended accounts', () => {
  afterEach(() => HostedWindow.closeAll());

  it('shows the account-suspended screen instead of signing in', async function () {
    this.timeout(15000);
    const app = await socialApp({
      signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
    });
    const username = uniqueName('sus');
    const response = await fetch('/__emulator/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD, suspended: true }),
    });
    expect(response.ok).to.equal(true);
    const page = await HostedWindow.start(app.appId);
    page.fill('identifier', username);
    page.fill('password', PASSWORD);
    page.form!.requestSubmit();
    await page.waitForHeading('Account suspended');
    expect(page.path).to.equal('/account-suspended');
    expect(page.alertText()).to.equal(
      'This account has been suspended, so it cannot sign in. If you think this is a mistake, contact support.',
    );
    expect(page.form!.querySelector('input[name="password"]'), 'no password field left to retry').to.equal(null);
  });
});

describe('identifier-only screens and unknown addresses', () => {
  afterEach(() => HostedWindow.closeAll());

  it('shows the app\'s login hint fixed on /identifier-sign-in, with "Change" to edit it', async function () {
    this.timeout(15000);
    const app = await socialApp({
      signIn: {
        methods: [
          { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
          { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
        ],
      },
    });
    const email = `${uniqueName('hint')}@example.com`;
    await addUser({ username: uniqueName('hint'), password: PASSWORD, email, name: 'Hinted User' });
    const page = HostedWindow.openBlank(
      `/oidc/auth?client_id=${app.appId}&first_screen=identifier:sign_in&identifier=email&login_hint=${encodeURIComponent(email)}`,
    );
    await page.waitForHeading('Sign in');
    expect(page.path).to.equal('/identifier-sign-in');
    expect(page.form!.querySelector('.si-fixed')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Signing in as ${email} Change`);
    // Only email is asked for: no social buttons, and the way back to every option.
    expect(page.query('social-buttons')).to.equal(null);
    page.button('Change').click();
    await until(() => page.form!.querySelector<HTMLInputElement>('input[name="identifier"]:not([type="hidden"])'), 'no field after "Change"');
    const field = page.form!.querySelector<HTMLInputElement>('input[name="identifier"]')!;
    expect(field.type).to.equal('email');
    expect(field.value).to.equal(email);
    page.fill('password', PASSWORD);
    page.form!.requestSubmit();
    await page.waitForPath('/demo/callback', 12000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Hinted User');
  });

  it('says an unknown address is not a page, and offers sign-in', async function () {
    this.timeout(15000);
    const app = await socialApp();
    const page = HostedWindow.openBlank(`/no-such-page?app_id=${app.appId}`);
    await page.waitForHeading('Page not found');
    expect(page.form!.querySelector('input'), 'no sign-in fields on a page that does not exist').to.equal(null);
    page.button('Go to sign in').click();
    await page.waitForHeading('Sign in');
  });
});

describe("the tenant's profile fields", () => {
  afterEach(() => HostedWindow.closeAll());

  const company = { name: 'company', type: 'Text', label: 'Company', description: 'Where you work', required: true, config: { maxLength: 64 } };
  const website = { name: 'website', type: 'Url', label: 'Website', description: null, required: false, config: {} };
  const newsletter = { name: 'newsletter', type: 'Checkbox', label: 'Subscribe to the newsletter', description: null, required: false, config: {} };
  const PROFILE_TENANT = {
    signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
    signUp: { identifiers: ['username'], password: true },
    agreeToTermsPolicy: 'Automatic',
    customProfileFieldCatalog: [company, website, newsletter],
    customProfileFields: [company, website, newsletter],
    signUpProfileFields: [{ name: 'company' }, { name: 'website' }, { name: 'newsletter' }],
  };

  it('asks a new account for the fields, checks them in the browser and sends them in Logto\'s shape', async function () {
    this.timeout(20000);
    const app = await socialApp(PROFILE_TENANT);
    const page = HostedWindow.openBlank(`/oidc/auth?client_id=${app.appId}&first_screen=register`);
    await page.waitForHeading('Create your account');
    page.fill('identifier', uniqueName('prof'));
    page.form!.requestSubmit();
    await page.waitForHeading('Set a password');
    page.fill('password', 'Tulip-Garden-42');
    page.fill('confirm', 'Tulip-Garden-42');
    page.form!.requestSubmit();
    await page.waitForHeading('Tell us about yourself');
    expect(page.path).to.equal('/continue/extraProfile');
    const field = (name: string) => page.form!.querySelector<HTMLInputElement>(`[name="profile:${name}"]`)!;
    const errorOf = (name: string) => {
      const ids = field(name).getAttribute('aria-describedby')?.split(' ') ?? [];
      return ids.map((id) => page.doc.getElementById(id)).find((element) => element?.classList.contains('si-error'))?.textContent?.trim();
    };

    page.form!.requestSubmit();
    await until(() => errorOf('company') === 'Fill in “Company”.', () => `no required error under Company (${errorOf('company') ?? 'none'})`);
    expect(field('company').getAttribute('aria-invalid')).to.equal('true');

    field('company').value = 'ACME Inc.';
    field('website').value = 'javascript:alert(1)';
    page.form!.requestSubmit();
    await until(() => errorOf('website') === 'Enter a full web address, like https://example.com.', 'no URL error under Website');
    expect(field('company').value, 'what was typed stays').to.equal('ACME Inc.');

    field('website').value = 'https://acme.example';
    field('newsletter').click();
    page.form!.requestSubmit();
    await page.waitForPath('/demo/callback', 12000);
    const profiles = (await app.requests()).filter((request) => request.path === '/api/experience/profile').map(bodyOf);
    expect(profiles.at(-1)).to.deep.equal({
      type: 'extraProfile',
      values: { company: 'ACME Inc.', website: 'https://acme.example', newsletter: true },
    });
  });
});
