/**
 * Virtual WebAuthn authenticators for browser tests (test/tools/webauthn-plugin.mjs, Chromium's
 * CDP `WebAuthn` domain). With one added, `navigator.credentials.create/get` succeed without any
 * prompt. WebAuthn refuses IP-address origins: the test server runs on `localhost`.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface VirtualAuthenticatorOptions {
  protocol?: 'ctap2' | 'u2f';
  transport?: 'internal' | 'usb' | 'nfc' | 'ble' | 'hybrid';
  hasResidentKey?: boolean;
  hasUserVerification?: boolean;
  /** Whether user verification succeeds (set `false` to simulate a failed fingerprint). */
  isUserVerified?: boolean;
  automaticPresenceSimulation?: boolean;
}

/** A credential held by a virtual authenticator, as CDP reports it (binary fields base64). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/** Adds a virtual authenticator (default: ctap2, internal, resident keys, user verified) and returns its id. */
export async function addVirtualAuthenticator(options: VirtualAuthenticatorOptions = {}): Promise<string> {
  const result = await executeServerCommand<{ authenticatorId: string }, VirtualAuthenticatorOptions>(
    'webauthn:add-authenticator',
    options,
  );
  return result.authenticatorId;
}

export async function removeVirtualAuthenticator(authenticatorId: string): Promise<void> {
  await executeServerCommand('webauthn:remove-authenticator', { authenticatorId });
}

/** The credentials the authenticator holds. */
export async function credentials(authenticatorId: string): Promise<VirtualCredential[]> {
  return executeServerCommand<VirtualCredential[], { authenticatorId: string }>('webauthn:credentials', { authenticatorId });
}
