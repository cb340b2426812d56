/**
 * The sign-in experience as a small store: the current step, whether a request is in flight, the
 * last error, plus one method per user intent. It drives the Experience API in the order Logto's
 * contract prescribes and never touches the DOM, so every element that shows a step shares it.
 */
import type { ExperienceClient } from '../api/client.js';
import { ApiError, ClientErrorCode } from '../api/errors.js';
import type {
  CodeIdentifierPayload,
  IdentifierPayload,
  InteractionEvent,
  SignInExperience,
  SignInIdentifier,
} from '../api/schemas.js';
import { missingProfileDataSchema } from '../api/experience-schemas.js';
import { safeHttpUrl } from '../internal/urls.js';
import type { MfaFactor } from '../api/security-schemas.js';
import { safeParse } from '../api/zod.js';
import type * as Enterprise from './enterprise.js';
import type * as Journeys from './journeys.js';
import type * as Security from './security.js';
import * as rules from './rules.js';
import type { EntryStep } from './rules.js';
import type { ContinueField, ErrorTarget, FirstScreen, FlowOptions, FlowState, Step } from './steps.js';

export * from './steps.js';

/** Which journey a verification code belongs to. `Continue` collects a missing email or phone. */
type Listener = (state: FlowState, previous: FlowState) => void;

/** Codes after which the interaction is gone and only a restart from the app helps. */
const SESSION_GONE = new Set(['session.not_found', 'oidc.invalid_request']);

const CODE_ERRORS = /^verification_code\./;
const MFA_CODE_ERRORS = /^session\.mfa\.invalid_(totp|backup)_code$/;
const PASSWORD_ERRORS = new Set(['password.rejected', 'user.same_password', 'session.invalid_credentials']);
/** Submit answers that ask for a security step (see security.ts). */
const SECURITY_CONDITIONS = /^(session\.mfa\.(require_mfa_verification|suggest_additional_mfa|backup_code_required)|user\.(missing_mfa|suggest_mfa|passkey_preferred))$/;
const PROFILE_ERRORS = /^custom_profile_fields\./;
const IDENTIFIER_ERRORS = /^(user\.username_|user\.email_already|user\.phone_already|guard\.invalid_input$|session\.email_blocklist)/;

export class SignInFlow {
  #state: FlowState;
  readonly #history: Step[] = [];
  readonly #listeners = new Set<Listener>();
  /** The interaction event the server holds (after `PUT /api/experience` or a switch). */
  #event?: InteractionEvent;

  constructor(
    readonly client: ExperienceClient,
    readonly config: SignInExperience,
    first: FirstScreen = 'sign-in',
    readonly options: FlowOptions = {},
  ) {
    this.#state = { step: this.#firstStep(first), busy: false, depth: 0 };
    this.#core = this.#makeCore();
  }

  /** What journeys.ts may read and do inside this flow. */
  readonly #core: Journeys.FlowCore;

  #makeCore(): Journeys.FlowCore {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below need the flow, not the object
    const flow = this;
    return {
      flow,
      client: this.client,
      config: this.config,
      options: this.options,
      get state() {
        return flow.#state;
      },
      get event() {
        return flow.#event;
      },
      set event(value) {
        flow.#event = value;
      },
      clearHistory: () => {
        this.#history.length = 0;
      },
      set: (patch) => this.#set(patch),
      push: (step) => this.#push(step),
      replace: (step) => this.#replace(step),
      start: (event, captcha) => this.#start(event, captcha),
      switchEvent: (event) => this.#switchEvent(event),
      sendCode: (flowName, identifier, fresh) => this.#sendCode(flowName, identifier, fresh),
      submit: () => this.#submit(),
      resume: () => this.#resume(),
      registerAndSubmit: (verificationId) => this.#registerAndSubmit(verificationId),
    };
  }

  get state(): FlowState {
    return this.#state;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ----- what the tenant allows ----------------------------------------------------------------

  /** Identifier types the sign-in form accepts, in the tenant's order. */
  get signInTypes(): SignInIdentifier[] {
    return rules.signInTypes(this.config);
  }

  /** True when every sign-in method is password-only: identifier and password on one screen. */
  get passwordOnly(): boolean {
    return rules.passwordOnly(this.config);
  }

  /** Identifier types a new account is created with (`[]`: no identifier sign-up). */
  get registerTypes(): SignInIdentifier[] {
    return this.config.signInMode === 'SignIn' ? [] : this.config.signUp.identifiers;
  }

  get canRegister(): boolean {
    return rules.canRegister(this.config);
  }

  get canSignIn(): boolean {
    return rules.canSignIn(this.config);
  }

  /** Identifier types that can receive a password-reset code. */
  get resetTypes(): ('email' | 'phone')[] {
    return rules.resetTypes(this.config);
  }

  method(type: SignInIdentifier) {
    return this.config.signIn.methods.find((m) => m.identifier === type);
  }

  /** Whether a verified email/phone may create an account (Logto's `isVerificationCodeEnabledForSignUp`). */
  canRegisterWith(type: SignInIdentifier): boolean {
    if (this.config.signInMode === 'SignIn') return false;
    const secondary = this.config.signUp.secondaryIdentifiers ?? [];
    return (
      this.config.signUp.identifiers.includes(type) ||
      secondary.some((item) => item.identifier === type || (item.identifier === 'emailOrPhone' && type !== 'username'))
    );
  }

  /** Whether an existing account may be signed in to with a code for this type. */
  canSignInWithCode(type: SignInIdentifier): boolean {
    return this.canSignIn && Boolean(this.method(type)?.verificationCode);
  }

  // ----- navigation ----------------------------------------------------------------------------

  /** Opens an entry step (sign-in, register, forgot password) fresh. */
  goTo(step: EntryStep): void {
    if (this.#state.busy) return;
    this.#history.length = 0;
    this.#set({ step: { name: this.#allowedEntry(step) }, error: undefined, notice: undefined });
  }

  /** Returns to the previous step, if there is one. */
  back(): boolean {
    const previous = this.#history.pop();
    if (!previous || this.#state.busy) return false;
    this.#set({ step: previous, error: undefined, notice: undefined });
    return true;
  }

  /**
   * Puts back a step saved before a reload (identifiers and verification ids only, never
   * secrets), after asking the server which interaction event it still holds.
   */
  restore(step: Step): Promise<void> {
    if (step.name === 'done' || step.name === 'session-expired') return Promise.resolve();
    return this.#run(async () => {
      try {
        const interaction = await this.client.getInteraction();
        this.#event = interaction.interactionEvent;
      } catch (error) {
        // Identifier-first sign-in asks for the password before it starts an interaction on the
        // server, so there is nothing to read back yet; every other step needs one.
        const nothingStarted = error instanceof ApiError && error.code === 'session.interaction_not_found';
        if (!(nothingStarted && step.name === 'sign-in-password')) throw error;
        this.#event = undefined;
      }
      this.#set({ step });
    });
  }

  clearError(target?: ErrorTarget): void {
    if (this.#state.error && (!target || this.#state.error.target === target)) this.#set({ error: undefined });
  }

  /** Reports a problem found before anything was sent (empty field, malformed email). */
  reject(code: string, target: ErrorTarget, data?: unknown): void {
    this.#set({ error: { code, target, data } });
  }

  // ----- sign in -------------------------------------------------------------------------------

  /**
   * Identifier-first sign-in: usernames (and identifiers whose password comes first) go to the
   * password step; the others get a verification code.
   */
  submitIdentifier(identifier: IdentifierPayload): Promise<void> {
    const method = this.method(identifier.type);
    const wantsPassword =
      identifier.type === 'username' || (method?.password && (method.isPasswordPrimary || !method.verificationCode));
    return this.#run(async () => {
      if (await this.#ssoFirst(identifier)) return;
      if (wantsPassword || !isCodeIdentifier(identifier)) return this.#push({ name: 'sign-in-password', identifier });
      return this.#sendCode('SignIn', identifier, true);
    });
  }

  /** Identifier + password: start, verify, identify, submit. */
  signInWithPassword(identifier: IdentifierPayload, password: string): Promise<void> {
    return this.#run(async () => {
      if (await this.#ssoFirst(identifier)) return;
      await this.#start('SignIn');
      const verificationId = await this.client.verifyPassword(identifier, password);
      try {
        await this.client.identify({ verificationId });
      } catch (error) {
        // The email's domain signs in through its identity provider: go there instead.
        const sso = error instanceof ApiError && error.code === 'session.sso_enabled' && identifier.type === 'email';
        if (!sso || !(await (await import('./enterprise.js')).ssoFromError(this.#core, identifier.value, error.data))) throw error;
        return;
      }
      await this.#submit();
    });
  }

  /**
   * An email typed on a sign-in screen of a tenant with single sign-on: when its domain has an
   * identity provider, the sign-in goes there (as Logto's page does) and true is returned.
   */
  async #ssoFirst(identifier: IdentifierPayload): Promise<boolean> {
    const step = this.#state.step.name;
    if (identifier.type !== 'email' || !rules.ssoEnabled(this.config) || (step !== 'sign-in' && step !== 'identifier-sign-in')) {
      return false;
    }
    return (await import('./enterprise.js')).ssoForEmail(this.#core, identifier.value, false);
  }

  /** From the password step: get a code for the same email/phone instead. */
  useCodeInstead(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'sign-in-password' || !isCodeIdentifier(step.identifier)) return Promise.resolve();
    const identifier = step.identifier;
    return this.#run(() => this.#sendCode('SignIn', identifier, true));
  }

  /** From the code step: type the password for the same identifier instead. */
  usePasswordInstead(): void {
    const step = this.#state.step;
    if (step.name !== 'verification-code' || step.flow !== 'SignIn' || this.#state.busy) return;
    this.#history.push(step);
    this.#set({ step: { name: 'sign-in-password', identifier: step.identifier }, error: undefined, notice: undefined });
  }

  // ----- the later journeys (journeys.ts, loaded when one starts) -------------------------------

  /** Register with a username (then a password), or with an email/phone (then a code). */
  register(identifier: IdentifierPayload): Promise<void> {
    return this.#journey((j) => j.register(this.#core, identifier));
  }

  /** The password of a username registration. */
  setRegisterPassword(password: string): Promise<void> {
    return this.#journey((j) => j.setRegisterPassword(this.#core, password));
  }

  submitCode(code: string): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'verification-code') return Promise.resolve();
    return this.#journey((j) => j.submitCode(this.#core, step, code));
  }

  /** Sends a fresh code to the same address; the new verification replaces the old one. */
  resendCode(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'verification-code') return Promise.resolve();
    return this.#journey((j) => j.resendCode(this.#core, step));
  }

  /** Confirms the offer made after a cross-over (create the account / sign in instead). */
  confirm(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'confirm-register' && step.name !== 'confirm-sign-in') return Promise.resolve();
    return this.#journey((j) => j.confirm(this.#core, step));
  }

  sendResetCode(identifier: CodeIdentifierPayload): Promise<void> {
    return this.#run(() => this.#sendCode('ForgotPassword', identifier, true));
  }

  /** The new password of a forgot-password interaction; back to sign-in when it is saved. */
  resetPassword(password: string): Promise<void> {
    return this.#journey((j) => j.resetPassword(this.#core, password));
  }

  /** Provides the missing username or password, or sends a code to the missing email/phone. */
  fulfil(field: ContinueField, value: string | IdentifierPayload): Promise<void> {
    return this.#journey((j) => j.fulfil(this.#core, field, value));
  }

  /**
   * Starts sign-in with a social connector: a fresh interaction, a fresh `state`, the provider's
   * authorization URI. With `embed`, providers whose QR page can live inside ours get the panel
   * step; everyone else gets `leaving` (the element then navigates the whole page).
   */
  startSocial(connectorId: string, embed = false): Promise<void> {
    const connector = this.config.socialConnectors.find((item) => item.id === connectorId);
    if (!connector) return Promise.resolve();
    return this.#journey((j) => j.startSocial(this.#core, connector, embed));
  }

  /** Leaves the QR panel for the provider's own page (the panel could not load, or the user prefers it). */
  leaveFor(url: string): void {
    this.#set({ step: { name: 'leaving', url } });
  }

  /**
   * Back on `/callback/:connectorId`: checks `state`, verifies with every other callback parameter
   * and the same `redirectUri`, then signs in, links or registers.
   */
  completeSocial(connectorId: string, params: Record<string, string>): Promise<void> {
    this.#set({ step: { name: 'social-callback', connectorId } });
    return this.#journey((j) => j.completeSocial(this.#core, connectorId, params));
  }

  /** On the link step: attach the social account to the existing one, and sign in. */
  linkSocial(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'social-link') return Promise.resolve();
    return this.#journey((j) => j.linkSocial(this.#core, step.verificationId));
  }

  /** On the link step: create a new account from the social profile instead. */
  registerSocial(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'social-link') return Promise.resolve();
    return this.#journey((j) => j.registerSocial(this.#core, step.verificationId));
  }

  /** Registration from a social account is allowed unless the tenant only signs people in. */
  get canRegisterAny(): boolean {
    return this.config.signInMode !== 'SignIn';
  }

  // ----- enterprise journeys (enterprise.ts, loaded when one starts) ---------------------------

  /** The single sign-on screen's email: straight to its identity provider, or the list of several. */
  submitSsoEmail(email: string): Promise<void> {
    return this.#enterprise((e) => e.ssoForEmail(this.#core, email, true).then(() => undefined));
  }

  /** Signs in with this SSO connector (picked from the list). */
  startSso(connectorId: string): Promise<void> {
    return this.#enterprise((e) => e.startSso(this.#core, connectorId));
  }

  /**
   * A direct sign-in link (`/direct/social/<target>`, `/direct/sso/<connectorId>`): leaves for that
   * provider at once; an unknown one shows the `fallback` screen instead.
   */
  startDirect(method: string, target: string, fallback: EntryStep = 'sign-in'): Promise<void> {
    return this.#enterprise((e) => e.startDirect(this.#core, method, target, fallback));
  }

  /** A magic link: its token and the email it was sent to. */
  signInWithOneTimeToken(token: string, email: string): Promise<void> {
    return this.#enterprise((e) => e.signInWithOneTimeToken(this.#core, token, email));
  }

  /** A magic link opened where another account may be signed in: ask first (see enterprise.ts). */
  offerSwitchAccount(token: string, email: string): Promise<void> {
    return this.#enterprise((e) => e.offerSwitchAccount(this.#core, token, email));
  }

  /** On the switch-account screen: continue with the magic link's email. */
  continueWithLink(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'switch-account') return Promise.resolve();
    return this.#enterprise((e) => e.signInWithOneTimeToken(this.#core, step.token, step.email));
  }

  /** The tenant's own profile fields, checked in the browser, by field name. */
  submitExtraProfile(values: Record<string, unknown>): Promise<void> {
    if (this.#state.step.name !== 'extra-profile') return Promise.resolve();
    return this.#enterprise((e) => e.submitExtraProfile(this.#core, values));
  }

  #enterprise(action: (enterprise: typeof Enterprise) => Promise<void>): Promise<void> {
    return this.#run(async () => action(await import('./enterprise.js')));
  }

  // ----- security steps (security.ts, loaded when one is reached) -------------------------------

  /** A code on a second-factor step (authenticator app, backup code, email or phone code). */
  verifyMfaCode(code: string): Promise<void> {
    const step = this.#state.step;
    if (step.name === 'mfa-verify') return this.#security((s) => s.verifyCode(this.#core, step, code));
    if (step.name === 'mfa-bind-totp') return this.#security((s) => s.confirmTotp(this.#core, step, code));
    return Promise.resolve();
  }

  /** Asks the browser for the user's security key or passkey (second factor). */
  verifyWebAuthn(): Promise<void> {
    if (this.#state.step.name !== 'mfa-verify') return Promise.resolve();
    return this.#security((s) => s.verifyWebAuthn(this.#core));
  }

  resendMfaCode(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'mfa-verify') return Promise.resolve();
    return this.#security((s) => s.resendCode(this.#core, step));
  }

  /** "Use another method": every factor the server offered. */
  listMfaFactors(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'mfa-verify') return Promise.resolve();
    return this.#security((s) => s.listFactors(this.#core, step));
  }

  chooseMfaFactor(factor: MfaFactor): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'mfa-factors') return Promise.resolve();
    return this.#security((s) => s.chooseFactor(this.#core, step, factor));
  }

  /** Registers a security key or passkey as the new second factor. */
  bindWebAuthn(): Promise<void> {
    return this.#security((s) => s.bindWebAuthn(this.#core));
  }

  /** The user saved the backup codes. */
  confirmBackupCodes(): Promise<void> {
    const step = this.#state.step;
    if (step.name !== 'backup-codes') return Promise.resolve();
    return this.#security((s) => s.confirmBackupCodes(this.#core, step));
  }

  /** Declines what the step offers (a factor, 2-step verification, a passkey) where that is allowed. */
  skipSecurityStep(): Promise<void> {
    return this.#security((s) => s.skip(this.#core));
  }

  enableMfa(): Promise<void> {
    return this.#security((s) => s.enableMfa(this.#core));
  }

  createPasskey(): Promise<void> {
    return this.#security((s) => s.createPasskey(this.#core));
  }

  /** "Sign in with passkey": any passkey of this site, picked in the browser's dialog. */
  signInWithPasskey(): Promise<void> {
    return this.#security((s) => s.signInWithPasskey(this.#core));
  }

  /**
   * Offers the site's passkeys in the identifier field's autofill (conditional mediation) and
   * signs in when one is picked. It waits in the background, outside the busy state; any other
   * WebAuthn request (the passkey button, a second factor) replaces it.
   */
  async offerPasskeyAutofill(): Promise<void> {
    const security = await import('./security.js');
    let assertion;
    try {
      assertion = await security.waitForAutofillPasskey(this.#core);
    } catch {
      return; // replaced, unsupported or refused: the other ways in stay
    }
    await this.#run(() => security.signInWithPasskey(this.#core, assertion));
  }

  #security(action: (security: typeof Security) => Promise<void> | void): Promise<void> {
    return this.#run(async () => action(await import('./security.js')));
  }

  /** Runs a later journey's action, loading journeys.ts first (inside the busy state). */
  #journey(action: (journeys: typeof Journeys) => Promise<void>): Promise<void> {
    return this.#run(async () => action(await import('./journeys.js')));
  }

  // ----- internals -----------------------------------------------------------------------------

  #allowedEntry(step: EntryStep): EntryStep {
    return rules.allowedEntry(this.config, step);
  }

  #firstStep(first: FirstScreen): Step {
    switch (first) {
      case 'unknown-session':
        return { name: 'session-expired' };
      case 'social-callback':
      case 'working':
        return { name: 'social-callback', connectorId: '' };
      case 'account-suspended':
      case 'not-found':
        return { name: first };
      case 'identifier-sign-in':
      case 'identifier-register': {
        // Only the asked types the tenant allows; none of them (or none asked) means every one.
        const register = first === 'identifier-register';
        const allowed = register ? this.registerTypes : this.signInTypes;
        const asked = allowed.filter((type) => this.options.identifierTypes?.includes(type));
        const entry = this.#allowedEntry(register ? 'register' : 'sign-in');
        if (entry !== (register ? 'register' : 'sign-in') || allowed.length === 0) return { name: entry };
        return { name: first, types: asked.length > 0 ? asked : allowed };
      }
      default:
        return { name: this.#allowedEntry(first) };
    }
  }

  async #start(event: InteractionEvent, captcha = true): Promise<void> {
    const token = captcha && this.options.captcha ? await this.options.captcha() : undefined;
    await this.client.startInteraction(event, token);
    this.#event = event;
  }

  async #switchEvent(event: InteractionEvent): Promise<void> {
    if (this.#event === event) return;
    await this.client.setInteractionEvent(event);
    this.#event = event;
  }

  async #sendCode(flow: 'SignIn' | 'Register' | 'ForgotPassword', identifier: CodeIdentifierPayload, fresh: boolean): Promise<void> {
    if (fresh) await this.#start(flow);
    const verificationId = await this.client.sendVerificationCode(identifier, flow);
    this.#push({ name: 'verification-code', flow, identifier, verificationId, sentAt: Date.now() });
  }

  /** Creates the account (Register), then finishes. */
  async #registerAndSubmit(verificationId?: string): Promise<void> {
    await this.#withMissingProfile(() => this.client.identify(verificationId ? { verificationId } : {}));
    await this.#submit();
  }

  /** After a missing field was provided: identify again (Register) and submit. */
  async #resume(): Promise<void> {
    if (this.#event !== 'SignIn') {
      await this.#withMissingProfile(() => this.client.identify({}));
    }
    await this.#submit();
  }

  async #submit(): Promise<void> {
    let redirectTo: string | undefined;
    try {
      await this.#withMissingProfile(async () => {
        redirectTo = await this.client.submit();
      });
    } catch (error) {
      if (!(error instanceof ApiError) || !SECURITY_CONDITIONS.test(error.code)) throw error;
      const security = await import('./security.js');
      if (!(await security.followCondition(this.#core, error))) throw error;
      throw new StepChanged();
    }
    if (!redirectTo) throw new ApiError(200, ClientErrorCode.invalidResponse, 'submit returned no redirect');
    // Only http(s) is ever followed; the step the user is on stays, with the error.
    if (!safeHttpUrl(redirectTo)) throw new ApiError(200, ClientErrorCode.unsafeRedirect, 'redirectTo is not an http(s) URL');
    this.#set({ step: { name: 'done', redirectTo } });
  }

  /** Runs `action`; `user.missing_profile` moves to the step that collects the first missing field. */
  async #withMissingProfile(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'user.missing_profile') throw error;
      const parsed = safeParse(missingProfileDataSchema, error.data);
      const field = parsed.success ? parsed.data.missingProfile[0] : undefined;
      if (field === 'username' || field === 'email' || field === 'phone' || field === 'emailOrPhone' || field === 'password') {
        this.#push({ name: 'continue', field });
        throw new StepChanged();
      }
      if (field === 'extraProfile') {
        // Still missing after the fields were sent (the server requires one the page skipped): say so there.
        if (this.#state.step.name === 'extra-profile') throw new ApiError(error.status, 'client.profile_incomplete', error.message);
        this.#push({ name: 'extra-profile' });
        throw new StepChanged();
      }
      throw new ApiError(error.status, 'client.unsupported_profile', error.message, error.data);
    }
  }

  #push(step: Step): void {
    const current = this.#state.step;
    if (current.name !== 'done' && current.name !== 'session-expired') this.#history.push(current);
    this.#set({ step, error: undefined, notice: undefined });
  }

  #replace(step: Step): void {
    this.#set({ step, error: undefined, notice: undefined });
  }

  async #run(action: () => Promise<void> | void): Promise<void> {
    if (this.#state.busy) return;
    this.#set({ busy: true, error: undefined, notice: undefined });
    try {
      await action();
      this.#set({ busy: false });
    } catch (error) {
      if (error instanceof StepChanged) {
        this.#set({ busy: false });
        return;
      }
      this.#set({ busy: false, ...this.#handleError(error) });
    }
  }

  #handleError(error: unknown): Partial<FlowState> {
    const apiError = error instanceof ApiError ? error : new ApiError(0, ClientErrorCode.unknown, String(error));
    const { code } = apiError;
    if (SESSION_GONE.has(code)) {
      this.#history.length = 0;
      return { step: { name: 'session-expired' } };
    }
    if (code === 'user.new_password_required_in_profile') return { step: { name: 'reset-password' } };
    if (code === 'user.suspended') {
      this.#history.length = 0;
      return { step: { name: 'account-suspended' } };
    }
    const step = this.#state.step.name;
    if (step === 'social-callback' || step === 'leaving') {
      // Back to the start, with the reason on top of the sign-in form.
      this.#history.length = 0;
      return {
        step: { name: this.#allowedEntry('sign-in') },
        error: { code, target: 'form', serverMessage: apiError.message, data: apiError.data },
      };
    }
    let target: ErrorTarget = 'form';
    if ((CODE_ERRORS.test(code) && (step === 'verification-code' || step === 'mfa-verify')) || MFA_CODE_ERRORS.test(code)) {
      target = 'code';
    } else if (PASSWORD_ERRORS.has(code)) target = (step === 'sign-in' || step === 'identifier-sign-in') && code !== 'session.invalid_credentials' ? 'form' : 'password';
    else if (IDENTIFIER_ERRORS.test(code) && step !== 'verification-code') target = 'identifier';
    else if (PROFILE_ERRORS.test(code) && step === 'extra-profile') target = 'profile';
    return {
      error: {
        code,
        target,
        serverMessage: apiError.message,
        data: apiError.data,
        retryAfter: apiError.retryAfter,
      },
    };
  }

  #set(patch: Partial<FlowState>): void {
    const previous = this.#state;
    this.#state = { ...previous, ...patch, depth: this.#history.length };
    for (const listener of this.#listeners) listener(this.#state, previous);
  }
}

/** Thrown inside an action when it moved to another step on purpose (a missing-profile step). */
class StepChanged extends Error {}

export function isCodeIdentifier(identifier: IdentifierPayload): identifier is CodeIdentifierPayload {
  return identifier.type === 'email' || identifier.type === 'phone';
}
