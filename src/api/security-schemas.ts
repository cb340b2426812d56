/**
 * zod schemas of the Experience API bodies of the security steps (second factors, passkeys). A
 * module of their own, so that they travel with the API client after the first screen rather
 * than in the first screen's file with the config schema.
 */
import type { $ZodLooseShape } from 'zod/v4/core';

import * as z from './zod.js';

import { nonEmpty, optionalBoolean, type SignInExperience } from './schemas.js';

/** The second factors Logto knows; a newer server may name others, which the kit leaves out. */
export const MFA_FACTORS = ['Totp', 'WebAuthn', 'BackupCode', 'EmailVerificationCode', 'PhoneVerificationCode'] as const;
export type MfaFactor = (typeof MFA_FACTORS)[number];

/** `POST …/totp/secret`: a new secret, and the same as a QR code (a `data:` PNG of the otpauth URI). */
export const totpSecretResponseSchema = z.object({
  verificationId: nonEmpty(),
  secret: nonEmpty(),
  secretQrCode: z.string(),
});

/** `POST …/backup-code/generate`. */
export const backupCodesResponseSchema = z.object({
  verificationId: nonEmpty(),
  codes: z.array(nonEmpty()),
});

/** An object whose other fields are kept as sent (the same check as `z.looseObject`, with the helpers the config already needs). */
const loose = <T extends $ZodLooseShape>(shape: T) => z.catchall(z.object(shape), z.unknown());

/**
 * WebAuthn options as JSON (base64url strings), as Logto and `@simplewebauthn/browser` exchange
 * them. Only what the browser cannot do without is checked; every other option is kept as sent.
 */
const registrationOptions = loose({
  challenge: nonEmpty(),
  rp: loose({ name: z.string() }),
  user: loose({ id: nonEmpty(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(loose({ type: z.string() })),
});
const authenticationOptions = loose({ challenge: nonEmpty() });

export const webAuthnRegistrationResponseSchema = z.object({ verificationId: nonEmpty(), registrationOptions });
export const webAuthnAuthenticationResponseSchema = z.object({ verificationId: nonEmpty(), authenticationOptions });
/** The passkey preflight answers before an interaction exists, so without a verification id. */
export const passkeyPreflightResponseSchema = z.object({ authenticationOptions });

/**
 * `data` of `session.mfa.require_mfa_verification`, `user.missing_mfa` and
 * `session.mfa.suggest_additional_mfa`: the factors to offer, most relevant first.
 */
export const mfaErrorDataSchema = z.object({
  availableFactors: z.array(z.string()),
  skippable: optionalBoolean,
  suggestion: optionalBoolean,
  maskedIdentifiers: z.optional(
    z.object({ EmailVerificationCode: z.optional(z.string()), PhoneVerificationCode: z.optional(z.string()) }),
  ),
});


/** The sign-in-experience fields of the security features, read after the first screen. */
const securityFields = {
  /** Passkey sign-in (Logto 1.38+): a button, and passkeys offered in the identifier's autofill. */
  passkeySignIn: z.object({ enabled: optionalBoolean, showPasskeyButton: optionalBoolean, allowAutofill: optionalBoolean }),
  captchaPolicy: z.object({ enabled: optionalBoolean }),
  /** Present when the tenant configured a CAPTCHA provider (Logto 1.27+). */
  captchaConfig: z.object({
    /** `Turnstile` or `RecaptchaEnterprise`; another provider counts as no CAPTCHA the kit can run. */
    type: z.string(),
    siteKey: nonEmpty(),
    domain: z.optional(z.string()),
    /** reCAPTCHA Enterprise: `invisible` (default) or `checkbox`. */
    mode: z.optional(z.string()),
  }),
};

export interface SecuritySettings {
  passkeySignIn?: z.infer<typeof securityFields.passkeySignIn>;
  captchaPolicy?: z.infer<typeof securityFields.captchaPolicy>;
  captchaConfig?: CaptchaConfig;
}
export type CaptchaConfig = z.infer<typeof securityFields.captchaConfig> & { type: 'Turnstile' | 'RecaptchaEnterprise' };

/** Whether the provider shows a widget (Turnstile, reCAPTCHA in checkbox mode) or runs unseen. */
export function captchaHasWidget(config: CaptchaConfig): boolean {
  return config.type === 'Turnstile' || config.mode === 'checkbox';
}

/**
 * The tenant's CAPTCHA and passkey settings, each checked on its own: a block that is missing,
 * `null` or malformed counts as absent (the server still enforces its CAPTCHA, and the kit then
 * says the check is required).
 */
export function securitySettings(config: SignInExperience): SecuritySettings {
  const read = <K extends keyof typeof securityFields>(key: K) => {
    const parsed = z.safeParse(securityFields[key], (config as Record<string, unknown>)[key]);
    return parsed.success ? (parsed.data as z.infer<(typeof securityFields)[K]>) : undefined;
  };
  const captcha = read('captchaConfig');
  const known = captcha?.type === 'Turnstile' || captcha?.type === 'RecaptchaEnterprise';
  return {
    passkeySignIn: read('passkeySignIn'),
    captchaPolicy: read('captchaPolicy'),
    captchaConfig: known ? (captcha as CaptchaConfig) : undefined,
  };
}
