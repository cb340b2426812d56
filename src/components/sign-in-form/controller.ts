/**
 * Everything `<sign-in-form>` does once its first screen is on screen: the journey state machine,
 * reading and checking what the user typed, phone numbers, the resend countdown, social
 * providers, and where the page goes when a journey ends. The element loads this module right
 * after its first paint and waits for it when the user acts sooner.
 */
import { msg } from '@lit/localize';

import { ExperienceClient, type ExperienceClientOptions } from '../../api/client.js';
import { ClientErrorCode } from '../../api/errors.js';
import { captchaHasWidget, type SecuritySettings, securitySettings } from '../../api/security-schemas.js';
import type { IdentifierPayload, SignInExperience, SignInIdentifier } from '../../api/schemas.js';
import { SiStepChangeEvent, SiSuccessEvent } from '../../events/journey.js';
import { detectIdentifierType, identifierProblem, toIdentifierPayload } from '../../flow/identifier.js';
import { type Country, defaultCountry, loadPhoneTools, type PhoneTools } from '../../flow/phone.js';
import { ssoEnabled } from '../../flow/rules.js';
import { SignInFlow } from '../../flow/sign-in-flow.js';
import { isSecurityStep } from '../../flow/security-steps.js';
import { type FirstScreen, type FlowState, type Step, stepPath } from '../../flow/steps.js';
import { connectorName, prefersRedirect } from '../../flow/social.js';
import { getLocale } from '../../i18n/localization.js';
import { safeHttpUrl } from '../../internal/urls.js';
import { adoptStyles } from './adopt-styles.js';
import { journeyStyles } from './journey.styles.js';
import { html, render } from 'lit';

import type { Captcha } from './captcha.js';
import { errorSentences, journeyViews } from './lazy.js';
import type { BaseContext, ErrorDescription, ViewContext } from './views/context.js';
import { renderFlowStep } from './views/flow-steps.js';
import { countryPicker } from './views/later-fields.js';
import type { LaterSteps } from './views/steps.js';

/** What the controller needs from its element. */
export interface FormHost {
  readonly element: HTMLElement;
  /** The light-DOM form the steps render into. */
  readonly fields: HTMLFormElement;
  requestUpdate(): void;
  /** Dispatches `si-error` with the sentence the user sees. */
  reportError(error: ErrorDescription): void;
}

export interface ControllerOptions {
  client?: ExperienceClient;
  clientOptions: ExperienceClientOptions;
  config: SignInExperience;
  screen: FirstScreen;
  /** The identifier types an app asked for, space-separated (`identifier=email phone`). */
  identifierTypes?: string;
}

/** Steps whose submit starts an interaction (`PUT /api/experience`), which a CAPTCHA guards. */
const CAPTCHA_STEPS = new Set(['sign-in', 'sign-in-password', 'register', 'forgot-password', 'identifier-sign-in', 'identifier-register']);

/** Codes after which the CAPTCHA widget starts over for the next try. */
const CAPTCHA_ERRORS = /^(session\.captcha_|captcha\.)/;

/** Input types that take no typing: a new step's focus skips them (a checkbox waits to be read first). */
const NOT_TYPED = /^(hidden|checkbox|radio|button|submit|reset|image|file|range|color)$/;

export class FormController {
  readonly flow: SignInFlow;
  #state: FlowState;
  #revealed = new Set<string>();
  #country = '';
  #countries?: Country[];
  #phoneActive = false;
  #newPassword = '';
  #now = Date.now();
  #phone?: PhoneTools;
  #ticker?: ReturnType<typeof setInterval>;
  /** The step changed: focus moves into it after the render that shows it. */
  #focusStep = false;
  /** A polite live region, outside the step's template, that says a new step's heading. */
  readonly #announcer: HTMLElement;
  #announcing?: ReturnType<typeof setTimeout>;
  /** The identifier text last sent from sign-in, sign-up or reset (never a password or code). */
  #identifierDraft?: string;
  /** The tenant's CAPTCHA, once its module has loaded (only for tenants that turned it on). */
  #captcha?: Promise<Captcha>;
  #captchaVisible = false;
  #passkey: { button: boolean; autofill: boolean } = { button: false, autofill: false };
  /** The step the user finished last, shown (busy) while the page leaves for the app. */
  #finishedStep?: Step;
  /** Stops showing the tenant's custom phrases (i18n/tenant-phrases.ts) in each language. */
  #tenantPhrases?: Promise<(() => void) | undefined>;
  readonly #unsubscribe: () => void;

  constructor(
    readonly host: FormHost,
    options: ControllerOptions,
  ) {
    const client = options.client ?? new ExperienceClient(options.clientOptions);
    const config = options.config;
    const security = securitySettings(config);
    const captcha = security.captchaPolicy?.enabled ? security.captchaConfig : undefined;
    if (captcha) {
      this.#captchaVisible = captchaHasWidget(captcha);
      this.#captcha = import('./captcha.js').then(
        ({ Captcha }) => new Captcha(captcha, host.element.getAttribute('captcha-script') ?? undefined, () => host.element.dataset.scheme === 'dark'),
      );
      // The box is on screen already: fetch the provider now, so its check runs while the user types.
      this.#captcha.then((item) => item.load()).catch(() => undefined);
    }
    this.flow = new SignInFlow(client, config, options.screen, {
      origin: globalThis.location?.origin,
      identifierTypes: options.identifierTypes?.split(/[\s,]+/),
      captcha: this.#captcha ? async () => (await this.#captcha!).token() : undefined,
    });
    this.#state = this.flow.state;
    this.#unsubscribe = this.flow.subscribe((next, previous) => this.#onFlowState(next, previous));
    this.#country = defaultCountry(getLocale(), globalThis.navigator?.languages ?? []);
    // Before Lit's part of the form (prepended), so that the step's renders leave it in place; it
    // exists before it first speaks, as screen readers need.
    this.#announcer = document.createElement('p');
    this.#announcer.className = 'si-visually-hidden';
    this.#announcer.setAttribute('role', 'status');
    host.fields.prepend(this.#announcer);
    adoptStyles(host.element, journeyStyles);
    // Typed before this module arrived: the country picker follows a phone number at once.
    const input = host.fields.querySelector<HTMLInputElement>('input[name="identifier"]');
    if (input?.value) this.#followIdentifier(input, this.flow.signInTypes);
    whenIdle(() => {
      journeyViews.load().catch(() => undefined);
      // The flow's later journeys (sign-up, codes, reset, profile, social): it loads them itself too.
      import('../../flow/journeys.js').catch(() => undefined);
      errorSentences.load().catch(() => undefined);
      this.#preparePhone(options.config);
      this.#tenantPhrases = import('../../i18n/tenant-phrases.js').then(({ followTenantPhrases }) => followTenantPhrases(client), () => undefined);
    });
    this.#preparePasskeys(security.passkeySignIn).catch(() => undefined);
  }

  get state(): FlowState {
    return this.#state;
  }

  /** Stops listening and ticking; the element is gone or loads another config. */
  dispose(): void {
    this.#unsubscribe();
    this.#stopTicker();
    clearTimeout(this.#announcing);
    this.#announcer.remove();
    void this.#tenantPhrases?.then((stop) => stop?.());
    void this.#captcha?.then((captcha) => captcha.dispose());
    if (this.#passkey.autofill) void import('../../flow/webauthn.js').then((webauthn) => webauthn.cancelCeremony());
  }

  /**
   * The CAPTCHA widget's box sits above the submit button of the steps that start an interaction.
   * It is placed here rather than in their templates, which the first screen would carry; it goes
   * away with its step's DOM, and the next such step gets a new one.
   */
  #placeCaptcha(): void {
    if (!this.#captcha || !this.#captchaVisible || !CAPTCHA_STEPS.has(this.#state.step.name)) return;
    const box = this.#beside('si-captcha', 'before');
    if (box) void this.#captcha.then((captcha) => captcha.attach(box));
  }

  /**
   * The element with this class in the current step, created beside its submit button when the
   * step has none yet. Lit leaves it alone, and it goes with the step's DOM when the step changes.
   */
  #beside(className: string, where: 'before' | 'after'): HTMLElement | undefined {
    const fields = this.host.fields;
    const found = fields.querySelector<HTMLElement>(`.${className}`);
    if (found) return found;
    const submit = fields.querySelector('button[type="submit"]');
    if (!submit) return undefined;
    const holder = document.createElement('div');
    holder.className = className;
    submit[where](holder);
    return holder;
  }

  /**
   * "Sign in with a passkey" under the sign-in step's submit button, placed like the CAPTCHA box
   * (the first screen's template does not carry it) and rendered with the step's busy state.
   */
  #placePasskeyButton(): void {
    if (!this.#passkey.button || this.#state.step.name !== 'sign-in') return;
    const holder = this.#beside('si-passkey', 'after');
    if (!holder) return;
    const busy = this.#state.busy;
    render(
      html`<button
        class="si-button si-button--secondary"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => void this.flow.signInWithPasskey()}
      >
        ${msg('Sign in with a passkey', { id: 'signIn.passkey' })}
      </button>`,
      holder,
    );
  }

  /**
   * Passkey sign-in, where the tenant offers it and the browser can: the button, and saved
   * passkeys in the identifier field's autofill (once the field says `webauthn`).
   */
  async #preparePasskeys(settings: SecuritySettings['passkeySignIn']): Promise<void> {
    if (!settings?.enabled || typeof PublicKeyCredential !== 'function') return;
    const webauthn = await import('../../flow/webauthn.js');
    const autofill = Boolean(settings.allowAutofill) && (await webauthn.browserSupportsWebAuthnAutofill().catch(() => false));
    this.#passkey = { button: settings.showPasskeyButton !== false, autofill };
    this.host.requestUpdate();
    if (autofill && this.flow.state.step.name === 'sign-in') {
      await (this.host.element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      void this.flow.offerPasskeyAutofill();
    }
  }

  /** The element left the document: the countdown stops (and starts again on the next code step). */
  disconnected(): void {
    this.#stopTicker();
  }

  /** Called by the element after each render. */
  afterRender(): void {
    this.#placeCaptcha();
    this.#placePasskeyButton();
    if (this.#passkey.autofill && this.#state.step.name === 'sign-in') {
      // The browser offers passkeys only in a field that asks for them (conditional mediation).
      // Lit sets this attribute when the field is created and never again, so it stays.
      const input = this.host.fields.querySelector<HTMLInputElement>('input[name="identifier"]');
      if (input && !/\bwebauthn\b/.test(input.autocomplete)) input.setAttribute('autocomplete', `${input.autocomplete} webauthn`);
    }
    // A step whose template is still loading has no heading yet: focus waits for it.
    const heading = this.#focusStep ? this.host.fields.querySelector<HTMLElement>('h1') : null;
    if (heading) {
      this.#focusStep = false;
      this.#focusInto(heading);
    }
  }

  /**
   * Focus on a new step, as on Logto's, Google's and Microsoft's pages: the first field that needs
   * input (the first empty one, else the first one) so that typing goes on at once, and the
   * heading with its subtitle said politely, since focus skipped them. A step without such a field
   * (a confirmation, a list of choices, a page of its own) focuses its heading, read on focus.
   *
   * The heading is said in a live region rather than made the form's name (`aria-labelledby`):
   * screen readers say a form's name when focus enters the form from outside, not when it moves
   * from one field to another inside it, which is what a new step does; and a page with two forms
   * (a gallery, sign-in beside sign-up) would have two regions of the same name.
   */
  #focusInto(heading: HTMLElement): void {
    const controls = [...this.host.fields.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].filter(
      (control) =>
        !control.disabled &&
        control.tabIndex >= 0 &&
        !(control instanceof HTMLInputElement && (control.readOnly || NOT_TYPED.test(control.type))) &&
        control.getClientRects().length > 0,
    );
    const field = controls.find((control) => !control.value) ?? controls.find((control) => control instanceof HTMLInputElement);
    if (!field) {
      heading.focus({ preventScroll: false });
      return;
    }
    field.focus();
    const subtitle = heading.nextElementSibling?.classList.contains('si-subtitle') ? heading.nextElementSibling : undefined;
    const [title = '', detail] = [heading, subtitle].map((element) => element?.textContent?.replace(/\s+/g, ' ').trim());
    this.#announce(detail ? `${title}${/\p{P}$/u.test(title) ? '' : '.'} ${detail}` : title);
  }

  /**
   * Says `text` in the live region: after the screen reader has begun with the focused field, and
   * emptied a while later, so that reading the form line by line does not meet it twice.
   */
  #announce(text: string): void {
    const announcer = this.#announcer;
    announcer.textContent = '';
    clearTimeout(this.#announcing);
    this.#announcing = setTimeout(() => {
      announcer.textContent = text;
      this.#announcing = setTimeout(() => (announcer.textContent = ''), 5000);
    }, 150);
  }

  /** Everything the step templates read, on top of what the element itself provides. */
  context(base: BaseContext): ViewContext {
    const flow = this.flow;
    const state = this.#state;
    const ctx: ViewContext = {
      ...base,
      flow,
      element: this.host.element,
      connectorName: (id) => {
        const connector = base.config.socialConnectors.find((item) => item.id === id);
        return connector ? connectorName(connector, getLocale()) : id;
      },
      // While the page leaves for the app, the step the user finished stays on screen, busy.
      state: state.step.name === 'done' && this.#finishedStep ? { ...state, step: this.#finishedStep } : state,
      busy: state.busy || state.step.name === 'done',
      revealed: this.#revealed,
      toggleReveal: this.toggleReveal,
      phone: { country: this.#country, countries: this.#countries, active: this.#phoneActive },
      countryPicker: () => countryPicker(ctx),
      onIdentifierInput: this.#onIdentifierInput,
      onCountryChange: this.#onCountryChange,
      newPassword: this.#newPassword,
      onNewPasswordInput: this.#onNewPasswordInput,
      onCodeInput: this.#onCodeInput,
      now: this.#now,
      identifierDraft: this.#identifierDraft,
      display: (identifier) =>
        identifier.type === 'phone'
          ? (this.#phone?.parse(`+${identifier.value}`, this.#country)?.display ?? `+${identifier.value}`)
          : identifier.value,
      onProviderSelect: (event) => {
        event.preventDefault();
        this.selectProvider((event as CustomEvent<{ connectorId: string }>).detail.connectorId);
      },
      onQrRefresh: this.#onQrRefresh,
      clearError: (target) => flow.clearError(target),
      go: (step) => flow.goTo(step),
      back: () => flow.back(),
    };
    return ctx;
  }

  /** Every step but the first screen (the journeys' once their views have loaded). */
  readonly renderLater: LaterSteps = (ctx, step) =>
    isSecurityStep(step) ? journeyViews.value?.renderSecurityStep(ctx, step) : renderFlowStep(ctx, step, journeyViews.value);

  toggleReveal = (name: string): void => {
    const next = new Set(this.#revealed);
    if (!next.delete(name)) next.add(name);
    this.#revealed = next;
    this.host.requestUpdate();
  };

  // ----- flow ----------------------------------------------------------------------------------

  #onFlowState(next: FlowState, previous: FlowState): void {
    this.#state = next;
    const host = this.host;
    host.requestUpdate();
    if (next.step.name === 'done' && previous.step.name !== 'done') this.#finishedStep = previous.step;
    if (previous.step !== next.step) {
      this.#revealed = new Set();
      this.#newPassword = '';
      this.#phoneActive = false;
      this.#focusStep = next.step.name !== 'done' && (previous.step.name !== next.step.name || next.step.name === 'continue');
      if (next.step.name === 'verification-code' || (next.step.name === 'mfa-verify' && next.step.sentAt)) this.#startTicker();
      else this.#stopTicker();
      host.element.dispatchEvent(new SiStepChangeEvent({ step: next.step.name, path: stepPath(next.step) }));
    }
    if (next.error && next.error !== previous.error) {
      host.reportError(next.error);
      if (CAPTCHA_ERRORS.test(next.error.code)) void this.#captcha?.then((captcha) => captcha.reset());
      if (next.error.target === 'code') {
        const input = host.fields.querySelector<HTMLInputElement>('input[name="code"]');
        if (input) input.value = '';
      }
      void (host.element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete.then(() => this.#focusError());
    }
    if (next.step.name === 'done' && previous.step.name !== 'done') this.#finish(next.step.redirectTo);
    if (next.step.name === 'leaving' && previous.step.name !== 'leaving') this.#leave(next.step.url);
  }

  #finish(redirectTo: string): void {
    const target = safeHttpUrl(redirectTo);
    if (!target) {
      this.flow.reject(ClientErrorCode.invalidResponse, 'form');
      return;
    }
    const proceed = this.host.element.dispatchEvent(new SiSuccessEvent({ redirectTo: target }));
    if (proceed) globalThis.location.assign(target);
  }

  /** Full-page navigation to a social provider (only ever to an http(s) URL). */
  #leave(url: string): void {
    const target = safeHttpUrl(url);
    if (!target) {
      this.flow.goTo('sign-in');
      this.flow.reject(ClientErrorCode.invalidResponse, 'form');
      return;
    }
    // Coming back with the browser's Back button shows the form again, not a spinner.
    addEventListener('pageshow', () => this.flow.goTo('sign-in'), { once: true });
    globalThis.location.assign(target);
  }

  /** A provider button was pressed (on the first screen or any later one). */
  selectProvider(connectorId: string): void {
    const flow = this.flow;
    if (flow.state.busy) return;
    const box = this.host.fields.querySelector<HTMLInputElement>('input[name="terms"]');
    if (box && !box.checked) {
      flow.reject('terms.required', 'terms');
      return;
    }
    const embed = !prefersRedirect(
      globalThis.navigator?.userAgent ?? '',
      globalThis.matchMedia?.('(pointer: coarse)').matches ?? false,
      globalThis.matchMedia?.('(max-width: 640px)').matches ?? false,
    );
    void flow.startSocial(connectorId, embed);
  }

  #onQrRefresh = (): void => {
    const step = this.flow.state.step;
    if (step.name === 'social-panel') void this.flow.startSocial(step.connectorId, true);
  };

  #focusError(): void {
    const fields = this.host.fields;
    const invalid = fields.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else fields.querySelector<HTMLElement>('.si-alert')?.focus();
  }

  #startTicker(): void {
    this.#stopTicker();
    this.#now = Date.now();
    this.#ticker = setInterval(() => {
      this.#now = Date.now();
      const step = this.#state.step;
      const sentAt = step.name === 'verification-code' || step.name === 'mfa-verify' ? step.sentAt : undefined;
      if (!sentAt || this.#now - sentAt > 60_000) this.#stopTicker();
      this.host.requestUpdate();
    }, 1000);
  }

  #stopTicker(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  // ----- input -----------------------------------------------------------------------------

  /** The form was sent: read the step's fields and act (a busy flow ignores it). */
  async submit(data: FormData): Promise<void> {
    const flow = this.flow;
    if (flow.state.busy) return;
    const step = flow.state.step;
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const termsMissing = () => {
      const box = this.host.fields.querySelector<HTMLInputElement>('input[name="terms"]');
      if (box && !box.checked) {
        flow.reject('terms.required', 'terms');
        return true;
      }
      return false;
    };

    if (['sign-in', 'register', 'forgot-password', 'identifier-sign-in', 'identifier-register', 'single-sign-on'].includes(step.name)) {
      this.#identifierDraft = text('identifier') || undefined;
    }
    switch (step.name) {
      case 'sign-in': {
        const identifier = await this.#readIdentifier(text('identifier'), flow.signInTypes);
        if (!identifier || termsMissing()) return;
        const password = text('password');
        // Without a password, an email may still sign in through its organization (single sign-on):
        // the flow checks its domain, and asks for the password on the next step otherwise.
        if (!flow.passwordOnly || (!password && identifier.type === 'email' && ssoEnabled(flow.config))) {
          return flow.submitIdentifier(identifier);
        }
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
        // Every other step's form lives in the journey or security views, loaded by now (they rendered it).
        const input = { text, checked: (name: string) => data.get(name) !== null, termsMissing, readIdentifier: (types: readonly SignInIdentifier[]) => this.#readIdentifier(text('identifier'), types) };
        const views = await journeyViews.load();
        if (isSecurityStep(step)) return views.submitSecurityStep(flow, step, input);
        return views.submitJourneyStep(flow, step, input);
      }
    }
  }

  /** Reads and checks the identifier field; reports the problem and returns undefined if invalid. */
  async #readIdentifier(value: string, types: readonly SignInIdentifier[]): Promise<IdentifierPayload | undefined> {
    const flow = this.flow;
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
      const parsed = tools.parse(value, this.#country);
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
    if (!this.#countries) {
      this.#countries = sortCountries(this.#phone.countries);
      this.host.requestUpdate();
    }
    return this.#phone;
  }

  #onIdentifierInput = (event: Event, types: readonly SignInIdentifier[]): void => {
    this.flow.clearError('identifier');
    this.#followIdentifier(event.target as HTMLInputElement, types);
  };

  /** Shows the country picker while the field holds a phone number, and follows a typed `+44`. */
  #followIdentifier(input: HTMLInputElement, types: readonly SignInIdentifier[]): void {
    if (!types.includes('phone')) return;
    const looksLikePhone = detectIdentifierType(input.value, types) === 'phone';
    if (looksLikePhone !== this.#phoneActive) {
      this.#phoneActive = looksLikePhone;
      this.host.requestUpdate();
    }
    if (!looksLikePhone) return;
    this.#ensurePhone().then(
      (tools) => {
        // A pasted "+44 20 …" names its own country: follow it in the picker.
        if (!input.value.trim().startsWith('+')) return;
        const parsed = tools.parse(input.value, this.#country);
        if (parsed?.country && parsed.country !== this.#country) {
          this.#country = parsed.country;
          this.host.requestUpdate();
        }
      },
      () => undefined, // reported when the form is sent
    );
  }

  #onCountryChange = (event: Event): void => {
    this.#country = (event.target as HTMLSelectElement).value;
    this.flow.clearError('identifier');
    this.host.requestUpdate();
  };

  #onNewPasswordInput = (event: Event): void => {
    this.#newPassword = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
  };

  #onCodeInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== input.value) input.value = digits;
    this.flow.clearError('code');
    // A complete code (typed or pasted) is sent at once, as people expect from one-time codes.
    if (digits.length === 6) this.host.fields.requestSubmit();
  };
}

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
