/**
 * Consent for third-party apps, as Logto 1.42 does it (recording j14-consent-third-party):
 *
 * - after `submit`, the resume URL `/oidc/auth/<uid>` of a third-party app's interaction does not
 *   issue a code: it opens a new interaction (the consent prompt) for the signed-in user and
 *   redirects to `/consent?app_id=…`;
 * - `GET /api/interaction/consent` describes what the app asks for (application, user, the user's
 *   organizations when the app asks for `urn:logto:scope:organizations`, user scopes, API resource
 *   scopes, organization scopes per organization, the redirect URI);
 * - `POST /api/interaction/consent {organizationIds?}` grants it (`422
 *   organization.require_membership` for an organization the user is not in) and answers
 *   `{redirectTo}`, the resume URL, which then redirects to the app with a code.
 *
 * Logto's consent page has no "deny" request: its Cancel button only navigates to the app's
 * redirect URI. Grants are not remembered: every sign-in of a third-party app asks again.
 */
import { invalidInput, RequestError } from './errors.js';
import { escapeHtml, type Exchange, redirect, sendJson } from './http.js';
import {
  type ConsentGrant,
  INTERACTION_TTL_MS,
  type Interaction,
  parseInteractionCookie,
  randomId,
  type Store,
  type User,
} from './state.js';
import { ORGANIZATION_RESOURCE, type Organization, type ThirdPartyApp } from './third-party.js';

/** Apps remembered in the `_interaction` cookie (as in oidc.ts). */
const MAX_COOKIE_APPS = 20;
const ORGANIZATIONS_SCOPE = 'urn:logto:scope:organizations';
/** Scopes of the ID token that the consent page never lists. */
const SILENT_SCOPES = new Set(['openid', 'offline_access']);

// ----- the resume URL --------------------------------------------------------------------------

/** A signed-in interaction of a third-party app that has not been consented to yet. */
export function consentPending(store: Store, interaction: Interaction): boolean {
  return Boolean(store.apps.get(interaction.appId)?.thirdParty) && !interaction.consent;
}

/**
 * What `/oidc/auth/<uid>` does for such an interaction: a new interaction (new uid, the same app,
 * request and user) replaces it in the cookie, and the browser goes to the consent page.
 */
export function redirectToConsent(store: Store, x: Exchange, interaction: Interaction): void {
  const uid = randomId(32);
  store.interactions.delete(interaction.uid);
  store.interactions.set(uid, {
    uid,
    appId: interaction.appId,
    redirectUri: interaction.redirectUri,
    clientState: interaction.clientState,
    scope: interaction.scope,
    resources: interaction.resources,
    expiresAt: Date.now() + INTERACTION_TTL_MS,
    records: new Map(),
    profile: {},
    mfa: {},
    captcha: { verified: false, skipped: false },
    signedInUserId: interaction.signedInUserId,
  });
  const previous = Object.entries(parseInteractionCookie(x.cookies._interaction)).filter(
    ([key]) => key !== interaction.appId && key !== '_legacy',
  );
  const map: Record<string, string> = Object.fromEntries(previous.slice(-MAX_COOKIE_APPS + 1));
  map[interaction.appId] = uid;
  map._legacy = uid;
  const expires = new Date(Date.now() + INTERACTION_TTL_MS).toUTCString();
  const cookie = `_interaction=${encodeURIComponent(JSON.stringify(map))}; path=/; expires=${expires}; samesite=lax; httponly`;
  redirect(x.res, `/consent?app_id=${encodeURIComponent(interaction.appId)}`, 303, [cookie]);
}

// ----- /api/interaction/consent ----------------------------------------------------------------

/** `GET` and `POST /api/interaction/consent`; `resolve` finds the interaction as the Experience API does. */
export function consentRoute(store: Store, x: Exchange, resolve: () => Interaction): void {
  if (x.method !== 'GET' && x.method !== 'POST') {
    throw new RequestError(405, 'request.method_not_allowed', 'Method not allowed.');
  }
  const interaction = resolve();
  if (x.body === undefined) return sendJson(x.res, 400, { message: 'Unexpected token in JSON body' });
  const body = (x.body ?? {}) as Record<string, unknown>;
  const organizationIds = x.method === 'POST' ? requireOrganizationIds(body.organizationIds) : undefined;
  const user = interaction.signedInUserId ? store.users.get(interaction.signedInUserId) : undefined;
  if (!user) throw new RequestError(400, 'session.not_found', 'Session not found. Please go back and sign in again.');
  const asked = requested(store, interaction, user);

  if (x.method === 'GET') {
    const app = store.apps.get(interaction.appId)?.thirdParty;
    return sendJson(x.res, 200, {
      application: applicationInfo(interaction.appId, app, x.origin),
      user: {
        id: user.id,
        name: user.name ?? null,
        avatar: null,
        username: user.username ?? null,
        primaryEmail: user.primaryEmail ?? null,
        primaryPhone: user.primaryPhone ?? null,
      },
      organizations: asked.organizations.map((organization) => ({
        id: organization.id,
        name: organization.name,
        missingResourceScopes: asked.organizationScopes.length > 0 ? [organizationResourceScopes(asked.organizationScopes)] : [],
      })),
      ...(asked.userScopes.length > 0 ? { missingOIDCScope: asked.userScopes } : {}),
      missingResourceScopes: asked.resources.map(({ indicator, name, scopes }) => ({
        resource: { id: idOf('res', indicator), name, indicator },
        scopes: scopes.map((scope) => ({
          id: idOf('scope', `${indicator} ${scope.name}`),
          name: scope.name,
          description: scope.description ?? null,
        })),
      })),
      redirectUri: interaction.redirectUri,
    });
  }

  const mine = new Set(asked.organizations.map((organization) => organization.id));
  if ((organizationIds ?? []).some((id) => !mine.has(id))) {
    throw new RequestError(422, 'organization.require_membership', 'The user must be a member of the organization to proceed.');
  }
  const grant: ConsentGrant = {
    scopes: [
      ...asked.silentScopes,
      ...asked.userScopes,
      ...asked.resources.flatMap((resource) => resource.scopes.map((scope) => scope.name)),
      ...(organizationIds?.length ? asked.organizationScopes.map((scope) => scope.name) : []),
    ],
    organizationIds: organizationIds ?? [],
  };
  interaction.consent = grant;
  sendJson(x.res, 200, { redirectTo: `${x.origin}/oidc/auth/${interaction.uid}` });
}

function requireOrganizationIds(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidInput('organizationIds', 'Expected array, received ' + typeof value);
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string') throw invalidInput(`organizationIds.${index}`, 'Expected string');
  });
  return value as string[];
}

/** The app as the consent info shows it: `{id, name}`, plus its app-level branding when it has some. */
function applicationInfo(appId: string, app: ThirdPartyApp | undefined, origin: string): Record<string, unknown> {
  if (!app) return { id: appId, name: appId };
  const branded = [app.displayName, app.logoUrl, app.darkLogoUrl, app.termsOfUseUrl, app.privacyPolicyUrl].some(Boolean);
  if (!branded) return { id: app.id, name: app.name };
  const absolute = (url: string | null | undefined) => (url ? new URL(url, origin).href : undefined);
  return {
    id: app.id,
    name: app.name,
    branding: {
      ...(app.logoUrl ? { logoUrl: absolute(app.logoUrl) } : {}),
      ...(app.darkLogoUrl ? { darkLogoUrl: absolute(app.darkLogoUrl) } : {}),
    },
    displayName: app.displayName ?? null,
    privacyPolicyUrl: absolute(app.privacyPolicyUrl) ?? null,
    termsOfUseUrl: absolute(app.termsOfUseUrl) ?? null,
  };
}

function organizationResourceScopes(scopes: NonNullable<ThirdPartyApp['organizationScopes']>): Record<string, unknown> {
  return {
    resource: { id: ORGANIZATION_RESOURCE, name: ORGANIZATION_RESOURCE, indicator: ORGANIZATION_RESOURCE },
    scopes: scopes.map((scope) => ({ id: idOf('orgscope', scope.name), name: scope.name, description: scope.description ?? null })),
  };
}

interface Requested {
  /** `openid`, `offline_access`: granted, never listed. */
  silentScopes: string[];
  userScopes: string[];
  resources: NonNullable<ThirdPartyApp['resources']>;
  organizationScopes: NonNullable<ThirdPartyApp['organizationScopes']>;
  /** The user's organizations, when the app asks for `urn:logto:scope:organizations`. */
  organizations: Organization[];
}

/**
 * What the app asked for and may have: the scopes of the authorization request that the app's
 * consent settings allow (a first-party app: every user scope it asked for, nothing else).
 */
function requested(store: Store, interaction: Interaction, user: User): Requested {
  const app = store.apps.get(interaction.appId)?.thirdParty;
  const scopes = new Set((interaction.scope ?? '').split(/\s+/).filter(Boolean));
  const resources = new Set(interaction.resources ?? []);
  const silentScopes = [...scopes].filter((scope) => SILENT_SCOPES.has(scope));
  const userScopes = [...scopes].filter((scope) => !SILENT_SCOPES.has(scope) && (app ? (app.userScopes ?? []).includes(scope) : !scope.includes(':') || scope.startsWith('urn:logto:scope:')));
  const apiResources = (app?.resources ?? [])
    .filter((resource) => resources.has(resource.indicator))
    .map((resource) => ({ ...resource, scopes: resource.scopes.filter((scope) => scopes.has(scope.name)) }))
    .filter((resource) => resource.scopes.length > 0);
  const organizationScopes = resources.has(ORGANIZATION_RESOURCE)
    ? (app?.organizationScopes ?? []).filter((scope) => scopes.has(scope.name))
    : [];
  const organizations = userScopes.includes(ORGANIZATIONS_SCOPE) ? organizationsOf(store, user) : [];
  return { silentScopes, userScopes, resources: apiResources, organizationScopes, organizations };
}

/** The organizations `user` is a member of (members are listed by username or email). */
export function organizationsOf(store: Store, user: User): Organization[] {
  const names = new Set([user.id, user.username, user.primaryEmail?.toLowerCase()].filter(Boolean));
  return [...store.organizations.values()].filter((organization) =>
    (organization.members ?? []).some((member) => names.has(member) || names.has(member.toLowerCase())),
  );
}

/** A stable id for a resource or scope that has none in the tenant file. */
function idOf(prefix: string, text: string): string {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `${prefix}_${hash.toString(36)}`;
}

// ----- the demo app --------------------------------------------------------------------------------

/**
 * The authorization request the demo start page (`/?client_id=<app>`) makes for an app: a
 * third-party app asks for every scope its consent settings allow, with their `resource`s.
 */
export function demoRequest(store: Store, appId: string): { scope: string; resources: string[] } {
  const app = store.apps.get(appId)?.thirdParty;
  if (!app) return { scope: 'openid profile', resources: [] };
  const resources = (app.resources ?? []).map((resource) => resource.indicator);
  const organizationScopes = (app.organizationScopes ?? []).map((scope) => scope.name);
  if (organizationScopes.length > 0) resources.push(ORGANIZATION_RESOURCE);
  const scope = [
    'openid',
    ...(app.userScopes ?? []),
    ...(app.resources ?? []).flatMap((resource) => resource.scopes.map((item) => item.name)),
    ...organizationScopes,
  ];
  return { scope: [...new Set(scope)].join(' '), resources };
}

/** What the demo callback says about a consented grant (HTML). */
export function grantSummary(store: Store, grant: ConsentGrant | undefined): string {
  if (!grant) return '';
  const organizations = grant.organizationIds.map((id) => store.organizations.get(id)?.name ?? id);
  return (
    `<p>Granted: <span data-testid="granted-scopes">${escapeHtml(grant.scopes.join(' '))}</span></p>` +
    (organizations.length > 0
      ? `<p>Organization: <strong data-testid="granted-organization">${escapeHtml(organizations.join(', '))}</strong></p>`
      : '')
  );
}
