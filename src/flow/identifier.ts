/** Identifier rules shared by every form: what the user typed, and what the server expects. */
import type { IdentifierPayload, SignInExperience, SignInIdentifier } from '../api/schemas.js';

export const USERNAME_PATTERN = /^[A-Z_a-z]\w*$/;
export const EMAIL_PATTERN = /^\S+@\S+\.\S+$/;

/** The identifier types the sign-in form accepts, in the tenant's order, usable methods only. */
export function signInIdentifierTypes(config: SignInExperience): SignInIdentifier[] {
  return config.signIn.methods
    .filter((method) => method.password || method.verificationCode)
    .map((method) => method.identifier);
}

/**
 * What a typed value most likely is, among the enabled types: `@` means email, three or more
 * digits (optionally with `+`, spaces, dashes, brackets) mean phone, anything else is a username.
 */
export function detectIdentifierType(
  value: string,
  enabled: readonly SignInIdentifier[],
): SignInIdentifier | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const digits = trimmed.replace(/[\s()+-]/g, '');
  if (enabled.includes('phone') && /^\d{3,}$/.test(digits) && /^[\d\s()+-]+$/.test(trimmed)) return 'phone';
  if (trimmed.includes('@')) return enabled.includes('email') ? 'email' : enabled[0];
  if (enabled.includes('username')) return 'username';
  return enabled.includes('email') ? 'email' : enabled[0];
}

export type IdentifierProblem = 'required' | 'invalid_email' | 'invalid_phone' | 'invalid_username';

/** Validates a value for a type; phone values are expected as digits with the country code. */
export function identifierProblem(type: SignInIdentifier, value: string): IdentifierProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'required';
  if (type === 'email') return EMAIL_PATTERN.test(trimmed) ? undefined : 'invalid_email';
  if (type === 'phone') return /^\d{6,15}$/.test(trimmed.replace(/\D/g, '')) ? undefined : 'invalid_phone';
  return USERNAME_PATTERN.test(trimmed) ? undefined : 'invalid_username';
}

/** The body value the server expects: trimmed, and phone numbers as bare digits. */
export function toIdentifierPayload(type: SignInIdentifier, value: string): IdentifierPayload {
  const trimmed = value.trim();
  return { type, value: type === 'phone' ? trimmed.replace(/\D/g, '') : trimmed };
}
