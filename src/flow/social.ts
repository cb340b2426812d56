/**
 * Social sign-in helpers: which connectors a browser shows and in what order, their names, the
 * `state` kept for the callback (with a localStorage fallback for in-app browsers that lose
 * sessionStorage on the round trip), and how a provider's page can be shown inside ours.
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

const SESSION_PREFIX = 'sign-in-kit:social:';
const FALLBACK_PREFIX = 'sign-in-kit:social-fallback:';
const FALLBACK_TTL_MS = 10 * 60 * 1000;

/** A fresh, unguessable `state` (128 random bits, base64url). */
export function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function saveAttempt(attempt: Omit<SocialAttempt, 'expiresAt'>, now = Date.now()): SocialAttempt {
  const full: SocialAttempt = { ...attempt, expiresAt: now + FALLBACK_TTL_MS };
  const text = JSON.stringify(full);
  try {
    sessionStorage.setItem(SESSION_PREFIX + attempt.connectorId, text);
  } catch {
    // Storage can be unavailable (private modes); the fallback below may still work.
  }
  try {
    localStorage.setItem(FALLBACK_PREFIX + attempt.state, text);
  } catch {
    // Nothing more to do: the callback will report a missing state.
  }
  return full;
}

function parse(text: string | null): SocialAttempt | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as SocialAttempt;
    return typeof value.state === 'string' && typeof value.verificationId === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The attempt a callback belongs to. The sessionStorage copy must carry the same `state`; when
 * the tab lost it (in-app browsers), the localStorage copy keyed by that state is used if it is
 * for the same connector and has not expired. Both copies are removed either way.
 */
export function takeAttempt(
  connectorId: string,
  state: string | undefined,
  now = Date.now(),
): { attempt?: SocialAttempt; problem?: 'state_mismatch' | 'state_missing' } {
  const stored = parse(safeGet(sessionStorage, SESSION_PREFIX + connectorId));
  const fallback = state ? parse(safeGet(localStorage, FALLBACK_PREFIX + state)) : undefined;
  safeRemove(sessionStorage, SESSION_PREFIX + connectorId);
  if (state) safeRemove(localStorage, FALLBACK_PREFIX + state);
  if (stored?.state) safeRemove(localStorage, FALLBACK_PREFIX + stored.state);

  if (!state) return { problem: 'state_missing' };
  if (stored) return stored.state === state ? { attempt: stored } : { problem: 'state_mismatch' };
  if (fallback && fallback.connectorId === connectorId && fallback.expiresAt > now) return { attempt: fallback };
  return { problem: fallback ? 'state_mismatch' : 'state_missing' };
}

/** The app id saved with an attempt, for a callback page that lost its `app_id` on the round trip. */
export function appIdForState(state: string | null): string | undefined {
  return state ? parse(safeGet(localStorage, FALLBACK_PREFIX + state))?.appId : undefined;
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function safeRemove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // ignore
  }
}

/**
 * WeChat's embedded QR login: the same qrconnect URL the server built (appid, redirect_uri,
 * scope, state unchanged), in the form WeChat serves inside a frame, which sends the whole window
 * to `redirect_uri` once the code is scanned and confirmed.
 */
export function embeddedWechatUri(authorizationUri: string): string | undefined {
  try {
    const url = new URL(authorizationUri);
    if (!/\/connect\/qrconnect$/.test(url.pathname) || !url.searchParams.get('appid')) return undefined;
    url.searchParams.set('login_type', 'jssdk');
    url.searchParams.set('self_redirect', 'false');
    url.searchParams.set('styletype', '');
    url.searchParams.set('sizetype', '');
    url.hash = '';
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where a provider's page is shown inside ours (desktop only); everyone else is redirected. */
export function embeddedUri(connector: SocialConnector, authorizationUri: string): string | undefined {
  if (connector.target === 'wechat') return embeddedWechatUri(authorizationUri);
  if (connector.target === 'dingtalk') {
    try {
      const url = new URL(authorizationUri);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** WeChat's in-app browser, or a phone: no QR to scan there, go straight to the provider. */
export function prefersRedirect(userAgent: string, coarsePointer: boolean, narrow: boolean): boolean {
  if (/MicroMessenger|DingTalk/i.test(userAgent)) return true;
  if (/Android|iPhone|iPad|iPod|Mobile/i.test(userAgent)) return true;
  return coarsePointer && narrow;
}
