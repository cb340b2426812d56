import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import { defineConsent, ExperienceClient, type SignInConsent, type SiSuccessEvent, type ThemeMode } from '../../src/index.js';
import { addUser, uniqueUsername } from '../support/emulator.js';
import type { SchemeParameter } from '../support/form.js';
import { expectEqual, expectTrue, PlayError, until } from '../support/play.js';

const PASSWORD = 'Tulip-Garden-42';
const API = 'https://api.print-shop.example';

/** The attributes of `<sign-in-consent>` a story sets. */
interface ConsentArgs {
  theme: ThemeMode;
}

/** What a story's third-party app asks for, and the organizations its user is in. */
interface ConsentParameters {
  /** User scopes the app asks for (`profile`, `email`, `urn:logto:scope:organizations`…). */
  userScopes?: string[];
  /** The app's API resource scopes (`read:orders`). */
  apiScopes?: { name: string; description?: string }[];
  /** Organization scopes (`read:projects`). */
  organizationScopes?: { name: string; description?: string }[];
  /** Names of the organizations the user is a member of. */
  organizations?: string[];
  /** The app's own terms and privacy links. */
  terms?: boolean;
  /** The user signs in but the consent interaction is never opened (the session is gone). */
  noSession?: boolean;
}

/**
 * The consent a third-party app asks for, in the emulator: the app (with its consent settings), a
 * user in the story's organizations, a sign-in through the Experience API, and the resume URL that
 * opens the consent interaction, as the browser would follow it. Nothing is faked: the element
 * reads `GET /api/interaction/consent` from the emulator.
 */
async function consentLoader(context: { parameters: ConsentParameters }): Promise<{ appId: string }> {
  const {
    userScopes = ['profile', 'email'],
    apiScopes = [],
    organizationScopes = [],
    organizations = [],
    terms = true,
    noSession = false,
  } = context.parameters;
  const username = uniqueUsername('consent');
  await addUser({ username, password: PASSWORD, email: `${username}@example.com`, name: 'Alice Liddell' });
  const appId = `story-${username}`;
  const registered = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      appId,
      thirdParty: {
        name: 'Print Shop',
        isThirdParty: true,
        logoUrl: '/__emulator/assets/print-shop.svg',
        ...(terms ? { termsOfUseUrl: '/__emulator/terms', privacyPolicyUrl: '/__emulator/privacy' } : {}),
        userScopes,
        resources: apiScopes.length > 0 ? [{ indicator: API, name: 'Print Shop API', scopes: apiScopes }] : [],
        organizationScopes,
      },
      organizations: organizations.map((name, index) => ({ id: `${appId}-org${index}`, name, members: [username] })),
    }),
  });
  if (!registered.ok) throw new PlayError(`the app could not be registered: ${await registered.text()}`);

  const query = new URLSearchParams({
    client_id: appId,
    redirect_uri: `${location.origin}/demo/callback`,
    response_type: 'code',
    scope: ['openid', ...userScopes, ...apiScopes.map((scope) => scope.name), ...organizationScopes.map((scope) => scope.name)].join(' '),
  });
  if (apiScopes.length > 0) query.append('resource', API);
  if (organizationScopes.length > 0) query.append('resource', 'urn:logto:resource:organizations');
  await fetch(`/oidc/auth?${query.toString()}`, { redirect: 'manual' });
  if (!noSession) {
    const client = new ExperienceClient({ appId });
    await client.startInteraction('SignIn');
    const verificationId = await client.verifyPassword({ type: 'username', value: username }, PASSWORD);
    await client.identify({ verificationId });
    const redirectTo = await client.submit();
    // The resume URL opens the consent interaction (the browser would now be on /consent).
    await fetch(redirectTo!, { redirect: 'manual' });
  }
  await defineConsent();
  return { appId };
}

/** Keeps Storybook's frame where it is after Authorize. */
function stayOnPage(event: SiSuccessEvent): void {
  event.preventDefault();
}

function renderConsent(args: ConsentArgs, context: { loaded: Record<string, unknown> }): TemplateResult {
  const { appId } = context.loaded as { appId?: string };
  return html`<div style="inline-size: min(420px, 100vw - 32px)">
    <sign-in-consent app-id=${ifDefined(appId)} theme=${args.theme} @si-success=${stayOnPage}></sign-in-consent>
  </div>`;
}

/**
 * The consent screen of a third-party app (Logto's `/consent`): who is signed in, what the app
 * asks for in plain language, the organization to give it, the app's terms, and Authorize or
 * Cancel. The hosted page shows it on `/consent`; it themes itself like `<sign-in-form>`.
 */
const meta: Meta<ConsentArgs> = {
  title: 'Journeys/Consent',
  component: 'sign-in-consent',
  args: { theme: 'auto' },
  argTypes: {
    theme: { type: 'string', control: 'inline-radio', options: ['auto', 'light', 'dark'], description: 'Colour scheme (`theme` attribute).' },
  },
  parameters: { scheme: { arg: 'theme', light: 'light', dark: 'dark' } satisfies SchemeParameter },
  loaders: [consentLoader],
  render: renderConsent,
};
export default meta;

type Story = StoryObj<ConsentArgs>;

// ----- play helpers --------------------------------------------------------------------------------

function consentIn(canvas: HTMLElement): SignInConsent {
  const element = canvas.querySelector('sign-in-consent');
  if (!element) throw new PlayError('there is no <sign-in-consent> in the story');
  return element;
}

/** Waits for the screen with its buttons (or a failure) and returns its shadow root. */
async function shown(canvas: HTMLElement, what: '.actions' | '.alert' = '.actions'): Promise<ShadowRoot> {
  const element = consentIn(canvas);
  await until(() => element.shadowRoot?.querySelector(what), `the consent screen did not show ${what}`);
  await element.updateComplete;
  return element.shadowRoot!;
}

function radios(root: ShadowRoot): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

// ----- stories ---------------------------------------------------------------------------------------

/**
 * The app asks for the user's data, an API of its own and access to an organization: the user is
 * in two, and picks the second.
 */
export const Organizations: Story = {
  parameters: {
    userScopes: ['profile', 'email', 'urn:logto:scope:organizations'],
    apiScopes: [
      { name: 'read:orders', description: 'See your print orders' },
      { name: 'write:orders', description: 'Place print orders for you' },
    ],
    organizationScopes: [{ name: 'read:projects', description: "See the organization's projects" }],
    organizations: ['Acme Studio', 'Wonderland Press'],
  },
  play: async ({ canvasElement }) => {
    const root = await shown(canvasElement);
    const options = radios(root);
    expectEqual(options.length, 2, 'organizations to pick from');
    expectTrue(options[0]?.checked, 'the first organization is not picked at first');
    options[1]!.click();
    await consentIn(canvasElement).updateComplete;
    expectTrue(radios(root)[1]?.checked, 'the second organization could not be picked');
    expectEqual(root.querySelectorAll('.group').length, 3, 'scope groups (your information, the API, organization access)');
  },
};

/** Only the user's own data, no organizations, and no terms of the app: where Authorize leads is said. */
export const PersonalDataOnly: Story = {
  parameters: { userScopes: ['profile', 'email', 'phone'], terms: false },
  play: async ({ canvasElement }) => {
    const root = await shown(canvasElement);
    expectEqual(radios(root).length, 0, 'organizations to pick from');
    expectEqual(root.querySelectorAll('.group li').length, 3, 'lines of personal data');
    expectTrue(root.querySelector('.actions + .note bdi'), 'where Authorize leads is not said');
  },
};

/** The consent was asked for too late: the session is gone, and the screen says so. */
export const SessionExpired: Story = {
  parameters: { noSession: true },
  play: async ({ canvasElement }) => {
    const root = await shown(canvasElement, '.alert');
    expectTrue(root.querySelector('button'), 'there is no way to try again');
  },
};

/** Right to left (Arabic): names and addresses stay isolated in their own direction. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  parameters: {
    userScopes: ['profile', 'email', 'urn:logto:scope:organizations'],
    apiScopes: [{ name: 'read:orders', description: 'See your print orders' }],
    organizationScopes: [{ name: 'read:projects', description: "See the organization's projects" }],
    organizations: ['Acme Studio', 'Wonderland Press'],
  },
  play: async ({ canvasElement }) => {
    const root = await shown(canvasElement);
    expectEqual(getComputedStyle(root.querySelector('h1')!).direction, 'rtl', 'direction of the heading');
    expectTrue(root.querySelector('h1 bdi')?.textContent === 'Print Shop', 'the app name is not isolated in the heading');
    expectEqual(radios(root).length, 2, 'organizations to pick from');
  },
};
