import type { Meta, StoryObj } from '@storybook/web-components-vite';

import type { SignInForm, Step } from '../../src/index.js';
import { addUser, latestCode, uniqueEmail, uniqueUsername } from '../support/emulator.js';
import { type FormArgs, formStoryDefaults } from '../support/form.js';
import { atStep, expectEqual, formIn, input, pressSubmit, typeInto } from '../support/play.js';

const PASSWORD = 'Tulip-Garden-42';

/** Sign-up now requires this, and the accounts below were created before it did. */
const requires = (identifiers: string[], password = true) => ({ signUp: { identifiers, password, verify: true } });

/**
 * An existing account signs in, but the tenant's sign-up rules now ask for something the account
 * lacks: Logto answers `user.missing_profile` and the form collects it before finishing.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Missing profile',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** Signs in with an identifier and the password, and waits for the step that collects `field`. */
type MissingField = Extract<Step, { name: 'continue' }>['field'];

async function signInUntilAsked(canvasElement: HTMLElement, identifier: string, field: MissingField): Promise<SignInForm> {
  const form = formIn(canvasElement);
  await atStep(form, 'sign-in');
  await typeInto(form, 'identifier', identifier);
  pressSubmit(form);
  await atStep(form, 'sign-in-password');
  await typeInto(form, 'password', PASSWORD);
  pressSubmit(form);
  await atStep(form, 'continue');
  expectEqual(form.step?.name === 'continue' && form.step.field, field, 'the missing field');
  return form;
}

/** An account made with an email only, on a tenant that now needs usernames. */
export const Username: Story = {
  parameters: { tenant: requires(['username']) },
  loaders: [
    async () => {
      const email = uniqueEmail('nameless');
      await addUser({ email, password: PASSWORD });
      return { identifier: email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = await signInUntilAsked(canvasElement, loaded.identifier, 'username');
    expectEqual(input(form, 'identifier').autocomplete, 'username', 'autocomplete of the username');
  },
};

/** Accounts with a username only, on tenants that now need an email, a phone, or either. */
async function usernameOnly(): Promise<{ identifier: string }> {
  const username = uniqueUsername('legacy');
  await addUser({ username, password: PASSWORD });
  return { identifier: username };
}

export const Email: Story = {
  parameters: { tenant: requires(['email']) },
  loaders: [usernameOnly],
  play: async ({ canvasElement, loaded }) => {
    await signInUntilAsked(canvasElement, loaded.identifier, 'email');
  },
};

export const Phone: Story = {
  parameters: { tenant: requires(['phone']) },
  loaders: [usernameOnly],
  play: async ({ canvasElement, loaded }) => {
    await signInUntilAsked(canvasElement, loaded.identifier, 'phone');
  },
};

export const EmailOrPhone: Story = {
  parameters: { tenant: requires(['email', 'phone']) },
  loaders: [usernameOnly],
  play: async ({ canvasElement, loaded }) => {
    await signInUntilAsked(canvasElement, loaded.identifier, 'emailOrPhone');
  },
};

/** The new email is verified with a code before it is added to the account. */
export const EmailCode: Story = {
  parameters: { tenant: requires(['email']) },
  loaders: [usernameOnly],
  play: async ({ canvasElement, loaded }) => {
    const form = await signInUntilAsked(canvasElement, loaded.identifier, 'email');
    await typeInto(form, 'identifier', uniqueEmail('added'));
    pressSubmit(form);
    await atStep(form, 'verification-code');
    expectEqual(form.step?.name === 'verification-code' && form.step.flow, 'Continue', 'the journey of the code');
  },
};

/** An account that signs in with email codes only, on a tenant that now wants a password. */
export const Password: Story = {
  parameters: {
    tenant: {
      ...requires(['email']),
      signIn: { methods: [{ identifier: 'email', password: false, verificationCode: true, isPasswordPrimary: false }] },
    },
  },
  loaders: [
    async () => {
      const email = uniqueEmail('passwordless');
      await addUser({ email });
      return { email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.email);
    pressSubmit(form);
    await atStep(form, 'verification-code');
    await typeInto(form, 'code', await latestCode(loaded.email));
    await atStep(form, 'continue');
    expectEqual(form.step?.name === 'continue' && form.step.field, 'password', 'the missing field');
    expectEqual(input(form, 'password').autocomplete, 'new-password', 'autocomplete of the password');
  },
};
