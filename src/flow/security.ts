/**
 * The security steps a tenant can turn on: second-factor verification and binding (authenticator
 * app, security key or passkey, backup codes, email or phone code), the optional prompts (turn on
 * 2-step verification, create a passkey) and passkey sign-in. `SignInFlow` loads this module when
 * the server asks for one of them, or when the user picks a passkey; each function runs inside the
 * flow's busy/error handling.
 */
import { ApiError, ClientErrorCode } from '../api/errors.js';
import { MFA_FACTORS, type MfaFactor, mfaErrorDataSchema } from '../api/security-schemas.js';
import { safeParse } from '../api/zod.js';
import type { FlowCore } from './journeys.js';
import type { MfaBinding, Step } from './steps.js';
import { browserSupportsWebAuthn, createCredential, getAssertion } from './webauthn.js';

type StepOf<N extends Step['name']> = Extract<Step, { name: N }>;

/** Factors this kit can verify with, in the server's order. WebAuthn needs a browser that has it. */
function usable(factors: readonly string[], purpose: 'verify' | 'bind'): MfaFactor[] {
  const known = factors.filter((factor): factor is MfaFactor => (MFA_FACTORS as readonly string[]).includes(factor));
  return known.filter((factor) => {
    if (factor === 'WebAuthn') return browserSupportsWebAuthn();
    // Adding an email or phone as a factor needs a form this kit does not have yet; backup codes
    // are only ever added after another factor (the server asks for them itself).
    if (purpose === 'bind') return factor === 'Totp';
    return true;
  });
}

/**
 * Moves to the step the server's condition asks for. Returns false for an answer it cannot
 * follow (no factor this browser can use), so the caller reports it as an error.
 */
export async function followCondition(core: FlowCore, error: ApiError): Promise<boolean> {
  const data = safeParse(mfaErrorDataSchema, error.data ?? {});
  const info = data.success ? data.data : { availableFactors: [] as string[] };
  switch (error.code) {
    case 'session.mfa.require_mfa_verification': {
      const factors = usable(info.availableFactors, 'verify');
      const first = factors[0];
      if (!first) return false;
      await openVerification(core, first, factors, info.maskedIdentifiers);
      return true;
    }
    case 'user.missing_mfa':
    case 'session.mfa.suggest_additional_mfa': {
      const binding: MfaBinding = {
        factors: usable(info.availableFactors, 'bind'),
        skippable: info.skippable === true || error.code === 'session.mfa.suggest_additional_mfa',
        suggestion: error.code === 'session.mfa.suggest_additional_mfa',
      };
      const [only, ...others] = binding.factors;
      if (!only) return false;
      if (others.length > 0) core.push({ name: 'mfa-factors', purpose: 'bind', factors: binding.factors, binding });
      else await startBinding(core, only, binding);
      return true;
    }
    case 'user.suggest_mfa':
      core.push({ name: 'mfa-onboarding' });
      return true;
    case 'session.mfa.backup_code_required': {
      const { verificationId, codes } = await core.client.generateBackupCodes();
      if (codes.length === 0) throw new ApiError(200, ClientErrorCode.invalidResponse, 'No backup codes were generated.');
      core.push({ name: 'backup-codes', verificationId, codes });
      return true;
    }
    case 'user.passkey_preferred':
      if (!browserSupportsWebAuthn()) {
        // Nothing to create a passkey with here: decline for this time and carry on.
        await core.client.markMfa('passkey-skipped');
        await core.submit();
        return true;
      }
      core.push({ name: 'passkey-setup' });
      return true;
    default:
      return false;
  }
}

// ----- verification ------------------------------------------------------------------------------

async function openVerification(
  core: FlowCore,
  factor: MfaFactor,
  factors: MfaFactor[],
  masked?: { EmailVerificationCode?: string; PhoneVerificationCode?: string },
): Promise<void> {
  const step: StepOf<'mfa-verify'> = { name: 'mfa-verify', factor, factors };
  if (factor === 'EmailVerificationCode' || factor === 'PhoneVerificationCode') {
    step.masked = masked?.[factor];
    step.verificationId = await core.client.sendMfaCode(factor === 'EmailVerificationCode' ? 'email' : 'phone');
    step.sentAt = Date.now();
  }
  if (core.state.step.name === 'mfa-verify') core.replace(step);
  else core.push(step);
}

/** Another factor from the list (verification) or the one to add (binding). */
export async function chooseFactor(core: FlowCore, step: StepOf<'mfa-factors'>, factor: MfaFactor): Promise<void> {
  if (step.purpose === 'verify') {
    const masked = step.masked;
    await openVerification(core, factor, step.factors, masked);
    return;
  }
  await startBinding(core, factor, step.binding ?? { factors: step.factors });
}

/** From a verification step: the list of every factor the server offered. */
export function listFactors(core: FlowCore, step: StepOf<'mfa-verify'>): void {
  core.push({ name: 'mfa-factors', purpose: 'verify', factors: step.factors });
}

/** A code typed on a verification step: TOTP, backup code, or the email/phone code. */
export async function verifyCode(core: FlowCore, step: StepOf<'mfa-verify'>, code: string): Promise<void> {
  const { client } = core;
  switch (step.factor) {
    case 'Totp':
      await client.verifyTotp(code);
      break;
    case 'BackupCode':
      await client.verifyBackupCode(code);
      break;
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode':
      if (!step.verificationId) return;
      await client.verifyMfaCode(step.factor === 'EmailVerificationCode' ? 'email' : 'phone', step.verificationId, code);
      break;
    case 'WebAuthn':
      return;
  }
  await core.submit();
}

export async function resendCode(core: FlowCore, step: StepOf<'mfa-verify'>): Promise<void> {
  if (step.factor !== 'EmailVerificationCode' && step.factor !== 'PhoneVerificationCode') return;
  const verificationId = await core.client.sendMfaCode(step.factor === 'EmailVerificationCode' ? 'email' : 'phone');
  core.set({ step: { ...step, verificationId, sentAt: Date.now() }, notice: 'code-sent' });
}

/** The user's security key or passkey, asked for with the server's options. */
export async function verifyWebAuthn(core: FlowCore): Promise<void> {
  const { verificationId, authenticationOptions } = await core.client.createWebAuthnAuthentication();
  const payload = await getAssertion(authenticationOptions);
  await core.client.verifyWebAuthnAuthentication(verificationId, payload);
  await core.submit();
}

// ----- binding -------------------------------------------------------------------------------------

async function startBinding(core: FlowCore, factor: MfaFactor, binding: MfaBinding): Promise<void> {
  if (factor === 'Totp') {
    const { verificationId, secret, secretQrCode } = await core.client.createTotpSecret();
    // Only an image the server made is shown: a `data:` PNG.
    const qrCode = /^data:image\/png;base64,[\w+/=]+$/.test(secretQrCode) ? secretQrCode : '';
    core.push({ name: 'mfa-bind-totp', verificationId, secret, qrCode, binding });
    return;
  }
  if (factor === 'WebAuthn') {
    core.push({ name: 'mfa-bind-webauthn', binding });
  }
}

/** The first code from the newly added authenticator app proves it works; then it is bound. */
export async function confirmTotp(core: FlowCore, step: StepOf<'mfa-bind-totp'>, code: string): Promise<void> {
  const verificationId = await core.client.verifyTotp(code, step.verificationId);
  await core.client.bindMfa('Totp', verificationId);
  await core.submit();
}

export async function bindWebAuthn(core: FlowCore): Promise<void> {
  const { verificationId, registrationOptions } = await core.client.createWebAuthnRegistration();
  const payload = await createCredential(registrationOptions);
  await core.client.verifyWebAuthnRegistration(verificationId, payload);
  await core.client.bindMfa('WebAuthn', verificationId);
  await core.submit();
}

/** The user saved the backup codes: bind them and finish. */
export async function confirmBackupCodes(core: FlowCore, step: StepOf<'backup-codes'>): Promise<void> {
  await core.client.bindMfa('BackupCode', step.verificationId);
  await core.submit();
}

/** Declines what the current step offers: a factor, 2-step verification, or a passkey. */
export async function skip(core: FlowCore): Promise<void> {
  const step = core.state.step;
  if (step.name === 'passkey-setup') await core.client.markMfa('passkey-skipped');
  else if (step.name === 'mfa-onboarding') await core.client.markMfa('mfa-skipped');
  else {
    const binding = 'binding' in step ? step.binding : undefined;
    if (!binding?.skippable) return;
    await core.client.markMfa(binding.suggestion ? 'mfa-suggestion-skipped' : 'mfa-skipped');
  }
  await core.submit();
}

/** "Turn on 2-step verification": the server then asks which factor to add. */
export async function enableMfa(core: FlowCore): Promise<void> {
  await core.client.markMfa('mfa-enabled');
  await core.submit();
}

// ----- passkeys -----------------------------------------------------------------------------------

/** Creates a passkey for this account (the server suggested it after sign-in or sign-up). */
export async function createPasskey(core: FlowCore): Promise<void> {
  const { verificationId, registrationOptions } = await core.client.createWebAuthnRegistration();
  const payload = await createCredential(registrationOptions);
  await core.client.verifyWebAuthnRegistration(verificationId, payload);
  await core.client.bindPasskey(verificationId);
  await core.submit();
}

/**
 * Signs in with a passkey of this site: the options come before any interaction exists; the
 * interaction starts once the browser returns the assertion (without a CAPTCHA: Logto skips it).
 * `assertion` lets an autofill request that is already waiting supply it.
 */
export async function signInWithPasskey(
  core: FlowCore,
  assertion?: Awaited<ReturnType<typeof getAssertion>>,
): Promise<void> {
  let payload = assertion;
  if (!payload) {
    const { authenticationOptions } = await core.client.createPasskeyPreflight();
    payload = await getAssertion(authenticationOptions);
  }
  await core.start('SignIn', false);
  const verificationId = await core.client.verifyPasskey(payload);
  await core.client.identify({ verificationId });
  await core.submit();
}

/** Asks the browser to offer passkeys in the identifier's autofill; resolves once one is picked. */
export async function waitForAutofillPasskey(core: FlowCore) {
  const { authenticationOptions } = await core.client.createPasskeyPreflight();
  return getAssertion(authenticationOptions, true);
}
