/**
 * The browser side of WebAuthn (security keys, platform authenticators, passkeys), through
 * `@simplewebauthn/browser`, which turns Logto's JSON options into the browser's binary ones and
 * the credential back into base64url JSON. Failures become `ApiError`s with `webauthn.*` codes, so
 * the flow reports them like any other error.
 */
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
} from '@simplewebauthn/browser';

import { ApiError } from '../api/errors.js';
import type { WebAuthnPayload } from '../api/client.js';

export { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill };

/** Creates a credential with the server's registration options. */
export async function createCredential(options: Record<string, unknown>): Promise<WebAuthnPayload> {
  const response = await ceremony(() =>
    startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON }),
  );
  return { ...response, type: 'WebAuthn' } as unknown as WebAuthnPayload;
}

/**
 * Asks for an assertion with the server's options. With `autofill`, the browser offers passkeys
 * in the identifier field's suggestions (conditional mediation) and this waits until one is
 * picked; starting any other ceremony cancels that wait.
 */
export async function getAssertion(options: Record<string, unknown>, autofill = false): Promise<WebAuthnPayload> {
  const response = await ceremony(() =>
    startAuthentication({
      optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
      useBrowserAutofill: autofill,
    }),
  );
  return { ...response, type: 'WebAuthn' } as unknown as WebAuthnPayload;
}

/** Stops a waiting autofill request (the user chose another way in, or the form went away). */
export function cancelCeremony(): void {
  WebAuthnAbortService.cancelCeremony();
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  if (!browserSupportsWebAuthn()) throw new ApiError(0, 'webauthn.unsupported', 'This browser cannot use passkeys or security keys.');
  try {
    return await run();
  } catch (error) {
    const { name = '', code = '' } = (error ?? {}) as { name?: string; code?: string };
    // Another request replaced this one (the kit itself did that).
    if (name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') throw new ApiError(0, 'webauthn.aborted', String(error));
    // The user closed the browser's dialog, or it timed out (the browser does not say which).
    if (name === 'NotAllowedError') throw new ApiError(0, 'webauthn.cancelled', String(error));
    if (name === 'InvalidStateError' || code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
      throw new ApiError(0, 'webauthn.already_registered', String(error));
    }
    throw new ApiError(0, 'webauthn.failed', String(error));
  }
}
