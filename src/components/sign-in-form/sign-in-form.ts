import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, render, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { ExperienceClient } from '../../api/client.js';
import { ApiError, ClientErrorCode } from '../../api/errors.js';
import type { IdentifierPayload, SignInExperience, SignInIdentifier } from '../../api/schemas.js';
import { SiErrorEvent, type SiProviderSelectEvent, SiStepChangeEvent, SiSuccessEvent } from '../../events/index.js';
import { connectorName, prefersRedirect } from '../../flow/social-basics.js';
import { detectIdentifierType, identifierProblem, toIdentifierPayload } from '../../flow/identifier.js';
import { type Country, defaultCountry, loadPhoneTools, type PhoneTools } from '../../flow/phone.js';
import { type EntryStep, type FirstScreen, type FlowState, SignInFlow, type Step, stepPath } from '../../flow/sign-in-flow.js';
import { ensureLocalization, getLocale } from '../../i18n/localization.js';
import { safeHttpUrl, safeImageUrl } from '../../internal/urls.js';
import { brandProperties } from '../../theme/brand.js';
import { resolveScheme, type ThemeMode } from '../../theme/scheme.js';
import { themeTokens } from '../../theme/tokens.js';
import { defineOnce } from '../define-once.js';
import { SocialButtons } from '../social-buttons/social-buttons.js';
import { fieldStyles } from './fields.styles.js';
import { errorSentences, flowJourneys, journeyViews, type Lazy } from './lazy.js';
import { signInFormStyles } from './sign-in-form.styles.js';
import type { ViewContext } from './views/context.js';
import { renderStep } from './views/steps.js';

let instances = 0;
const adoptedRoots = new WeakSet<Document | ShadowRoot>();

/**
 * The embeddable sign-in experience: reads the tenant's config, applies its theme, and runs every
 * identifier journey (sign-in, sign-up, forgot password, missing profile) against Logto's
 * Experience API on the same origin.
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
 * @attr {'light' | 'dark'} data-scheme - Set by the element, not by you: the scheme in effect after `theme`, the tenant's dark mode and the system preference.
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

  /** The first screen: `sign-in`, `register`, `forgot-password`, or `unknown-session`. */
  @property() screen: FirstScreen = 'sign-in';

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
  @state() private prefersDark = false;
  @state() private revealed = new Set<string>();
  @state() private country = '';
  @state() private countries?: Country[];
  @state() private phoneActive = false;
  @state() private newPassword = '';
  @state() private now = Date.now();

  readonly #id = `si-${++instances}`;
  readonly #fields = document.createElement('form');
  #flow?: SignInFlow;
  #unsubscribe?: () => void;
  #loading?: AbortController;
  #darkQuery?: MediaQueryList;
  #phone?: PhoneTools;
  #ticker?: ReturnType<typeof setInterval>;
  #focusTitle = false;
  /** The identifier text last sent from sign-in, sign-up or reset (never a password or code). */
  #identifierDraft?: string;
  #loaded?: Promise<void>;

  constructor() {
    super();
    this.#fields.slot = 'form';
    this.#fields.method = 'post';
    this.#fields.noValidate = true;
    this.#fields.dataset.siFields = '';
    this.#fields.addEventListener('submit', this.#onSubmit);
  }

  /** The current step (`sign-in`, `verification-code`, …) with its data; no secrets. */
  get step(): Step | undefined {
    return this.flowState?.step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureLocalization();
    defineOnce('social-buttons', SocialButtons);
    if (this.#fields.parentNode !== this) this.append(this.#fields);
    this.#adoptFieldStyles();
    this.#darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.prefersDark = this.#darkQuery?.matches ?? false;
    this.#darkQuery?.addEventListener('change', this.#onSchemeChange);
    if (!this.#flow && !this.#loading) this.#loaded = this.#load();
  }

  /** Resolves once the config is loaded (or failed to load) and the first step is on screen. */
  async whenReady(): Promise<void> {
    await this.#loaded;
    await this.updateComplete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery?.removeEventListener('change', this.#onSchemeChange);
    this.#stopTicker();
  }

  /** Loads the tenant config again (after a failure). */
  reload(): Promise<void> {
    this.#flow = undefined;
    this.#unsubscribe?.();
    this.flowState = undefined;
    this.#loaded = this.#load();
    return this.#loaded;
  }

  /** Goes back one step inside the journey; false when there is nothing to go back to. */
  goBack(): boolean {
    return this.#flow?.back() ?? false;
  }

  /** Opens an entry step (`sign-in`, `register`, `forgot-password`). */
  show(step: EntryStep): void {
    this.#flow?.goTo(step);
  }

  /**
   * Finishes a social sign-in on the callback page: `params` are every query and fragment
   * parameter the provider sent back (the `state` check happens here).
   */
  async completeSocial(connectorId: string, params: Record<string, string>): Promise<void> {
    await this.whenReady();
    await this.#flow?.completeSocial(connectorId, params);
  }

  /** Resumes a step saved by the host before a reload (see `step`). */
  restore(step: Step): Promise<void> {
    return this.#flow?.restore(step) ?? Promise.resolve();
  }

  override focus(options?: FocusOptions): void {
    this.#fields.querySelector<HTMLElement>('[aria-invalid="true"], input:not([tabindex="-1"]), button')?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config && this.#flow && this.#flow.config !== this.config) void this.reload();
    this.dataset.scheme = resolveScheme(this.theme, this.#flow?.config, this.prefersDark);
  }

  protected override updated(): void {
    render(this.#renderFields(), this.#fields, { host: this });
    if (this.#focusTitle) {
      this.#focusTitle = false;
      this.#fields.querySelector<HTMLElement>('.si-title')?.focus({ preventScroll: false });
    }
  }

  protected override render(): TemplateResult {
    const config = this.#flow?.config ?? this.config;
    const dark = this.dataset.scheme === 'dark';
    const logo = safeImageUrl(
      dark ? (config?.branding.darkLogoUrl ?? config?.branding.logoUrl) : (config?.branding.logoUrl ?? config?.branding.darkLogoUrl),
    );
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
        language: () => getLocale(),
      });
    // A first screen other than sign-in needs the journey views: fetch them beside the config.
    if (this.screen !== 'sign-in') journeyViews.load().catch(() => undefined);
    try {
      const config = this.config ?? (await client.getSignInExperience(controller.signal));
      if (controller.signal.aborted) return;
      this.#applyBrand(config);
      this.#flow = new SignInFlow(client, config, this.screen, { origin: globalThis.location?.origin });
      this.#unsubscribe = this.#flow.subscribe((next, previous) => this.#onFlowState(next, previous));
      this.flowState = this.#flow.state;
      this.country ||= defaultCountry(getLocale(), globalThis.navigator?.languages ?? []);
      void this.updateComplete.then(() =>
        whenIdle(() => {
          journeyViews.load().catch(() => undefined);
          flowJourneys.load().catch(() => undefined);
          errorSentences.load().catch(() => undefined);
          this.#preparePhone(config);
        }),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadError = error instanceof ApiError ? error : new ApiError(0, ClientErrorCode.unknown, String(error));
      this.#reportError({ code: this.loadError.code, serverMessage: this.loadError.message, retryAfter: this.loadError.retryAfter });
    } finally {
      if (this.#loading === controller) this.#loading = undefined;
    }
  }

  #applyBrand(config: SignInExperience): void {
    const { properties, adjustments } = brandProperties(config.color);
    for (const [name, value] of Object.entries(properties)) this.style.setProperty(name, value);
    if (import.meta.env?.DEV) {
      for (const item of adjustments) {
        console.warn(
          `[sign-in-form] ${item.scheme} theme: ${item.pair} adjusted from ${item.from} to ${item.to} (contrast ${item.ratio}:1) to meet WCAG AA.`,
        );
      }
    }
  }

  /** Phone fields need libphonenumber-js: fetch it now if the tenant uses phone numbers at all. */
  #preparePhone(config: SignInExperience): void {
    const usesPhone =
      config.signIn.methods.some((m) => m.identifier === 'phone') ||
      config.signUp.identifiers.includes('phone') ||
      config.forgotPassword.phone;
    if (usesPhone) this.#ensurePhone().catch(() => undefined);
  }

  async #ensurePhone(): Promise<PhoneTools> {
    this.#phone ??= await loadPhoneTools();
    this.countries ??= sortCountries(this.#phone.countries);
    return this.#phone;
  }

  // ----- flow ----------------------------------------------------------------------------------

  #onFlowState(next: FlowState, previous: FlowState): void {
    this.flowState = next;
    if (previous.step !== next.step) {
      this.revealed = new Set();
      this.newPassword = '';
      this.phoneActive = false;
      this.#focusTitle = previous.step.name !== next.step.name || next.step.name === 'continue';
      if (next.step.name === 'verification-code') this.#startTicker();
      else this.#stopTicker();
      this.dispatchEvent(new SiStepChangeEvent({ step: next.step.name, path: stepPath(next.step) }));
    }
    if (next.error && next.error !== previous.error) {
      this.#reportError(next.error);
      if (next.error.target === 'code') {
        const input = this.#fields.querySelector<HTMLInputElement>('input[name="code"]');
        if (input) input.value = '';
      }
      void this.updateComplete.then(() => this.#focusError());
    }
    if (next.step.name === 'done' && previous.step.name !== 'done') this.#finish(next.step.redirectTo);
    if (next.step.name === 'leaving' && previous.step.name !== 'leaving') this.#leave(next.step.url);
  }

  /** `si-error`, with the same sentence the user sees (once the sentences have loaded). */
  #reportError(error: ErrorDescription): void {
    void errorSentences.load().then(
      () => this.dispatchEvent(new SiErrorEvent({ code: error.code, message: this.#describeError(error) ?? '' })),
      () => this.dispatchEvent(new SiErrorEvent({ code: error.code, message: unreachable() })),
    );
  }

  /** The sentence for an error; undefined for the moment the sentences take to arrive. */
  #describeError = (error: ErrorDescription): string | undefined => {
    const sentences = errorSentences.value;
    if (sentences) return sentences.errorMessage(error.code, error.data, error.serverMessage, error.retryAfter);
    if (errorSentences.failed) return unreachable();
    this.#renderWhenLoaded(errorSentences);
    return undefined;
  };

  #finish(redirectTo: string): void {
    const target = safeHttpUrl(redirectTo);
    if (!target) {
      this.#flow?.reject(ClientErrorCode.invalidResponse, 'form');
      return;
    }
    const proceed = this.dispatchEvent(new SiSuccessEvent({ redirectTo: target }));
    if (proceed) globalThis.location.assign(target);
  }

  /** Full-page navigation to a social provider (only ever to an http(s) URL). */
  #leave(url: string): void {
    const target = safeHttpUrl(url);
    if (!target) {
      this.#flow?.goTo('sign-in');
      this.#flow?.reject(ClientErrorCode.invalidResponse, 'form');
      return;
    }
    // Coming back with the browser's Back button shows the form again, not a spinner.
    addEventListener('pageshow', () => this.#flow?.goTo('sign-in'), { once: true });
    globalThis.location.assign(target);
  }

  #onProviderSelect = (event: SiProviderSelectEvent): void => {
    event.preventDefault();
    const flow = this.#flow;
    if (!flow || flow.state.busy) return;
    const box = this.#fields.querySelector<HTMLInputElement>('input[name="terms"]');
    if (box && !box.checked) {
      flow.reject('terms.required', 'terms');
      return;
    }
    const embed = !prefersRedirect(
      globalThis.navigator?.userAgent ?? '',
      globalThis.matchMedia?.('(pointer: coarse)').matches ?? false,
      globalThis.matchMedia?.('(max-width: 640px)').matches ?? false,
    );
    void flow.startSocial(event.detail.connectorId, embed);
  };

  #onQrRefresh = (): void => {
    const step = this.#flow?.state.step;
    if (step?.name === 'social-panel') void this.#flow?.startSocial(step.connectorId, true);
  };

  #focusError(): void {
    const invalid = this.#fields.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else this.#fields.querySelector<HTMLElement>('.si-alert')?.focus();
  }

  #startTicker(): void {
    this.#stopTicker();
    this.now = Date.now();
    this.#ticker = setInterval(() => {
      this.now = Date.now();
      const step = this.flowState?.step;
      if (step?.name !== 'verification-code' || this.now - step.sentAt > 60_000) this.#stopTicker();
    }, 1000);
  }

  #stopTicker(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  // ----- input -----------------------------------------------------------------------------

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const flow = this.#flow;
    if (!flow || flow.state.busy) return;
    void this.#submitStep(flow, new FormData(this.#fields));
  };

  async #submitStep(flow: SignInFlow, data: FormData): Promise<void> {
    const step = flow.state.step;
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const termsMissing = () => {
      const box = this.#fields.querySelector<HTMLInputElement>('input[name="terms"]');
      if (box && !box.checked) {
        flow.reject('terms.required', 'terms');
        return true;
      }
      return false;
    };

    if (step.name === 'sign-in' || step.name === 'register' || step.name === 'forgot-password') {
      this.#identifierDraft = text('identifier') || undefined;
    }
    switch (step.name) {
      case 'sign-in': {
        const identifier = await this.#readIdentifier(flow, text('identifier'), flow.signInTypes);
        if (!identifier || termsMissing()) return;
        if (!flow.passwordOnly) return flow.submitIdentifier(identifier);
        const password = text('password');
        if (!password) return flow.reject('password.required', 'password');
        return flow.signInWithPassword(identifier, password);
      }
      case 'sign-in-password': {
        const password = text('password');
        if (!password) return flow.reject('password.required', 'password');
        return flow.signInWithPassword(step.identifier, password);
      }
      case 'social-callback':
      case 'leaving':
      case 'done':
        return;
      default: {
        // Every other step's form lives in the journey views, loaded by now (they rendered it).
        const views = await journeyViews.load();
        return views.submitJourneyStep(flow, step, {
          text,
          termsMissing,
          readIdentifier: (types) => this.#readIdentifier(flow, text('identifier'), types),
        });
      }
    }
  }

  /** Reads and checks the identifier field; reports the problem and returns undefined if invalid. */
  async #readIdentifier(
    flow: SignInFlow,
    value: string,
    types: readonly SignInIdentifier[],
  ): Promise<IdentifierPayload | undefined> {
    const type = detectIdentifierType(value, types);
    if (!type) {
      flow.reject('identifier.required', 'identifier');
      return undefined;
    }
    if (type === 'phone') {
      let tools: PhoneTools;
      try {
        tools = await this.#ensurePhone();
      } catch {
        // The phone library could not be fetched (offline): say so; the next try fetches again.
        flow.reject(ClientErrorCode.network, 'identifier');
        return undefined;
      }
      const parsed = tools.parse(value, this.country);
      if (!parsed?.valid) {
        flow.reject('identifier.invalid_phone', 'identifier');
        return undefined;
      }
      return { type: 'phone', value: parsed.digits };
    }
    const problem = identifierProblem(type, value);
    if (problem) {
      flow.reject(`identifier.${problem}`, 'identifier');
      return undefined;
    }
    return toIdentifierPayload(type, value);
  }

  #onIdentifierInput = (event: Event, types: readonly SignInIdentifier[]): void => {
    this.#flow?.clearError('identifier');
    if (!types.includes('phone')) return;
    const input = event.target as HTMLInputElement;
    const looksLikePhone = detectIdentifierType(input.value, types) === 'phone';
    if (looksLikePhone !== this.phoneActive) this.phoneActive = looksLikePhone;
    if (!looksLikePhone) return;
    this.#ensurePhone().then(
      (tools) => {
        // A pasted "+44 20 …" names its own country: follow it in the picker.
        if (!input.value.trim().startsWith('+')) return;
        const parsed = tools.parse(input.value, this.country);
        if (parsed?.country && parsed.country !== this.country) this.country = parsed.country;
      },
      () => undefined, // reported when the form is sent
    );
  };

  #onCountryChange = (event: Event): void => {
    this.country = (event.target as HTMLSelectElement).value;
    this.#flow?.clearError('identifier');
  };

  #onNewPasswordInput = (event: Event): void => {
    this.newPassword = (event.target as HTMLInputElement).value;
  };

  #onCodeInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== input.value) input.value = digits;
    this.#flow?.clearError('code');
    // A complete code (typed or pasted) is sent at once, as people expect from one-time codes.
    if (digits.length === 6) this.#fields.requestSubmit();
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
    const flowState = this.flowState;
    if (!flow || !flowState) return this.#renderLoading();
    const context: ViewContext = {
      id: this.#id,
      flow,
      state: flowState,
      config: flow.config,
      busy: flowState.busy || flowState.step.name === 'done',
      revealed: this.revealed,
      toggleReveal: (name) => {
        const next = new Set(this.revealed);
        if (!next.delete(name)) next.add(name);
        this.revealed = next;
      },
      phone: { country: this.country, countries: this.countries, active: this.phoneActive },
      onIdentifierInput: this.#onIdentifierInput,
      onCountryChange: this.#onCountryChange,
      newPassword: this.newPassword,
      onNewPasswordInput: this.#onNewPasswordInput,
      onCodeInput: this.#onCodeInput,
      now: this.now,
      loginHint: this.loginHint,
      identifierDraft: this.#identifierDraft,
      display: (identifier) =>
        identifier.type === 'phone'
          ? (this.#phone?.parse(`+${identifier.value}`, this.country)?.display ?? `+${identifier.value}`)
          : identifier.value,
      dark: this.dataset.scheme === 'dark',
      onProviderSelect: this.#onProviderSelect as (event: Event) => void,
      onQrRefresh: this.#onQrRefresh,
      connectorName: (id) => {
        const connector = flow.config.socialConnectors.find((item) => item.id === id);
        return connector ? connectorName(connector, getLocale()) : id;
      },
      describeError: this.#describeError,
      go: (step) => flow.goTo(step),
      back: () => flow.back(),
    };
    const view = renderStep(context, journeyViews.value);
    if (view) return view;
    if (journeyViews.failed) return this.#renderPartFailed();
    this.#renderWhenLoaded(journeyViews);
    return this.#renderLoading();
  }

  /** Loads a lazy part and renders again, whether it arrived or failed (which shows its own message). */
  #renderWhenLoaded(part: Lazy<unknown>): void {
    part.load().then(
      () => this.requestUpdate(),
      () => this.requestUpdate(),
    );
  }

  /** The next step's code could not be fetched (offline): say so and offer to try again. */
  #renderPartFailed(): TemplateResult {
    const retry = () => this.#renderWhenLoaded(journeyViews);
    return html`
      <p class="si-alert" role="alert" tabindex="-1">
        ${msg('This part of the page could not be loaded. Check your connection and try again.', { id: 'load.partFailed' })}
      </p>
      <button class="si-button" type="button" @click=${retry}>${msg('Try again', { id: 'common.tryAgain' })}</button>
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
      <button class="si-button" type="button" @click=${() => void this.reload()}>
        ${msg('Try again', { id: 'common.tryAgain' })}
      </button>
    `;
  }
}

interface ErrorDescription {
  code: string;
  data?: unknown;
  serverMessage?: string;
  retryAfter?: number;
}

/** Used when even the error sentences cannot be fetched: the connection is the likely cause. */
const unreachable = (): string =>
  msg('Could not reach the server. Check your connection and try again.', { id: 'load.unreachable' });

/** After the first screen is painted, fetch what the next steps need while the user reads it. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 200);
}

/** Countries sorted by their name in the page language, so the picker reads naturally. */
function sortCountries(countries: Country[]): Country[] {
  try {
    const names = new Intl.DisplayNames([getLocale()], { type: 'region' });
    const collator = new Intl.Collator(getLocale());
    return [...countries].sort((a, b) => collator.compare(names.of(a.code) ?? a.code, names.of(b.code) ?? b.code));
  } catch {
    return countries;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-form': SignInForm;
  }
}
