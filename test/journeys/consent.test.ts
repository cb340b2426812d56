/**
 * The consent screen of a third-party app (Logto's `/consent`), end to end against the emulator:
 * sign in on the hosted page, land on `/consent`, read what the app asks for, pick an
 * organization, Authorize (the app gets a code, the server got the organization) or Cancel (the
 * app's redirect URI opens with no code, as Logto's page does). A failing Authorize says so and
 * keeps the choice; the screen is checked with axe and driven with the keyboard.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/components/consent/define.js';
import type { RecordedRequest } from '../../src/emulator/emulator.js';
import { ExperienceClient, type SiErrorEvent, type SignInConsent, type SiSuccessEvent } from '../../src/index.js';
import { addUser, PASSWORD_ONLY, uniqueName } from '../helpers/emulator.js';
import { armFaults, disarmAll } from '../helpers/faults.js';
import { clearPageStorage, HostedFrame } from '../helpers/journeys.js';

const PASSWORD = 'Consent-Pa55!';
const API = 'https://api.print-shop.example';
const SCOPE = 'openid profile email urn:logto:scope:organizations read:orders read:projects';

interface ThirdParty {
  appId: string;
  username: string;
  email: string;
  organizations: { id: string; name: string }[];
  /** What the emulated server received from this app (Experience API and consent calls). */
  requests(): Promise<RecordedRequest[]>;
}

/**
 * A third-party app with user, API and organization scopes, and a user who is a member of two
 * organizations (a third one exists that the user is not in).
 */
async function thirdPartyApp(): Promise<ThirdParty> {
  const username = uniqueName('consent');
  const email = `${username}@example.com`;
  await addUser({ username, password: PASSWORD, email, name: 'Tess Party' });
  const appId = `tp-${username}`;
  const organizations = [
    { id: `acme-${username}`, name: 'Acme Studio', members: [username] },
    { id: `wonder-${username}`, name: 'Wonderland Press', members: [email] },
  ];
  const response = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      appId,
      signInExperience: PASSWORD_ONLY,
      thirdParty: {
        name: 'Print Shop',
        isThirdParty: true,
        logoUrl: '/__emulator/assets/print-shop.svg',
        termsOfUseUrl: '/__emulator/terms',
        privacyPolicyUrl: '/__emulator/privacy',
        userScopes: ['profile', 'email', 'urn:logto:scope:organizations'],
        resources: [{ indicator: API, name: 'Print Shop API', scopes: [{ name: 'read:orders', description: 'See your print orders' }] }],
        organizationScopes: [{ name: 'read:projects', description: "See the organization's projects" }],
      },
      organizations: [...organizations, { id: `other-${username}`, name: 'Someone Else Ltd', members: ['nobody'] }],
    }),
  });
  if (!response.ok) throw new Error(`registering the app failed: ${await response.text()}`);
  return {
    appId,
    username,
    email,
    organizations: organizations.map(({ id, name }) => ({ id, name })),
    requests: async () => (await (await fetch(`/__emulator/requests?appId=${encodeURIComponent(appId)}`)).json()) as RecordedRequest[],
  };
}

/** The app's authorization request, as a client SDK would send it. */
function authorizationUrl(appId: string): string {
  const query = new URLSearchParams({
    client_id: appId,
    redirect_uri: `${location.origin}/demo/callback`,
    response_type: 'code',
    scope: SCOPE,
    state: 'st-consent',
  });
  query.append('resource', API);
  query.append('resource', 'urn:logto:resource:organizations');
  return `/oidc/auth?${query.toString()}`;
}

/** Signs in through the API and follows the resume URL: the browser now holds a consent interaction. */
async function consentInteraction(app: ThirdParty): Promise<void> {
  await fetch(authorizationUrl(app.appId), { redirect: 'manual' });
  const client = new ExperienceClient({ appId: app.appId });
  await client.startInteraction('SignIn');
  const verificationId = await client.verifyPassword({ type: 'username', value: app.username }, PASSWORD);
  await client.identify({ verificationId });
  const redirectTo = await client.submit();
  const resumed = await fetch(redirectTo!, { redirect: 'manual' });
  if (resumed.type !== 'opaqueredirect') throw new Error('the resume URL did not redirect to the consent page');
}

// ----- reading the screen ------------------------------------------------------------------------

class ConsentScreen {
  constructor(readonly element: SignInConsent) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  async ready(): Promise<this> {
    await waitUntil(() => this.root?.querySelector('h1') && this.root.querySelector('.actions'), 'the consent screen did not render', {
      timeout: 8000,
    });
    return this;
  }

  text(selector: string): string {
    return this.root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Each scope group: its title → its lines. */
  groups(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const group of this.root.querySelectorAll('.group')) {
      const title = group.querySelector('h3')?.textContent?.trim() ?? '';
      out[title] = [...group.querySelectorAll('li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    }
    return out;
  }

  radios(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  }

  /** Organization names with the picked one marked: `['Acme Studio', '* Wonderland Press']`. */
  organizations(): string[] {
    return this.radios().map((radio) => `${radio.checked ? '* ' : ''}${radio.closest('label')?.textContent?.trim() ?? ''}`);
  }

  button(text: string): HTMLButtonElement {
    const buttons = [...this.root.querySelectorAll<HTMLButtonElement>('button')];
    const found = buttons.find((button) => button.textContent?.replace(/\s+/g, ' ').trim() === text);
    if (!found) throw new Error(`no button "${text}" among ${buttons.map((button) => button.textContent?.trim()).join(' | ')}`);
    return found;
  }

  live(): string {
    return this.text('.live');
  }
}

function consentCalls(requests: RecordedRequest[]): string[] {
  return requests
    .filter((request) => request.path === '/api/interaction/consent')
    .map((request) => `${request.method} ${request.status} ${JSON.stringify(request.body)}`);
}

// ----- the hosted page -----------------------------------------------------------------------------

describe('consent for a third-party app: the hosted page', () => {
  afterEach(() => {
    HostedFrame.closeAll();
    clearPageStorage();
  });

  async function signInToConsent(app: ThirdParty): Promise<{ frame: HostedFrame; screen: ConsentScreen }> {
    const frame = await HostedFrame.open(authorizationUrl(app.appId));
    const form = await frame.form();
    await form.type('identifier', app.username);
    await form.type('password', PASSWORD);
    form.submitButton().click();
    await frame.waitForPath('/consent');
    expect(frame.query('app_id')).to.equal(app.appId);
    await waitUntil(() => frame.doc.querySelector('sign-in-consent')?.shadowRoot, 'no <sign-in-consent> on /consent', { timeout: 8000 });
    expect(frame.doc.querySelector('sign-in-form'), 'the sign-in form is not on the consent page').to.equal(null);
    return { frame, screen: await new ConsentScreen(frame.doc.querySelector('sign-in-consent')!).ready() };
  }

  it('shows the app, the user, the scopes and the organizations; Authorize for the picked organization gives the app a code', async () => {
    const app = await thirdPartyApp();
    const { frame, screen } = await signInToConsent(app);

    expect(screen.text('h1')).to.equal('Authorize Print Shop');
    expect(screen.root.querySelector<HTMLImageElement>('.app-logo')?.src).to.equal(`${location.origin}/__emulator/assets/print-shop.svg`);
    expect(screen.text('.user .name')).to.equal('Tess Party');
    expect(screen.text('.user .identifier')).to.equal(app.email);
    expect(screen.text('h2')).to.equal('Print Shop is asking for:');
    expect(screen.groups()).to.deep.equal({
      'Your information': ['Your name, username, picture and other profile details', 'Your email address', 'Your organizations'],
      'Print Shop API': ['See your print orders'],
      'Organization access': ["See the organization's projects"],
    });
    expect(screen.text('legend')).to.equal('Choose the organization the app may access:');
    expect(screen.organizations()).to.deep.equal(['* Acme Studio', 'Wonderland Press']);
    const links = [...screen.root.querySelectorAll<HTMLAnchorElement>('.note a[target="_blank"]')].map((link) => link.href);
    expect(links).to.deep.equal([`${location.origin}/__emulator/terms`, `${location.origin}/__emulator/privacy`]);
    expect(screen.text('.actions + .note')).to.equal(
      `By authorizing, you agree to the Terms of use and Privacy policy of Print Shop and will be taken to ${location.origin}.`,
    );

    screen.radios()[1]!.click();
    expect(screen.organizations()).to.deep.equal(['Acme Studio', '* Wonderland Press']);
    screen.button('Authorize').click();
    await frame.waitForPath('/demo/callback');

    expect(frame.query('code'), 'the app received no code').to.be.a('string').and.not.equal('');
    expect(frame.query('state')).to.equal('st-consent');
    expect(frame.doc.querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal('Tess Party');
    expect(frame.doc.querySelector('[data-testid="granted-organization"]')?.textContent).to.equal('Wonderland Press');
    expect(frame.doc.querySelector('[data-testid="granted-scopes"]')?.textContent).to.equal(
      'openid profile email urn:logto:scope:organizations read:orders read:projects',
    );
    expect(consentCalls(await app.requests())).to.deep.equal([
      'GET 200 {}',
      `POST 200 {"organizationIds":["${app.organizations[1]!.id}"]}`,
    ]);
  });

  it('Cancel opens the app’s redirect URI with no code and sends nothing, as Logto’s page does', async () => {
    const app = await thirdPartyApp();
    const { frame, screen } = await signInToConsent(app);
    screen.button('Cancel').click();
    await frame.waitForPath('/demo/callback');

    expect(frame.query('code')).to.equal(null);
    expect(frame.doc.querySelector('[data-testid="callback-empty"]'), 'the app does not say that nothing arrived').to.not.equal(null);
    expect(consentCalls(await app.requests())).to.deep.equal(['GET 200 {}']);
  });

  it('"Use another account" goes back to sign-in for the same app, and the other account is asked again', async () => {
    const app = await thirdPartyApp();
    const { frame, screen } = await signInToConsent(app);
    const other = uniqueName('other');
    await addUser({ username: other, password: PASSWORD, name: 'Other Person' });
    const link = [...screen.root.querySelectorAll<HTMLAnchorElement>('.note a')].find((a) => a.textContent?.trim() === 'Use another account')!;
    expect(screen.text('.note:last-child')).to.equal('Not you? Use another account');
    link.click();
    await frame.waitForPath('/sign-in');
    expect(frame.query('app_id')).to.equal(app.appId);

    const form = await frame.form();
    await form.type('identifier', other);
    await form.type('password', PASSWORD);
    form.submitButton().click();
    await frame.waitForPath('/consent');
    await waitUntil(() => frame.doc.querySelector('sign-in-consent')?.shadowRoot?.querySelector('.user'), 'no consent screen', {
      timeout: 8000,
    });
    const again = await new ConsentScreen(frame.doc.querySelector('sign-in-consent')!).ready();
    expect(again.text('.user .name')).to.equal('Other Person');
    // The other account is in no organization: there is nothing to pick.
    expect(again.radios()).to.have.length(0);
  });

  it('the demo app shows an error it receives at its redirect URI', async () => {
    const frame = await HostedFrame.open('/demo/callback?error=access_denied&error_description=The+user+said+no');
    expect(frame.doc.querySelector('[data-testid="callback-error"]')?.textContent).to.equal('access_denied');
    expect(frame.doc.body.textContent).to.contain('The user said no');
  });
});

// ----- the element on its own ----------------------------------------------------------------------

describe('consent for a third-party app: <sign-in-consent>', () => {
  after(() => disarmAll());

  async function mountFor(app: ThirdParty, theme: 'light' | 'dark' = 'light'): Promise<ConsentScreen> {
    await consentInteraction(app);
    const element = await fixture<SignInConsent>(html`<sign-in-consent app-id=${app.appId} theme=${theme}></sign-in-consent>`);
    return new ConsentScreen(element).ready();
  }

  /** Resolves with the next si-success, stopping the navigation. */
  function nextSuccess(element: SignInConsent): Promise<SiSuccessEvent> {
    return new Promise((resolve) =>
      element.addEventListener(
        'si-success',
        (event) => {
          event.preventDefault();
          resolve(event);
        },
        { once: true },
      ),
    );
  }

  it('a failing Authorize says why in the live region and keeps the picked organization; the next try succeeds', async () => {
    const app = await thirdPartyApp();
    const screen = await mountFor(app);
    screen.radios()[1]!.click();
    const errors: SiErrorEvent[] = [];
    screen.element.addEventListener('si-error', (event) => errors.push(event));

    await armFaults(app.appId, [
      {
        method: 'POST',
        path: '/api/interaction/consent',
        times: 1,
        response: {
          status: 422,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'organization.require_membership', message: 'The user must be a member of the organization to proceed.' }),
        },
      },
      {
        method: 'POST',
        path: '/api/interaction/consent',
        times: 1,
        response: { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Internal server error.' }) },
      },
    ]);

    screen.button('Authorize').click();
    await waitUntil(() => screen.live(), 'no sentence after the failed Authorize', { timeout: 5000 });
    const membership = 'You are not a member of this organization. Choose another one, or ask its administrator to add you.';
    expect(screen.live()).to.equal(membership);
    expect(screen.root.querySelector('.live')?.getAttribute('aria-live')).to.equal('assertive');
    expect(errors.map((event) => [event.detail.code, event.detail.message])).to.deep.equal([['organization.require_membership', membership]]);
    expect(screen.organizations()).to.deep.equal(['Acme Studio', '* Wonderland Press']);
    expect(screen.button('Authorize').getAttribute('aria-disabled')).to.equal('false');

    screen.button('Authorize').click();
    await waitUntil(() => screen.live() === 'Something went wrong on the server. Try again in a moment.', 'no sentence for the 500', {
      timeout: 5000,
    });
    expect(screen.organizations()).to.deep.equal(['Acme Studio', '* Wonderland Press']);

    const success = nextSuccess(screen.element);
    screen.button('Authorize').click();
    const { detail } = await success;
    expect(detail.redirectTo).to.match(new RegExp(`^${location.origin}/oidc/auth/\\w+$`));
    expect(screen.live()).to.equal('');
    // The faulted attempts never reached the emulator; the last one did, with the same choice.
    expect(consentCalls(await app.requests()).at(-1)).to.equal(`POST 200 {"organizationIds":["${app.organizations[1]!.id}"]}`);
  });

  it('is usable with the keyboard: arrows pick the organization, Tab reaches Cancel then Authorize, Enter authorizes', async () => {
    const app = await thirdPartyApp();
    const screen = await mountFor(app);
    screen.radios()[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(screen.organizations()).to.deep.equal(['Acme Studio', '* Wonderland Press']);
    await sendKeys({ press: 'Tab' });
    expect(screen.root.activeElement?.textContent?.trim()).to.equal('Cancel');
    await sendKeys({ press: 'Tab' });
    expect(screen.root.activeElement?.textContent?.trim()).to.equal('Authorize');
    const success = nextSuccess(screen.element);
    await sendKeys({ press: 'Enter' });
    await success;
    expect(consentCalls(await app.requests()).at(-1)).to.equal(`POST 200 {"organizationIds":["${app.organizations[1]!.id}"]}`);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe (${theme}), with an error showing too`, async () => {
      const app = await thirdPartyApp();
      const screen = await mountFor(app, theme);
      expect(screen.element.dataset.scheme).to.equal(theme);
      await expect(screen.element).to.be.accessible();
      await armFaults(app.appId, [
        { method: 'POST', path: '/api/interaction/consent', times: 1, response: { status: 503, headers: { 'content-type': 'text/plain' }, body: 'down' } },
      ]);
      screen.button('Authorize').click();
      await waitUntil(() => screen.live(), 'no sentence', { timeout: 5000 });
      await expect(screen.element).to.be.accessible();
    });
  }

  it('says that the session is gone when there is no consent to give', async () => {
    const app = await thirdPartyApp();
    // An interaction where nobody signed in yet: Logto answers 400 session.not_found.
    await fetch(authorizationUrl(app.appId), { redirect: 'manual' });
    const element = await fixture<SignInConsent>(html`<sign-in-consent app-id=${app.appId}></sign-in-consent>`);
    const screen = new ConsentScreen(element);
    await waitUntil(() => screen.text('.alert'), 'no sentence', { timeout: 5000 });
    expect(screen.text('h1')).to.equal('Authorization is unavailable');
    expect(screen.text('.alert')).to.equal('This sign-in session has expired. Go back to the app and sign in again.');
    await expect(element).to.be.accessible();
  });
});
