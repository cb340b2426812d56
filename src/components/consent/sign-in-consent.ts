import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';

import type { ConsentClient } from '../../api/consent-client.js';
import type { ConsentInfo, ResourceScopes } from '../../api/consent-schemas.js';
import { ApiError, ClientErrorCode } from '../../api/errors.js';
import type { SignInExperience } from '../../api/schemas.js';
import { SiErrorEvent } from '../../events/form.js';
import type { SuccessDetail } from '../../events/journey.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { getLocale, loadMessages } from '../../i18n/localization.js';
import { lazy } from '../../internal/lazy.js';
import { safeHttpUrl, safeImageUrl } from '../../internal/urls.js';
import { brandProperties } from '../../theme/brand.js';
import { resolveScheme, type ThemeMode } from '../../theme/scheme.js';
import { themeTokens } from '../../theme/tokens.js';
import { signInFormStyles } from '../sign-in-form/sign-in-form.styles.js';
import { consentStyles } from './consent.styles.js';
import { userScopeDescription } from './scopes.js';

/**
 * The API client and its zod schemas, fetched beside this module rather than bundled with it: a
 * static import here made Rolldown split the first screen's shared modules into extra chunks.
 */
const consentClient = lazy(() => import('../../api/consent-client.js'));

/** Logto's reserved resource of organization scopes (shown with the organization picker). */
const ORGANIZATION_RESOURCE = 'urn:logto:resource:organizations';

/**
 * The consent screen of a third-party app (Logto's `/consent` page): who is signed in, what the
 * app asks for in plain language (the user's data, API resources, organization access), an
 * organization picker when the app asks for organization access, the app's terms, and Authorize
 * or Cancel. Authorize grants it (`POST /api/interaction/consent`) and navigates the whole page
 * back to the authorization; Cancel goes back to the app's redirect URI with nothing granted,
 * as Logto's own page does (no request: the app receives no code).
 *
 * It themes itself like `<sign-in-form>` (the same `--si-*` properties, the tenant's brand colours
 * and dark mode) and is fetched on its own: the hosted page loads it only on `/consent`.
 *
 * @tagname sign-in-consent
 * @summary What a third-party app asks for, and the user's Authorize or Cancel.
 * @csspart card - The card around the screen.
 * @csspart logo - The logo row (the app's logo beside the tenant's).
 * @attr {'light' | 'dark'} data-scheme - Set by the element: the scheme in effect.
 * @fires {SiSuccessEvent} si-success - Consent was given; cancelable, to navigate yourself.
 * @fires {SiErrorEvent} si-error - A request failed (`message` is what the user sees).
 */
export class SignInConsent extends LitElement {
  static override styles = [themeTokens, signInFormStyles, consentStyles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    appId: { attribute: 'app-id' },
    signInUrl: { attribute: 'sign-in-url' },
    theme: { reflect: true },
    config: { attribute: false },
    info: { state: true },
    loadError: { state: true },
    accessDenied: { state: true },
    selected: { state: true },
    busy: { state: true },
    error: { state: true },
    prefersDark: { state: true },
    logoBroken: { state: true },
  };

  /** Origin of the Logto endpoint; defaults to the page's own origin. */
  apiBase?: string;

  /** The `app_id` of the consent URL; sent as `Logto-App-Id`. */
  appId?: string;

  /** Where "Use another account" goes (the app id is added). */
  signInUrl = '/sign-in';

  /** Colour scheme: follow the tenant and the system (`auto`), or force `light` / `dark`. */
  theme: ThemeMode = 'auto';

  /** The tenant's sign-in experience (brand colours, logo); fetched when not given. */
  config?: SignInExperience;

  private info?: ConsentInfo;
  private loadError?: ApiError;
  private accessDenied = false;
  /** The organization picked in the radio group. */
  private selected?: string;
  private busy = false;
  /** The last Authorize failed: said in the live region, the choice stays. */
  private error?: ApiError;
  private prefersDark = false;
  private logoBroken = false;

  #tenant?: SignInExperience;
  #loading?: AbortController;
  #darkQuery?: MediaQueryList;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.prefersDark = this.#darkQuery?.matches ?? false;
    this.#darkQuery?.addEventListener('change', this.#onSchemeChange);
    if (!this.info && !this.#loading) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery?.removeEventListener('change', this.#onSchemeChange);
  }

  /** Loads what the app asks for (again, after a failure). */
  async reload(): Promise<void> {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.loadError = undefined;
    this.accessDenied = false;
    try {
      const client = await this.#client();
      const [tenant, info] = await Promise.all([
        this.config ?? client.getSignInExperience(controller.signal),
        client.getConsentInfo(controller.signal),
        loadMessages('steps'),
        loadMessages('errors'),
        loadMessages('enterprise'),
      ]);
      if (controller.signal.aborted) return;
      this.#applyTenant(tenant);
      this.info = info;
      // As Logto's page: the first of the user's organizations is picked.
      this.selected = info.organizations?.[0]?.id;
    } catch (caught) {
      if (controller.signal.aborted) return;
      const error = asApiError(caught);
      if (error.code === 'oidc.access_denied') this.accessDenied = true;
      else this.loadError = error;
      this.#reportError(error);
    } finally {
      if (this.#loading === controller) this.#loading = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config) this.#applyTenant(this.config);
    this.dataset.scheme = resolveScheme(this.theme, this.#tenant, this.prefersDark);
  }

  async #client(): Promise<ConsentClient> {
    const { ConsentClient } = await consentClient.load();
    return new ConsentClient({ baseUrl: this.apiBase, appId: this.appId, language: () => getLocale() });
  }

  #applyTenant(tenant: SignInExperience): void {
    this.#tenant = tenant;
    for (const [name, value] of Object.entries(brandProperties(tenant.color))) this.style.setProperty(name, value);
  }

  #onSchemeChange = (event: MediaQueryListEvent): void => {
    this.prefersDark = event.matches;
  };

  #reportError(error: ApiError): void {
    this.dispatchEvent(new SiErrorEvent({ code: error.code, message: sentenceFor(error) }));
  }

  // ----- actions -----------------------------------------------------------------------------

  #authorize = async (): Promise<void> => {
    if (this.busy || !this.info) return;
    this.busy = true;
    this.error = undefined;
    try {
      const { redirectTo } = await (await this.#client()).consent(this.selected);
      const target = safeHttpUrl(redirectTo);
      if (!target) throw new ApiError(200, ClientErrorCode.unsafeRedirect, 'The server sent an address that is not http(s).');
      // Busy until the page is gone; a host that navigates itself gets the screen back.
      if (this.dispatchEvent(successEvent({ redirectTo: target }))) globalThis.location.assign(target);
      else this.busy = false;
    } catch (caught) {
      this.busy = false;
      this.error = asApiError(caught);
      this.#reportError(this.error);
    }
  };

  /** Logto's Cancel: back to the app's redirect URI, nothing granted, no request. */
  #cancel = (): void => {
    const target = openableUri(this.info?.redirectUri);
    if (target && !this.busy) globalThis.location.replace(target);
  };

  #useAnotherAccount = (event: Event): void => {
    event.preventDefault();
    globalThis.location.replace((event.currentTarget as HTMLAnchorElement).href);
  };

  #onPick = (event: Event): void => {
    this.selected = (event.target as HTMLInputElement).value;
    this.error = undefined;
  };

  // ----- rendering ---------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const body = this.accessDenied
      ? this.#renderAccessDenied()
      : this.loadError
        ? this.#renderLoadError(this.loadError)
        : this.info
          ? this.#renderConsent(this.info)
          : renderLoading();
    return html`<div class="card" part="card">
      ${this.#renderLogos()}
      <div class="body">${body}</div>
    </div>`;
  }

  #renderLogos(): TemplateResult {
    const dark = this.dataset.scheme === 'dark';
    const pick = (branding?: { logoUrl?: string | null; darkLogoUrl?: string | null } | null) =>
      safeImageUrl(dark ? (branding?.darkLogoUrl ?? branding?.logoUrl) : (branding?.logoUrl ?? branding?.darkLogoUrl));
    const tenantLogo = pick(this.#tenant?.branding);
    const appLogo = pick(this.info?.application.branding);
    return html`<div class="logo" part="logo">
      ${appLogo
        ? html`${this.logoBroken
              ? appIcon()
              : html`<img
                  class="app-logo"
                  src=${appLogo}
                  alt=""
                  referrerpolicy="no-referrer"
                  @error=${() => {
                    this.logoBroken = true;
                  }}
                />`}
            ${tenantLogo ? html`${connectIcon()}<img src=${tenantLogo} alt="" />` : nothing}`
        : tenantLogo
          ? html`<img src=${tenantLogo} alt="" />`
          : nothing}
    </div>`;
  }

  #renderConsent(info: ConsentInfo): TemplateResult {
    const appName = info.application.displayName || info.application.name;
    const redirect = openableUri(info.redirectUri);
    const signIn = new URL(this.signInUrl, globalThis.location.href);
    if (this.appId ?? info.application.id) signIn.searchParams.set('app_id', this.appId ?? info.application.id);
    return html`
      <h1 tabindex="-1">${msg(html`Authorize <bdi>${appName}</bdi>`, { id: 'consent.title' })}</h1>
      ${renderUser(info.user)} ${renderScopes(info, appName)} ${this.#renderOrganizations(info)}
      <div class="live" aria-live="assertive">${this.error ? html`<p class="alert">${sentenceFor(this.error)}</p>` : nothing}</div>
      <div class="actions">
        ${redirect
          ? html`<button class="button secondary" type="button" @click=${this.#cancel}>
              ${msg('Cancel', { id: 'consent.cancel' })}
            </button>`
          : nothing}
        <button class="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#authorize}>
          ${this.busy
            ? html`<span class="spinner" aria-hidden="true"></span>${msg('Please wait…', { id: 'common.wait' })}`
            : msg('Authorize', { id: 'consent.authorize' })}
        </button>
      </div>
      ${renderAgreement(info, appName, redirect)}
      <p class="note">
        ${msg('Not you?', { id: 'consent.notYou' })}
        <a class="link" href=${signIn.href} @click=${this.#useAnotherAccount}
          >${msg('Use another account', { id: 'consent.useAnotherAccount' })}</a
        >
      </p>
    `;
  }

  #renderOrganizations(info: ConsentInfo): TemplateResult | typeof nothing {
    const organizations = info.organizations ?? [];
    if (organizations.length === 0) return nothing;
    const picked = organizations.find((organization) => organization.id === this.selected) ?? organizations[0];
    const scopes = (picked?.missingResourceScopes ?? [])
      .slice()
      // Organization scopes first, then the organization's API resources.
      .sort((a, b) => Number(b.resource.id === ORGANIZATION_RESOURCE) - Number(a.resource.id === ORGANIZATION_RESOURCE));
    return html`<fieldset class="orgs">
      <legend>${msg('Choose the organization the app may access:', { id: 'consent.organizations' })}</legend>
      ${scopes.length > 0
        ? html`<div class="groups">
            ${scopes.map((group) =>
              renderGroup(
                group.resource.id === ORGANIZATION_RESOURCE
                  ? msg('Organization access', { id: 'consent.organizationScopes' })
                  : html`<bdi>${group.resource.name}</bdi>`,
                group.scopes.map((scope) => scope.description || scope.name),
              ),
            )}
          </div>`
        : nothing}
      <div class="org-list">
        ${organizations.map(
          (organization) => html`<label class="org">
            <input
              type="radio"
              name="organization"
              .value=${organization.id}
              .checked=${organization.id === picked?.id}
              ?disabled=${this.busy}
              @change=${this.#onPick}
            />
            <bdi>${organization.name}</bdi>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderAccessDenied(): TemplateResult {
    const signOut = new URL('/oidc/session/end', this.apiBase ?? globalThis.location.href);
    const appId = this.appId ?? this.info?.application.id;
    if (appId) signOut.searchParams.set('client_id', appId);
    return html`
      <h1 tabindex="-1">${msg('Access denied', { id: 'consent.denied.title' })}</h1>
      <p class="alert" role="alert">
        ${msg('Your account cannot use this app. Sign out, then sign in with another account.', { id: 'consent.denied.text' })}
      </p>
      <a class="button" href=${signOut.href}>${msg('Sign out', { id: 'consent.signOut' })}</a>
    `;
  }

  #renderLoadError(error: ApiError): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Authorization is unavailable', { id: 'consent.unavailable' })}</h1>
      <p class="alert" role="alert">${sentenceFor(error)}</p>
      <button class="button" type="button" @click=${() => void this.reload()}>${msg('Try again', { id: 'common.tryAgain' })}</button>
    `;
  }
}

// ----- parts -----------------------------------------------------------------------------------

function renderLoading(): TemplateResult {
  return html`<div class="skeleton title" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
    <p class="visually-hidden" role="status">${msg('Loading…', { id: 'common.loading' })}</p>`;
}

function renderUser(user: ConsentInfo['user']): TemplateResult {
  const avatar = safeImageUrl(user.avatar);
  const phone = user.primaryPhone ? `+${user.primaryPhone.replace(/^\+/, '')}` : undefined;
  const identifier = user.primaryEmail || phone || user.username;
  return html`<div class="user">
    ${avatar ? html`<img class="avatar" src=${avatar} alt="" referrerpolicy="no-referrer" />` : avatarIcon()}
    <div class="who">
      <span class="name">${user.name ? html`<bdi>${user.name}</bdi>` : msg(html`User ID: <bdi>${user.id}</bdi>`, { id: 'consent.userId' })}</span>
      ${identifier ? html`<span class="identifier"><bdi>${identifier}</bdi></span>` : nothing}
    </div>
  </div>`;
}

/** The user's data and the API resources the app asks for, one group each. */
function renderScopes(info: ConsentInfo, appName: string): TemplateResult | typeof nothing {
  const userScopes = info.missingOIDCScope ?? [];
  // Organization scopes belong to the organization picker (Logto's page does the same).
  const resources = (info.missingResourceScopes ?? []).filter((group: ResourceScopes) => group.resource.id !== ORGANIZATION_RESOURCE);
  if (userScopes.length === 0 && resources.length === 0) return nothing;
  return html`<section aria-labelledby="consent-data">
    <h2 id="consent-data">${msg(html`<bdi>${appName}</bdi> is asking for:`, { id: 'consent.asking' })}</h2>
    <div class="groups">
      ${userScopes.length > 0
        ? renderGroup(
            msg('Your information', { id: 'consent.yourInformation' }),
            userScopes.map((scope) => userScopeDescription(scope) ?? scope),
          )
        : nothing}
      ${resources.map((group) =>
        renderGroup(
          html`<bdi>${group.resource.name}</bdi>`,
          group.scopes.map((scope) => scope.description || scope.name),
        ),
      )}
    </div>
  </section>`;
}

function renderGroup(title: string | TemplateResult, lines: string[]): TemplateResult {
  return html`<div class="group">
    <h3>${title}</h3>
    <ul>
      ${lines.map((line) => html`<li>${checkIcon()}<span>${line}</span></li>`)}
    </ul>
  </div>`;
}

/** The app's terms and privacy links (when it has them), and where Authorize leads. */
function renderAgreement(info: ConsentInfo, appName: string, redirect: string | undefined): TemplateResult | typeof nothing {
  const termsUrl = safeHttpUrl(info.application.termsOfUseUrl);
  const privacyUrl = safeHttpUrl(info.application.privacyPolicyUrl);
  const origin = redirect && redirectOrigin(redirect);
  const termsLink = termsUrl
    ? html`<a class="link" href=${termsUrl} target="_blank" rel="noopener noreferrer">${msg('Terms of use', { id: 'terms.terms' })}</a>`
    : nothing;
  const privacyLink = privacyUrl
    ? html`<a class="link" href=${privacyUrl} target="_blank" rel="noopener noreferrer">${msg('Privacy policy', { id: 'terms.privacy' })}</a>`
    : nothing;
  const links =
    termsUrl && privacyUrl ? msg(html`${termsLink} and ${privacyLink}`, { id: 'terms.both' }) : html`${termsLink}${privacyLink}`;
  if (termsUrl || privacyUrl) {
    return html`<p class="note">
      ${origin
        ? msg(html`By authorizing, you agree to the ${links} of <bdi>${appName}</bdi> and will be taken to <bdi>${origin}</bdi>.`, {
            id: 'consent.agreementRedirect',
          })
        : msg(html`By authorizing, you agree to the ${links} of <bdi>${appName}</bdi>.`, { id: 'consent.agreement' })}
    </p>`;
  }
  return origin
    ? html`<p class="note">${msg(html`You will be taken to <bdi>${origin}</bdi>.`, { id: 'consent.redirect' })}</p>`
    : nothing;
}

// ----- helpers ---------------------------------------------------------------------------------

/**
 * `si-success`, as `<sign-in-form>` fires it. Made here rather than with `SiSuccessEvent`: sharing
 * that module with the form's controller would cost the sign-in screens a request of their own.
 */
function successEvent(detail: SuccessDetail): CustomEvent<SuccessDetail> {
  return new CustomEvent('si-success', { detail, bubbles: true, composed: true, cancelable: true });
}

function asApiError(error: unknown): ApiError {
  // Anything else is a part of the page that could not be fetched (offline).
  return error instanceof ApiError ? error : new ApiError(0, ClientErrorCode.network, String(error));
}

/** The sentence the user reads for a failure. */
function sentenceFor(error: ApiError): string {
  if (error.code === 'organization.require_membership') {
    return msg('You are not a member of this organization. Choose another one, or ask its administrator to add you.', {
      id: 'consent.errors.membership',
    });
  }
  return errorMessage(error.code, error.data, error.message, error.retryAfter);
}

/** A redirect URI the page may open: http(s), or an app's own scheme; never `javascript:` and the like. */
function openableUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri);
    return /^(javascript|data|vbscript|blob|file|about):$/i.test(url.protocol) ? undefined : url.href;
  } catch {
    return undefined;
  }
}

/** What the page says it goes back to: the origin of a web address, a native app's URI as it is. */
function redirectOrigin(uri: string): string {
  const url = new URL(uri);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : uri;
}

const checkIcon = () =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>`;

const connectIcon = () =>
  html`<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M3 7h12l-3-3M17 13H5l3 3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" /></svg>`;

const avatarIcon = () =>
  html`<svg class="avatar" viewBox="0 0 40 40" aria-hidden="true"><circle cx="20" cy="20" r="20" fill="currentColor" opacity="0.18" /><circle cx="20" cy="16" r="6.5" fill="currentColor" /><path d="M8.5 32a11.5 11.5 0 0 1 23 0" fill="currentColor" /></svg>`;

const appIcon = () =>
  html`<svg class="app-logo" viewBox="0 0 40 40" aria-hidden="true"><rect width="40" height="40" rx="10" fill="currentColor" opacity="0.18" /><rect x="11" y="11" width="8" height="8" rx="2" fill="currentColor" /><rect x="21" y="11" width="8" height="8" rx="2" fill="currentColor" /><rect x="11" y="21" width="8" height="8" rx="2" fill="currentColor" /><rect x="21" y="21" width="8" height="8" rx="2" fill="currentColor" /></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-consent': SignInConsent;
  }
}
