/**
 * What the first screen needs about social sign-in: which connectors a browser shows and in what
 * order, their names, and the app id a callback can recover from a saved attempt. The rest of the
 * social journey is in social.ts, loaded when it starts.
 */
import type { SocialConnector } from '../api/schemas.js';

/** Drops native-only connectors; per provider keeps the web one over a universal one; tenant order. */
export function browserConnectors(connectors: readonly SocialConnector[], targets: readonly string[] = []): SocialConnector[] {
  const byTarget = new Map<string, SocialConnector>();
  for (const connector of connectors) {
    if (connector.platform === 'Native') continue;
    const existing = byTarget.get(connector.target);
    if (!existing || (existing.platform !== 'Web' && connector.platform === 'Web')) byTarget.set(connector.target, connector);
  }
  const rank = (target: string) => {
    const index = targets.indexOf(target);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const order = connectors.map((connector) => connector.target);
  return [...byTarget.values()].sort(
    (a, b) => rank(a.target) - rank(b.target) || order.indexOf(a.target) - order.indexOf(b.target),
  );
}

/** The connector's name in `locale`: exact tag, then same base language, then English. */
export function connectorName(connector: SocialConnector, locale: string): string {
  const names = connector.name;
  if (names[locale]) return names[locale];
  const base = locale.split('-')[0]?.toLowerCase();
  const sameLanguage = Object.keys(names).find((tag) => tag.split('-')[0]?.toLowerCase() === base);
  return (sameLanguage && names[sameLanguage]) || names.en || Object.values(names)[0] || connector.target;
}

/** What the kit keeps between leaving for the provider and coming back to `/callback/:id`. */
export interface SocialAttempt {
  state: string;
  connectorId: string;
  verificationId: string;
  redirectUri: string;
  appId?: string;
  organizationId?: string;
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

/** WeChat's in-app browser, or a phone: no QR to scan there, go straight to the provider. */
export function prefersRedirect(userAgent: string, coarsePointer: boolean, narrow: boolean): boolean {
  if (/MicroMessenger|DingTalk/i.test(userAgent)) return true;
  if (/Android|iPhone|iPad|iPod|Mobile/i.test(userAgent)) return true;
  return coarsePointer && narrow;
}
