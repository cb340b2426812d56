/**
 * What the first screen needs about social sign-in: which connectors a browser shows and in what
 * order, and their names. The saved attempts are in social-attempts.ts; the rest of the social
 * journey is in social.ts, loaded when it starts.
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
