import type { Meta, StoryObj } from '@storybook/web-components-vite';

import type { SignInForm, Step } from '../../src/index.js';
import { addUser, type ConfigPatch, latestCode, uniqueEmail, uniqueUsername } from '../support/emulator.js';
import { type FormArgs, formStoryDefaults } from '../support/form.js';
import {
  atStep,
  expectEqual,
  expectErrorShown,
  expectTrue,
  fieldsOf,
  formIn,
  input,
  nextError,
  PlayError,
  press,
  pressSubmit,
  submitExpectingError,
  typeInto,
  until,
} from '../support/play.js';
import { addSecurityKey, earlierSignIn, newTotpSecret, totpCode, wrongTotp } from '../support/security.js';

const PASSWORD = 'Tulip-Garden-42';
const BACKUP_CODES = ['7f3a9c21d4', 'b80e5a6f13', 'c94d02e7a8', '1e6b7f0c59'];

/** Second factors the user turns on or off (no prompts); the account's own factors are asked for. */
const MFA_USER_CONTROLLED = { mfa: { factors: ['Totp', 'WebAuthn', 'BackupCode'], policy: 'UserControlled' } };
/** Every account must have a second factor, with backup codes. */
const MFA_MANDATORY = { mfa: { factors: ['Totp', 'WebAuthn', 'BackupCode'], policy: 'Mandatory' } };
/** The tenant suggests 2-step verification at sign-in and sign-up; people may decline. */
const MFA_PROMPT = { mfa: { factors: ['Totp', 'WebAuthn', 'BackupCode'], policy: 'PromptAtSignInAndSignUp' } };
/** A code sent to the account's email address is the second factor. */
const MFA_EMAIL = { mfa: { factors: ['EmailVerificationCode'], policy: 'UserControlled' } };
/** Passkey sign-in with its button (no autofill, which would wait for the browser's suggestions). */
const PASSKEYS = { passkeySignIn: { enabled: true, showPasskeyButton: true, allowAutofill: false } };
/** Passkey sign-in without the button: the passkey is suggested after a password sign-in. */
const PASSKEY_PROMPT = { passkeySignIn: { enabled: true, showPasskeyButton: false, allowAutofill: false } };
const CAPTCHA = {
  captchaPolicy: { enabled: true },
  captchaConfig: { type: 'Turnstile', siteKey: '1x00000000000000000000AA' },
};
/** The emulator's CAPTCHA fails every check for a site key with `fail` in it. */
const CAPTCHA_FAILING = {
  captchaPolicy: { enabled: true },
  captchaConfig: { type: 'Turnstile', siteKey: '1x0000000000000000fail0AA' },
};
/** The emulator's stand-in for Cloudflare's script (same global API, offline). */
const TURNSTILE_SCRIPT = '/__emulator/captcha/turnstile.js';

/**
 * The security steps of `<sign-in-form>`: second factors asked for after the password, the list
 * of other methods, adding an authenticator app, a security key or backup codes, the optional
 * prompts (2-step verification, a passkey), passkey sign-in and the tenant's CAPTCHA. Each story
 * signs in like a user, on a tenant that turns the feature on, and stops at the state it is
 * named after. Steps that need a real authenticator (a passkey or security key) are shown with
 * their button, without starting the browser's ceremony.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Security',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

interface Account {
  username: string;
  /** The authenticator app's secret (base32), when the account has one. */
  secret?: string;
}

/** An account with a username and a password, and the second factors given. */
function account(factors: { totp?: boolean; backupCodes?: boolean } = {}) {
  return async (): Promise<{ account: Account }> => {
    const username = uniqueUsername('guarded');
    const secret = factors.totp ? newTotpSecret() : undefined;
    const mfa = { ...(secret ? { totp: secret } : {}), ...(factors.backupCodes ? { backupCodes: BACKUP_CODES } : {}) };
    // The demo tenant's accounts have an email address (its sign-up asks for one).
    await addUser({ username, email: uniqueEmail(username.replace(/_/g, '.')), password: PASSWORD, mfa });
    return { account: { username, secret } };
  };
}

/** Username, then password, as a user signs in; returns the form at whatever comes next. */
async function signIn(canvasElement: HTMLElement, identifier: string): Promise<SignInForm> {
  const form = formIn(canvasElement);
  await atStep(form, 'sign-in');
  await typeInto(form, 'identifier', identifier);
  pressSubmit(form);
  await atStep(form, 'sign-in-password');
  await typeInto(form, 'password', PASSWORD);
  pressSubmit(form);
  return form;
}

type MfaFactor = Extract<Step, { name: 'mfa-verify' }>['factor'];

/** The step the form is at, with its data, when it is the one named. */
function stepOf<N extends Step['name']>(form: SignInForm, name: N): Extract<Step, { name: N }> {
  const step = form.step;
  if (step?.name !== name) throw new PlayError(`the form is not at the "${name}" step (it is at "${step?.name ?? 'nothing'}")`);
  return step as Extract<Step, { name: N }>;
}

/** The factors the form lists, in order (`.si-factor` buttons). */
function factorButtons(form: SignInForm): HTMLButtonElement[] {
  return [...fieldsOf(form).querySelectorAll<HTMLButtonElement>('button.si-factor')];
}

/** Presses the list's button for `factor`, found by its place in the list the step holds. */
function chooseFactor(form: SignInForm, factor: MfaFactor): void {
  const step = stepOf(form, 'mfa-factors');
  const index = step.factors.indexOf(factor);
  const button = factorButtons(form)[index];
  if (index < 0 || !button) throw new PlayError(`the list does not offer ${factor} (it offers ${step.factors.join(', ')})`);
  button.click();
}

/** The secondary "Skip for now" button (the outlined one after the step's content). */
function skipButton(form: SignInForm): HTMLButtonElement | null {
  return fieldsOf(form).querySelector<HTMLButtonElement>('button.si-button--secondary');
}

async function toTotpVerification(canvasElement: HTMLElement, who: Account): Promise<SignInForm> {
  const form = await signIn(canvasElement, who.username);
  await atStep(form, 'mfa-verify');
  expectEqual(stepOf(form, 'mfa-verify').factor, 'Totp', 'the factor asked for first');
  return form;
}

async function toFactorList(canvasElement: HTMLElement, who: Account): Promise<SignInForm> {
  const form = await toTotpVerification(canvasElement, who);
  press(form, 'switch');
  await atStep(form, 'mfa-factors');
  return form;
}

/** On a Mandatory tenant, an account without factors is sent to the binding list. */
async function toBindingList(canvasElement: HTMLElement, who: Account): Promise<SignInForm> {
  const form = await signIn(canvasElement, who.username);
  await atStep(form, 'mfa-factors');
  expectEqual(stepOf(form, 'mfa-factors').purpose, 'bind', 'what the list is for');
  return form;
}

async function toTotpBinding(canvasElement: HTMLElement, who: Account): Promise<SignInForm> {
  const form = await toBindingList(canvasElement, who);
  chooseFactor(form, 'Totp');
  await atStep(form, 'mfa-bind-totp');
  return form;
}

/** Opens "Can't scan it?" and reads the key the way a user copies it into the app. */
function readSetupKey(form: SignInForm): string {
  const details = fieldsOf(form).querySelector('details.si-secret');
  if (!(details instanceof HTMLDetailsElement)) throw new PlayError('the step has no "enter a key instead" section');
  details.querySelector('summary')?.click();
  const key = details.querySelector('code.si-secret__value')?.textContent?.trim() ?? '';
  expectTrue(key, 'the setup key is empty');
  return key;
}

async function toBackupCodes(canvasElement: HTMLElement, who: Account): Promise<SignInForm> {
  const form = await toTotpBinding(canvasElement, who);
  await typeInto(form, 'code', totpCode(readSetupKey(form)));
  await atStep(form, 'backup-codes');
  return form;
}

// ----- verifying a second factor ------------------------------------------------------------------

/** The account has an authenticator app: its 6-digit code comes after the password. */
export const AuthenticatorCode: Story = {
  parameters: { tenant: MFA_USER_CONTROLLED },
  loaders: [account({ totp: true, backupCodes: true })],
  play: async ({ canvasElement, loaded }) => {
    const form = await toTotpVerification(canvasElement, loaded.account);
    const code = input(form, 'code');
    expectEqual(code.autocomplete, 'one-time-code', 'autocomplete of the code');
    expectEqual(code.inputMode, 'numeric', 'keyboard of the code');
    expectTrue(fieldsOf(form).querySelector('.si-switch button.si-link'), 'no "Use another method" link');
  },
};

/** A code the app does not show (six digits are sent at once, as with any one-time code). */
export const WrongAuthenticatorCode: Story = {
  parameters: { tenant: MFA_USER_CONTROLLED },
  loaders: [account({ totp: true, backupCodes: true })],
  play: async ({ canvasElement, loaded }) => {
    const form = await toTotpVerification(canvasElement, loaded.account);
    const error = nextError(form);
    await typeInto(form, 'code', wrongTotp(loaded.account.secret));
    const detail = await error;
    expectEqual(detail.code, 'session.mfa.invalid_totp_code', 'error code');
    await expectErrorShown(form, detail, { field: 'code' }, 'The code is incorrect or has expired. Enter the code your app shows now.');
  },
};

/** "Use another method": every factor the account has, each with what it needs. */
export const OtherMethods: Story = {
  parameters: { tenant: MFA_USER_CONTROLLED },
  loaders: [account({ totp: true, backupCodes: true })],
  play: async ({ canvasElement, loaded }) => {
    const form = await toFactorList(canvasElement, loaded.account);
    expectEqual(stepOf(form, 'mfa-factors').purpose, 'verify', 'what the list is for');
    expectEqual(factorButtons(form).length, 2, 'factors listed (authenticator app, backup code)');
  },
};

export const BackupCode: Story = {
  parameters: { tenant: MFA_USER_CONTROLLED },
  loaders: [account({ totp: true, backupCodes: true })],
  play: async ({ canvasElement, loaded }) => {
    const form = await toFactorList(canvasElement, loaded.account);
    chooseFactor(form, 'BackupCode');
    await atStep(form, 'mfa-verify');
    expectEqual(stepOf(form, 'mfa-verify').factor, 'BackupCode', 'the factor');
    expectEqual(input(form, 'code').autocomplete, 'off', 'autocomplete of the backup code');
  },
};

/** The backup code was used at an earlier sign-in; each works once. */
export const UsedBackupCode: Story = {
  parameters: { tenant: MFA_USER_CONTROLLED },
  loaders: [
    async (context) => {
      const { account: who } = await account({ totp: true, backupCodes: true })();
      const tenant = (context.parameters as { tenant: ConfigPatch }).tenant;
      await earlierSignIn(tenant, { username: who.username, password: PASSWORD }, async (client) => {
        await client.verifyBackupCode(BACKUP_CODES[0]!);
      });
      return { account: who };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = await toFactorList(canvasElement, loaded.account);
    chooseFactor(form, 'BackupCode');
    await atStep(form, 'mfa-verify');
    await typeInto(form, 'code', BACKUP_CODES[0]!);
    await submitExpectingError(form, 'session.mfa.invalid_backup_code', { field: 'code' }, 'This backup code is incorrect or has already been used. Each code works once.');
  },
};

/**
 * The account has a security key (added at an earlier sign-in), which comes first. The button
 * would start the browser's passkey prompt; the story stops before it.
 */
export const SecurityKey: Story = {
  parameters: { tenant: MFA_USER_CONTROLLED },
  loaders: [
    async (context) => {
      const { account: who } = await account({ totp: true, backupCodes: true })();
      const tenant = (context.parameters as { tenant: ConfigPatch }).tenant;
      await earlierSignIn(tenant, { username: who.username, password: PASSWORD }, async (client) => {
        await client.verifyTotp(totpCode(who.secret ?? ''));
        await addSecurityKey(client);
      });
      return { account: who };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = await signIn(canvasElement, loaded.account.username);
    await atStep(form, 'mfa-verify');
    const step = stepOf(form, 'mfa-verify');
    expectEqual(step.factor, 'WebAuthn', 'the factor asked for first');
    expectEqual(step.factors.join(), 'WebAuthn,Totp,BackupCode', 'the factors offered');
    expectEqual(fieldsOf(form).querySelectorAll('input[name="code"]').length, 0, 'code fields on the passkey step');
    expectTrue(fieldsOf(form).querySelector('button[type="submit"]'), 'no button for the passkey or security key');
  },
};

/** A code went to the account's email address; a new one can be asked for after a minute. */
export const EmailCode: Story = {
  parameters: { tenant: MFA_EMAIL },
  loaders: [
    async () => {
      const email = uniqueEmail('guarded');
      await addUser({ email, password: PASSWORD, mfa: { email: true } });
      return { email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = await signIn(canvasElement, loaded.email);
    await atStep(form, 'mfa-verify');
    expectEqual(stepOf(form, 'mfa-verify').factor, 'EmailVerificationCode', 'the factor');
    expectTrue(await latestCode(loaded.email), 'no code was sent');
    const subtitle = fieldsOf(form).querySelector('.si-subtitle')?.textContent ?? '';
    expectTrue(subtitle.includes('****@example.com'), `the step does not say where the code went ("${subtitle.trim()}")`);
    await until(() => fieldsOf(form).querySelector('.si-countdown'), 'no resend countdown');
  },
};

// ----- adding a second factor -----------------------------------------------------------------------

/** A Mandatory tenant, an account without factors: pick one to add; skipping is not offered. */
export const AddFactorRequired: Story = {
  parameters: { tenant: MFA_MANDATORY },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await toBindingList(canvasElement, loaded.account);
    expectEqual(factorButtons(form).length, 2, 'factors to add (authenticator app, passkey or security key)');
    expectEqual(skipButton(form), null, 'a skip button on a Mandatory tenant');
  },
};

/** The tenant suggests 2-step verification to an account that has none. */
export const TurnOnPrompt: Story = {
  parameters: { tenant: MFA_PROMPT },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await signIn(canvasElement, loaded.account.username);
    await atStep(form, 'mfa-onboarding');
    expectTrue(fieldsOf(form).querySelector('button[type="submit"]'), 'no "Turn on" button');
    expectTrue(skipButton(form), 'no "Skip for now" button');
  },
};

/** "Turn on" from the prompt: the list of factors to add, which may still be skipped. */
export const AddFactorOptional: Story = {
  parameters: { tenant: MFA_PROMPT },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await signIn(canvasElement, loaded.account.username);
    await atStep(form, 'mfa-onboarding');
    pressSubmit(form);
    await atStep(form, 'mfa-factors');
    expectEqual(stepOf(form, 'mfa-factors').purpose, 'bind', 'what the list is for');
    expectTrue(skipButton(form), 'no "Skip for now" button');
  },
};

/** The authenticator app: a QR code, and the key to type in when scanning is not possible. */
export const SetUpAuthenticator: Story = {
  parameters: { tenant: MFA_MANDATORY },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await toTotpBinding(canvasElement, loaded.account);
    const qr = fieldsOf(form).querySelector<HTMLImageElement>('img.si-qr-code');
    expectTrue(qr?.src.startsWith('data:image/png;base64,'), 'no QR code image');
    expectTrue(qr?.alt, 'the QR code has no text alternative');
    const key = readSetupKey(form);
    expectTrue(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/.test(key), `the key is not shown in groups of four ("${key}")`);
    expectEqual(key.replace(/ /g, ''), stepOf(form, 'mfa-bind-totp').secret, 'the key shown');
  },
};

export const SetUpAuthenticatorWrongCode: Story = {
  parameters: { tenant: MFA_MANDATORY },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await toTotpBinding(canvasElement, loaded.account);
    const error = nextError(form);
    await typeInto(form, 'code', wrongTotp(readSetupKey(form).replace(/ /g, '')));
    const detail = await error;
    expectEqual(detail.code, 'session.mfa.invalid_totp_code', 'error code');
    await expectErrorShown(form, detail, { field: 'code' }, 'The code is incorrect or has expired. Enter the code your app shows now.');
  },
};

/** A security key or passkey as the second factor: the step, before the browser's prompt. */
export const AddSecurityKey: Story = {
  parameters: { tenant: MFA_MANDATORY },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await toBindingList(canvasElement, loaded.account);
    chooseFactor(form, 'WebAuthn');
    await atStep(form, 'mfa-bind-webauthn');
    expectTrue(fieldsOf(form).querySelector('button[type="submit"]'), 'no button to add the key');
  },
};

/** The app works (its first code was right): ten backup codes to save before going on. */
export const SaveBackupCodes: Story = {
  parameters: { tenant: MFA_MANDATORY },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await toBackupCodes(canvasElement, loaded.account);
    const codes = [...fieldsOf(form).querySelectorAll('ol.si-backup-codes li code')].map((item) => item.textContent?.trim());
    expectEqual(codes.join('\n'), stepOf(form, 'backup-codes').codes.join('\n'), 'the codes listed');
    expectEqual(codes.length, 10, 'number of codes');
    expectEqual(fieldsOf(form).querySelectorAll('.si-actions button').length, 2, 'buttons to copy and download');
    expectEqual(input(form, 'saved').checked, false, 'the "saved" box starts ticked');
  },
};

export const BackupCodesNotSaved: Story = {
  parameters: { tenant: MFA_MANDATORY },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await toBackupCodes(canvasElement, loaded.account);
    await submitExpectingError(form, 'backupCodes.notSaved', { field: 'saved' }, 'Confirm that you have saved your backup codes.');
  },
};

// ----- passkeys -----------------------------------------------------------------------------------

/** Passkey sign-in is on: "Sign in with a passkey" under the sign-in button. */
export const PasskeyButton: Story = {
  parameters: { tenant: PASSKEYS },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    const button = await until(
      () => fieldsOf(form).querySelector<HTMLButtonElement>('.si-passkey button'),
      'no passkey button on the sign-in step',
    );
    const submit = fieldsOf(form).querySelector('button[type="submit"]');
    expectTrue(
      submit && submit.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the passkey button is not under the sign-in button',
    );
  },
};

/** After a password sign-in, the tenant suggests a passkey for next time. */
export const CreatePasskeyPrompt: Story = {
  parameters: { tenant: PASSKEY_PROMPT },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = await signIn(canvasElement, loaded.account.username);
    await atStep(form, 'passkey-setup');
    expectTrue(skipButton(form), 'no "Skip for now" button');
  },
};

// ----- CAPTCHA ------------------------------------------------------------------------------------

/** The tenant turned CAPTCHA on: the provider's widget sits above the sign-in button. */
export const Captcha: Story = {
  args: { captchaScript: TURNSTILE_SCRIPT },
  parameters: { tenant: CAPTCHA },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    const box = await until(() => fieldsOf(form).querySelector('.si-captcha .emulated-captcha'), 'no CAPTCHA widget');
    expectEqual(box.closest('.si-captcha')?.nextElementSibling?.getAttribute('type'), 'submit', 'what follows the CAPTCHA box');
    await until(() => box.textContent?.startsWith('Verified'), () => `the check did not pass ("${box.textContent}")`);
  },
};

/**
 * The check fails (the emulator fails every check for this site key). The interaction starts
 * when the password is sent, so that is where the form says so.
 */
export const CaptchaFailed: Story = {
  args: { captchaScript: TURNSTILE_SCRIPT },
  parameters: { tenant: CAPTCHA_FAILING },
  loaders: [account()],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.account.username);
    pressSubmit(form);
    await atStep(form, 'sign-in-password');
    await until(() => fieldsOf(form).querySelector('.si-captcha .emulated-captcha'), 'no CAPTCHA widget on the password step');
    await typeInto(form, 'password', PASSWORD);
    await submitExpectingError(form, 'captcha.failed', 'alert', 'The security check failed. Try it again.');
  },
};
