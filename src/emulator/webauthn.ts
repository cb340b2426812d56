/**
 * WebAuthn ceremonies for the MFA factor and passkey sign-in: options shaped as Logto 1.42 sends
 * them (see the j17 recording), responses verified for real with @simplewebauthn/server against the
 * request's relying party (rpID = the request host name, origin = the `Origin` header).
 */
import {
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

import { webAuthnFailed } from './errors.js';
import { randomBytes, toBase64url } from './random.js';
import { type Context, relyingParty, type StoredCredential, type User } from './state.js';
import { sendJson } from './http.js';

const TIMEOUT_MS = 60_000;

export function newChallenge(): string {
  return toBase64url(randomBytes(32));
}

export function registrationOptions(
  rpId: string,
  user: { id: string; name: string },
  challenge: string,
  exclude: StoredCredential[],
): Record<string, unknown> {
  return {
    rp: { name: rpId, id: rpId },
    user: { id: toBase64url(new TextEncoder().encode(user.id)), name: user.name, displayName: user.name },
    challenge,
    pubKeyCredParams: [
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ],
    timeout: TIMEOUT_MS,
    excludeCredentials: exclude.map(descriptor),
    authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'required' },
    attestation: 'none',
    extensions: { credProps: true },
  };
}

export function authenticationOptions(rpId: string, challenge: string, allow: StoredCredential[]): Record<string, unknown> {
  return { challenge, timeout: TIMEOUT_MS, rpId, allowCredentials: allow.map(descriptor), userVerification: 'required' };
}

function descriptor(credential: StoredCredential) {
  return { type: 'public-key', id: credential.id, ...(credential.transports ? { transports: credential.transports } : {}) };
}

/** The API payload carries `type: 'WebAuthn'`; the verifier wants the browser's `public-key`. */
function asBrowserJson<T>(payload: unknown): T {
  if (typeof payload !== 'object' || payload === null) throw webAuthnFailed();
  return { ...(payload as Record<string, unknown>), type: 'public-key' } as T;
}

export async function verifyRegistration(
  payload: unknown,
  challenge: string,
  rp: { rpId: string; origin: string },
): Promise<StoredCredential> {
  const response = asBrowserJson<RegistrationResponseJSON>(payload);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
    });
    if (!result.verified) throw webAuthnFailed();
    const { credential } = result.registrationInfo;
    const transports = response.response?.transports;
    return { id: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports };
  } catch {
    throw webAuthnFailed();
  }
}

/** Verifies an assertion against `credential`; on success the stored counter moves on. */
export async function verifyAuthentication(
  payload: unknown,
  challenge: string,
  rp: { rpId: string; origin: string },
  credential: StoredCredential,
): Promise<void> {
  const response = asBrowserJson<AuthenticationResponseJSON>(payload);
  let verified = false;
  let counter = credential.counter;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports as never,
      },
      requireUserVerification: true,
    });
    verified = result.verified;
    counter = result.authenticationInfo.newCounter;
  } catch {
    verified = false;
  }
  if (!verified) throw webAuthnFailed();
  credential.counter = counter;
}

/** The credential id an assertion or attestation names (base64url), if any. */
export function credentialIdOf(payload: unknown): string | undefined {
  const id = (payload as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Starts an assertion ceremony for a user's credentials: a new record of this type holds the
 * challenge, and the answer carries its id and the options for `navigator.credentials.get`.
 */
export function sendAuthenticationOptions({ store, x, interaction }: Context, user: User, type: 'WebAuthn' | 'SignInPasskey'): void {
  const challenge = newChallenge();
  const record = store.addRecord(interaction, { type, verified: false, userId: user.id, challenge, ceremony: 'authentication' });
  sendJson(x.res, 200, {
    verificationId: record.id,
    authenticationOptions: authenticationOptions(relyingParty(x).rpId, challenge, user.mfa.webAuthn),
  });
}
