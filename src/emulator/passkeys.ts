/**
 * Passkey sign-in (Logto 1.38+): the discoverable preflight (works before `PUT /api/experience`,
 * its challenge lives on the OIDC interaction), the identifier-first options, and verifying the
 * assertion into a `SignInPasskey` record that identification accepts. Every WebAuthn credential
 * of a user serves as a passkey, including the ones bound through `profile/mfa/passkey`.
 */
import { RequestError, verificationNotFound, webAuthnFailed } from './errors.js';
import { type Exchange, sendJson } from './http.js';
import { type Context, type Interaction, relyingParty, requireIdentifier, type RouteGroup } from './state.js';
import { authenticationOptions, credentialIdOf, newChallenge, sendAuthenticationOptions, verifyAuthentication } from './webauthn.js';

export const PREFLIGHT_ROUTE = 'POST /preflight/sign-in-passkey/authentication';

/** The preflight: discoverable credentials, empty `allowCredentials`. */
export function passkeyPreflight(x: Exchange, interaction: Interaction): void {
  const challenge = newChallenge();
  interaction.passkeyChallenge = challenge;
  sendJson(x.res, 200, { authenticationOptions: authenticationOptions(relyingParty(x).rpId, challenge, []) });
}

export const passkeyRoutes: RouteGroup = async (context, key) => {
  if (key === 'POST /verification/sign-in-passkey/authentication') {
    identifierFirstOptions(context);
    return true;
  }
  if (key === 'POST /verification/sign-in-passkey/authentication/verify') {
    await verifyPasskey(context);
    return true;
  }
  return false;
};

function identifierFirstOptions(context: Context): void {
  const identifier = requireIdentifier(context.body.identifier);
  const user = context.store.findUser(identifier);
  if (!user || user.mfa.webAuthn.length === 0) {
    throw new RequestError(400, 'session.mfa.webauthn_verification_not_found', 'No passkey was found for this account.');
  }
  sendAuthenticationOptions(context, user, 'SignInPasskey');
}

async function verifyPasskey({ store, x, interaction, body }: Context): Promise<void> {
  let challenge: string | undefined;
  let expectedUserId: string | undefined;
  const existing = interaction.records.get('SignInPasskey');
  if (body.verificationId !== undefined) {
    if (!existing?.challenge || existing.id !== body.verificationId) throw verificationNotFound();
    challenge = existing.challenge;
    expectedUserId = existing.userId;
  } else {
    challenge = interaction.passkeyChallenge;
    if (!challenge) {
      throw new RequestError(400, 'session.passkey_sign_in.pending_info_not_found', 'Start the passkey sign-in again.');
    }
  }
  const credentialId = credentialIdOf(body.payload);
  const owner = credentialId ? store.findByCredential(credentialId) : undefined;
  if (!owner || (expectedUserId && owner.user.id !== expectedUserId)) throw webAuthnFailed();
  await verifyAuthentication(body.payload, challenge, relyingParty(x), owner.credential);
  if (interaction.userId && interaction.userId !== owner.user.id) {
    throw new RequestError(409, 'session.identity_conflict', 'The session already belongs to another account.');
  }
  interaction.passkeyChallenge = undefined;
  const record =
    body.verificationId !== undefined && existing
      ? existing
      : store.addRecord(interaction, { type: 'SignInPasskey', verified: false, userId: owner.user.id });
  record.verified = true;
  record.userId = owner.user.id;
  record.challenge = undefined;
  interaction.captcha.skipped = true;
  sendJson(x.res, 200, { verificationId: record.id });
}
