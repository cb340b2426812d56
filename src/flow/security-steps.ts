/**
 * Which steps are the security ones (second factors, passkeys). Only the parts of the form that
 * load after the first screen (the controller and the step views) ask, so this stays out of it.
 */
import type { SecurityStep, Step, StepName } from './steps.js';

const SECURITY_STEP_NAMES: ReadonlySet<StepName> = new Set([
  'mfa-verify',
  'mfa-factors',
  'mfa-bind-totp',
  'mfa-bind-webauthn',
  'backup-codes',
  'mfa-onboarding',
  'passkey-setup',
]);

/** The second-factor and passkey steps (their templates load only when one is reached). */
export function isSecurityStep(step: Step): step is SecurityStep {
  return SECURITY_STEP_NAMES.has(step.name);
}
