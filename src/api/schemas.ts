/**
 * zod schemas for every body the kit sends to or receives from Logto's Experience API.
 *
 * The schemas are the source of truth for the types (`z.infer`). They list only the fields the kit
 * reads, and objects are non-strict: a newer server may add or reshape other fields and the kit
 * keeps working; a missing or mistyped field the kit relies on fails parsing, which the client
 * turns into an `ApiError` with code `client.invalid_response`.
 *
 * Like every schema of the kit, these are built from zod's core classes (zod.ts) rather than
 * `zod/mini`: the first screen parses them and must stay within its first-render budget. Neither
 * compiles code with `new Function` (classic zod's object parser does, and probes for it), so they
 * run under a strict Content-Security-Policy as they are.
 */
import type { SomeType } from 'zod/v4/core';

import * as z from './zod.js';

// ---------------------------------------------------------------------------------------------
// Shared enumerations
// ---------------------------------------------------------------------------------------------

export const signInIdentifierSchema = z.enum(['username', 'email', 'phone']);
export type SignInIdentifier = z.infer<typeof signInIdentifierSchema>;

/**
 * A JSON object whose every value matches `value`. The same check as `z.record(z.string(), value)`
 * for a parsed JSON body, without the record type's key machinery on the first screen.
 */
export const map = <T extends SomeType>(value: T) => z.catchall(z.object({}), value);

/** A string with at least one character (a regex check, which the colours below need anyway). */
export const nonEmpty = () => z.string(z.regex(/[\s\S]/));

const hexColor = z.string(z.regex(/^#(?:[\da-f]{3}|[\da-f]{6}|[\da-f]{8})$/i));
export const optionalBoolean = z.optional(z.boolean());

// ---------------------------------------------------------------------------------------------
// GET /api/.well-known/sign-in-exp
// ---------------------------------------------------------------------------------------------

export const signInMethodSchema = z.object({
  identifier: signInIdentifierSchema,
  password: z.boolean(),
  verificationCode: z.boolean(),
  isPasswordPrimary: z.boolean(),
});
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const signUpSchema = z.object({
  identifiers: z.array(signInIdentifierSchema),
  password: z.boolean(),
  verify: optionalBoolean,
  secondaryIdentifiers: z.optional(
    z.array(
      z.object({
        identifier: z.enum(['username', 'email', 'phone', 'emailOrPhone']),
        verify: optionalBoolean,
      }),
    ),
  ),
});
export type SignUp = z.infer<typeof signUpSchema>;

export const socialConnectorSchema = z.object({
  /** The connector instance id: the one every API path uses. */
  id: nonEmpty(),
  target: z.string(),
  /** Display name per language tag; `en` is always present on real servers. */
  name: map(z.string()),
  logo: z.string(),
  logoDark: z.optional(z.nullable(z.string())),
  platform: z.nullable(z.enum(['Native', 'Universal', 'Web'])),
});
export type SocialConnector = z.infer<typeof socialConnectorSchema>;

export const signInExperienceSchema = z.catchall(
  z.object({
  color: z.object({
    primaryColor: hexColor,
    isDarkModeEnabled: z.boolean(),
    darkPrimaryColor: hexColor,
  }),
  branding: z.object({
    logoUrl: z.optional(z.nullable(z.string())),
    darkLogoUrl: z.optional(z.nullable(z.string())),
    favicon: z.optional(z.nullable(z.string())),
  }),
  languageInfo: z.object({
    autoDetect: z.boolean(),
    fallbackLanguage: z.string(),
  }),
  termsOfUseUrl: z.optional(z.nullable(z.string())),
  privacyPolicyUrl: z.optional(z.nullable(z.string())),
  agreeToTermsPolicy: z.optional(z.enum(['Automatic', 'ManualRegistrationOnly', 'Manual'])),
  signIn: z.object({ methods: z.array(signInMethodSchema) }),
  signUp: signUpSchema,
  socialSignInConnectorTargets: z.optional(z.array(z.string())),
  socialConnectors: z.array(socialConnectorSchema),
  signInMode: z.enum(['SignIn', 'Register', 'SignInAndRegister']),
  forgotPassword: z.object({ email: z.boolean(), phone: z.boolean() }),
  customCss: z.optional(z.nullable(z.string())),
  }),
  // Every other field is kept as sent: those only later steps read (the password policy, the
  // support email, social account linking; CAPTCHA, passkeys) are checked by the part of the kit
  // that reads them after the first screen (later-settings.ts, security-schemas.ts).
  z.unknown(),
);
export type SignInExperience = z.infer<typeof signInExperienceSchema>;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * The error envelope. Logto's `RequestError` has `code` + `message` (+ `data`, `details`); OIDC
 * errors add `error` / `error_description`; a few failures (malformed JSON, internal errors) have
 * only `message`.
 */
export const errorBodySchema = z.object({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  data: z.optional(z.unknown()),
  details: z.optional(z.string()),
  error: z.optional(z.string()),
  error_description: z.optional(z.string()),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;


export type {
  CodeIdentifierPayload,
  IdentifierPayload,
  InteractionEvent,
  InteractionState,
  MissingProfileField,
  PasswordIssue,
  Phrases,
  ProfilePayload,
} from './experience-schemas.js';
export type { PasswordPolicyInput } from './later-settings.js';
