import type { Meta, StoryObj } from '@storybook/web-components-vite';

import { addUser, latestCode, typedPhone, uniqueEmail, uniquePhone, uniqueUsername } from '../support/emulator.js';
import { type FormArgs, formArgs, formArgTypes, formScheme, renderForm, tenantLoader } from '../support/form.js';
import {
  agreeToTerms,
  atStep,
  expectEqual,
  expectErrorShown,
  expectTrue,
  fieldsOf,
  formIn,
  input,
  nextError,
  pressSubmit,
  submitExpectingError,
  typeInto,
} from '../support/play.js';

const PASSWORD = 'Tulip-Garden-42';

/** The four ways a tenant lets people create an account. */
const USERNAME_AND_PASSWORD = { signUp: { identifiers: ['username'], password: true, verify: false } };
const EMAIL_AND_CODE = { signUp: { identifiers: ['email'], password: false, verify: true } };
const PHONE_AND_CODE = { signUp: { identifiers: ['phone'], password: false, verify: true } };
const CODE_THEN_PASSWORD = { signUp: { identifiers: ['email'], password: true, verify: true } };

/**
 * Creating an account, from the register screen (`screen="register"`), on tenants configured for
 * each sign-up mode. The demo tenant asks for explicit agreement to its terms on this screen.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Sign up',
  component: 'sign-in-form',
  args: { ...formArgs, screen: 'register' },
  argTypes: formArgTypes,
  parameters: { ...formScheme, tenant: USERNAME_AND_PASSWORD },
  loaders: [tenantLoader],
  render: renderForm,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** Fills the register screen (identifier, terms) and presses "Create account". */
async function register(canvasElement: HTMLElement, identifier: string, agree = true) {
  const form = formIn(canvasElement);
  await atStep(form, 'register');
  await typeInto(form, 'identifier', identifier);
  if (agree) agreeToTerms(form);
  pressSubmit(form);
  return form;
}

/** Username and password: the username first. */
export const UsernameAndPassword: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'register');
    expectEqual(input(form, 'identifier').autocomplete, 'username', 'autocomplete of the username');
    expectEqual(input(form, 'terms').type, 'checkbox', 'the terms control');
  },
};

export const TermsNotAccepted: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'register');
    await typeInto(form, 'identifier', uniqueUsername('new'));
    await submitExpectingError(form, 'terms.required', { field: 'terms' }, 'Agree to the terms to continue.');
  },
};

export const UsernameTaken: Story = {
  loaders: [
    async () => {
      const username = uniqueUsername('taken');
      await addUser({ username, password: PASSWORD });
      return { username };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    const error = nextError(form);
    await register(canvasElement, loaded.username);
    const detail = await error;
    expectEqual(detail.code, 'user.username_already_in_use', 'error code');
    await expectErrorShown(form, detail, { field: 'identifier' }, 'This username is taken. Try another one.');
  },
};

/** The username is free: the new password, with the tenant's rules as a checklist. */
export const SetPassword: Story = {
  play: async ({ canvasElement }) => {
    const form = await register(canvasElement, uniqueUsername('new'));
    await atStep(form, 'register-password');
    expectEqual(input(form, 'password').autocomplete, 'new-password', 'autocomplete of the new password');
    expectTrue(fieldsOf(form).querySelector('.si-checklist'), 'the password rules are not shown');
  },
};

export const WeakPassword: Story = {
  play: async ({ canvasElement }) => {
    const form = await register(canvasElement, uniqueUsername('new'));
    await atStep(form, 'register-password');
    await typeInto(form, 'password', 'short');
    await typeInto(form, 'confirm', 'short');
    await submitExpectingError(
      form,
      'password.rejected',
      { field: 'password' },
      'Use at least 8 characters. Mix at least 2 kinds of characters: lowercase, uppercase, digits, symbols.',
    );
    expectTrue(fieldsOf(form).querySelector('.si-rule[data-met="false"]'), 'the checklist shows no unmet rule');
  },
};

export const PasswordsDoNotMatch: Story = {
  play: async ({ canvasElement }) => {
    const form = await register(canvasElement, uniqueUsername('new'));
    await atStep(form, 'register-password');
    await typeInto(form, 'password', PASSWORD);
    await typeInto(form, 'confirm', `${PASSWORD}x`);
    await submitExpectingError(form, 'password.mismatch', { field: 'confirm' }, 'The passwords do not match.');
  },
};

/** Email and a code: the code goes to the new address. */
export const EmailAndCode: Story = {
  parameters: { tenant: EMAIL_AND_CODE },
  play: async ({ canvasElement }) => {
    const email = uniqueEmail('new');
    const form = await register(canvasElement, email);
    await atStep(form, 'verification-code');
    expectEqual(form.step?.name === 'verification-code' && form.step.flow, 'Register', 'the journey of the code');
    expectTrue(fieldsOf(form).querySelector('.si-subtitle')?.textContent?.includes(email), 'the step does not say where the code went');
  },
};

export const PhoneAndCode: Story = {
  parameters: { tenant: PHONE_AND_CODE },
  play: async ({ canvasElement }) => {
    const phone = uniquePhone();
    const form = await register(canvasElement, typedPhone(phone));
    await atStep(form, 'verification-code');
    expectTrue(fieldsOf(form).querySelector('.si-subtitle')?.textContent?.includes(typedPhone(phone)), 'the step does not show the number');
  },
};

/** Email and code first, then the password the tenant also requires. */
export const PasswordAfterVerification: Story = {
  parameters: { tenant: CODE_THEN_PASSWORD },
  play: async ({ canvasElement }) => {
    const email = uniqueEmail('new');
    const form = await register(canvasElement, email);
    await atStep(form, 'verification-code');
    await typeInto(form, 'code', await latestCode(email));
    await atStep(form, 'continue');
    expectEqual(form.step?.name === 'continue' && form.step.field, 'password', 'the missing field');
    expectEqual(input(form, 'password').autocomplete, 'new-password', 'autocomplete of the password');
  },
};

/** The email already has an account: after the code, the form offers to sign in instead. */
export const AlreadyRegistered: Story = {
  parameters: { tenant: EMAIL_AND_CODE },
  loaders: [
    async () => {
      const email = uniqueEmail('existing');
      await addUser({ email, password: PASSWORD });
      return { email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = await register(canvasElement, loaded.email);
    await atStep(form, 'verification-code');
    await typeInto(form, 'code', await latestCode(loaded.email));
    await atStep(form, 'confirm-sign-in');
  },
};
