import type { Meta, StoryObj } from '@storybook/web-components-vite';

import { addUser, latestCode, typedPhone, uniqueEmail, uniquePhone, wrongCode } from '../support/emulator.js';
import { type FormArgs, formStoryDefaults } from '../support/form.js';
import {
  agreeToTerms,
  atStep,
  expectBusy,
  expectEqual,
  expectErrorShown,
  expectTrue,
  fieldsOf,
  formIn,
  nextError,
  press,
  pressSubmit,
  submitExpectingError,
  typeInto,
} from '../support/play.js';

const PASSWORD = 'Tulip-Garden-42';

/** Email sign-in with a code first (a password is the alternative); sign-up by email too. */
const EMAIL_CODE_FIRST = {
  signIn: { methods: [{ identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: false }] },
};
const PHONE_CODE = {
  signIn: { methods: [{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] },
};
/** Terms must be ticked on every screen, sign-in included. */
const TERMS_ALWAYS = { agreeToTermsPolicy: 'Manual' };

/**
 * Sign-in, step by step, on the demo tenant unless a story says otherwise. The play functions
 * type and click like a user; each story stops at the state it is named after.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Sign in',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** An existing account, seeded for the story, with an email and a password. */
async function member(): Promise<{ member: { email: string } }> {
  const email = uniqueEmail('member');
  await addUser({ email, password: PASSWORD });
  return { member: { email } };
}

async function toPasswordStep(canvasElement: HTMLElement, email: string) {
  const form = formIn(canvasElement);
  await atStep(form, 'sign-in');
  await typeInto(form, 'identifier', email);
  pressSubmit(form);
  await atStep(form, 'sign-in-password');
  return form;
}

/** The identifier is known; the password comes next. */
export const PasswordStep: Story = {
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = await toPasswordStep(canvasElement, loaded.member.email);
    expectTrue(fieldsOf(form).textContent?.includes(loaded.member.email), 'the step does not say which account signs in');
  },
};

export const EmptyIdentifier: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await submitExpectingError(form, 'identifier.required', { field: 'identifier' }, 'Fill in this field.');
  },
};

export const InvalidEmail: Story = {
  parameters: { tenant: EMAIL_CODE_FIRST },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', 'alice@example');
    await submitExpectingError(form, 'identifier.invalid_email', { field: 'identifier' }, 'Enter a valid email address, like name@example.com.');
  },
};

export const WrongPassword: Story = {
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = await toPasswordStep(canvasElement, loaded.member.email);
    await typeInto(form, 'password', 'Not-The-Password-7');
    await submitExpectingError(form, 'session.invalid_credentials', { field: 'password' }, 'The account or password is incorrect. Check them and try again.');
  },
};

/** The password was sent and the server has not answered yet. */
export const SigningIn: Story = {
  parameters: { faults: [{ path: '/api/experience/verification/password', answer: 'hang' }] },
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = await toPasswordStep(canvasElement, loaded.member.email);
    await typeInto(form, 'password', PASSWORD);
    pressSubmit(form);
    await expectBusy(form);
  },
};

/** The code went out by email; the form waits for the six digits. */
export const VerificationCode: Story = {
  parameters: { tenant: EMAIL_CODE_FIRST },
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.member.email);
    pressSubmit(form);
    await atStep(form, 'verification-code');
    expectTrue(fieldsOf(form).querySelector('.si-subtitle')?.textContent?.includes(loaded.member.email), 'the step does not say where the code went');
    expectEqual(fieldsOf(form).querySelector('input[name="code"]')?.getAttribute('autocomplete'), 'one-time-code', 'autocomplete of the code');
  },
};

export const WrongCode: Story = {
  parameters: { tenant: EMAIL_CODE_FIRST },
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.member.email);
    pressSubmit(form);
    await atStep(form, 'verification-code');
    const error = nextError(form);
    // Six digits submit by themselves, as people expect from one-time codes.
    await typeInto(form, 'code', wrongCode(await latestCode(loaded.member.email)));
    const detail = await error;
    expectEqual(detail.code, 'verification_code.code_mismatch', 'error code');
    await expectErrorShown(form, detail, { field: 'code' }, 'The code is incorrect. Check it and try again.');
  },
};

/** A phone number typed with its country code; the code step shows it formatted. */
export const PhoneCode: Story = {
  parameters: { tenant: PHONE_CODE },
  loaders: [
    async () => {
      const phone = uniquePhone();
      await addUser({ phone, password: PASSWORD });
      return { phone };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', typedPhone(loaded.phone));
    pressSubmit(form);
    await atStep(form, 'verification-code');
    expectTrue(fieldsOf(form).querySelector('.si-subtitle')?.textContent?.includes(typedPhone(loaded.phone)), 'the code step does not show the number');
  },
};

/** A code sign-in for an email with no account: the form offers to create one. */
export const NoAccountYet: Story = {
  parameters: { tenant: EMAIL_CODE_FIRST },
  loaders: [() => ({ email: uniqueEmail('newcomer') })],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.email);
    pressSubmit(form);
    await atStep(form, 'verification-code');
    await typeInto(form, 'code', await latestCode(loaded.email));
    await atStep(form, 'confirm-register');
  },
};

/** The tenant asks for explicit agreement to its terms before signing in. */
export const TermsRequired: Story = {
  parameters: { tenant: TERMS_ALWAYS },
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.member.email);
    await submitExpectingError(form, 'terms.required', { field: 'terms' }, 'Agree to the terms to continue.');
  },
};

export const TermsAccepted: Story = {
  parameters: { tenant: TERMS_ALWAYS },
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.member.email);
    agreeToTerms(form);
    pressSubmit(form);
    await atStep(form, 'sign-in-password');
  },
};

/** From the password step, "Sign in with a verification code instead". */
export const CodeInstead: Story = {
  loaders: [member],
  play: async ({ canvasElement, loaded }) => {
    const form = await toPasswordStep(canvasElement, loaded.member.email);
    press(form, 'switch');
    await atStep(form, 'verification-code');
  },
};
