/**
 * Typed client for Logto's Experience API (`/api/experience/...`) and the phrases read, on top of
 * the transport and the config read of `ConfigClient`. No DOM, no Lit: it runs wherever `fetch` does.
 */
import { ConfigClient } from './config-client.js';
import {
  type CodeIdentifierPayload,
  type IdentifierPayload,
  type InteractionEvent,
  type InteractionState,
  interactionStateSchema,
  type Phrases,
  phrasesSchema,
  type ProfilePayload,
  socialAuthorizationResponseSchema,
  submitResponseSchema,
  verificationIdResponseSchema,
} from './schemas.js';

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
