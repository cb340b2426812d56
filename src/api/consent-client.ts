/**
 * The consent page's calls, over the kit's transport (`ConfigClient`: same-origin fetch,
 * `Logto-App-Id`, `Accept-Language`, timeouts, GET retries, `ApiError`s). Loaded with
 * `<sign-in-consent>` only.
 */
import { ConfigClient } from './config-client.js';
import { type ConsentInfo, consentInfoSchema, type ConsentResult, consentResultSchema } from './consent-schemas.js';

export class ConsentClient extends ConfigClient {
  /** What the app asks for, for the signed-in user (`400 session.not_found` without a session). */
  getConsentInfo(signal?: AbortSignal): Promise<ConsentInfo> {
    return this.get('/api/interaction/consent', consentInfoSchema, signal);
  }

  /**
   * Grants it, for one organization when the user picked one, as Logto's page does
   * (`422 organization.require_membership` for an organization the user is not in).
   */
  consent(organizationId?: string): Promise<ConsentResult> {
    return this.send('POST', '/api/interaction/consent', {
      body: organizationId ? { organizationIds: [organizationId] } : {},
      schema: consentResultSchema,
    });
  }
}
