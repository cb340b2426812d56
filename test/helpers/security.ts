/**
 * Helpers for the security-step journeys (second factors, passkeys, CAPTCHA): users with second
 * factors, TOTP codes computed like an authenticator app, a form mounted with a CAPTCHA script,
 * a record of every `si-*` event, and a WebAuthn credential registered for a user ahead of a test.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { startRegistration } from '@simplewebauthn/browser';
import { Secret, TOTP } from 'otpauth';

import type { SignInForm } from '../../src/index.js';
import { uniqueName } from './emulator.js';
import { JourneyHarness } from './journeys.js';

export const PASSWORD = 'Sec-Ure-Pa55!';
/** A fixed base32 secret for seeded users (the binding tests use the server's own). */
export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Username + password sign-in only, sign-up by username (no email asked of MFA users). */
export const USERNAME_PASSWORD = {
  signIn: {
    methods: [
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  signUp: { identifiers: ['username'], password: true, verify: false },
  signInMode: 'SignInAndRegister',
};

/**
 * The demo tenant lets users add Totp, WebAuthn and backup codes (UserControlled), so binding a
 * passkey there asks for backup codes next; passkey tenants here offer no backup codes.
 */
export const NO_BACKUP_CODES = { mfa: { factors: ['Totp'], policy: 'UserControlled' } };

export type Factor = 'Totp' | 'WebAuthn' | 'BackupCode' | 'EmailVerificationCode' | 'PhoneVerificationCode';
export type MfaPolicy = 'UserControlled' | 'Mandatory' | 'PromptOnlyAtSignIn' | 'PromptAtSignInAndSignUp' | 'NoPrompt';

/** A tenant with these factors under this policy (and username/password sign-in). */
export function mfaTenant(factors: Factor[], policy: MfaPolicy, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...USERNAME_PASSWORD, mfa: { factors, policy }, ...extra };
}

export interface SeedMfa {
  totp?: string;
  backupCodes?: string[];
  email?: boolean;
  phone?: boolean;
}

/** Adds a user with a unique username (and email) and the given factors; returns the username. */
export async function addMfaUser(prefix: string, mfa?: SeedMfa, extra: Record<string, unknown> = {}): Promise<string> {
  const username = uniqueName(prefix);
  const response = await fetch('/__emulator/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD, ...(mfa ? { mfa } : {}), ...extra }),
  });
  if (!response.ok) throw new Error(`adding ${username} failed: ${await response.text()}`);
  return username;
}

/** The code an authenticator app shows now for this secret (`steps` periods later or earlier). */
export function totpCode(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

/** A six-digit code that is certainly not one the app accepts now (±1 period). */
export function wrongTotp(secret: string): string {
  const valid = new Set([-1, 0, 1].map((step) => totpCode(secret, step)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(totpCode(secret)) + 500_000 + n) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/** Ten distinct backup codes in the server's format (10 hex characters). */
export function backupCodes(count = 10): string[] {
  return Array.from({ length: count }, () =>
    Array.from(crypto.getRandomValues(new Uint8Array(5)), (byte) => byte.toString(16).padStart(2, '0')).join(''),
  );
}

/** Mounts `<sign-in-form>` with an optional CAPTCHA script and waits for its first step. */
export async function mountForm(
  appId: string,
  options: { theme?: 'light' | 'dark'; captchaScript?: string } = {},
): Promise<JourneyHarness> {
  const element = options.captchaScript
    ? await fixture<SignInForm>(
        html`<sign-in-form app-id=${appId} theme=${options.theme ?? 'auto'} captcha-script=${options.captchaScript}></sign-in-form>`,
      )
    : await fixture<SignInForm>(html`<sign-in-form app-id=${appId} theme=${options.theme ?? 'auto'}></sign-in-form>`);
  return new JourneyHarness(element).ready();
}

/** Every `si-*` event the element fired, with its detail as JSON. */
export function recordEvents(element: SignInForm): { type: string; detail: string }[] {
  const seen: { type: string; detail: string }[] = [];
  for (const type of ['si-success', 'si-error', 'si-step-change', 'si-provider-select']) {
    element.addEventListener(type, (event) => seen.push({ type, detail: JSON.stringify((event as CustomEvent).detail ?? null) }));
  }
  return seen;
}

/** Username and password (on one screen, or identifier first then password), then the submit. */
export async function signInWithPassword(h: JourneyHarness, username: string, password = PASSWORD): Promise<void> {
  await h.type('identifier', username);
  if (!h.hasInput('password')) {
    // Identifier first: the password has its own step.
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
  }
  await h.type('password', password);
  h.submitButton().click();
}

/** The English headings of the security steps (their views load lazily, after the step changes). */
const HEADINGS: Record<string, string[]> = {
  'mfa-verify': ['Verify it’s you'],
  'mfa-factors': ['Choose how to verify', 'Add 2-step verification'],
  'mfa-bind-totp': ['Set up your authenticator app'],
  'mfa-bind-webauthn': ['Add a passkey or security key'],
  'backup-codes': ['Save your backup codes'],
  'mfa-onboarding': ['Turn on 2-step verification'],
  'passkey-setup': ['Create a passkey'],
};

/** Waits until the element reports this step and shows it (in English). */
export async function waitForStep(h: JourneyHarness, name: string, timeout = 8000): Promise<void> {
  const headings = HEADINGS[name];
  try {
    await waitUntil(() => h.stepName === name && (!headings || headings.includes(h.heading() ?? '')), '', { timeout });
  } catch {
    throw new Error(`the step never became ${name}: it is ${h.stepName ?? '?'} ("${h.heading() ?? ''}"), alert "${h.alertText() ?? ''}"`);
  }
}

/** Waits for the form's alert (role=alert) and returns its text. */
export async function waitForAlert(h: JourneyHarness, timeout = 8000): Promise<string> {
  await waitUntil(() => h.alertText(), `no alert (step ${h.stepName ?? '?'})`, { timeout });
  return h.alertText()!;
}

/** The factor names of the `mfa-factors` list, in order. */
export function factorNames(h: JourneyHarness): string[] {
  return [...h.form.querySelectorAll('.si-factor .si-factor__name')].map((name) => name.textContent?.trim() ?? '');
}

export function factorButton(h: JourneyHarness, name: string): HTMLButtonElement {
  const match = [...h.form.querySelectorAll<HTMLButtonElement>('button.si-factor')].find(
    (button) => button.querySelector('.si-factor__name')?.textContent?.trim() === name,
  );
  if (!match) throw new Error(`no factor "${name}" among ${factorNames(h).join(' | ')}`);
  return match;
}

/** Whether a button with this text is on the step. */
export function hasButton(h: JourneyHarness, text: string): boolean {
  return [...h.form.querySelectorAll('button')].some((button) => button.textContent?.trim() === text);
}

// ----- WebAuthn credentials set up ahead of a test -------------------------------------------------

async function call(appId: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`/api/experience${path}`, {
    method,
    headers: { 'logto-app-id': appId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Signs the user in through the API under a tenant whose only factor is WebAuthn (Mandatory), and
 * binds a credential of the current virtual authenticator, so that a later sign-in asks for it.
 * `passkey: true` binds it as a sign-in passkey instead (a tenant with passkey sign-in).
 */
export async function registerCredentialFor(username: string, options: { passkey?: boolean } = {}): Promise<void> {
  const tenant = options.passkey
    ? { ...USERNAME_PASSWORD, ...NO_BACKUP_CODES, passkeySignIn: { enabled: true, showPasskeyButton: true, allowAutofill: false } }
    : mfaTenant(['WebAuthn'], 'Mandatory');
  const registered = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signInExperience: tenant }),
  });
  const { appId } = (await registered.json()) as { appId: string };
  await fetch(`/oidc/auth?client_id=${encodeURIComponent(appId)}`, { redirect: 'manual' });
  await call(appId, 'PUT', '', { interactionEvent: 'SignIn' });
  const { verificationId: passwordId } = await call(appId, 'POST', '/verification/password', {
    identifier: { type: 'username', value: username },
    password: PASSWORD,
  });
  await call(appId, 'POST', '/identification', { verificationId: passwordId });
  const { verificationId, registrationOptions } = await call(appId, 'POST', '/verification/web-authn/registration');
  const credential = await startRegistration({ optionsJSON: registrationOptions as never });
  await call(appId, 'POST', '/verification/web-authn/registration/verify', { verificationId, payload: { ...credential, type: 'WebAuthn' } });
  if (options.passkey) await call(appId, 'POST', '/profile/mfa/passkey', { verificationId });
  else await call(appId, 'POST', '/profile/mfa', { type: 'WebAuthn', verificationId });
  await call(appId, 'POST', '/submit');
}

/** Strings that must not appear in any event detail; returns the offending events. */
export function eventsContaining(events: { type: string; detail: string }[], secrets: string[]): string[] {
  return events
    .filter((event) => secrets.some((secret) => secret && event.detail.includes(secret)))
    .map((event) => `${event.type} ${event.detail}`);
}
