/**
 * The social attempt saved between leaving for a provider and coming back, as far as the hosted
 * page needs it before the flow loads: its shape, and the app id a callback can recover from it.
 */
/** What the kit keeps between leaving for the provider and coming back to `/callback/:id`. */
export interface SocialAttempt {
  state: string;
  connectorId: string;
  verificationId: string;
  redirectUri: string;
  appId?: string;
  organizationId?: string;
  /** An enterprise single sign-on, which comes back to the same `/callback/:id` address. */
  sso?: boolean;
  /** ms since epoch after which the fallback copy is ignored. */
  expiresAt: number;
}

export const FALLBACK_PREFIX = 'sign-in-kit:social-fallback:';

export function parseAttempt(text: string | null): SocialAttempt | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as SocialAttempt;
    return typeof value.state === 'string' && typeof value.verificationId === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The app id saved with an attempt, for a callback page that lost its `app_id` on the round trip. */
export function appIdForState(state: string | null): string | undefined {
  return state ? parseAttempt(safeGet(localStorage, FALLBACK_PREFIX + state))?.appId : undefined;
}

export function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
