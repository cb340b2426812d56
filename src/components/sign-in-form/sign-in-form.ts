import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, render, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';

import { ExperienceClient } from '../../api/client.js';
import { ApiError, ClientErrorCode } from '../../api/errors.js';
import type { SignInExperience, SignInIdentifier } from '../../api/schemas.js';
import { SiErrorEvent, SiStepChangeEvent, SiSuccessEvent } from '../../events/index.js';
import {
  detectIdentifierType,
  identifierProblem,
  signInIdentifierTypes,
  toIdentifierPayload,
} from '../../flow/identifier.js';
import { type FlowState, SignInFlow } from '../../flow/sign-in-flow.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { ensureLocalization } from '../../i18n/localization.js';
import { safeHttpUrl, safeImageUrl } from '../../internal/urls.js';
import { brandProperties } from '../../theme/brand.js';
import { resolveScheme, type ThemeMode } from '../../theme/scheme.js';
import { themeTokens } from '../../theme/tokens.js';
import { fieldStyles } from './fields.styles.js';
import { signInFormStyles } from './sign-in-form.styles.js';


let instances = 0;
const adoptedRoots = new WeakSet<Document | ShadowRoot>();

/**
 * The embeddable sign-in experience: reads the tenant's config, applies its theme, and runs the
 * journey against Logto's Experience API on the same origin.
 *
 * @tagname sign-in-form
 * @summary Sign-in form for a Logto tenant, themed from its sign-in-experience config.
 * @slot footer - Content under the card's form (links, legal text).
 * @csspart card - The card around the logo and the form.
 * @csspart logo - The logo row.
 * @cssprop [--si-card-max-width=420px] - Maximum width of the card.
 * @cssprop [--si-card-padding=32px] - Inner padding of the card.
 * @cssprop [--si-card-radius=16px] - Corner radius of the card.
 * @cssprop [--si-logo-height=40px] - Height reserved for the logo.
 * @cssprop --si-button-background - Fill of the primary button (defaults to the tenant's brand colour).
 * @cssprop --si-input-border-color - Border colour of the inputs.
 * @fires {SiSuccessEvent} si-success - The journey finished; cancelable, to navigate yourself.
 * @fires {SiErrorEvent} si-error - A request failed or the config could not be loaded.
 * @fires {SiStepChangeEvent} si-step-change - The form moved to another step.
 */
@localized()
export class SignInForm extends LitElement {
  static override styles = [themeTokens, signInFormStyles];

  /** Origin of the Logto endpoint; defaults to the page's own origin (the same-origin rule). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The `app_id` of the sign-in URL; sent as `Logto-App-Id` and used for app-level branding. */
  @property({ attribute: 'app-id' }) appId?: string;

  /** Organization whose branding applies (`organization_id`). */
  @property({ attribute: 'organization-id' }) organizationId?: string;

  /** Colour scheme: follow the tenant and the system (`auto`), or force `light` / `dark`. */
  @property({ reflect: true }) theme: ThemeMode = 'auto';

  /** Value to prefill in the identifier field (`login_hint`). */
  @property({ attribute: 'login-hint' }) loginHint?: string;

  /** A sign-in-experience config to use instead of fetching one. */
  @property({ attribute: false }) config?: SignInExperience;

  /** An API client to use instead of creating one from `api-base` and `app-id`. */
  @property({ attribute: false }) client?: ExperienceClient;

  @state() private flowState?: FlowState;
  @state() private loadError?: ApiError;
  @state() private passwordVisible = false;
  @state() private prefersDark = false;

  readonly #id = `si-${++instances}`;
  readonly #fields = document.createElement('form');
  #flow?: SignInFlow;
  #unsubscribe?: () => void;
  #loading?: AbortController;
  #darkQuery?: MediaQueryList;

  constructor() {
    super();
    this.#fields.slot = 'form';
    this.#fields.method = 'post';
    this.#fields.noValidate = true;
    this.#fields.dataset.siFields = '';
    this.#fields.addEventListener('submit', this.#onSubmit);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureLocalization();
    if (this.#fields.parentNode !== this) this.append(this.#fields);
    this.#adoptFieldStyles();
    this.#darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.prefersDark = this.#darkQuery?.matches ?? false;
    this.#darkQuery?.addEventListener('change', this.#onSchemeChange);
    if (!this.#flow && !this.#loading) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery?.removeEventListener('change', this.#onSchemeChange);
  }

  /** Loads the tenant config again (after a failure). */
  reload(): Promise<void> {
    this.#flow = undefined;
    this.#unsubscribe?.();
    this.flowState = undefined;
    return this.#load();
  }

  override focus(options?: FocusOptions): void {
    const target = this.#fields.querySelector<HTMLElement>('[aria-invalid="true"], input, button');
    target?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config && this.#flow && this.#flow.config !== this.config) {
      void this.reload();
    }
    const config = this.#flow?.config;
    this.dataset.scheme = resolveScheme(this.theme, config, this.prefersDark);
  }

  protected override updated(): void {
    render(this.#renderFields(), this.#fields, { host: this });
  }

  protected override render(): TemplateResult {
    const config = this.#flow?.config;
    const logoUrl =
      this.dataset.scheme === 'dark'
        ? (config?.branding.darkLogoUrl ?? config?.branding.logoUrl)
        : (config?.branding.logoUrl ?? config?.branding.darkLogoUrl);
    const logo = safeImageUrl(logoUrl);
    return html`
      <div class="card" part="card">
        <div class="logo" part="logo">${logo ? html`<img src=${logo} alt="" />` : nothing}</div>
        <slot name="form"></slot>
        <slot name="footer"></slot>
      </div>
    `;
  }

  // ----- loading -------------------------------------------------------------------------------

  async #load(): Promise<void> {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.loadError = undefined;
    const client =
      this.client ??
      new ExperienceClient({
        baseUrl: this.apiBase,
        appId: this.appId,
        organizationId: this.organizationId,
        language: () => document.documentElement.lang || undefined,
      });
    try {
      const config = this.config ?? (await client.getSignInExperience(controller.signal));
      if (controller.signal.aborted) return;
      this.#applyBrand(config);
      this.#flow = new SignInFlow(client, config);
      this.#unsubscribe = this.#flow.subscribe((next) => this.#onFlowState(next));
      this.flowState = this.#flow.state;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadError = error instanceof ApiError ? error : new ApiError(0, ClientErrorCode.unknown, String(error));
      this.dispatchEvent(
        new SiErrorEvent({ code: this.loadError.code, message: errorMessage(this.loadError.code, undefined, this.loadError.message) }),
      );
    } finally {
      if (this.#loading === controller) this.#loading = undefined;
    }
  }

  #applyBrand(config: SignInExperience): void {
    const { properties, adjustments } = brandProperties(config.color);
    for (const [name, value] of Object.entries(properties)) this.style.setProperty(name, value);
    if (import.meta.env?.DEV && adjustments.length > 0) {
      for (const item of adjustments) {
        console.warn(
          `[sign-in-form] ${item.scheme} theme: ${item.pair} adjusted from ${item.from} to ${item.to} (contrast ${item.ratio}:1) to meet WCAG AA.`,
        );
      }
    }
  }

  // ----- flow ----------------------------------------------------------------------------------

  #onFlowState(next: FlowState): void {
    const previous = this.flowState;
    this.flowState = next;
    if (previous?.step.name !== next.step.name) {
      this.dispatchEvent(new SiStepChangeEvent({ step: next.step.name }));
    }
    if (next.error && next.error !== previous?.error) {
      this.dispatchEvent(
        new SiErrorEvent({ code: next.error.code, message: errorMessage(next.error.code, next.error.data, next.error.serverMessage) }),
      );
      void this.updateComplete.then(() => this.#focusError());
    }
    if (next.step.name === 'done' && previous?.step.name !== 'done') this.#finish(next.step.redirectTo);
  }

  #finish(redirectTo: string): void {
    const target = safeHttpUrl(redirectTo);
    if (!target) {
      this.flowState = {
        ...(this.flowState as FlowState),
        step: { name: 'sign-in' },
        error: { code: ClientErrorCode.invalidResponse, target: 'form' },
      };
      return;
    }
    const proceed = this.dispatchEvent(new SiSuccessEvent({ redirectTo: target }));
    if (proceed) globalThis.location.assign(target);
  }

  #focusError(): void {
    const invalid = this.#fields.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else this.#fields.querySelector<HTMLElement>('.si-alert')?.focus();
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const flow = this.#flow;
    if (!flow || flow.state.busy) return;
    const data = new FormData(this.#fields);
    const value = formText(data, 'identifier');
    const password = formText(data, 'password');
    const types = signInIdentifierTypes(flow.config);
    const type = detectIdentifierType(value, types);
    const problem = type ? identifierProblem(type, value) : 'required';
    if (!type || problem) {
      flow.reject(`identifier.${problem ?? 'required'}`, 'identifier');
      return;
    }
    if (!password) {
      flow.reject('password.required', 'password');
      return;
    }
    void flow.signInWithPassword(toIdentifierPayload(type, value), password);
  };

  #onSchemeChange = (event: MediaQueryListEvent): void => {
    this.prefersDark = event.matches;
  };

  #adoptFieldStyles(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    if (adoptedRoots.has(root) || !('adoptedStyleSheets' in root)) return;
    const sheet = fieldStyles.styleSheet;
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    adoptedRoots.add(root);
  }

  // ----- light-DOM templates -------------------------------------------------------------------

  #renderFields(): TemplateResult {
    if (this.loadError) return this.#renderLoadError(this.loadError);
    const flow = this.#flow;
    const state = this.flowState;
    if (!flow || !state) return this.#renderLoading();
    switch (state.step.name) {
      case 'session-expired':
        return this.#renderSessionExpired();
      case 'sign-in':
      case 'done':
        return this.#renderSignIn(flow.config, state);
    }
  }

  #renderLoading(): TemplateResult {
    return html`
      <div class="si-skeleton" aria-hidden="true"></div>
      <div class="si-skeleton" aria-hidden="true"></div>
      <p class="si-visually-hidden" role="status">${msg('Loading…', { id: 'common.loading' })}</p>
    `;
  }

  #renderLoadError(error: ApiError): TemplateResult {
    return html`
      <h1 class="si-title">${msg('Sign-in is unavailable', { id: 'load.title' })}</h1>
      <p class="si-alert" role="alert" tabindex="-1">${errorMessage(error.code, error.data, error.message)}</p>
      <button class="si-button" type="button" @click=${() => void this.reload()}>
        ${msg('Try again', { id: 'common.tryAgain' })}
      </button>
    `;
  }

  #renderSessionExpired(): TemplateResult {
    return html`
      <h1 class="si-title" tabindex="-1">${msg('Session expired', { id: 'session.title' })}</h1>
      <p class="si-alert" role="alert">${errorMessage('session.not_found')}</p>
    `;
  }

  #renderSignIn(config: SignInExperience, state: FlowState): TemplateResult {
    const types = signInIdentifierTypes(config);
    const error = state.error;
    const identifierError = error?.target === 'identifier' ? error : undefined;
    const passwordError = error?.target === 'password' ? error : undefined;
    const formError = error?.target === 'form' ? error : undefined;
    const id = this.#id;
    const busy = state.busy || state.step.name === 'done';
    return html`
      <h1 class="si-title">${msg('Sign in', { id: 'signIn.title' })}</h1>
      ${formError
        ? html`<p class="si-alert" role="alert" tabindex="-1">
            ${errorMessage(formError.code, formError.data, formError.serverMessage)}
          </p>`
        : nothing}
      <div class="si-field">
        <label class="si-label" for="${id}-identifier">${identifierLabel(types)}</label>
        <input
          class="si-input"
          id="${id}-identifier"
          name="identifier"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          enterkeyhint="next"
          inputmode=${ifDefined(types.length === 1 && types[0] === 'email' ? 'email' : undefined)}
          .defaultValue=${this.loginHint ?? ''}
          aria-invalid=${identifierError ? 'true' : 'false'}
          aria-describedby=${ifDefined(identifierError ? `${id}-identifier-error` : undefined)}
          @input=${() => this.#flow?.clearError('identifier')}
        />
        ${identifierError
          ? html`<p class="si-error" id="${id}-identifier-error" role="alert">${errorMessage(identifierError.code)}</p>`
          : nothing}
      </div>
      <div class="si-field">
        <label class="si-label" for="${id}-password">${msg('Password', { id: 'field.password' })}</label>
        <div class="si-control">
          <input
            class="si-input"
            id="${id}-password"
            name="password"
            type=${this.passwordVisible ? 'text' : 'password'}
            autocomplete="current-password"
            autocapitalize="none"
            spellcheck="false"
            enterkeyhint="go"
            aria-invalid=${passwordError ? 'true' : 'false'}
            aria-describedby=${ifDefined(passwordError ? `${id}-password-error` : undefined)}
            @input=${() => this.#flow?.clearError('password')}
          />
          ${this.#renderVisibilityToggle(`${id}-password`)}
        </div>
        ${passwordError
          ? html`<p class="si-error" id="${id}-password-error" role="alert">
              ${errorMessage(passwordError.code, passwordError.data, passwordError.serverMessage)}
            </p>`
          : nothing}
      </div>
      <button class="si-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? html`<span class="si-spinner" aria-hidden="true"></span>` : nothing}
        ${busy ? msg('Signing in…', { id: 'signIn.submitting' }) : msg('Sign in', { id: 'signIn.submit' })}
      </button>
    `;
  }

  #renderVisibilityToggle(controls: string): TemplateResult {
    const visible = this.passwordVisible;
    return html`
      <button
        class="si-icon-button"
        type="button"
        aria-controls=${controls}
        aria-pressed=${visible ? 'true' : 'false'}
        aria-label=${msg('Show password', { id: 'field.showPassword' })}
        @click=${() => (this.passwordVisible = !visible)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8">
          <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
          <circle cx="12" cy="12" r="3" />
          ${visible ? nothing : svg`<path d="M4 4l16 16" />`}
        </svg>
      </button>
    `;
  }
}

function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

function identifierLabel(types: readonly SignInIdentifier[]): string {
  const has = (type: SignInIdentifier) => types.includes(type);
  if (has('username') && has('email') && has('phone')) {
    return msg('Username, email or phone number', { id: 'field.identifier.all' });
  }
  if (has('username') && has('email')) return msg('Username or email', { id: 'field.identifier.usernameEmail' });
  if (has('username') && has('phone')) return msg('Username or phone number', { id: 'field.identifier.usernamePhone' });
  if (has('email') && has('phone')) return msg('Email or phone number', { id: 'field.identifier.emailPhone' });
  if (has('email')) return msg('Email', { id: 'field.email' });
  if (has('phone')) return msg('Phone number', { id: 'field.phone' });
  return msg('Username', { id: 'field.username' });
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-form': SignInForm;
  }
}
