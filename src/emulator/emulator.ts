/**
 * An in-memory stand-in for a Logto server's sign-in surface: the OIDC start (`/oidc/auth`), the
 * public config endpoints and the Experience API, with the status codes, error codes and envelope
 * recorded from Logto 1.42. It is a development tool (dev server, tests, Storybook) and is never
 * part of the kit's bundles.
 */
import { randomBytes, randomInt } from 'node:crypto';

import type { IdentifierPayload, InteractionEvent, SignInExperience } from '../api/schemas.js';
import { signInExperienceSchema } from '../api/schemas.js';
import { checkPasswordLocally, resolvePasswordPolicy } from '../flow/password-policy.js';
import { loadTenantConfig, mergeDeep, type SeedUser, type TenantConfig } from './config.js';
import {
  escapeHtml,
  type Exchange,
  readExchange,
  redirect,
  type Request,
  type Response,
  sendEmpty,
  sendJson,
  sendText,
} from './http.js';
import { renderPage } from './pages.js';
import { serveAsset } from './assets.js';
import { FakeProviders, type ProviderOptions, type SocialIdentity } from './providers.js';

export const DEMO_APP_ID = 'demo-app';

/** Fields Logto 1.42 always includes in the sign-in-exp payload; a tenant file may leave them out. */
const SERVER_FILLED_FIELDS = {
  customUiAssets: null,
  customUiCsp: {},
  adaptiveMfa: {},
  signUpProfileFields: null,
  customProfileFieldCatalog: [],
};
/** Apps remembered in the `_interaction` cookie. */
const MAX_COOKIE_APPS = 20;
const INTERACTION_TTL_MS = 60 * 60 * 1000;
const CODE_TTL_MS = 10 * 60 * 1000;
const CODE_MAX_TRIES = 10;
const SENDS_PER_WINDOW = 10;
const USERNAME_PATTERN = /^[A-Z_a-z]\w*$/;
const EMAIL_PATTERN = /^\S+@\S+\.\S+$/;

type VerificationType =
  | 'Password'
  | 'EmailVerificationCode'
  | 'PhoneVerificationCode'
  | 'Social'
  | 'NewPasswordIdentity';

interface VerificationRecord {
  id: string;
  type: VerificationType;
  verified: boolean;
  identifier?: IdentifierPayload;
  userId?: string;
  code?: string;
  codeExpiresAt?: number;
  tries?: number;
  connectorId?: string;
  socialIdentity?: SocialIdentity;
  username?: string;
  password?: string;
}


interface PendingProfile {
  username?: string;
  password?: string;
  primaryEmail?: string;
  primaryPhone?: string;
  socialIdentity?: SocialIdentity;
  name?: string;
}

interface Interaction {
  uid: string;
  appId: string;
  redirectUri: string;
  clientState?: string;
  expiresAt: number;
  event?: InteractionEvent;
  records: Map<VerificationType, VerificationRecord>;
  userId?: string;
  profile: PendingProfile;
  /** Set by submit: the user this interaction signed in. */
  signedInUserId?: string;
}

interface User {
  id: string;
  username?: string;
  primaryEmail?: string;
  primaryPhone?: string;
  password?: string;
  name?: string;
  /** Social identities by connector target. */
  identities: Record<string, string>;
}

interface AppEntry {
  signInExperience: Record<string, unknown>;
}

/** What a request to the emulator looked like, for tests that assert what the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  appId?: string;
  body: unknown;
  status: number;
}

export interface EmulatorOptions extends ProviderOptions {
  /** Tenant config; defaults to the demo tenant (or the file in `EMULATOR_CONFIG`). */
  config?: TenantConfig;
  /** Redirect `GET /` to a fresh `/oidc/auth` start, like a client app's "Sign in" button. */
  redirectRoot?: boolean;
  /** No terminal output (tests). */
  quiet?: boolean;
  log?: (line: string) => void;
}

/** A thrown Logto-style error: becomes `{ code, message, data? }` with its status. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data?: unknown,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class LogtoEmulator {
  readonly #config: TenantConfig;
  readonly #apps = new Map<string, AppEntry>();
  readonly #interactions = new Map<string, Interaction>();
  readonly #users = new Map<string, User>();
  readonly #authCodes = new Map<string, { userId: string; appId: string }>();
  readonly #socialCodes = new Map<string, SocialIdentity>();
  readonly #providers: FakeProviders;
  readonly #sentCodes: { to: string; code: string; event: InteractionEvent; at: number }[] = [];
  readonly #requests: RecordedRequest[] = [];
  readonly #redirectRoot: boolean;
  readonly #log: (line: string) => void;

  constructor(options: EmulatorOptions = {}) {
    this.#config = options.config ?? loadTenantConfig(process.env.EMULATOR_CONFIG);
    this.#redirectRoot = options.redirectRoot ?? false;
    this.#providers = new FakeProviders((identity) => {
      const code = randomId(20);
      this.#socialCodes.set(code, identity);
      return code;
    }, options);
    this.#log = options.quiet ? () => {} : (options.log ?? ((line) => console.log(`[emulator] ${line}`)));
    this.reset();
  }

  /** Back to the seeded state: the demo app, the seeded users, no interactions. */
  reset(): void {
    this.#apps.clear();
    this.#interactions.clear();
    this.#users.clear();
    this.#authCodes.clear();
    this.#socialCodes.clear();
    this.#providers?.reset();
    this.#sentCodes.length = 0;
    this.#requests.length = 0;
    this.#apps.set(DEMO_APP_ID, { signInExperience: this.#config.signInExperience });
    for (const seed of this.#config.users) this.#addUser(seed);
  }

  /**
   * Handles the request if it belongs to the emulated server and resolves to `true`; resolves to
   * `false` for anything else (pages and assets), which the host server then serves.
   */
  async handle(req: Request, res: Response): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const ours =
      path.startsWith('/api/') ||
      path.startsWith('/oidc/') ||
      path.startsWith('/__emulator/') ||
      path.startsWith('/demo/') ||
      (this.#redirectRoot && path === '/' && req.method === 'GET');
    if (!ours) return false;

    const exchange = await readExchange(req, res);
    try {
      await this.#route(exchange);
    } catch (error) {
      if (error instanceof RequestError) {
        sendJson(res, error.status, {
          code: error.code,
          message: error.message,
          ...(error.data === undefined ? {} : { data: error.data }),
          ...error.extra,
        });
      } else {
        this.#log(`internal error: ${(error as Error).stack ?? String(error)}`);
        sendJson(res, 500, { message: 'Internal server error.' });
      }
    }
    if (path.startsWith('/api/experience')) {
      this.#requests.push({
        method: exchange.method,
        path: exchange.url.pathname,
        appId: headerValue(req, 'logto-app-id'),
        body: exchange.body,
        status: res.statusCode,
      });
    }
    return true;
  }

  // ----- routing -------------------------------------------------------------------------------

  async #route(x: Exchange): Promise<void> {
    const { method } = x;
    const path = x.url.pathname;

    if (path === '/' && method === 'GET') return this.#startDemoSignIn(x);
    if (path === '/oidc/auth' && method === 'GET') return this.#oidcAuth(x);
    if (path.startsWith('/oidc/auth/') && method === 'GET') return this.#oidcResume(x, path.slice(11));
    if (path === '/demo/callback' && method === 'GET') return this.#demoCallback(x);
    if (path.startsWith('/__emulator/')) return this.#devRoute(x, path.slice(12));

    if (path === '/api/.well-known/sign-in-exp' || path === '/api/.well-known/experience') {
      if (method !== 'GET') throw notFound();
      return sendJson(x.res, 200, this.#signInExperienceFor(x, x.url.searchParams.get('appId')));
    }
    if (path === '/api/.well-known/phrases' && method === 'GET') {
      const language = (x.url.searchParams.get('lng') ?? 'en').split(/\s+/)[0] || 'en';
      return sendJson(x.res, 200, { translation: {} }, { 'content-language': language });
    }
    if (path.startsWith('/api/experience')) {
      if (x.body === undefined) {
        return sendJson(x.res, 400, { message: 'Unexpected token in JSON body' });
      }
      return this.#experience(x, path.slice('/api/experience'.length) || '/');
    }
    return sendText(x.res, 404, 'Not Found');
  }

  #experience(x: Exchange, route: string): void {
    const interaction = this.#resolveInteraction(x);
    const { method } = x;
    const body = (x.body ?? {}) as Record<string, unknown>;

    if (route === '/' && method === 'PUT') {
      const event = requireEvent(body.interactionEvent);
      interaction.event = event;
      interaction.records.clear();
      interaction.userId = undefined;
      interaction.profile = {};
      return sendEmpty(x.res);
    }

    if (!interaction.event) {
      throw new RequestError(404, 'session.interaction_not_found', 'The interaction was not started. Go back and start again.');
    }
    const config = this.#configOf(interaction.appId);

    switch (`${method} ${route}`) {
      case 'PUT /interaction-event':
        return this.#switchEvent(x, interaction, config, requireEvent(body.interactionEvent));
      case 'GET /interaction':
        return sendJson(x.res, 200, {
          interactionEvent: interaction.event,
          ...(interaction.userId ? { userId: interaction.userId } : {}),
          profile: publicProfile(interaction.profile),
          verificationRecords: [...interaction.records.values()].map((record) => ({
            id: record.id,
            type: record.type,
            verified: record.verified,
            ...(record.identifier ? { identifier: record.identifier } : {}),
            ...(record.connectorId ? { connectorId: record.connectorId } : {}),
          })),
          mfa: {},
          signInContext: { ip: x.req.socket.remoteAddress ?? '', userAgent: x.req.headers['user-agent'] ?? '' },
          captcha: { verified: false, skipped: false },
        });
      case 'POST /verification/password':
        return this.#verifyPassword(x, interaction, body);
      case 'POST /verification/verification-code':
        return this.#sendCode(x, interaction, config, body);
      case 'POST /verification/verification-code/verify':
        return this.#verifyCode(x, interaction, body);
      case 'POST /verification/new-password-identity':
        return this.#newPasswordIdentity(x, interaction, config, body);
      case 'POST /identification':
        return this.#identify(x, interaction, config, body);
      case 'POST /profile':
        return this.#updateProfile(x, interaction, config, body);
      case 'PUT /profile/password':
        return this.#resetPassword(x, interaction, config, body);
      case 'POST /submit':
        return this.#submit(x, interaction, config);
      default: {
        const social = /^\/verification\/social\/([^/]+)\/(authorization-uri|verify)$/.exec(route);
        if (social && method === 'POST') {
          const connectorId = decodeURIComponent(social[1] ?? '');
          return social[2] === 'verify'
            ? this.#verifySocial(x, interaction, connectorId, body)
            : this.#socialAuthorizationUri(x, interaction, config, connectorId, body);
        }
        return sendText(x.res, 404, 'Not Found');
      }
    }
  }

  // ----- OIDC start and finish -----------------------------------------------------------------

  #startDemoSignIn(x: Exchange): void {
    const params = new URLSearchParams({
      client_id: DEMO_APP_ID,
      redirect_uri: `${x.origin}/demo/callback`,
      response_type: 'code',
      scope: 'openid profile',
      state: randomId(8),
    });
    for (const key of ['ui_locales', 'first_screen', 'login_hint']) {
      const value = x.url.searchParams.get(key);
      if (value) params.set(key, value);
    }
    redirect(x.res, `/oidc/auth?${params.toString()}`, 302);
  }

  #oidcAuth(x: Exchange): void {
    const query = x.url.searchParams;
    const appId = query.get('client_id') ?? '';
    if (!this.#apps.has(appId)) {
      return sendJson(x.res, 400, {
        error: 'invalid_client',
        error_description: 'client is invalid',
        code: 'oidc.invalid_client',
        message: 'The client is not registered.',
      });
    }
    const uid = randomId(32);
    this.#interactions.set(uid, {
      uid,
      appId,
      redirectUri: query.get('redirect_uri') ?? `${x.origin}/demo/callback`,
      clientState: query.get('state') ?? undefined,
      expiresAt: Date.now() + INTERACTION_TTL_MS,
      records: new Map(),
      profile: {},
    });

    // One entry per app, like Logto's cookie; a test run starts many apps in one browser, so only
    // the most recent ones are kept to stay under the browser's 4 KB cookie limit.
    const previous = Object.entries(parseInteractionCookie(x.cookies._interaction)).filter(
      ([key]) => key !== appId && key !== '_legacy',
    );
    const map: Record<string, string> = Object.fromEntries(previous.slice(-MAX_COOKIE_APPS + 1));
    map[appId] = uid;
    map._legacy = uid;
    const expires = new Date(Date.now() + INTERACTION_TTL_MS).toUTCString();
    const cookies = [
      `_logto=${JSON.stringify({ appId })}; path=/; samesite=lax`,
      `_interaction=${encodeURIComponent(JSON.stringify(map))}; path=/; expires=${expires}; samesite=lax; httponly`,
    ];

    const screens: Record<string, string> = {
      sign_in: 'sign-in',
      register: 'register',
      reset_password: 'reset-password',
      'identifier:sign_in': 'identifier-sign-in',
      'identifier:register': 'identifier-register',
    };
    const screen = screens[query.get('first_screen') ?? 'sign_in'] ?? 'sign-in';
    const target = new URLSearchParams({ app_id: appId });
    for (const [from, to] of [
      ['organization_id', 'organization_id'],
      ['ui_locales', 'ui_locales'],
      ['login_hint', 'login_hint'],
      ['identifier', 'identifier'],
    ] as const) {
      const value = query.get(from);
      if (value) target.set(to, value);
    }
    redirect(x.res, `/${screen}?${target.toString()}`, 303, cookies);
  }

  #oidcResume(x: Exchange, uid: string): void {
    const interaction = this.#interactions.get(uid);
    if (!interaction || interaction.expiresAt < Date.now()) {
      return sendText(x.res, 400, 'The sign-in session has expired.');
    }
    if (!interaction.signedInUserId) {
      return redirect(x.res, `/sign-in?app_id=${encodeURIComponent(interaction.appId)}`);
    }
    this.#interactions.delete(uid);
    const code = randomId(24);
    this.#authCodes.set(code, { userId: interaction.signedInUserId, appId: interaction.appId });
    const target = new URL(interaction.redirectUri, x.origin);
    target.searchParams.set('code', code);
    if (interaction.clientState) target.searchParams.set('state', interaction.clientState);
    redirect(x.res, target.href);
  }

  #demoCallback(x: Exchange): void {
    const grant = this.#authCodes.get(x.url.searchParams.get('code') ?? '');
    const user = grant ? this.#users.get(grant.userId) : undefined;
    const who = user
      ? [user.name, user.username, user.primaryEmail, user.primaryPhone && `+${user.primaryPhone}`]
          .filter(Boolean)
          .map((part) => escapeHtml(String(part)))
      : [];
    const html = user
      ? `<h1>Signed in</h1><p>Signed in as <strong data-testid="signed-in-user">${who[0]}</strong></p>` +
        `<p>${who.slice(1).join(' · ')}</p><p><a href="/">Sign in again</a></p>`
      : `<h1>Not signed in</h1><p>This authorization code is unknown or was already used.</p><p><a href="/">Start again</a></p>`;
    sendText(x.res, user ? 200 : 400, renderPage('Demo app', html), 'text/html');
  }

  // ----- dev-only routes -----------------------------------------------------------------------

  async #devRoute(x: Exchange, route: string): Promise<void> {
    const { method } = x;
    if (route.startsWith('assets/') && method === 'GET') return serveAsset(x.res, route.slice(7));
    if (route === 'terms' || route === 'privacy') {
      const title = route === 'terms' ? 'Terms of use' : 'Privacy policy';
      return sendText(x.res, 200, renderPage(title, `<h1>${title}</h1><p>The demo tenant's ${title.toLowerCase()}.</p>`), 'text/html');
    }
    if (route === 'codes/latest' && method === 'GET') {
      const to = x.url.searchParams.get('to') ?? '';
      const sent = this.#sentCodes.filter((entry) => entry.to === to).at(-1);
      if (!sent) return sendJson(x.res, 404, { message: `No code was sent to ${to}.` });
      return sendJson(x.res, 200, sent);
    }
    if (route === 'apps' && method === 'POST') {
      const patch = (x.body ?? {}) as { appId?: string; signInExperience?: unknown };
      const appId = patch.appId ?? `app-${randomId(10)}`;
      const merged = mergeDeep(this.#config.signInExperience, patch.signInExperience ?? {});
      const parsed = signInExperienceSchema.safeParse(merged);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.') ?? '(root)';
        return sendJson(x.res, 400, { message: `signInExperience.${field} is missing or invalid` });
      }
      this.#apps.set(appId, { signInExperience: merged });
      return sendJson(x.res, 200, { appId });
    }
    if (route === 'users' && method === 'POST') {
      const user = this.#addUser((x.body ?? {}));
      return sendJson(x.res, 200, { id: user.id });
    }
    if (route === 'requests' && method === 'GET') {
      const appId = x.url.searchParams.get('appId');
      return sendJson(x.res, 200, this.#requests.filter((entry) => !appId || entry.appId === appId));
    }
    if (route === 'reset' && method === 'POST') {
      this.reset();
      return sendEmpty(x.res);
    }
    const connectorName = (idOrTarget: string) => {
      const parsed = signInExperienceSchema.safeParse(this.#config.signInExperience);
      const connector = parsed.success
        ? parsed.data.socialConnectors.find((item) => item.id === idOrTarget || item.target === idOrTarget)
        : undefined;
      return connector?.name.en ?? idOrTarget;
    };
    if (await this.#providers.handle(x, route, connectorName)) return;
    sendText(x.res, 404, 'Not Found');
  }

  // ----- Experience API handlers ---------------------------------------------------------------

  #switchEvent(x: Exchange, interaction: Interaction, config: SignInExperience, event: InteractionEvent): void {
    const current = interaction.event;
    if ((current === 'ForgotPassword') !== (event === 'ForgotPassword')) {
      throw new RequestError(400, 'session.not_supported_for_forgot_password', 'This operation is not supported for forgot password.');
    }
    if (event === 'SignIn' && config.signInMode === 'Register') throw forbidden();
    if (event === 'Register' && config.signInMode === 'SignIn') throw forbidden();
    if (event !== current) interaction.profile = {};
    interaction.event = event;
    sendEmpty(x.res);
  }

  #verifyPassword(x: Exchange, interaction: Interaction, body: Record<string, unknown>): void {
    const identifier = requireIdentifier(body.identifier);
    if (typeof body.password !== 'string' || body.password === '') {
      throw invalidInput('password', 'Expected string but received undefined.');
    }
    const user = this.#findUser(identifier);
    if (!user?.password || user.password !== body.password) {
      throw new RequestError(422, 'session.invalid_credentials', 'The account or password is incorrect.');
    }
    const record = this.#addRecord(interaction, { type: 'Password', verified: true, identifier, userId: user.id });
    sendJson(x.res, 200, { verificationId: record.id });
  }

  #sendCode(x: Exchange, interaction: Interaction, config: SignInExperience, body: Record<string, unknown>): void {
    const identifier = requireIdentifier(body.identifier);
    const event = requireEvent(body.interactionEvent);
    if (identifier.type === 'username') throw invalidInput('identifier.type', 'Expected email or phone.');
    if (identifier.type === 'email' && (!EMAIL_PATTERN.test(identifier.value) || identifier.value.length > 256)) {
      throw invalidInput('identifier.value', 'Invalid email.');
    }
    if (identifier.type === 'phone' && !/^\d+$/.test(identifier.value)) {
      throw invalidInput('identifier.value', 'Invalid phone number.');
    }
    const windowStart = Date.now() - CODE_TTL_MS;
    const recent = this.#sentCodes.filter((entry) => entry.to === identifier.value && entry.at > windowStart);
    if (recent.length >= SENDS_PER_WINDOW) {
      throw new RequestError(429, 'request.message_rate_limited', 'Too many codes were sent to this address. Try again later.');
    }
    const type: VerificationType = identifier.type === 'email' ? 'EmailVerificationCode' : 'PhoneVerificationCode';
    const exists = Boolean(this.#findUser(identifier));
    // Anti-enumeration, as Logto does: unknown recipients get a record but no code.
    const silent =
      !exists && (event === 'ForgotPassword' || (event === 'SignIn' && config.signInMode === 'SignIn'));
    const code = silent ? undefined : String(randomInt(0, 1_000_000)).padStart(6, '0');
    const record = this.#addRecord(interaction, {
      type,
      verified: false,
      identifier,
      code,
      codeExpiresAt: Date.now() + CODE_TTL_MS,
      tries: 0,
    });
    if (code) {
      this.#sentCodes.push({ to: identifier.value, code, event, at: Date.now() });
      this.#log(`verification code for ${identifier.value} (${event}): ${code}`);
    }
    sendJson(x.res, 200, { verificationId: record.id });
  }

  #verifyCode(x: Exchange, interaction: Interaction, body: Record<string, unknown>): void {
    const identifier = requireIdentifier(body.identifier);
    const type: VerificationType = identifier.type === 'email' ? 'EmailVerificationCode' : 'PhoneVerificationCode';
    const record = interaction.records.get(type);
    if (!record || record.id !== body.verificationId) throw verificationNotFound();
    if (record.identifier?.value !== identifier.value) {
      throw new RequestError(400, `verification_code.${identifier.type}_mismatch`, 'The code was sent to another address.');
    }
    if (typeof body.code !== 'string') throw invalidInput('code', 'Expected string but received undefined.');
    if (record.verified) throw new RequestError(400, 'verification_code.not_found', 'The code was already used. Request a new one.');
    if ((record.codeExpiresAt ?? 0) < Date.now()) {
      throw new RequestError(400, 'verification_code.expired', 'The code has expired. Request a new one.');
    }
    record.tries = (record.tries ?? 0) + 1;
    if (record.tries > CODE_MAX_TRIES) {
      throw new RequestError(400, 'verification_code.exceed_max_try', 'Too many wrong codes. Request a new one.');
    }
    if (!record.code || record.code !== body.code) {
      throw new RequestError(400, 'verification_code.code_mismatch', 'The verification code is incorrect.');
    }
    record.verified = true;
    record.code = undefined;
    sendJson(x.res, 200, { verificationId: record.id });
  }

  #newPasswordIdentity(
    x: Exchange,
    interaction: Interaction,
    config: SignInExperience,
    body: Record<string, unknown>,
  ): void {
    const identifier = requireIdentifier(body.identifier);
    if (identifier.type !== 'username' || !USERNAME_PATTERN.test(identifier.value)) {
      throw invalidInput('identifier.value', 'Invalid');
    }
    if (typeof body.password !== 'string') throw invalidInput('password', 'Expected string but received undefined.');
    if (this.#findUser(identifier)) throw usernameInUse();
    this.#assertPassword(config, body.password, { username: identifier.value });
    const record = this.#addRecord(interaction, {
      type: 'NewPasswordIdentity',
      verified: true,
      username: identifier.value,
      password: body.password,
    });
    sendJson(x.res, 200, { verificationId: record.id });
  }

  #socialAuthorizationUri(
    x: Exchange,
    interaction: Interaction,
    config: SignInExperience,
    connectorId: string,
    body: Record<string, unknown>,
  ): void {
    const connector = this.#connector(config, connectorId);
    if (!connector) throw new RequestError(404, 'entity.not_found', `No connector with id ${connectorId}.`);
    const { state, redirectUri } = body;
    if (typeof state !== 'string' || !state || typeof redirectUri !== 'string' || !redirectUri) {
      throw new RequestError(400, 'session.insufficient_info', 'state and redirectUri are required.');
    }
    const record = this.#addRecord(interaction, { type: 'Social', verified: false, connectorId });
    sendJson(x.res, 200, {
      authorizationUri: this.#providers.authorizationUri(x.origin, connector, redirectUri, state),
      verificationId: record.id,
    });
  }

  #verifySocial(x: Exchange, interaction: Interaction, connectorId: string, body: Record<string, unknown>): void {
    const record = interaction.records.get('Social');
    if (!record || record.id !== body.verificationId || record.connectorId !== connectorId) {
      throw verificationNotFound();
    }
    const data = (body.connectorData ?? {}) as Record<string, unknown>;
    if (typeof data.code !== 'string' || !data.code) {
      const description = typeof data.error_description === 'string' ? data.error_description : 'No code in the callback.';
      throw new RequestError(400, 'connector.general', `The connector failed: ${description}`, data);
    }
    const identity = this.#socialCodes.get(data.code);
    if (!identity) throw new RequestError(401, 'connector.social_auth_code_invalid', 'The authorization code is invalid.');
    this.#socialCodes.delete(data.code);
    record.verified = true;
    record.socialIdentity = identity;
    sendJson(x.res, 200, { verificationId: record.id });
  }

  #identify(x: Exchange, interaction: Interaction, config: SignInExperience, body: Record<string, unknown>): void {
    const verificationId = typeof body.verificationId === 'string' ? body.verificationId : undefined;
    const record = verificationId ? this.#recordById(interaction, verificationId) : undefined;
    if (verificationId && !record) throw verificationNotFound();

    if (interaction.event === 'Register') {
      if (config.signInMode === 'SignIn') throw forbidden();
      if (record) this.#mergeRecordIntoProfile(interaction, record);
      this.#assertUnique(interaction.profile);
      const missing = this.#missingProfile(config, interaction.profile);
      if (missing.length > 0) throw missingProfile(missing);
      const user = this.#addUser({});
      Object.assign(user, {
        username: interaction.profile.username,
        primaryEmail: interaction.profile.primaryEmail,
        primaryPhone: interaction.profile.primaryPhone,
        password: interaction.profile.password,
        name: interaction.profile.name ?? interaction.profile.socialIdentity?.userInfo.name,
      });
      const identity = interaction.profile.socialIdentity;
      if (identity) user.identities[identity.target] = identity.userInfo.id;
      interaction.userId = user.id;
      interaction.profile = {};
      this.#log(`registered ${user.username ?? user.primaryEmail ?? user.primaryPhone ?? user.id}`);
      return sendText(x.res, 201, 'Created');
    }

    if (!record) throw new RequestError(400, 'guard.invalid_input', 'The request body is invalid.');
    if (!record.verified) throw new RequestError(400, 'session.verification_failed', 'The verification was not completed.');
    if (interaction.event === 'SignIn' && config.signInMode === 'Register') throw forbidden();

    let user: User | undefined;
    if (record.type === 'Password') {
      if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
      this.#assertMethodEnabled(config, record.identifier, 'password');
      user = record.userId ? this.#users.get(record.userId) : undefined;
    } else if (record.type === 'EmailVerificationCode' || record.type === 'PhoneVerificationCode') {
      const identifier = record.identifier;
      if (interaction.event === 'SignIn') this.#assertMethodEnabled(config, identifier, 'verificationCode');
      if (interaction.event === 'ForgotPassword' && identifier && !config.forgotPassword[identifier.type as 'email' | 'phone']) {
        throw notSupportedForForgotPassword();
      }
      user = identifier ? this.#findUser(identifier) : undefined;
      if (!user) {
        throw new RequestError(404, 'user.user_not_exist', 'No account uses this identifier.', {
          identifier: identifier?.value,
        });
      }
    } else if (record.type === 'Social') {
      if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
      const identity = record.socialIdentity;
      if (!identity) throw new RequestError(400, 'session.verification_failed', 'The verification was not completed.');
      const linked = this.#findByIdentity(identity);
      const related = this.#relatedUser(identity);
      if (body.linkSocialIdentity === true) {
        if (!related) throw new RequestError(404, 'user.identity_not_exist', 'The social account is not registered.', {});
        related.user.identities[identity.target] = identity.userInfo.id;
        user = related.user;
      } else if (linked) {
        user = linked;
      } else {
        throw new RequestError(
          404,
          'user.identity_not_exist',
          'The social account is not registered yet.',
          related ? { relatedUser: { type: related.type, value: related.value } } : {},
        );
      }
    } else {
      throw new RequestError(400, 'session.verification_failed', 'This verification cannot identify a user.');
    }

    if (!user) throw new RequestError(422, 'session.invalid_credentials', 'The account or password is incorrect.');
    if (interaction.userId && interaction.userId !== user.id) {
      throw new RequestError(409, 'session.identity_conflict', 'The session already belongs to another account.');
    }
    interaction.userId = user.id;
    sendEmpty(x.res);
  }

  #updateProfile(x: Exchange, interaction: Interaction, config: SignInExperience, body: Record<string, unknown>): void {
    if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
    if (interaction.event === 'SignIn' && !interaction.userId) throw identifierNotFound();
    const user = interaction.userId ? this.#users.get(interaction.userId) : undefined;
    const { type } = body;

    if (type === 'username') {
      if (typeof body.value !== 'string' || !USERNAME_PATTERN.test(body.value)) throw invalidInput('value', 'Invalid');
      if (user?.username) throw new RequestError(422, 'user.username_exists_in_profile', 'The account already has a username.');
      if (this.#findUser({ type: 'username', value: body.value })) throw usernameInUse();
      interaction.profile.username = body.value;
    } else if (type === 'password') {
      if (typeof body.value !== 'string') throw invalidInput('value', 'Expected string but received undefined.');
      if (user?.password) throw new RequestError(422, 'user.password_exists_in_profile', 'The account already has a password.');
      this.#assertPassword(config, body.value, { ...interaction.profile, ...user });
      interaction.profile.password = body.value;
    } else if (type === 'email' || type === 'phone' || type === 'social') {
      const record = typeof body.verificationId === 'string' ? this.#recordById(interaction, body.verificationId) : undefined;
      const expected: VerificationType =
        type === 'email' ? 'EmailVerificationCode' : type === 'phone' ? 'PhoneVerificationCode' : 'Social';
      if (!record || record.type !== expected) throw verificationNotFound();
      if (!record.verified) throw new RequestError(400, 'session.verification_failed', 'The verification was not completed.');
      if (type === 'social') {
        const identity = record.socialIdentity;
        if (identity && this.#findByIdentity(identity)) {
          throw new RequestError(422, 'user.identity_already_in_use', 'This social account is linked to another user.');
        }
        if (user && identity) user.identities[identity.target] = identity.userInfo.id;
        else interaction.profile.socialIdentity = identity;
      } else {
        const value = record.identifier?.value ?? '';
        if (this.#findUser({ type, value })) {
          throw new RequestError(422, `user.${type}_already_in_use`, `This ${type === 'email' ? 'email' : 'phone number'} is linked to another account.`);
        }
        if (type === 'email') interaction.profile.primaryEmail = value;
        else interaction.profile.primaryPhone = value;
      }
    } else {
      throw invalidInput('type', 'Invalid discriminator value.');
    }
    sendEmpty(x.res);
  }

  #resetPassword(x: Exchange, interaction: Interaction, config: SignInExperience, body: Record<string, unknown>): void {
    if (interaction.event !== 'ForgotPassword') {
      throw new RequestError(400, 'session.invalid_interaction_type', 'This operation needs a forgot-password interaction.');
    }
    const user = interaction.userId ? this.#users.get(interaction.userId) : undefined;
    if (!user) throw identifierNotFound();
    if (typeof body.password !== 'string') throw invalidInput('password', 'Expected string but received undefined.');
    if (user.password === body.password) {
      throw new RequestError(422, 'user.same_password', 'The new password must differ from the current one.');
    }
    this.#assertPassword(config, body.password, user);
    interaction.profile.password = body.password;
    sendEmpty(x.res);
  }

  #submit(x: Exchange, interaction: Interaction, config: SignInExperience): void {
    const user = interaction.userId ? this.#users.get(interaction.userId) : undefined;
    if (!user) throw identifierNotFound();

    if (interaction.event === 'ForgotPassword') {
      if (!interaction.profile.password) {
        throw new RequestError(422, 'user.new_password_required_in_profile', 'Set a new password first.');
      }
      user.password = interaction.profile.password;
      interaction.event = undefined;
      interaction.records.clear();
      interaction.userId = undefined;
      interaction.profile = {};
      this.#log(`password reset for ${user.username ?? user.primaryEmail ?? user.id}`);
      return sendEmpty(x.res);
    }

    // Sign-in: the account must meet today's sign-up requirements (profile staged by /profile counts).
    const merged: PendingProfile = {
      username: user.username ?? interaction.profile.username,
      primaryEmail: user.primaryEmail ?? interaction.profile.primaryEmail,
      primaryPhone: user.primaryPhone ?? interaction.profile.primaryPhone,
      password: user.password ?? interaction.profile.password,
      socialIdentity: Object.keys(user.identities).length > 0 ? { target: '', userInfo: { id: '' } } : undefined,
    };
    const missing = this.#missingProfile(config, merged);
    if (missing.length > 0) throw missingProfile(missing);
    Object.assign(user, {
      username: merged.username,
      primaryEmail: merged.primaryEmail,
      primaryPhone: merged.primaryPhone,
      password: merged.password,
    });
    interaction.signedInUserId = user.id;
    this.#log(`signed in ${user.username ?? user.primaryEmail ?? user.primaryPhone ?? user.id}`);
    sendJson(x.res, 200, { redirectTo: `${x.origin}/oidc/auth/${interaction.uid}` });
  }

  // ----- helpers -------------------------------------------------------------------------------

  #resolveInteraction(x: Exchange): Interaction {
    const notFoundSession = (description: string) =>
      new RequestError(400, 'session.not_found', 'The sign-in session was not found. Go back to the app and sign in again.', undefined, {
        error: 'invalid_request',
        error_description: description,
      });
    const raw = x.cookies._interaction;
    if (!raw) throw notFoundSession('interaction session id cookie not found');
    const map = parseInteractionCookie(raw);
    const appId = headerValue(x.req, 'logto-app-id');
    const uid = (appId && map[appId]) || map._legacy;
    const interaction = uid ? this.#interactions.get(uid) : undefined;
    if (!interaction || interaction.expiresAt < Date.now()) {
      throw notFoundSession('interaction session not found or expired');
    }
    if (appId && interaction.appId !== appId) {
      throw new RequestError(400, 'oidc.invalid_request', 'The request is invalid.', undefined, {
        error: 'invalid_request',
        error_description: 'interaction client_id mismatch',
      });
    }
    return interaction;
  }

  #configOf(appId: string): SignInExperience {
    const entry = this.#apps.get(appId) ?? this.#apps.get(DEMO_APP_ID);
    return signInExperienceSchema.parse(entry?.signInExperience);
  }

  /** The config payload for an app, with relative URLs made absolute against the request origin. */
  #signInExperienceFor(x: Exchange, appId: string | null): Record<string, unknown> {
    const entry = (appId && this.#apps.get(appId)) || this.#apps.get(DEMO_APP_ID);
    return absolutize({ ...SERVER_FILLED_FIELDS, ...entry?.signInExperience }, x.origin);
  }

  #connector(config: unknown, connectorId: string) {
    const parsed = signInExperienceSchema.safeParse(config);
    return parsed.success ? parsed.data.socialConnectors.find((item) => item.id === connectorId) : undefined;
  }

  #addUser(seed: SeedUser): User {
    const user: User = {
      id: randomId(12),
      username: seed.username,
      primaryEmail: seed.email,
      primaryPhone: seed.phone,
      password: seed.password,
      name: seed.name,
      identities: {},
    };
    this.#users.set(user.id, user);
    return user;
  }

  #findUser(identifier: IdentifierPayload): User | undefined {
    for (const user of this.#users.values()) {
      if (identifier.type === 'username' && user.username === identifier.value) return user;
      if (identifier.type === 'email' && user.primaryEmail?.toLowerCase() === identifier.value.toLowerCase()) return user;
      if (identifier.type === 'phone' && user.primaryPhone === identifier.value.replace(/\D/g, '')) return user;
    }
    return undefined;
  }

  #findByIdentity(identity: SocialIdentity): User | undefined {
    for (const user of this.#users.values()) {
      if (user.identities[identity.target] === identity.userInfo.id) return user;
    }
    return undefined;
  }

  #relatedUser(identity: SocialIdentity): { user: User; type: 'email' | 'phone'; value: string } | undefined {
    const { phone, email } = identity.userInfo;
    const byPhone = phone ? this.#findUser({ type: 'phone', value: phone }) : undefined;
    if (byPhone && phone) return { user: byPhone, type: 'phone', value: phone };
    const byEmail = email ? this.#findUser({ type: 'email', value: email }) : undefined;
    if (byEmail && email) return { user: byEmail, type: 'email', value: email };
    return undefined;
  }

  #addRecord(interaction: Interaction, record: Omit<VerificationRecord, 'id'>): VerificationRecord {
    const full = { id: randomId(21), ...record };
    interaction.records.set(record.type, full);
    return full;
  }

  #recordById(interaction: Interaction, id: string): VerificationRecord | undefined {
    return [...interaction.records.values()].find((record) => record.id === id);
  }

  #mergeRecordIntoProfile(interaction: Interaction, record: VerificationRecord): void {
    if (!record.verified) throw new RequestError(400, 'session.verification_failed', 'The verification was not completed.');
    const profile = interaction.profile;
    if (record.type === 'NewPasswordIdentity') {
      profile.username = record.username;
      profile.password = record.password;
    } else if (record.type === 'EmailVerificationCode') {
      profile.primaryEmail = record.identifier?.value;
    } else if (record.type === 'PhoneVerificationCode') {
      profile.primaryPhone = record.identifier?.value;
    } else if (record.type === 'Social' && record.socialIdentity) {
      const identity = record.socialIdentity;
      if (this.#findByIdentity(identity)) {
        throw new RequestError(422, 'user.identity_already_in_use', 'This social account is linked to another user.');
      }
      profile.socialIdentity = identity;
      profile.name ??= identity.userInfo.name;
      const { email } = identity.userInfo;
      if (email && !profile.primaryEmail && !this.#findUser({ type: 'email', value: email })) profile.primaryEmail = email;
    } else {
      throw new RequestError(400, 'session.verification_failed', 'This verification cannot create a user.');
    }
  }

  #assertUnique(profile: PendingProfile): void {
    if (profile.username && this.#findUser({ type: 'username', value: profile.username })) throw usernameInUse();
    if (profile.primaryEmail && this.#findUser({ type: 'email', value: profile.primaryEmail })) {
      throw new RequestError(422, 'user.email_already_in_use', 'This email is linked to another account.');
    }
    if (profile.primaryPhone && this.#findUser({ type: 'phone', value: profile.primaryPhone })) {
      throw new RequestError(422, 'user.phone_already_in_use', 'This phone number is linked to another account.');
    }
  }

  /** Logto's mandatory profile, computed from `signUp`, in the order the server reports it. */
  #missingProfile(config: SignInExperience, profile: PendingProfile): string[] {
    const missing: string[] = [];
    const { identifiers, password, secondaryIdentifiers = [] } = config.signUp;
    const has = {
      username: Boolean(profile.username),
      email: Boolean(profile.primaryEmail),
      phone: Boolean(profile.primaryPhone),
      emailOrPhone: Boolean(profile.primaryEmail || profile.primaryPhone),
    };
    const required: ('username' | 'email' | 'phone' | 'emailOrPhone')[] = [];
    if (identifiers.includes('username')) required.push('username');
    else if (identifiers.includes('email') && identifiers.includes('phone')) required.push('emailOrPhone');
    else if (identifiers.includes('email')) required.push('email');
    else if (identifiers.includes('phone')) required.push('phone');
    for (const secondary of secondaryIdentifiers) required.push(secondary.identifier);
    for (const field of required) if (!has[field] && !missing.includes(field)) missing.push(field);
    if (password && !profile.password && !profile.socialIdentity) missing.push('password');
    return missing;
  }

  #assertMethodEnabled(config: SignInExperience, identifier: IdentifierPayload | undefined, kind: 'password' | 'verificationCode'): void {
    const method = config.signIn.methods.find((item) => item.identifier === identifier?.type);
    if (!method?.[kind]) {
      throw new RequestError(422, 'user.sign_in_method_not_enabled', 'This sign-in method is not enabled.');
    }
  }

  #assertPassword(config: SignInExperience, password: string, userInfo: { username?: string; primaryEmail?: string; name?: string }): void {
    const policy = resolvePasswordPolicy(config.passwordPolicy);
    const issues = checkPasswordLocally(password, policy);
    if (policy.rejects.repetitionAndSequence) {
      if (/(.)\1\1/.test(password)) issues.push({ code: 'password_rejected.restricted.repetition' });
      if (hasSequence(password)) issues.push({ code: 'password_rejected.restricted.sequence' });
    }
    if (policy.rejects.userInfo) {
      const lower = password.toLowerCase();
      const parts = [userInfo.username, userInfo.primaryEmail?.split('@')[0], userInfo.name]
        .filter((part): part is string => Boolean(part && part.length >= 3))
        .map((part) => part.toLowerCase());
      if (parts.some((part) => lower.includes(part))) issues.push({ code: 'password_rejected.restricted.user_info' });
    }
    const words = policy.rejects.words.map((word) => word.toLowerCase());
    if (words.some((word) => word && password.toLowerCase().includes(word))) {
      issues.push({ code: 'password_rejected.restricted.words' });
    }
    if (issues.length > 0) {
      throw new RequestError(422, 'password.rejected', 'The password does not meet the requirements.', issues);
    }
  }
}

// ----- module helpers ------------------------------------------------------------------------

function randomId(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

function parseInteractionCookie(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(decodeURIComponent(raw)) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function hasSequence(password: string): boolean {
  const lower = password.toLowerCase();
  for (let i = 0; i + 2 < lower.length; i++) {
    const a = lower.charCodeAt(i);
    const b = lower.charCodeAt(i + 1);
    const c = lower.charCodeAt(i + 2);
    const alnum = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
    if (!alnum(a) || !alnum(b) || !alnum(c)) continue;
    if ((b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1)) return true;
  }
  return false;
}

function publicProfile(profile: PendingProfile): Record<string, unknown> {
  const { password: _password, ...rest } = profile;
  return rest;
}

/** Resolves root-relative URL strings in the config (logos, terms links) against `origin`. */
function absolutize<T>(value: T, origin: string): T {
  if (typeof value === 'string') return (value.startsWith('/') && !value.startsWith('//') ? origin + value : value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => absolutize(item, origin)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === 'customCss' ? item : absolutize(item, origin)]),
    ) as T;
  }
  return value;
}

function requireEvent(value: unknown): InteractionEvent {
  if (value === 'SignIn' || value === 'Register' || value === 'ForgotPassword') return value;
  throw invalidInput('interactionEvent', `Expected 'SignIn' | 'Register' | 'ForgotPassword', received ${JSON.stringify(value)}`);
}

function requireIdentifier(value: unknown): IdentifierPayload {
  const candidate = value as { type?: unknown; value?: unknown } | undefined;
  if (!candidate || !['username', 'email', 'phone'].includes(String(candidate.type))) {
    throw invalidInput('identifier.type', "Expected 'username' | 'email' | 'phone'");
  }
  if (typeof candidate.value !== 'string' || candidate.value === '') {
    throw invalidInput('identifier.value', 'Expected a non-empty string');
  }
  return { type: candidate.type as IdentifierPayload['type'], value: candidate.value };
}

function invalidInput(path: string, detail: string): RequestError {
  return new RequestError(
    400,
    'guard.invalid_input',
    'The request body is invalid.',
    { issues: [{ path: path.split('.'), message: detail }], name: 'ZodError' },
    { details: `Error in key path "${path}": ${detail}` },
  );
}

const forbidden = () => new RequestError(403, 'auth.forbidden', 'This is not allowed for this sign-in experience.');
const notFound = () => new RequestError(404, 'guard.not_found', 'Not found.');
const usernameInUse = () => new RequestError(422, 'user.username_already_in_use', 'This username is taken.');
const identifierNotFound = () =>
  new RequestError(404, 'session.identifier_not_found', 'No user is identified yet. Go back and sign in again.');
const verificationNotFound = () =>
  new RequestError(404, 'session.verification_session_not_found', 'The verification was not found. Start it again.');
const notSupportedForForgotPassword = () =>
  new RequestError(400, 'session.not_supported_for_forgot_password', 'This operation is not supported for forgot password.');
const missingProfile = (missing: string[]) =>
  new RequestError(422, 'user.missing_profile', 'More information is needed to continue.', { missingProfile: missing });
