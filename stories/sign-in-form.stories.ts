import type { Meta, StoryObj } from '@storybook/web-components-vite';

import { atStep, expectEqual, expectTrue, fieldsOf, formIn, input, typeInto, until } from './support/play.js';
import { type FormArgs, formStoryDefaults } from './support/form.js';
import recorded from '../test/fixtures/logto-1.42/j00-discovery/03-sign-in-exp.json' with { type: 'json' };
import { typedPhone, uniquePhone } from './support/emulator.js';

/** Sign-in methods of one kind: which identifier, and whether it takes a password or a code. */
function methods(...list: [identifier: 'username' | 'email' | 'phone', password: boolean, code: boolean][]) {
  return {
    signIn: {
      methods: list.map(([identifier, password, verificationCode]) => ({
        identifier,
        password,
        verificationCode,
        isPasswordPrimary: password && !verificationCode,
      })),
    },
  };
}

/**
 * `<sign-in-form>` against the emulator mounted in Storybook: each story registers an emulator app
 * with its own sign-in-experience config and starts an interaction for it, so the element renders
 * exactly what a user of that tenant sees. Journeys through the steps are under "Journeys".
 */
const meta: Meta<FormArgs> = {
  title: 'Elements/sign-in-form',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** The emulator's demo tenant: username, email or phone first, social providers, terms. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectTrue(form.querySelector('social-buttons'), 'the tenant has social providers, but no buttons are shown');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { backgrounds: { value: 'page-dark' } },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(form.dataset.scheme, 'dark', 'the scheme in effect');
  },
};

/** Waiting for the tenant's config: a skeleton and a status for screen readers. */
export const Loading: Story = {
  parameters: { faults: [{ path: '/api/.well-known/sign-in-exp', answer: 'hang' }] },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await until(() => fieldsOf(form).querySelector('[role="status"]'), 'no loading status is announced');
    expectTrue(fieldsOf(form).querySelector('.si-skeleton'), 'no skeleton is shown while loading');
    expectEqual(form.step, undefined, 'the step while the config loads');
  },
};

/** Usernames with a password: both fields on one screen. */
export const Username: Story = {
  parameters: { tenant: methods(['username', true, false]) },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(input(form, 'identifier').autocomplete, 'username', 'autocomplete of the identifier');
    expectEqual(input(form, 'password').autocomplete, 'current-password', 'autocomplete of the password');
  },
};

/** Email first; the code is sent after "Continue", with a password as the alternative. */
export const Email: Story = {
  parameters: { tenant: methods(['email', true, true]) },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(input(form, 'identifier').type, 'email', 'type of the identifier field');
    expectTrue(!fieldsOf(form).querySelector('input[name="password"]'), 'a password field is shown before the email');
  },
};

/** Phone numbers with a code: the field has a country-code picker that follows a typed "+86". */
export const Phone: Story = {
  parameters: { tenant: methods(['phone', false, true]) },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(input(form, 'identifier').type, 'tel', 'type of the identifier field');
    await typeInto(form, 'identifier', typedPhone(uniquePhone()));
    await until(
      () => fieldsOf(form).querySelector<HTMLSelectElement>('select[name="country"]')?.value === 'CN',
      'the country picker did not follow the typed +86',
    );
  },
};

/** Username, email or phone with a password, all on one screen. */
export const CombinedIdentifierAndPassword: Story = {
  parameters: { tenant: methods(['username', true, false], ['email', true, false], ['phone', true, false]) },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectTrue(input(form, 'identifier') && input(form, 'password'), 'identifier and password are not on one screen');
  },
};

/** `login-hint` prefills the identifier, as Logto's `login_hint` does. */
export const LoginHint: Story = {
  args: { loginHint: 'alice@example.com' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(input(form, 'identifier').value, 'alice@example.com', 'the prefilled identifier');
  },
};

/** Arabic, right to left: identifiers, phone numbers and codes stay left to right. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(document.documentElement.dir, 'rtl', 'the direction of the page');
    expectEqual(input(form, 'identifier').closest('[dir]')?.getAttribute('dir'), 'ltr', 'the direction of the identifier');
  },
};

export const Persian: Story = {
  globals: { locale: 'fa-IR' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(document.documentElement.dir, 'rtl', 'the direction of the page');
  },
};

/**
 * The sign-in experience a real Logto 1.42 server served (test/fixtures/logto-1.42, recorded),
 * as the emulator's config for this story. Its logos point at logto.io; they are swapped for the
 * emulator's own so the story needs no network.
 */
export const RecordedLogtoConfig: Story = {
  parameters: {
    tenant: {
      ...recorded.response.body,
      branding: { logoUrl: '/__emulator/assets/logo.svg', darkLogoUrl: '/__emulator/assets/logo-dark.svg' },
      socialConnectors: recorded.response.body.socialConnectors.map((connector) => ({
        ...connector,
        logo: '/__emulator/assets/oauth2.svg',
        logoDark: '/__emulator/assets/oauth2-dark.svg',
      })),
    },
  },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    // Username with a password, email with a password or a code: identifier first.
    expectTrue(!fieldsOf(form).querySelector('input[name="password"]'), 'the password is asked with the identifier');
    const fakeIdp = form.querySelector('social-buttons')?.shadowRoot?.querySelector('button[data-target="fake-idp"]');
    expectTrue(fakeIdp, 'the recorded Fake IdP connector has no button');
  },
};
