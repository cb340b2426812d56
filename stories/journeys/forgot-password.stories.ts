import type { Meta, StoryObj } from '@storybook/web-components-vite';

import type { SignInForm } from '../../src/index.js';
import { addUser, latestCode, uniqueEmail } from '../support/emulator.js';
import { type FormArgs, formArgs, formArgTypes, formScheme, renderForm, tenantLoader } from '../support/form.js';
import {
  atStep,
  expectEqual,
  expectTrue,
  formIn,
  input,
  noticeText,
  press,
  pressSubmit,
  submitExpectingError,
  typeInto,
  until,
} from '../support/play.js';

const OLD_PASSWORD = 'Tulip-Garden-42';
const NEW_PASSWORD = 'Maple-Orbit-83';

/**
 * "Forgot your password?": an email code, then a new password, then back to sign-in. Every story
 * resets the password of an account seeded for it.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Forgot password',
  component: 'sign-in-form',
  args: { ...formArgs, screen: 'forgot-password' },
  argTypes: formArgTypes,
  parameters: formScheme,
  loaders: [
    tenantLoader,
    async () => {
      const email = uniqueEmail('forgetful');
      await addUser({ email, password: OLD_PASSWORD });
      return { email };
    },
  ],
  render: renderForm,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** Up to the new-password step: the email, then the code that arrived. */
async function toNewPassword(canvasElement: HTMLElement, email: string): Promise<SignInForm> {
  const form = formIn(canvasElement);
  await atStep(form, 'forgot-password');
  await typeInto(form, 'identifier', email);
  pressSubmit(form);
  await atStep(form, 'verification-code');
  await typeInto(form, 'code', await latestCode(email));
  await atStep(form, 'reset-password');
  return form;
}

export const EnterEmail: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'forgot-password');
    expectTrue(input(form, 'identifier'), 'there is no field for the email or phone number');
  },
};

/** Reached the way people do: from the password step's "Forgot your password?". */
export const FromPasswordStep: Story = {
  args: { screen: 'sign-in' },
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.email);
    pressSubmit(form);
    await atStep(form, 'sign-in-password');
    press(form, 'aside');
    await atStep(form, 'forgot-password');
  },
};

export const CodeSent: Story = {
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'forgot-password');
    await typeInto(form, 'identifier', loaded.email);
    pressSubmit(form);
    await atStep(form, 'verification-code');
    expectEqual(form.step?.name === 'verification-code' && form.step.flow, 'ForgotPassword', 'the journey of the code');
  },
};

export const NewPassword: Story = {
  play: async ({ canvasElement, loaded }) => {
    const form = await toNewPassword(canvasElement, loaded.email);
    expectEqual(input(form, 'password').autocomplete, 'new-password', 'autocomplete of the new password');
  },
};

/** The new password is the old one. */
export const SameAsBefore: Story = {
  play: async ({ canvasElement, loaded }) => {
    const form = await toNewPassword(canvasElement, loaded.email);
    await typeInto(form, 'password', OLD_PASSWORD);
    await typeInto(form, 'confirm', OLD_PASSWORD);
    await submitExpectingError(form, 'user.same_password', { field: 'password' }, 'Choose a password that differs from your current one.');
  },
};

/** Saved: back on the sign-in screen, with a note to use the new password. */
export const PasswordChanged: Story = {
  play: async ({ canvasElement, loaded }) => {
    const form = await toNewPassword(canvasElement, loaded.email);
    await typeInto(form, 'password', NEW_PASSWORD);
    await typeInto(form, 'confirm', NEW_PASSWORD);
    pressSubmit(form);
    await atStep(form, 'sign-in');
    await until(() => noticeText(form), 'no notice says that the password was changed');
  },
};
