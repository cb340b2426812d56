/**
 * Enterprise single sign-on as Logto 1.42 answers it (recording j16, `routes/experience/
 * verification-routes/enterprise-sso-verification.ts`, `anonymous-routes`, the sign-in-experience
 * validator): the connector lookup by email domain, the `session.sso_enabled` guard on email
 * identifiers, `authorization-uri` and `verify`, identification by SSO identity (a known identity,
 * else the user with the IdP's email, else `404 user.sso_identity_not_exist` so the page registers
 * the identity), and a fake enterprise IdP on the same loopback server.
 *
 * The IdP sends the browser back to the `redirectUri` the page chose; Logto's experience app uses
 * `<origin>/callback/<connectorId>` for SSO as for social sign-in (the callback page tells them apart
 * by looking the id up in `ssoConnectors` or `socialConnectors`).
 */
import { type EnterpriseSettings, enterpriseSettingsOf, type SsoConnectorConfig } from './config.js';
import { invalidInput, RequestError, userSuspended, verificationFailed, verificationNotFound } from './errors.js';
import { escapeHtml, type Exchange, redirect, sendJson, sendText } from './http.js';
import { renderPage } from './pages.js';
import {
  absolutize,
  type Context,
  EMAIL_PATTERN,
  type Interaction,
  type PendingProfile,
  randomId,
  type RouteGroup,
  type SsoIdentity,
  type Store,
  type User,
  type VerificationRecord,
} from './state.js';

/** Answered before the interaction event is checked: Logto serves it without `PUT /api/experience`. */
export const SSO_CONNECTORS_ROUTE = 'GET /sso-connectors';

/** When the emulated connectors were "created" (the `createdAt` of `session.sso_enabled` data). */
const CREATED_AT = Date.now();

const ssoEnabledMessage = 'Single sign on is enabled for this given email. Please sign in with SSO.';

export const ssoRoutes: RouteGroup = (context, key) => {
  const match = /^POST \/verification\/sso\/([^/]+)\/(authorization-uri|verify)$/.exec(key);
  if (!match) return false;
  const connectorId = decodeURIComponent(match[1] ?? '');
  if (match[2] === 'verify') verifySso(context, connectorId);
  else authorizationUri(context, connectorId);
  return true;
};

function settingsOf(store: Store, appId: string): EnterpriseSettings {
  return enterpriseSettingsOf(store.rawConfigOf(appId));
}

/** The connectors Logto offers: those with at least one domain, and none while SSO is off. */
function availableConnectors(settings: EnterpriseSettings): SsoConnectorConfig[] {
  return settings.singleSignOnEnabled ? settings.ssoConnectors.filter((item) => item.domains.length > 0) : [];
}

function connectorsForEmail(settings: EnterpriseSettings, email: string): SsoConnectorConfig[] {
  const domain = email.split('@')[1]?.toLowerCase();
  if (!domain) return [];
  return availableConnectors(settings).filter((item) => item.domains.some((entry) => entry.toLowerCase() === domain));
}

function issuerOf(origin: string, connectorId: string): string {
  return `${origin}/__emulator/sso/${encodeURIComponent(connectorId)}`;
}

/**
 * The payload's `ssoConnectors` as Logto serves them: `{id, connectorName, logo, darkLogo}` of the
 * available connectors (`[]` while `singleSignOnEnabled` is off); `domains` stays on the server.
 */
export function withServedSsoConnectors(payload: Record<string, unknown>): Record<string, unknown> {
  const served = availableConnectors(enterpriseSettingsOf(payload)).map(({ id, connectorName, logo, darkLogo }) => ({
    id,
    connectorName,
    logo: logo ?? null,
    darkLogo: darkLogo ?? null,
  }));
  return { ...payload, ssoConnectors: served };
}

/** `GET /api/experience/sso-connectors?email=`: `{connectorIds}` of the connectors serving the email's domain. */
export function ssoConnectorLookup({ store, x, interaction }: Context): void {
  const email = x.url.searchParams.get('email') ?? '';
  if (!EMAIL_PATTERN.test(email)) throw invalidInput('email', 'Invalid email');
  const connectors = connectorsForEmail(settingsOf(store, interaction.appId), email);
  sendJson(x.res, 200, { connectorIds: connectors.map(({ id }) => id) });
}

/** The email a verification record carries (Logto's `getEmailIdentifierFromVerificationRecord`). */
function emailOf(record: VerificationRecord): string | undefined {
  if (record.type === 'Social') return record.socialIdentity?.userInfo.email;
  if (record.type === 'EnterpriseSso') return record.sso?.identity?.email;
  return record.identifier?.type === 'email' ? record.identifier.value : undefined;
}

/**
 * `422 session.sso_enabled` when the record's email belongs to an SSO domain: such accounts sign in
 * (and register) through SSO only. `data.ssoConnectors` has Logto's connector rows, without secrets.
 */
export function assertNotSsoOnlyEmail({ store, x, interaction }: Context, record: VerificationRecord): void {
  const email = emailOf(record);
  if (!email || record.type === 'EnterpriseSso') return;
  const raw = store.rawConfigOf(interaction.appId);
  const connectors = connectorsForEmail(enterpriseSettingsOf(raw), email);
  if (connectors.length === 0) return;
  const tenantId = typeof raw.tenantId === 'string' ? raw.tenantId : 'default';
  throw new RequestError(422, 'session.sso_enabled', ssoEnabledMessage, {
    ssoConnectors: connectors.map((connector) => connectorRow(connector, tenantId, x.origin)),
  });
}

/** A connector as Logto's SSO library returns it, with an emulated OIDC config that has no client secret. */
function connectorRow(connector: SsoConnectorConfig, tenantId: string, origin: string): Record<string, unknown> {
  const { id, connectorName, logo, darkLogo, domains } = connector;
  return {
    tenantId,
    id,
    providerName: 'OIDC',
    connectorName,
    config: {
      scope: 'openid profile email',
      issuer: issuerOf(origin, id),
      clientId: `emulated-sso-${id}`,
      trustUnverifiedEmail: false,
    },
    domains,
    branding: absolutize({ displayName: connectorName, ...(logo ? { logo } : {}), ...(darkLogo ? { darkLogo } : {}) }, origin),
    syncProfile: false,
    enableTokenStorage: false,
    createdAt: CREATED_AT,
  };
}

function authorizationUri({ store, x, interaction, body }: Context, connectorId: string): void {
  const connector = settingsOf(store, interaction.appId).ssoConnectors.find((item) => item.id === connectorId);
  if (!connector) {
    throw new RequestError(404, 'connector.not_found', 'Cannot find any available connector for type: SSO.');
  }
  const { state, redirectUri } = body;
  if (typeof state !== 'string' || state === '') throw invalidInput('state', 'Expected a non-empty string');
  if (typeof redirectUri !== 'string' || !/^https?:\/\/[^/]/.test(redirectUri)) {
    throw invalidInput('redirectUri', 'Invalid redirect URI');
  }
  const issuer = issuerOf(x.origin, connectorId);
  const record = store.addRecord(interaction, {
    type: 'EnterpriseSso',
    verified: false,
    connectorId,
    sso: { redirectUri, state, sessionOpen: true, issuer },
  });
  // The parameters of Logto's OIDC connector, in its order.
  const query = new URLSearchParams({
    state,
    nonce: randomId(21),
    client_id: `emulated-sso-${connectorId}`,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile email',
  });
  sendJson(x.res, 200, { authorizationUri: `${issuer}/authorize?${query.toString()}`, verificationId: record.id });
}

function verifySso({ store, x, interaction, body }: Context, connectorId: string): void {
  if (typeof body.verificationId !== 'string') throw invalidInput('verificationId', 'Expected string but received undefined.');
  const data = body.connectorData;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidInput('connectorData', 'Expected object');
  }
  const record = interaction.records.get('EnterpriseSso');
  if (!record?.sso || record.id !== body.verificationId || record.connectorId !== connectorId) throw verificationNotFound();
  // The connector session is read once, whatever the outcome.
  if (!record.sso.sessionOpen) {
    throw new RequestError(400, 'session.connector_validation_session_not_found', 'The connector session for token validation is not found.');
  }
  record.sso.sessionOpen = false;
  const code = (data as Record<string, unknown>).code;
  if (typeof code !== 'string' || code === '') {
    throw new RequestError(500, 'connector.invalid_request_parameters', 'The request is with wrong input parameter(s).', {
      url: `${record.sso.issuer}/token`,
      params: data,
    });
  }
  const grant = store.ssoCodes.get(code);
  store.ssoCodes.delete(code);
  if (!grant || grant.connectorId !== connectorId || grant.redirectUri !== record.sso.redirectUri) {
    throw new RequestError(500, 'connector.authorization_failed', "The user's authorization process is unsuccessful.", {
      message: 'Invalid token response',
    });
  }
  record.verified = true;
  record.sso.identity = grant.identity;
  // SSO sign-ins need no CAPTCHA.
  interaction.captcha.skipped = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

/** Whether the interaction holds a verified SSO identity (no MFA, passkey prompt or mandatory profile then). */
export function ssoVerified(interaction: Interaction): boolean {
  return interaction.records.get('EnterpriseSso')?.verified === true;
}

function userWithSsoIdentity(store: Store, connectorId: string, identity: SsoIdentity): User | undefined {
  for (const user of store.users.values()) if (user.ssoIdentities?.[connectorId] === identity.id) return user;
  return undefined;
}

/**
 * Identification (SignIn) by an SSO record: the user who has this identity, else the user with the
 * IdP's email (the identity is linked to them at submit), else `404 user.sso_identity_not_exist`.
 */
export function identifyBySso({ store, interaction }: Context, record: VerificationRecord): User {
  if (interaction.event === 'ForgotPassword') {
    throw new RequestError(422, 'session.not_supported_for_forgot_password', 'This operation is not supported for forgot password.');
  }
  if (!settingsOf(store, interaction.appId).singleSignOnEnabled) {
    throw new RequestError(422, 'user.sign_in_method_not_enabled', 'This sign-in method is not enabled.');
  }
  const identity = record.sso?.identity;
  const connectorId = record.connectorId ?? '';
  if (!identity) throw verificationFailed();
  const linked = userWithSsoIdentity(store, connectorId, identity);
  if (linked) return linked;
  const related = identity.email ? store.findUser({ type: 'email', value: identity.email }) : undefined;
  if (!related) {
    throw new RequestError(404, 'user.sso_identity_not_exist', 'The enterprise SSO account has not been registered yet.');
  }
  // Nothing is staged for an account that cannot sign in, or when another user is identified.
  if (related.suspended) throw userSuspended();
  if (!interaction.userId) interaction.profile.enterpriseSsoIdentity = { connectorId, identity };
  return related;
}

/** Registration from an SSO record: the identity, and the IdP's email and name for the new account. */
export function ssoProfile(store: Store, record: VerificationRecord): PendingProfile {
  const identity = record.sso?.identity;
  const connectorId = record.connectorId ?? '';
  if (!record.verified || !identity) throw verificationFailed();
  if (userWithSsoIdentity(store, connectorId, identity)) {
    throw new RequestError(422, 'user.identity_already_in_use', 'The social account has been associated with an existing account.');
  }
  return {
    enterpriseSsoIdentity: { connectorId, identity },
    ...(identity.email ? { primaryEmail: identity.email } : {}),
    ...(identity.name ? { name: identity.name } : {}),
  };
}

/** Writes a staged SSO identity to the user (at registration and at submit). */
export function linkSsoIdentity(profile: PendingProfile, user: User): void {
  const staged = profile.enterpriseSsoIdentity;
  if (staged) user.ssoIdentities = { ...user.ssoIdentities, [staged.connectorId]: staged.identity.id };
}

// ----- the fake enterprise IdP -----------------------------------------------------------------

function connectorName(store: Store, connectorId: string): string {
  for (const app of store.apps.values()) {
    const found = enterpriseSettingsOf(app.signInExperience).ssoConnectors.find((item) => item.id === connectorId);
    if (found) return found.connectorName;
  }
  return connectorId;
}

function firstDomain(store: Store, connectorId: string): string {
  for (const app of store.apps.values()) {
    const found = enterpriseSettingsOf(app.signInExperience).ssoConnectors.find((item) => item.id === connectorId);
    if (found?.domains[0]) return found.domains[0];
  }
  return 'example.com';
}

/**
 * `/__emulator/sso/<connectorId>/authorize` shows the IdP's sign-in page (email, name, sign in or
 * cancel); `…/approve` issues a code and sends the browser back to `redirect_uri` with `code`,
 * `state` and `iss`, or with `error=access_denied`. Returns false for other routes.
 */
export function ssoDevRoute(store: Store, x: Exchange, route: string): boolean {
  const match = /^sso\/([^/]+)\/(authorize|approve)$/.exec(route);
  if (!match || x.method !== 'GET') return false;
  const connectorId = decodeURIComponent(match[1] ?? '');
  const query = x.url.searchParams;
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!/^https?:\/\/[^/]/.test(redirectUri)) {
    sendText(x.res, 400, renderPage('Enterprise sign-in', '<p>Invalid request: redirect_uri is required.</p>'), 'text/html');
    return true;
  }
  if (match[2] === 'authorize') idpPage(store, x, connectorId, redirectUri);
  else approve(store, x, connectorId, redirectUri);
  return true;
}

function idpPage(store: Store, x: Exchange, connectorId: string, redirectUri: string): void {
  const query = x.url.searchParams;
  const name = escapeHtml(connectorName(store, connectorId));
  const hidden = (key: string, value: string) => `<input type="hidden" name="${key}" value="${escapeHtml(value)}">`;
  const html =
    `<h1>${name}</h1><p>Sign in to your organization's account (emulated enterprise identity provider).</p>` +
    `<form method="get" action="/__emulator/sso/${encodeURIComponent(connectorId)}/approve">` +
    hidden('redirect_uri', redirectUri) +
    hidden('state', query.get('state') ?? '') +
    `<label>Work email <input name="email" type="email" value="sso-user@${escapeHtml(firstDomain(store, connectorId))}" autocomplete="off"></label>` +
    `<label>Name <input name="name" value="SSO User" autocomplete="off"></label>` +
    `<label>User id at the IdP (optional; derived from the email) <input name="sub" autocomplete="off"></label>` +
    `<p><button name="decision" value="allow">Sign in</button> <button name="decision" value="deny">Cancel</button></p></form>`;
  sendText(x.res, 200, renderPage(`${name} (emulated)`, html), 'text/html');
}

function approve(store: Store, x: Exchange, connectorId: string, redirectUri: string): void {
  const query = x.url.searchParams;
  const back = new URL(redirectUri);
  if (query.get('decision') === 'deny') {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'The user cancelled the sign-in.');
  } else {
    const email = query.get('email')?.trim() || `sso-user@${firstDomain(store, connectorId)}`;
    const name = query.get('name')?.trim() || undefined;
    const id = query.get('sub')?.trim() || `sso|${email.toLowerCase()}`;
    const code = randomId(32);
    store.ssoCodes.set(code, { connectorId, redirectUri, identity: { id, email, ...(name ? { name } : {}) } });
    back.searchParams.set('code', code);
  }
  back.searchParams.set('state', query.get('state') ?? '');
  back.searchParams.set('iss', issuerOf(x.origin, connectorId));
  redirect(x.res, back.href, 302);
}
