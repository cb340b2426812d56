import type { Meta, StoryObj } from '@storybook/web-components-vite';

import { type FormArgs, formStoryDefaults } from '../support/form.js';
import { atStep, expectEqual, fieldsOf, formIn, heading, input, pressSubmit, submitExpectingError, typeInto, until } from '../support/play.js';

/** Single sign-on for two email domains (the second served by two identity providers). */
const SSO_TENANT = {
  singleSignOnEnabled: true,
  ssoConnectors: [
    { id: 'acme-oidc', connectorName: 'Acme Workforce', domains: ['acme.test'] },
    { id: 'globex-saml', connectorName: 'Globex SAML', domains: ['globex.test'] },
    { id: 'globex-oidc', connectorName: 'Globex Okta', domains: ['globex.test'] },
  ],
};

/**
 * The account this browser is signed in with, as Logto 1.42 describes it
 * (`GET /api/interaction/consent`); the emulator keeps no session between interactions.
 */
const SIGNED_IN = {
  user: {
    id: 'u-alice',
    name: 'Alice Liddell',
    avatar: null,
    username: 'alice',
    primaryEmail: 'alice@example.com',
    primaryPhone: null,
  },
  redirectUri: 'https://app.example.com/callback',
};

/**
 * The screens of a tenant's enterprise features: single sign-on by email domain, the
 * identifier-only sign-in an app can ask for, a magic link opened where someone else is signed
 * in, and the pages of their own (a suspended account, an address that is not a page).
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Enterprise',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** `first_screen=single_sign_on`: the work email picks the identity provider. */
export const SingleSignOn: Story = {
  args: { screen: 'single-sign-on' },
  parameters: { tenant: SSO_TENANT },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'single-sign-on');
    expectEqual(heading(form), 'Single sign-on', 'the heading');
  },
};

/** A domain without single sign-on: said in the step's alert, and what was typed stays. */
export const SingleSignOnUnknownDomain: Story = {
  args: { screen: 'single-sign-on' },
  parameters: { tenant: SSO_TENANT },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'single-sign-on');
    await typeInto(form, 'identifier', 'someone@example.com');
    const sentence = 'Single sign-on is not set up for this email domain. Check the address, or sign in another way.';
    await submitExpectingError(form, 'sso.not_enabled', 'alert', sentence);
    expectEqual(input(form, 'identifier').value, 'someone@example.com', 'what was typed');
  },
};

/** Two identity providers serve the domain: the user picks one (names clamp to two lines). */
export const ChooseIdentityProvider: Story = {
  args: { screen: 'single-sign-on' },
  parameters: { tenant: SSO_TENANT },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'single-sign-on');
    await typeInto(form, 'identifier', 'someone@globex.test');
    pressSubmit(form);
    await atStep(form, 'sso-connectors');
    const names = await until(() => {
      const found = [...fieldsOf(form).querySelectorAll('.si-provider')].map((button) => button.textContent?.trim());
      return found.length === 2 ? found : undefined;
    }, 'the two identity providers are not listed');
    expectEqual(names.join(' | '), 'Globex SAML | Globex Okta', 'the identity providers');
  },
};

/** `first_screen=identifier:sign_in` with the app's `login_hint`, shown fixed with "Change". */
export const IdentifierSignInWithHint: Story = {
  args: { screen: 'identifier-sign-in', loginHint: 'alice@example.com' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'identifier-sign-in');
    const fixed = await until(() => fieldsOf(form).querySelector('.si-fixed'), 'the identifier is not shown fixed');
    expectEqual(fixed.querySelector('bdi')?.textContent, 'alice@example.com', 'the fixed identifier');
  },
};

/**
 * Logto's `/switch-account`: a magic link for another email, opened where Alice is signed in.
 * "Continue as …" uses the link; "Stay with the current account" goes back to the app.
 */
export const SwitchAccount: Story = {
  args: { screen: 'working' },
  parameters: { faults: [{ path: '/api/interaction/consent', method: 'GET', answer: { status: 200, json: SIGNED_IN } }] },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await form.withFlow((flow) => flow.offerSwitchAccount('a-link-token', 'new.owner@example.com'));
    await atStep(form, 'switch-account');
    expectEqual(heading(form), 'Switch account?', 'the heading');
  },
};

/** Logto's `/account-suspended`. */
export const AccountSuspended: Story = {
  args: { screen: 'account-suspended' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'account-suspended');
    expectEqual(heading(form), 'Account suspended', 'the heading');
  },
};

/** An address that is not one of the sign-in pages. */
export const NotFound: Story = {
  args: { screen: 'not-found' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'not-found');
    expectEqual(heading(form), 'Page not found', 'the heading');
  },
};
