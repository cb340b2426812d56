/**
 * Typed client for Logto's Experience API (`/api/experience/...`) and the phrases read, on top of
 * the transport and the config read of `ConfigClient`. No DOM, no Lit: it runs wherever `fetch` does.
 */
import { ConfigClient } from './config-client.js';
import type { InteractionEvent } from './schemas.js';
import {
  type CodeIdentifierPayload,
  type IdentifierPayload,
  type InteractionState,
  interactionStateSchema,
  type Phrases,
  phrasesSchema,
  type ProfilePayload,
  socialAuthorizationResponseSchema,
  submitResponseSchema,
  verificationIdResponseSchema,
} from './experience-schemas.js';
import {
  backupCodesResponseSchema,
  type MfaFactor,
  passkeyPreflightResponseSchema,
  totpSecretResponseSchema,
  webAuthnAuthenticationResponseSchema,
  webAuthnRegistrationResponseSchema,
} from './security-schemas.js';
import { type SessionAccount, sessionAccountSchema, ssoConnectorIdsSchema } from './enterprise-schemas.js';

/** A WebAuthn credential as JSON, in the shape Logto verifies (`type: 'WebAuthn'`, base64url fields). */
export type WebAuthnPayload = Record<string, unknown> & { type: 'WebAuthn'; id: string };

const VERIFICATION = '/api/experience/verification';

export { ConfigClient, type ExperienceClientOptions, parseRetryAfter } from './config-client.js';

export class ExperienceClient extends ConfigClient {
  /** Logto's phrase bundle for a language (`lng` may list several tags, best first). */
  getPhrases(lng?: string, signal?: AbortSignal): Promise<Phrases> {
    return this.get('/api/.well-known/phrases', phrasesSchema, signal, { lng });
  }

  // ----- interaction ---------------------------------------------------------------------------

  /** `PUT /api/experience`: starts a fresh attempt and clears every earlier verification. */
  startInteraction(interactionEvent: InteractionEvent, captchaToken?: string): Promise<void> {
    return this.send('PUT', '/api/experience', { body: { interactionEvent, captchaToken } });
  }

  /** Switches SignIn ⇄ Register while keeping verified records. */
  setInteractionEvent(interactionEvent: InteractionEvent): Promise<void> {
    return this.send('PUT', '/api/experience/interaction-event', { body: { interactionEvent } });
  }

  /** The sanitized interaction the server holds (event, profile, verification records). */
  getInteraction(signal?: AbortSignal): Promise<InteractionState> {
    return this.get('/api/experience/interaction', interactionStateSchema, signal);
  }

  // ----- verification --------------------------------------------------------------------------

  async verifyPassword(identifier: IdentifierPayload, password: string): Promise<string> {
    const { verificationId } = await this.send('POST', '/api/experience/verification/password', {
      body: { identifier, password },
      schema: verificationIdResponseSchema,
    });
    return verificationId;
  }

  async sendVerificationCode(
    identifier: CodeIdentifierPayload,
    interactionEvent: InteractionEvent,
  ): Promise<string> {
    const { verificationId } = await this.send(
      'POST',
      '/api/experience/verification/verification-code',
      { body: { identifier, interactionEvent }, schema: verificationIdResponseSchema },
    );
    return verificationId;
  }

  async verifyVerificationCode(
    identifier: CodeIdentifierPayload,
    verificationId: string,
    code: string,
  ): Promise<string> {
    const result = await this.send('POST', '/api/experience/verification/verification-code/verify', {
      body: { identifier, verificationId, code },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Username + password as one new identity, for API-style username registration. */
  async createNewPasswordIdentity(username: string, password: string): Promise<string> {
    const result = await this.send('POST', '/api/experience/verification/new-password-identity', {
      body: { identifier: { type: 'username', value: username }, password },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  getSocialAuthorizationUri(
    connectorId: string,
    params: { state: string; redirectUri: string },
  ): Promise<{ authorizationUri: string; verificationId: string }> {
    return this.send(
      'POST',
      `/api/experience/verification/social/${encodeURIComponent(connectorId)}/authorization-uri`,
      { body: params, schema: socialAuthorizationResponseSchema },
    );
  }

  async verifySocial(
    connectorId: string,
    params: { connectorData: Record<string, unknown>; verificationId: string },
  ): Promise<string> {
    const result = await this.send(
      'POST',
      `/api/experience/verification/social/${encodeURIComponent(connectorId)}/verify`,
      { body: params, schema: verificationIdResponseSchema },
    );
    return result.verificationId;
  }

  // ----- enterprise single sign-on, one-time tokens ----------------------------------------------

  /** The SSO connectors that serve this email's domain (none when the domain has no SSO). */
  async getSsoConnectorIds(email: string, signal?: AbortSignal): Promise<string[]> {
    return (await this.get('/api/experience/sso-connectors', ssoConnectorIdsSchema, signal, { email })).connectorIds;
  }

  getSsoAuthorizationUri(
    connectorId: string,
    params: { state: string; redirectUri: string },
  ): Promise<{ authorizationUri: string; verificationId: string }> {
    return this.send('POST', `${VERIFICATION}/sso/${encodeURIComponent(connectorId)}/authorization-uri`, {
      body: params,
      schema: socialAuthorizationResponseSchema,
    });
  }

  async verifySso(connectorId: string, params: { connectorData: Record<string, unknown>; verificationId: string }): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/sso/${encodeURIComponent(connectorId)}/verify`, {
      body: params,
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** A magic link's token, for the email it was issued to. */
  async verifyOneTimeToken(token: string, email: string): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/one-time-token/verify`, {
      body: { token, identifier: { type: 'email', value: email } },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** The account signed in on this browser and the app asking (`GET /api/interaction/consent`). */
  getSessionAccount(signal?: AbortSignal): Promise<SessionAccount> {
    return this.get('/api/interaction/consent', sessionAccountSchema, signal);
  }

  // ----- second factors (after identification) --------------------------------------------------

  /** A new TOTP secret to add to an authenticator app (binding). */
  createTotpSecret() {
    return this.send('POST', `${VERIFICATION}/totp/secret`, { schema: totpSecretResponseSchema });
  }

  /** Checks a TOTP code: the new secret's (with its `verificationId`) or the user's bound one. */
  async verifyTotp(code: string, verificationId?: string): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/totp/verify`, {
      body: { code, verificationId },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Ten new backup codes (binding); they count once bound with `bindMfa('BackupCode', …)`. */
  generateBackupCodes() {
    return this.send('POST', `${VERIFICATION}/backup-code/generate`, { schema: backupCodesResponseSchema });
  }

  async verifyBackupCode(code: string): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/backup-code/verify`, {
      body: { code },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Options for `navigator.credentials.create` (a security key or passkey as a second factor). */
  createWebAuthnRegistration() {
    return this.send('POST', `${VERIFICATION}/web-authn/registration`, { schema: webAuthnRegistrationResponseSchema });
  }

  async verifyWebAuthnRegistration(verificationId: string, payload: WebAuthnPayload): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/web-authn/registration/verify`, {
      body: { verificationId, payload },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Options for `navigator.credentials.get` with the user's bound credentials. */
  createWebAuthnAuthentication() {
    return this.send('POST', `${VERIFICATION}/web-authn/authentication`, { schema: webAuthnAuthenticationResponseSchema });
  }

  async verifyWebAuthnAuthentication(verificationId: string, payload: WebAuthnPayload): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/web-authn/authentication/verify`, {
      body: { verificationId, payload },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Sends a code to the email or phone the user already has, as a second factor. */
  async sendMfaCode(identifierType: 'email' | 'phone'): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/mfa-verification-code`, {
      body: { identifierType },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  async verifyMfaCode(identifierType: 'email' | 'phone', verificationId: string, code: string): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/mfa-verification-code/verify`, {
      body: { identifierType, verificationId, code },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Attaches a verified factor to the user; written when the interaction is submitted. */
  bindMfa(type: MfaFactor, verificationId: string): Promise<void> {
    return this.send('POST', '/api/experience/profile/mfa', { body: { type, verificationId } });
  }

  /**
   * Records a choice about second factors: `mfa-skipped` (no factor now, where the policy lets the
   * user decide), `mfa-suggestion-skipped` (no additional factor), `mfa-enabled` (turn it on),
   * `passkey-skipped` (no passkey now).
   */
  markMfa(flag: 'mfa-skipped' | 'mfa-suggestion-skipped' | 'mfa-enabled' | 'passkey-skipped'): Promise<void> {
    return this.send('POST', `/api/experience/profile/mfa/${flag}`);
  }

  // ----- passkey sign-in ---------------------------------------------------------------------

  /** Discoverable passkey sign-in: options for any passkey of this site (works before an interaction). */
  createPasskeyPreflight() {
    return this.send('POST', '/api/experience/preflight/sign-in-passkey/authentication', {
      schema: passkeyPreflightResponseSchema,
    });
  }

  /** Verifies a passkey assertion; the answer identifies the user like a password would. */
  async verifyPasskey(payload: WebAuthnPayload, verificationId?: string): Promise<string> {
    const result = await this.send('POST', `${VERIFICATION}/sign-in-passkey/authentication/verify`, {
      body: { verificationId, payload },
      schema: verificationIdResponseSchema,
    });
    return result.verificationId;
  }

  /** Makes the verified WebAuthn registration the user's sign-in passkey. */
  bindPasskey(verificationId: string): Promise<void> {
    return this.send('POST', '/api/experience/profile/mfa/passkey', { body: { verificationId } });
  }

  // ----- identification, profile, submit -------------------------------------------------------

  /** Identifies the user (SignIn, ForgotPassword) or creates them (Register). */
  identify(params: { verificationId?: string; linkSocialIdentity?: boolean } = {}): Promise<void> {
    return this.send('POST', '/api/experience/identification', { body: params });
  }

  /** Stages profile data (username, password, verified email/phone, social link) on the interaction. */
  updateProfile(payload: ProfilePayload): Promise<void> {
    return this.send('POST', '/api/experience/profile', { body: payload });
  }

  /** Sets the new password in a ForgotPassword interaction. */
  resetPassword(password: string): Promise<void> {
    return this.send('PUT', '/api/experience/profile/password', { body: { password } });
  }

  /**
   * Finishes the interaction. SignIn and Register answer with the URL the whole page must go to;
   * ForgotPassword answers with an empty body, and this resolves to `undefined`.
   */
  async submit(): Promise<string | undefined> {
    const result = await this.send('POST', '/api/experience/submit', {
      schema: submitResponseSchema,
      optionalBody: true,
    });
    return result?.redirectTo;
  }

}
