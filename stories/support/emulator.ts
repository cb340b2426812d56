/**
 * The emulator mounted in Storybook (and in the test server) as the stories use it: every story
 * registers an app of its own with the sign-in-experience patch it needs, starts an interaction for
 * it the way a client app's "Sign in" button does, and reads the verification codes the emulator
 * "sent". Nothing here fakes a response: the components talk to the emulated Experience API.
 */
import { ExperienceClient } from '../../src/index.js';
import { embeddedWechatUri, saveAttempt } from '../../src/flow/social.js';

/** A sign-in-experience patch, deep-merged over the emulator's demo tenant (arrays replace). */
export type ConfigPatch = Record<string, unknown>;

async function post(path: string, body: unknown): Promise<Response> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} failed (${response.status}): ${await response.text()}`);
  return response;
}

/** Registers an app with its own sign-in experience; no interaction yet. */
export async function registerApp(signInExperience: ConfigPatch = {}): Promise<string> {
  const response = await post('/__emulator/apps', { signInExperience });
  const { appId } = (await response.json()) as { appId: string };
  return appId;
}

/**
 * Starts an interaction on the emulator for a story, as a client app's "Sign in" button would:
 * registers an app with the given sign-in-experience patch and calls `/oidc/auth` for it.
 */
export async function startInteraction(signInExperience: ConfigPatch = {}): Promise<string> {
  const appId = await registerApp(signInExperience);
  await fetch(`/oidc/auth?client_id=${encodeURIComponent(appId)}`, { redirect: 'manual' });
  return appId;
}

export interface SeedUser {
  username?: string;
  password?: string;
  email?: string;
  /** Digits with the country code, e.g. `8613900001111`. */
  phone?: string;
  name?: string;
  /** Second factors the account already has: an authenticator app's base32 secret, backup codes, its own email or phone. */
  mfa?: { totp?: string; backupCodes?: string[]; email?: boolean; phone?: boolean };
}

/** Adds an account to the emulated tenant. */
export async function addUser(user: SeedUser): Promise<SeedUser> {
  await post('/__emulator/users', user);
  return user;
}

/** The last verification code the emulator sent to an email address or phone number (digits). */
export async function latestCode(to: string): Promise<string> {
  const response = await fetch(`/__emulator/codes/latest?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`no verification code was sent to ${to}`);
  return ((await response.json()) as { code: string }).code;
}

/** A code that is certainly not the right one. */
export function wrongCode(right: string): string {
  return right === '000000' ? '111111' : '000000';
}

let counter = 0;

/** Letters only (no digit runs, no "abc" sequences), unique per story render. */
function suffix(): string {
  const letters = 'bdfhjkmnpqrtvwxz';
  let value = Date.now() * 100 + (++counter % 100);
  let out = '';
  while (value > 0) {
    out += letters[value % letters.length];
    value = Math.floor(value / letters.length);
  }
  return out;
}

/** A username that no other story uses: `prefix_` + letters. */
export function uniqueUsername(prefix = 'user'): string {
  return `${prefix}_${suffix()}`;
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${suffix()}@example.com`;
}

/** A valid Chinese mobile number nobody else uses, as the API expects it: `86139…` (13 digits). */
export function uniquePhone(): string {
  return `86139${String((Date.now() * 7 + ++counter) % 1e8).padStart(8, '0')}`;
}

/** `8613912345678` → `+86 139 1234 5678`, as a person types it. */
export function typedPhone(digits: string): string {
  return `+${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 9)} ${digits.slice(9)}`;
}

/**
 * What a provider sends back to `/callback/:connectorId` after the user approved (or cancelled)
 * on the emulator's provider page: the story does the round trip the browser would do (start a
 * SignIn interaction, ask for the authorization URI, keep the attempt the way the kit does,
 * answer the provider's consent page) without leaving Storybook's frame.
 */
export async function socialCallback(
  appId: string,
  connectorId: string,
  answer: { decision?: 'allow' | 'deny' | 'error'; login: string; name?: string; email?: string; phone?: string },
): Promise<Record<string, string>> {
  const client = new ExperienceClient({ appId });
  await client.startInteraction('SignIn');
  const state = `story-${suffix()}`;
  const redirectUri = `${location.origin}/callback/${encodeURIComponent(connectorId)}`;
  const { authorizationUri, verificationId } = await client.getSocialAuthorizationUri(connectorId, { state, redirectUri });
  saveAttempt({ state, connectorId, verificationId, redirectUri, appId });
  const authorize = new URL(authorizationUri);
  const approve = new URL(authorize.pathname.replace(/\/(authorize|oauth2\/auth)$/, '/approve'), location.origin);
  const target = authorize.pathname.startsWith('/__emulator/dingtalk/')
    ? 'dingtalk'
    : (authorize.searchParams.get('client_id') ?? '').replace(/^emulated-/, '');
  approve.search = new URLSearchParams({
    decision: answer.decision ?? 'allow',
    redirect_uri: redirectUri,
    state,
    target,
    login: answer.login,
    name: answer.name ?? '',
    email: answer.email ?? '',
    phone: answer.phone ?? '',
  }).toString();
  const response = await fetch(approve, { headers: { accept: 'text/html' } });
  const back = new URL(response.url);
  if (!back.pathname.startsWith('/callback/')) throw new Error(`the provider did not come back to the callback: ${response.url}`);
  return Object.fromEntries(back.searchParams);
}

/**
 * The emulated WeChat QR page for an app, as `<sign-in-form>` frames it: the authorization URI the
 * emulator returns for the `wechat-web` connector, in WeChat's embeddable form.
 */
export async function wechatQrPage(appId: string): Promise<{ src: string; fallback: string }> {
  const client = new ExperienceClient({ appId });
  await client.startInteraction('SignIn');
  const { authorizationUri } = await client.getSocialAuthorizationUri('wechat-web', {
    state: `story-${suffix()}`,
    redirectUri: `${location.origin}/callback/wechat-web`,
  });
  const src = embeddedWechatUri(authorizationUri);
  if (!src) throw new Error(`not a WeChat QR login address: ${authorizationUri}`);
  return { src, fallback: authorizationUri };
}
