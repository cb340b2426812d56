/**
 * An in-memory stand-in for a Logto server's sign-in surface: the OIDC start (`/oidc/auth`), the
 * public config endpoints and the Experience API, with the status codes, error codes and envelope
 * recorded from Logto 1.42. It is a development tool (dev server, tests, Storybook) and is never
 * part of the kit's bundles.
 *
 * This module routes; the route groups live beside it: interaction.ts (start, event, identify,
 * submit), verifications.ts, profile.ts, mfa.ts, passkeys.ts, social.ts, sso.ts, one-time-token.ts,
 * captcha.ts, oidc.ts (its redirects: hand-offs.ts), phrases.ts and dev-routes.ts, over the shared
 * state in state.ts.
 */
import { demoTenantConfig, type TenantConfig } from './config.js';
import { consentRoute } from './consent.js';
import { devRoute } from './dev-routes.js';
import { extraProfileRoutes } from './extra-profile.js';
import { notFound, RequestError } from './errors.js';
import {
  EMULATED_PATH_PREFIXES,
  type Exchange,
  readExchange,
  type Request,
  type Response,
  sendJson,
  sendText,
} from './http.js';
import { interactionRoutes, startExperience } from './interaction.js';
import { mfaRoutes } from './mfa.js';
import { oneTimeTokenDevRoute, oneTimeTokenRoutes } from './one-time-token.js';
import { demoCallback, oidcAuth, oidcResume, startDemoSignIn } from './oidc.js';
import { passkeyPreflight, passkeyRoutes, PREFLIGHT_ROUTE } from './passkeys.js';
import { servePhrases, withoutCustomPhrases } from './phrases.js';
import { profileRoutes } from './profile.js';
import { FakeProviders, type ProviderOptions } from './providers.js';
import { socialRoutes } from './social.js';
import { SSO_CONNECTORS_ROUTE, ssoConnectorLookup, ssoDevRoute, ssoRoutes, withServedSsoConnectors } from './sso.js';
import {
  absolutize,
  type Context,
  DEMO_APP_ID,
  headerValue,
  type Interaction,
  parseInteractionCookie,
  randomId,
  type RouteGroup,
  Store,
} from './state.js';
import { verificationRoutes } from './verifications.js';

export { DEMO_APP_ID, type RecordedRequest } from './state.js';
export { EMULATED_PATH_PREFIXES } from './http.js';

/** Fields Logto 1.42 always includes in the sign-in-exp payload; a tenant file may leave them out. */
const SERVER_FILLED_FIELDS = {
  customUiAssets: null,
  customUiCsp: {},
  mfa: { factors: [], policy: 'UserControlled' },
  adaptiveMfa: {},
  captchaPolicy: {},
  passkeySignIn: {},
  signUpProfileFields: null,
  customProfileFieldCatalog: [],
};

const ROUTE_GROUPS: RouteGroup[] = [
  interactionRoutes,
  verificationRoutes,
  extraProfileRoutes,
  profileRoutes,
  mfaRoutes,
  passkeyRoutes,
  socialRoutes,
  ssoRoutes,
  oneTimeTokenRoutes,
];

export interface EmulatorOptions extends ProviderOptions {
  /** Tenant config; defaults to the demo tenant (node.ts's `createEmulator`: the file in `EMULATOR_CONFIG`). */
  config?: TenantConfig;
  /** Redirect `GET /` to a fresh `/oidc/auth` start, like a client app's "Sign in" button. */
  redirectRoot?: boolean;
  /** No terminal output (tests). */
  quiet?: boolean;
  log?: (line: string) => void;
}

export class LogtoEmulator {
  readonly #store: Store;
  readonly #redirectRoot: boolean;

  constructor(options: EmulatorOptions = {}) {
    const config = options.config ?? demoTenantConfig();
    const log = options.quiet ? () => {} : (options.log ?? ((line: string) => console.log(`[emulator] ${line}`)));
    this.#redirectRoot = options.redirectRoot ?? false;
    const providers = new FakeProviders((identity) => {
      const code = randomId(20);
      this.#store.socialCodes.set(code, identity);
      return code;
    }, options);
    this.#store = new Store(config, providers, log);
    this.reset();
  }

  /** Back to the seeded state: the demo app, the seeded users, no interactions. */
  reset(): void {
    this.#store.reset();
  }

  /**
   * Handles the request if it belongs to the emulated server and resolves to `true`; resolves to
   * `false` for anything else (pages and assets), which the host server then serves.
   */
  async handle(req: Request, res: Response): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const ours =
      EMULATED_PATH_PREFIXES.some((prefix) => path.startsWith(prefix)) ||
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
        this.#store.log(`internal error: ${(error as Error).stack ?? String(error)}`);
        sendJson(res, 500, { message: 'Internal server error.' });
      }
    }
    if (path.startsWith('/api/experience') || path.startsWith('/api/interaction/')) {
      this.#store.requests.push({
        method: exchange.method,
        path: exchange.url.pathname,
        appId: headerValue(req, 'logto-app-id'),
        body: exchange.body,
        status: res.statusCode,
      });
    }
    return true;
  }

  async #route(x: Exchange): Promise<void> {
    const store = this.#store;
    const { method } = x;
    const path = x.url.pathname;

    if (path === '/' && method === 'GET') return startDemoSignIn(x, store);
    if (path === '/oidc/auth' && method === 'GET') return oidcAuth(store, x);
    if (path.startsWith('/oidc/auth/') && method === 'GET') return oidcResume(store, x, path.slice(11));
    if (path === '/demo/callback' && method === 'GET') return demoCallback(store, x);
    // The demo start at a path of its own, for hosts that do not redirect `/` (the test server).
    if (path === '/demo/sign-in' && method === 'GET') return startDemoSignIn(x, store);
    if (path.startsWith('/__emulator/') && ssoDevRoute(store, x, path.slice(12))) return;
    if (path.startsWith('/__emulator/') && oneTimeTokenDevRoute(store, x, path.slice(12))) return;
    if (path.startsWith('/__emulator/')) return devRoute(store, x, path.slice(12), () => this.reset());

    if (path === '/api/.well-known/sign-in-exp' || path === '/api/.well-known/experience') {
      if (method !== 'GET') throw notFound();
      const appId = x.url.searchParams.get('appId') ?? headerValue(x.req, 'logto-app-id');
      const config = store.rawConfigOf(appId && store.apps.has(appId) ? appId : DEMO_APP_ID);
      const served = withoutCustomPhrases(withServedSsoConnectors({ ...SERVER_FILLED_FIELDS, ...config }));
      return sendJson(x.res, 200, absolutize(served, x.origin));
    }
    if (path === '/api/.well-known/phrases' && method === 'GET') return servePhrases(store, x);
    if (path === '/api/interaction/consent') return consentRoute(store, x, () => this.#resolveInteraction(x));
    if (path.startsWith('/api/experience')) {
      if (x.body === undefined) return sendJson(x.res, 400, { message: 'Unexpected token in JSON body' });
      return this.#experience(x, path.slice('/api/experience'.length) || '/');
    }
    return sendText(x.res, 404, 'Not Found');
  }

  async #experience(x: Exchange, route: string): Promise<void> {
    const store = this.#store;
    const interaction = this.#resolveInteraction(x);
    const key = `${x.method} ${route}`;
    const context: Context = {
      store,
      x,
      interaction,
      body: (x.body ?? {}) as Record<string, unknown>,
      config: store.configOf(interaction.appId),
      security: store.securityOf(interaction.appId),
    };

    if (key === 'PUT /') return startExperience(context);
    if (key === PREFLIGHT_ROUTE) return passkeyPreflight(x, interaction);
    if (key === SSO_CONNECTORS_ROUTE) return ssoConnectorLookup(context);
    if (!interaction.event) {
      throw new RequestError(404, 'session.interaction_not_found', 'The interaction was not started. Go back and start again.');
    }
    for (const group of ROUTE_GROUPS) if (await group(context, key)) return;
    sendText(x.res, 404, 'Not Found');
  }

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
    const interaction = uid ? this.#store.interactions.get(uid) : undefined;
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
}
