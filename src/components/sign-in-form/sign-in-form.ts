import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, render, type TemplateResult } from 'lit';

import type { ExperienceClient, ExperienceClientOptions } from '../../api/client.js';
import { ConfigClient } from '../../api/config-client.js';
import { ApiError, ClientErrorCode } from '../../api/errors.js';
import type { SignInExperience } from '../../api/schemas.js';
import { SiErrorEvent } from '../../events/form.js';
import { allowedEntry, signInTypes } from '../../flow/rules.js';
import type { SignInFlow } from '../../flow/sign-in-flow.js';
import type { EntryStep, FirstScreen, FlowError, Step } from '../../flow/steps.js';
import { getLocale } from '../../i18n/localization.js';
import { afterNextPaint } from '../../internal/after-paint.js';
import { dropBrokenImage, safeImageUrl } from '../../internal/urls.js';
import { brandAdjustments, brandProperties } from '../../theme/brand.js';
import { resolveScheme, type ThemeMode } from '../../theme/scheme.js';
import { themeTokens } from '../../theme/tokens.js';
import { defineOnce } from '../define-once.js';
import { SocialButtons } from '../social-buttons/social-buttons.js';
import { adoptStyles } from './adopt-styles.js';
import type { FormController } from './controller.js';
import { fieldStyles } from './fields.styles.js';
import { errorSentences, formController, journeyViews, type Lazy } from './lazy.js';
import { signInFormStyles } from './sign-in-form.styles.js';
import type { BaseContext, ErrorDescription, ScreenContext } from './views/context.js';
import { renderStep } from './views/steps.js';

let instances = 0;
const NOTHING_REVEALED: ReadonlySet<string> = new Set();

/**
 * The embeddable sign-in experience: reads the tenant's config, applies its theme, and runs every
 * identifier journey (sign-in, sign-up, forgot password, missing profile) against Logto's
 * Experience API on the same origin.
 *
 * The first screen needs only this module: the rest of the behaviour (controller.ts) and the later
 * steps load right after it is painted, and an early click or submit waits for them.
 *
 * Do not put it inside your own `<form>`: it renders a real form of its own, in light DOM, so
 * that password managers can fill and save the credentials.
 *
 * @tagname sign-in-form
 * @summary Sign-in and sign-up for a Logto tenant, themed from its sign-in-experience config.
 * @slot footer - Content under the form, inside the card.
 * @csspart card - The card around the logo and the form.
 * @csspart logo - The logo row.
 * @cssprop [--si-card-max-width=420px] - Maximum width of the card.
 * @cssprop [--si-card-padding=32px] - Inner padding of the card.
 * @cssprop [--si-card-radius=16px] - Corner radius of the card.
 * @cssprop [--si-logo-height=40px] - Height reserved for the logo.
 * @cssprop --si-button-background - Fill of the primary button (defaults to the tenant's brand colour).
 * @cssprop --si-input-border-color - Border colour of the inputs.
 * @cssprop --si-input-background - Background of the inputs (defaults to the card's surface colour).
 * @cssprop [--si-input-radius=10px] - Corner radius of the inputs.
 * @cssprop --si-button-color - Label of the primary button (defaults to the text colour the kit picked for the brand fill).
 * @cssprop --si-button-background-hover - Fill of the primary button on hover.
 * @cssprop --si-button-background-pressed - Fill of the primary button while pressed.
 * @cssprop [--si-button-radius=10px] - Corner radius of the primary button.
 * @cssprop --si-card-background - Background of the card (defaults to the scheme's surface colour).
 * @cssprop --si-card-shadow - Shadow of the card.
 * @cssprop [--si-card-padding-compact=24px 16px] - Inner padding of the card on screens up to 480px wide.
 * @cssprop [--si-card-shadow-compact=none] - Shadow of the card on screens up to 480px wide.
 * @cssprop --si-font-family - Font of the card and the form.
 * @attr captcha-script - Address of a script with the CAPTCHA provider's global API to load instead of the provider's own (a same-origin proxy of it, or the emulator's stand-in); `{provider}` in it stands for `turnstile` or `recaptcha-enterprise`. Read when the tenant turned CAPTCHA on.
 * @attr {'light' | 'dark'} data-scheme - Set by the element, not by you: the scheme in effect after `theme`, the tenant's dark mode and the system preference.
 * @fires {SiSuccessEvent} si-success - The journey finished; cancelable, to navigate yourself.
 * @fires {SiErrorEvent} si-error - A request failed or the config could not be loaded.
 * @fires {SiStepChangeEvent} si-step-change - The form moved to another step.
 */
export class SignInForm extends LitElement {
  static override styles = [themeTokens, signInFormStyles];

  // Declared here rather than with decorators: the decorator helpers would ride on the first screen.
  static override properties = {
    apiBase: { attribute: 'api-base' },
    appId: { attribute: 'app-id' },
    organizationId: { attribute: 'organization-id' },
    screen: {},
    theme: { reflect: true },
    loginHint: { attribute: 'login-hint' },
    identifier: {},
    config: { attribute: false },
    client: { attribute: false },
    loadError: { state: true },
    prefersDark: { state: true },
    controllerError: { state: true },
    waiting: { state: true },
  };

  /** Origin of the Logto endpoint; defaults to the page's own origin (the same-origin rule). */
  apiBase?: string;

  /** The `app_id` of the sign-in URL; sent as `Logto-App-Id` and used for app-level branding. */
  appId?: string;

  /** Organization whose branding applies (`organization_id`). */
  organizationId?: string;

  /**
   * The first screen: `sign-in`, `register`, `forgot-password`, `single-sign-on`,
   * `identifier-sign-in` or `identifier-register` (only the types in `identifier`), or a page of
   * its own (`unknown-session`, `account-suspended`, `not-found`, `working`).
   */
  screen: FirstScreen = 'sign-in';

  /** Colour scheme: follow the tenant and the system (`auto`), or force `light` / `dark`. */
  theme: ThemeMode = 'auto';

  /** Value to prefill in the identifier field (`login_hint`); shown fixed on the identifier-only screens. */
  loginHint?: string;

  /** Identifier types for the identifier-only screens, space-separated (`email phone`), as an app's `identifier` parameter. */
  identifier?: string;

  /** A sign-in-experience config to use instead of fetching one. */
  config?: SignInExperience;

  /** An API client to use instead of creating one from `api-base` and `app-id`. */
  client?: ExperienceClient;

  private loadError?: ApiError;
  private prefersDark = false;
  /** The controller could not be fetched (offline) when the user acted: said on the first screen. */
  private controllerError?: FlowError;
  /** A submit is waiting for the controller to arrive. */
  private waiting = false;

  readonly #id = `si-${++instances}`;
  readonly #fields = document.createElement('form');
  #config?: SignInExperience;
  #controller?: FormController;
  #creating?: Promise<FormController>;
  #loading?: AbortController;
  #darkQuery?: MediaQueryList;
  #loaded?: Promise<void>;

  constructor() {
    super();
    // What `@localized()` does, without the decorator helper on the first screen.
    updateWhenLocaleChanges(this);
    this.#fields.slot = 'form';
    this.#fields.method = 'post';
    this.#fields.noValidate = true;
    this.#fields.dataset.siFields = '';
    this.#fields.addEventListener('submit', this.#onSubmit);
  }

  /** The current step (`sign-in`, `verification-code`, …) with its data; no secrets. */
  get step(): Step | undefined {
    return this.#controller?.state.step ?? (this.#config && this.#quickStart() ? { name: 'sign-in' } : undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    defineOnce('social-buttons', SocialButtons);
    if (this.#fields.parentNode !== this) this.append(this.#fields);
    adoptStyles(this, fieldStyles);
    this.#darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.prefersDark = this.#darkQuery?.matches ?? false;
    this.#darkQuery?.addEventListener('change', this.#onSchemeChange);
    if (!this.#config && !this.#loading) this.#loaded = this.#load();
  }

  /** Resolves once the config is loaded (or failed to load) and the first step is on screen and working. */
  async whenReady(): Promise<void> {
    await this.#loaded;
    if (this.#config) await this.#ensureController().catch(() => undefined);
    await this.updateComplete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery?.removeEventListener('change', this.#onSchemeChange);
    this.#controller?.disconnected();
  }

  /** Loads the tenant config again (after a failure). */
  reload(): Promise<void> {
    this.#controller?.dispose();
    this.#controller = undefined;
    this.#creating = undefined;
    this.#config = undefined;
    this.#loaded = this.#load();
    return this.#loaded;
  }

  /** Goes back one step inside the journey; false when there is nothing to go back to. */
  goBack(): boolean {
    return this.#controller?.flow.back() ?? false;
  }

  /** Opens an entry step (`sign-in`, `register`, `forgot-password`). */
  show(step: EntryStep): void {
    if (this.#controller) this.#controller.flow.goTo(step);
    else void this.#withController((controller) => controller.flow.goTo(step));
  }

  /**
   * Finishes a social sign-in on the callback page: `params` are every query and fragment
   * parameter the provider sent back (the `state` check happens here).
   */
  async completeSocial(connectorId: string, params: Record<string, string>): Promise<void> {
    await this.withFlow((flow) => flow.completeSocial(connectorId, params));
  }

  /**
   * Runs `action` with the form's journey once it is ready: the way scripts drive the form beyond
   * `show()`, e.g. `form.withFlow((flow) => flow.startDirect('social', 'google'))` for a direct
   * sign-in link, or `flow.signInWithOneTimeToken(token, email)` for a magic link (both with
   * `screen="working"`). Resolves to undefined when the config could not be loaded.
   */
  async withFlow<T>(action: (flow: SignInFlow) => T): Promise<Awaited<T> | undefined> {
    await this.whenReady();
    const flow = this.#controller?.flow;
    return (flow && action(flow)) as Awaited<T> | undefined;
  }

  /** Resumes a step saved by the host before a reload (see `step`). */
  async restore(step: Step): Promise<void> {
    await this.withFlow((flow) => flow.restore(step));
  }

  override focus(options?: FocusOptions): void {
    this.#fields.querySelector<HTMLElement>('[aria-invalid="true"], input:not([tabindex="-1"]), button')?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config && this.#config && this.#config !== this.config) void this.reload();
    this.dataset.scheme = resolveScheme(this.theme, this.#config, this.prefersDark);
  }

  protected override updated(): void {
    render(this.#renderFields(), this.#fields, { host: this });
    this.#controller?.afterRender();
  }

  protected override render(): TemplateResult {
    const config = this.#config ?? this.config;
    const dark = this.dataset.scheme === 'dark';
    const logo = safeImageUrl(
      dark ? (config?.branding.darkLogoUrl ?? config?.branding.logoUrl) : (config?.branding.logoUrl ?? config?.branding.darkLogoUrl),
    );
    return html`
      <div class="card" part="card">
        <div class="logo" part="logo">${config ? html`<img src=${logo ?? nothing} alt="" @error=${dropBrokenImage} />` : nothing}</div>
        <slot name="form"></slot>
        <slot name="footer"></slot>
      </div>
    `;
  }

  // ----- loading -------------------------------------------------------------------------------

  #clientOptions(): ExperienceClientOptions {
    return { baseUrl: this.apiBase, appId: this.appId, organizationId: this.organizationId, language: () => getLocale() };
  }

  async #load(): Promise<void> {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.loadError = undefined;
    // A first screen other than sign-in needs the journey views: fetch them beside the config.
    if (this.screen !== 'sign-in') journeyViews.load().catch(() => undefined);
    try {
      const config = this.config ?? (await (this.client ?? new ConfigClient(this.#clientOptions())).getSignInExperience(controller.signal));
      if (controller.signal.aborted) return;
      this.#applyBrand(config);
      this.#config = config;
      this.requestUpdate();
      // The sign-in screen paints first and the controller follows; any other starts with it.
      if (this.#quickStart()) {
        void this.updateComplete.then(afterNextPaint).then(() => this.#ensureController().catch(() => undefined));
      } else {
        await this.#ensureController().catch(() => undefined);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadError = error instanceof ApiError ? error : new ApiError(0, ClientErrorCode.unknown, String(error));
      this.#reportError({ code: this.loadError.code, serverMessage: this.loadError.message, retryAfter: this.loadError.retryAfter });
      if (import.meta.env?.DEV && !this.config && !this.client) warnAboutApiBase(this.loadError, this.apiBase);
    } finally {
      if (this.#loading === controller) this.#loading = undefined;
    }
  }

  /**
   * The first screen is the plain sign-in step, which renders without the controller. A tenant
   * that signs in by phone number alone shows the country picker at once, and the controller
   * picks its country: that screen waits for it.
   */
  #quickStart(): boolean {
    const config = this.#config;
    if (this.screen !== 'sign-in' || !config || allowedEntry(config, 'sign-in') !== 'sign-in') return false;
    const types = signInTypes(config);
    return !(types.length === 1 && types[0] === 'phone');
  }

  #applyBrand(config: SignInExperience): void {
    for (const [name, value] of Object.entries(brandProperties(config.color))) this.style.setProperty(name, value);
    if (import.meta.env?.DEV) {
      for (const item of brandAdjustments(config.color)) {
        console.warn(
          `[sign-in-form] ${item.scheme} theme: ${item.pair} adjusted from ${item.from} to ${item.to} (contrast ${item.ratio}:1) to meet WCAG AA.`,
        );
      }
    }
  }

  /** Loads the controller module (once) and starts the flow with the loaded config. */
  #ensureController(): Promise<FormController> {
    const config = this.#config;
    if (this.#controller) return Promise.resolve(this.#controller);
    if (!config) return Promise.reject(new Error('The config has not loaded.'));
    this.#creating ??= formController.load().then(
      ({ FormController }) => {
        if (this.#config !== config) throw new Error('The config changed.');
        this.#controller = new FormController(
          {
            element: this,
            fields: this.#fields,
            requestUpdate: () => this.requestUpdate(),
            reportError: (error) => this.#reportError(error),
          },
          {
            client: this.client,
            clientOptions: this.#clientOptions(),
            config,
            screen: this.screen,
            identifierTypes: this.identifier,
          },
        );
        this.controllerError = undefined;
        this.requestUpdate();
        return this.#controller;
      },
      (error: unknown) => {
        this.#creating = undefined;
        throw error;
      },
    );
    return this.#creating;
  }

  /** Runs `action` once the controller is there; if it cannot be fetched, says so on the form. */
  async #withController(action: (controller: FormController) => unknown): Promise<void> {
    try {
      await action(await this.#ensureController());
    } catch {
      if (this.#controller) return;
      this.controllerError = { code: ClientErrorCode.network, target: 'form' };
      this.#focusAlert();
    }
  }

  #focusAlert(): void {
    void this.updateComplete.then(() => this.#fields.querySelector<HTMLElement>('.si-alert')?.focus());
  }

  /** `si-error`, with the same sentence the user sees (once the sentences have loaded). */
  #reportError(error: ErrorDescription): void {
    void errorSentences.load().then(
      // The event carries plain text; the screen gets the sentence with its values isolated.
      (sentences) => this.dispatchEvent(new SiErrorEvent({ code: error.code, message: sentences.errorText(error) })),
      () => this.dispatchEvent(new SiErrorEvent({ code: error.code, message: unreachable() })),
    );
  }

  /** The sentence for an error; undefined for the moment the sentences take to arrive. */
  #describeError = (error: ErrorDescription): string | TemplateResult | undefined => {
    const sentences = errorSentences.value;
    if (sentences) return sentences.errorSentence(error);
    if (errorSentences.failed) return unreachable();
    this.#renderWhenLoaded(errorSentences);
    return undefined;
  };

  // ----- input -----------------------------------------------------------------------------

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // Read now: the fields may render again while the controller arrives.
    const data = new FormData(this.#fields);
    if (this.#controller) {
      void this.#controller.submit(data);
      return;
    }
    if (this.waiting) return;
    this.waiting = true;
    this.controllerError = undefined;
    void this.#withController((controller) => controller.submit(data)).finally(() => {
      this.waiting = false;
    });
  };

  #onSchemeChange = (event: MediaQueryListEvent): void => {
    this.prefersDark = event.matches;
  };

  // ----- light-DOM templates -------------------------------------------------------------------

  #renderFields(): TemplateResult {
    if (this.loadError) return this.#renderLoadError(this.loadError);
    const config = this.#config;
    if (!config) return this.#renderLoading();
    const base: BaseContext = {
      id: this.#id,
      config,
      loginHint: this.loginHint,
      dark: this.dataset.scheme === 'dark',
      describeError: this.#describeError,
    };
    const context = this.#controller?.context(base) ?? (this.#quickStart() ? this.#firstScreenContext(base) : undefined);
    const view = context && renderStep(context, this.#controller?.renderLater);
    if (view) return view;
    if (!context && this.controllerError) return this.#renderPartFailed(() => void this.#withController(() => undefined));
    if (context && journeyViews.failed) return this.#renderPartFailed(() => this.#renderWhenLoaded(journeyViews));
    if (context) this.#renderWhenLoaded(journeyViews);
    return this.#renderLoading();
  }

  /** The sign-in step before the controller has arrived: every action waits for it. */
  #firstScreenContext(base: BaseContext): ScreenContext {
    const later = (action: (controller: FormController) => unknown) => void this.#withController(action);
    return {
      ...base,
      state: { step: { name: 'sign-in' }, busy: false, depth: 0, error: this.controllerError },
      busy: this.waiting,
      revealed: NOTHING_REVEALED,
      toggleReveal: (name) => later((controller) => controller.toggleReveal(name)),
      phone: { country: '', active: false },
      onIdentifierInput: () => undefined, // the controller reads the field when it arrives
      onProviderSelect: (event) => {
        event.preventDefault();
        const { connectorId } = (event as CustomEvent<{ connectorId: string }>).detail;
        later((controller) => controller.selectProvider(connectorId));
      },
      clearError: () => {
        this.controllerError = undefined;
      },
      go: (step) => later((controller) => controller.flow.goTo(step)),
    };
  }

  /** Loads a lazy part and renders again, whether it arrived or failed (which shows its own message). */
  #renderWhenLoaded(part: Lazy<unknown>): void {
    part.load().then(
      () => this.requestUpdate(),
      () => this.requestUpdate(),
    );
  }

  /** The next step's code could not be fetched (offline): say so and offer to try again. */
  #renderPartFailed(retry: () => void): TemplateResult {
    return html`
      <p class="si-alert" role="alert" tabindex="-1">
        ${msg('This part of the page could not be loaded. Check your connection and try again.', { id: 'load.partFailed' })}
      </p>
      ${tryAgain(retry)}
    `;
  }

  #renderLoading(): TemplateResult {
    return html`
      <div class="si-skeleton si-skeleton--title" aria-hidden="true"></div>
      <div class="si-skeleton" aria-hidden="true"></div>
      <div class="si-skeleton" aria-hidden="true"></div>
      <p class="si-visually-hidden" role="status">${msg('Loading…', { id: 'common.loading' })}</p>
    `;
  }

  #renderLoadError(error: ApiError): TemplateResult {
    const sentence = this.#describeError({
      code: error.code,
      data: error.data,
      serverMessage: error.message,
      retryAfter: error.retryAfter,
    });
    return html`
      <h1 class="si-title">${msg('Sign-in is unavailable', { id: 'load.title' })}</h1>
      ${sentence ? html`<p class="si-alert" role="alert" tabindex="-1">${sentence}</p>` : nothing}
      ${tryAgain(() => void this.reload())}
    `;
  }
}

const tryAgain = (onClick: () => void): TemplateResult =>
  html`<button class="si-button" type="button" @click=${onClick}>${msg('Try again', { id: 'common.tryAgain' })}</button>`;

/** Used when even the error sentences cannot be fetched: the connection is the likely cause. */
const unreachable = (): string =>
  msg('Could not reach the server. Check your connection and try again.', { id: 'load.unreachable' });

/**
 * For developers only (development builds; gone from production ones): the config request
 * answered 404 or something that is not JSON, which nearly always means the page does not reach
 * Logto at `api-base`, or not on its origin.
 */
function warnAboutApiBase(error: ApiError, apiBase: string | undefined): void {
  if (error.status !== 404 && error.code !== ClientErrorCode.nonJson) return;
  const base = apiBase || location.origin;
  const answer = error.status === 404 ? '404 Not Found' : 'something other than JSON';
  console.warn(
    `[sign-in-form] GET ${base}/api/.well-known/sign-in-exp answered ${answer}. ` +
      `The api-base attribute must point at your Logto endpoint (it is "${base}"), and this page must be served from ` +
      `that origin (as Logto's custom sign-in UI, or behind a reverse proxy on Logto's origin): the Experience API ` +
      `works only with same-origin cookies.`,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-form': SignInForm;
  }
}
