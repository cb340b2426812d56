/**
 * The journeys a tenant gets with its enterprise features: single sign-on by email domain, magic
 * links (one-time tokens), the switch-account question, direct sign-in links and the tenant's own
 * profile fields. `SignInFlow` loads this module when one of them starts; each function runs
 * inside the flow's busy/error handling and changes steps through `FlowCore`.
 */
import { ApiError, ClientErrorCode } from '../api/errors.js';
import { ssoEnabledDataSchema, ssoSettings } from '../api/enterprise-schemas.js';
import { safeParse } from '../api/zod.js';
import { safeHttpUrl } from '../internal/urls.js';
import type { FlowCore } from './journeys.js';
import { allowedEntry, type EntryStep } from './rules.js';
import { randomState, saveAttempt, type SocialAttempt } from './social.js';

/** Codes of a magic link that cannot be used: each gets its own screen rather than an error line. */
const LINK_PROBLEMS = /^one_time_token\./;

/**
 * The identity providers that serve this email's domain, among the tenant's SSO connectors. With
 * `required` (the single sign-on screen), a domain without one is an error; otherwise (an email
 * typed into the sign-in form) it just means "sign in as usual", and so does a failed lookup.
 */
export async function ssoForEmail(core: FlowCore, email: string, required: boolean): Promise<boolean> {
  const { connectors } = ssoSettings(core.config);
  let ids: string[];
  try {
    ids = await core.client.getSsoConnectorIds(email);
  } catch (error) {
    if (required) throw error;
    return false;
  }
  const known = connectors.filter((connector) => ids.includes(connector.id)).map((connector) => connector.id);
  if (known.length === 0) {
    if (required) throw new ApiError(0, 'sso.not_enabled', 'No single sign-on for this email domain.');
    return false;
  }
  await offerSso(core, email, known);
  return true;
}

/** After `session.sso_enabled`: the email must use its organization's identity provider. */
export async function ssoFromError(core: FlowCore, email: string, data: unknown): Promise<boolean> {
  const parsed = safeParse(ssoEnabledDataSchema, data);
  const { connectors } = ssoSettings(core.config);
  const ids = parsed.success ? parsed.data.ssoConnectors.map((item) => item.id) : [];
  const known = connectors.filter((connector) => ids.includes(connector.id)).map((connector) => connector.id);
  if (known.length === 0) return false;
  await offerSso(core, email, known);
  return true;
}

async function offerSso(core: FlowCore, email: string, connectorIds: string[]): Promise<void> {
  if (connectorIds.length === 1) return startSso(core, connectorIds[0]!);
  core.push({ name: 'sso-connectors', email, connectorIds });
}

/** Leaves for the identity provider, with a fresh `state` kept for the callback (like social sign-in). */
export async function startSso(core: FlowCore, connectorId: string): Promise<void> {
  // Logto asks no CAPTCHA for single sign-on, as for social sign-in.
  await core.start('SignIn', false);
  const state = randomState();
  const origin = core.options.origin ?? globalThis.location?.origin ?? '';
  const redirectUri = `${origin}/callback/${encodeURIComponent(connectorId)}`;
  const { authorizationUri, verificationId } = await core.client.getSsoAuthorizationUri(connectorId, { state, redirectUri });
  if (!safeHttpUrl(authorizationUri)) {
    throw new ApiError(200, ClientErrorCode.unsafeRedirect, 'The identity provider address is not an http(s) URL.');
  }
  saveAttempt({
    state,
    connectorId,
    verificationId,
    redirectUri,
    appId: core.client.appId,
    organizationId: core.client.organizationId,
    sso: true,
  });
  core.set({ step: { name: 'leaving', url: authorizationUri } });
}

/** Back from the identity provider (the `state` was checked by the caller): verify, identify, submit. */
export async function completeSso(core: FlowCore, attempt: SocialAttempt, params: Record<string, string>): Promise<void> {
  if (!params.code && (params.error || params.error_description)) {
    const cancelled = /access_denied|cancel/i.test(`${params.error ?? ''} ${params.error_description ?? ''}`);
    throw new ApiError(0, cancelled ? 'social.cancelled' : 'social.provider_error', params.error_description ?? params.error ?? '');
  }
  // Logto passes every callback parameter (state included) and the same redirect URI to the provider.
  const verificationId = await core.client.verifySso(attempt.connectorId, {
    connectorData: { ...params, redirectUri: attempt.redirectUri },
    verificationId: attempt.verificationId,
  });
  core.event = 'SignIn';
  try {
    await core.client.identify({ verificationId });
  } catch (error) {
    // A first sign-in through this provider creates the account, unless the tenant only signs people in.
    if (!(error instanceof ApiError) || error.code !== 'user.sso_identity_not_exist' || !core.flow.canRegisterAny) throw error;
    await core.switchEvent('Register');
    return core.registerAndSubmit(verificationId);
  }
  await core.submit();
}

/** `/direct/social/<target>` and `/direct/sso/<connectorId>`: start that way in at once, or show `fallback`. */
export async function startDirect(core: FlowCore, method: string, target: string, fallback: EntryStep): Promise<void> {
  if (method === 'sso' && ssoSettings(core.config).connectors.some((connector) => connector.id === target)) {
    return startSso(core, target);
  }
  if (method === 'social') {
    const connector = core.config.socialConnectors.find((item) => item.target === target || item.id === target);
    if (connector) return (await import('./journeys.js')).startSocial(core, connector, false);
  }
  core.clearHistory();
  core.replace({ name: allowedEntry(core.config, fallback) });
}

/**
 * A magic link: verify the token for its email, then sign in; an email without an account
 * registers (after the terms, when the tenant wants them ticked). A link that cannot be used gets
 * its own screen.
 */
export async function signInWithOneTimeToken(core: FlowCore, token: string, email: string): Promise<void> {
  if (!token || !email) {
    core.replace({ name: 'link-problem', code: 'one_time_token.incomplete' });
    return;
  }
  await core.start('SignIn', false);
  let verificationId: string;
  try {
    verificationId = await core.client.verifyOneTimeToken(token, email);
  } catch (error) {
    if (error instanceof ApiError && LINK_PROBLEMS.test(error.code)) {
      core.replace({ name: 'link-problem', code: error.code });
      return;
    }
    throw error;
  }
  try {
    await core.client.identify({ verificationId });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'user.user_not_exist' || !core.flow.canRegisterAny) throw error;
    const identifier = { type: 'email' as const, value: email };
    if (core.config.agreeToTermsPolicy === 'Manual' || core.config.agreeToTermsPolicy === 'ManualRegistrationOnly') {
      // The new account needs the terms ticked: the usual "create a new account?" question asks.
      core.replace({ name: 'confirm-register', identifier, verificationId });
      return;
    }
    await core.switchEvent('Register');
    return core.registerAndSubmit(verificationId);
  }
  await core.submit();
}

/**
 * A magic link opened where another account is signed in: show who is signed in and let the user
 * continue as the link's email. When the browser holds no other account, the link is used at once.
 */
export async function offerSwitchAccount(core: FlowCore, token: string, email: string): Promise<void> {
  let account;
  try {
    account = await core.client.getSessionAccount();
  } catch {
    return signInWithOneTimeToken(core, token, email);
  }
  core.replace({ name: 'switch-account', account, token, email });
}

/** The tenant's profile fields (already checked in the browser), then on to the account. */
export async function submitExtraProfile(core: FlowCore, values: Record<string, unknown>): Promise<void> {
  await core.client.updateProfile({ type: 'extraProfile', values });
  await core.resume();
}
