/**
 * The journeys after the first screen: sign-up, verification codes, the cross-over offers,
 * password reset, missing profile, and social sign-in. `SignInFlow` loads this module when one of
 * them starts, so the first screen does not wait for it; each function runs inside the flow's
 * busy/error handling and changes steps through `FlowCore`.
 */
import type { ExperienceClient } from '../api/client.js';
import { ApiError, ClientErrorCode } from '../api/errors.js';
import type { CodeIdentifierPayload, IdentifierPayload, InteractionEvent, SignInExperience } from '../api/schemas.js';
import { identityNotExistDataSchema } from '../api/experience-schemas.js';
import { safeParse } from '../api/zod.js';
import { laterSettings } from '../api/later-settings.js';
import { safeHttpUrl } from '../internal/urls.js';
import type { ContinueField, FlowOptions, FlowState, SignInFlow, Step } from './sign-in-flow.js';
import { isCodeIdentifier } from './sign-in-flow.js';
import { embeddedUri, randomState, saveAttempt, takeAttempt } from './social.js';

type StepOf<N extends Step['name']> = Extract<Step, { name: N }>;

/** What the journeys may read and do inside `SignInFlow`. */
export interface FlowCore {
  readonly flow: SignInFlow;
  readonly client: ExperienceClient;
  readonly config: SignInExperience;
  readonly options: FlowOptions;
  readonly state: FlowState;
  /** The interaction event the server holds. */
  event: InteractionEvent | undefined;
  clearHistory(): void;
  set(patch: Partial<FlowState>): void;
  push(step: Step): void;
  replace(step: Step): void;
  /** `PUT /api/experience`, with a CAPTCHA token when the tenant asks for one (unless `captcha` is false). */
  start(event: InteractionEvent, captcha?: boolean): Promise<void>;
  switchEvent(event: InteractionEvent): Promise<void>;
  sendCode(flow: 'SignIn' | 'Register' | 'ForgotPassword', identifier: CodeIdentifierPayload, fresh: boolean): Promise<void>;
  submit(): Promise<void>;
  resume(): Promise<void>;
  registerAndSubmit(verificationId?: string): Promise<void>;
}

// ----- register --------------------------------------------------------------------------------

export async function register(core: FlowCore, identifier: IdentifierPayload): Promise<void> {
  if (identifier.type === 'username') {
    await core.start('Register');
    await core.client.updateProfile({ type: 'username', value: identifier.value });
    if (core.config.signUp.password) {
      core.push({ name: 'register-password', username: identifier.value });
      return;
    }
    await core.registerAndSubmit();
    return;
  }
  if (!isCodeIdentifier(identifier)) return;
  await core.sendCode('Register', identifier, true);
}

export async function setRegisterPassword(core: FlowCore, password: string): Promise<void> {
  await core.client.updateProfile({ type: 'password', value: password });
  await core.registerAndSubmit();
}

// ----- verification codes ----------------------------------------------------------------------

export async function submitCode(core: FlowCore, step: StepOf<'verification-code'>, code: string): Promise<void> {
  const verificationId = await core.client.verifyVerificationCode(step.identifier, step.verificationId, code);
  switch (step.flow) {
    case 'SignIn':
      return identifyCodeSignIn(core, step.identifier, verificationId);
    case 'Register':
      return identifyCodeRegister(core, step.identifier, verificationId);
    case 'ForgotPassword':
      await core.client.identify({ verificationId });
      core.replace({ name: 'reset-password' });
      return;
    case 'Continue':
      await core.client.updateProfile({ type: step.identifier.type, verificationId });
      return core.resume();
  }
}

export async function resendCode(core: FlowCore, step: StepOf<'verification-code'>): Promise<void> {
  const event = step.flow === 'Continue' ? (core.event ?? 'Register') : step.flow;
  const verificationId = await core.client.sendVerificationCode(step.identifier, event);
  core.set({ step: { ...step, verificationId, sentAt: Date.now() }, notice: 'code-sent' });
}

async function identifyCodeSignIn(core: FlowCore, identifier: CodeIdentifierPayload, verificationId: string): Promise<void> {
  try {
    await core.client.identify({ verificationId });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'user.user_not_exist' && core.flow.canRegisterWith(identifier.type)) {
      core.replace({ name: 'confirm-register', identifier, verificationId });
      return;
    }
    throw error;
  }
  await core.submit();
}

async function identifyCodeRegister(core: FlowCore, identifier: CodeIdentifierPayload, verificationId: string): Promise<void> {
  try {
    await core.registerAndSubmit(verificationId);
  } catch (error) {
    const taken = `user.${identifier.type}_already_in_use`;
    if (error instanceof ApiError && error.code === taken && core.flow.canSignInWithCode(identifier.type)) {
      core.replace({ name: 'confirm-sign-in', identifier, verificationId });
      return;
    }
    throw error;
  }
}

/** Confirms the offer made after a cross-over (create the account / sign in instead). */
export async function confirm(core: FlowCore, step: StepOf<'confirm-register'> | StepOf<'confirm-sign-in'>): Promise<void> {
  if (step.name === 'confirm-register') {
    await core.switchEvent('Register');
    await core.registerAndSubmit(step.verificationId);
    return;
  }
  await core.switchEvent('SignIn');
  await core.client.identify({ verificationId: step.verificationId });
  await core.submit();
}

// ----- forgot password -------------------------------------------------------------------------

export async function resetPassword(core: FlowCore, password: string): Promise<void> {
  await core.client.resetPassword(password);
  await core.client.submit();
  core.event = undefined;
  core.clearHistory();
  core.set({ step: { name: 'sign-in' }, notice: 'password-reset' });
}

// ----- missing profile -------------------------------------------------------------------------

export async function fulfil(core: FlowCore, field: ContinueField, value: string | IdentifierPayload): Promise<void> {
  if (field === 'username' && typeof value === 'string') {
    await core.client.updateProfile({ type: 'username', value });
    return core.resume();
  }
  if (field === 'password' && typeof value === 'string') {
    await core.client.updateProfile({ type: 'password', value });
    return core.resume();
  }
  if (typeof value !== 'string' && isCodeIdentifier(value)) {
    const event = core.event === 'SignIn' ? 'SignIn' : 'Register';
    const verificationId = await core.client.sendVerificationCode(value, event);
    core.push({ name: 'verification-code', flow: 'Continue', identifier: value, verificationId, sentAt: Date.now() });
  }
}

// ----- social ----------------------------------------------------------------------------------

type Connector = SignInExperience['socialConnectors'][number];

export async function startSocial(core: FlowCore, connector: Connector, embed: boolean): Promise<void> {
  // Logto skips the CAPTCHA for social sign-in.
  await core.start('SignIn', false);
  const state = randomState();
  const origin = core.options.origin ?? globalThis.location?.origin ?? '';
  const redirectUri = `${origin}/callback/${encodeURIComponent(connector.id)}`;
  const { authorizationUri, verificationId } = await core.client.getSocialAuthorizationUri(connector.id, {
    state,
    redirectUri,
  });
  if (!safeHttpUrl(authorizationUri)) {
    throw new ApiError(200, ClientErrorCode.unsafeRedirect, 'The provider address is not an http(s) URL.');
  }
  saveAttempt({
    state,
    connectorId: connector.id,
    verificationId,
    redirectUri,
    appId: core.client.appId,
    organizationId: core.client.organizationId,
  });
  const frameUri = embed ? embeddedUri(connector, authorizationUri) : undefined;
  if (frameUri) {
    const step: Step = { name: 'social-panel', connectorId: connector.id, authorizationUri, frameUri, startedAt: Date.now() };
    if (core.state.step.name === 'social-panel') core.replace(step);
    else core.push(step);
  } else {
    core.set({ step: { name: 'leaving', url: authorizationUri } });
  }
}

export async function completeSocial(core: FlowCore, connectorId: string, params: Record<string, string>): Promise<void> {
  const { state, ...rest } = params;
  const { attempt, problem } = takeAttempt(connectorId, state);
  if (!attempt) throw new ApiError(0, `social.${problem ?? 'state_missing'}`, 'The sign-in could not be verified.');
  if (attempt.sso) return (await import('./enterprise.js')).completeSso(core, attempt, params);
  if (!rest.code && (rest.error || rest.error_description)) {
    const cancelled = /access_denied|cancel/i.test(`${rest.error ?? ''} ${rest.error_description ?? ''}`);
    throw new ApiError(0, cancelled ? 'social.cancelled' : 'social.provider_error', rest.error_description ?? rest.error ?? '');
  }
  const verificationId = await core.client.verifySocial(connectorId, {
    connectorData: { ...rest, redirectUri: attempt.redirectUri },
    verificationId: attempt.verificationId,
  });
  core.event = 'SignIn';
  try {
    await core.client.identify({ verificationId });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'user.identity_not_exist') throw error;
    const related = safeParse(identityNotExistDataSchema, error.data ?? {});
    const relatedUser = related.success ? related.data.relatedUser : undefined;
    if (relatedUser && laterSettings(core.config).socialSignIn?.automaticAccountLinking) return linkSocial(core, verificationId);
    if (relatedUser) {
      core.replace({ name: 'social-link', connectorId, relatedUser, verificationId });
      return;
    }
    if (!core.flow.canRegisterAny) throw new ApiError(404, 'social.no_account', error.message);
    await core.switchEvent('Register');
    return core.registerAndSubmit(verificationId);
  }
  await core.submit();
}

/** Attaches the social account to the existing one the server suggested, and signs in. */
export async function linkSocial(core: FlowCore, verificationId: string): Promise<void> {
  await core.switchEvent('SignIn');
  await core.client.identify({ verificationId, linkSocialIdentity: true });
  await core.submit();
}

/** Creates a new account from the social profile instead of linking. */
export async function registerSocial(core: FlowCore, verificationId: string): Promise<void> {
  await core.switchEvent('Register');
  await core.registerAndSubmit(verificationId);
}
