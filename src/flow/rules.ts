/**
 * What a tenant's sign-in-experience config allows, as plain functions of the config. The first
 * screen reads them before the flow has loaded; `SignInFlow` answers with the same functions.
 */
import type { SignInExperience, SignInIdentifier } from '../api/schemas.js';

export type EntryStep = 'sign-in' | 'register' | 'forgot-password' | 'single-sign-on';

/** Sign-in methods that can be used at all (a password or a code). */
const usableMethods = (config: SignInExperience) =>
  config.signIn.methods.filter((method) => method.password || method.verificationCode);

/** Identifier types the sign-in form accepts, in the tenant's order. */
export function signInTypes(config: SignInExperience): SignInIdentifier[] {
  return canSignIn(config) ? usableMethods(config).map((method) => method.identifier) : [];
}

/** True when every sign-in method is password-only: identifier and password on one screen. */
export function passwordOnly(config: SignInExperience): boolean {
  const methods = usableMethods(config);
  return methods.length > 0 && methods.every((method) => method.password && !method.verificationCode);
}

export function canSignIn(config: SignInExperience): boolean {
  return config.signInMode !== 'Register';
}

export function canRegister(config: SignInExperience): boolean {
  return config.signInMode !== 'SignIn' && config.signUp.identifiers.length > 0;
}

/** Single sign-on is on (its connectors are checked when the SSO steps load). */
export function ssoEnabled(config: SignInExperience): boolean {
  return (config as { singleSignOnEnabled?: unknown }).singleSignOnEnabled === true;
}

/** Identifier types that can receive a password-reset code. */
export function resetTypes(config: SignInExperience): ('email' | 'phone')[] {
  const types: ('email' | 'phone')[] = [];
  if (config.forgotPassword.email) types.push('email');
  if (config.forgotPassword.phone) types.push('phone');
  return types;
}

/** The entry step actually shown when `step` is asked for (a tenant may not offer it). */
export function allowedEntry(config: SignInExperience, step: EntryStep): EntryStep {
  if (step === 'register' && !canRegister(config) && canSignIn(config)) return 'sign-in';
  if (step === 'sign-in' && !canSignIn(config) && canRegister(config)) return 'register';
  if (step === 'forgot-password' && resetTypes(config).length === 0) return 'sign-in';
  if (step === 'single-sign-on' && !ssoEnabled(config)) return allowedEntry(config, 'sign-in');
  return step;
}
