/**
 * zod schemas of the Experience API bodies the kit reads after the first screen (verifications,
 * interaction state, profile, error data). Apart from schemas.ts, so that the first screen's file
 * carries only the config and error-envelope schemas.
 */
import * as z from './zod.js';

import { map, nonEmpty, type SignInIdentifier } from './schemas.js';

// ---------------------------------------------------------------------------------------------
// GET /api/.well-known/phrases
// ---------------------------------------------------------------------------------------------

/** Logto's own UI phrase bundle. The kit ships its own strings; this is read only for tenant overrides. */
export const phrasesSchema = z.object({
  translation: map(z.unknown()),
  /** Present when the tenant customised phrases for the language (its custom-phrase row's tag). */
  languageTag: z.optional(z.string()),
});
export type Phrases = z.infer<typeof phrasesSchema>;

// ---------------------------------------------------------------------------------------------
// Experience API bodies
// ---------------------------------------------------------------------------------------------

export const verificationIdResponseSchema = z.object({
  verificationId: nonEmpty(),
});

export const socialAuthorizationResponseSchema = z.object({
  authorizationUri: nonEmpty(),
  verificationId: nonEmpty(),
});

export const submitResponseSchema = z.object({
  redirectTo: nonEmpty(),
});

/** The journey an interaction is on, as the interaction's state reports it. */
export const interactionEventSchema = z.enum(['SignIn', 'Register', 'ForgotPassword']);
export type InteractionEvent = z.infer<typeof interactionEventSchema>;

export const interactionStateSchema = z.object({
  interactionEvent: interactionEventSchema,
  userId: z.optional(z.string()),
  profile: z.optional(map(z.unknown())),
  verificationRecords: z.optional(
    z.array(z.object({ id: z.string(), type: z.string() })),
  ),
});
export type InteractionState = z.infer<typeof interactionStateSchema>;

// Bodies the kit sends: plain types (nothing to parse).

export interface IdentifierPayload {
  type: SignInIdentifier;
  value: string;
}

/** Identifiers that can receive a verification code. */
export type CodeIdentifierPayload = IdentifierPayload & { type: 'email' | 'phone' };

/** `POST /api/experience/profile`. */
export type ProfilePayload =
  | { type: 'username' | 'password'; value: string }
  | { type: 'email' | 'phone' | 'social'; verificationId: string }
  /** The tenant's custom profile fields (and built-in ones such as name or address), by field name. */
  | { type: 'extraProfile'; values: Record<string, unknown> };

export type MissingProfileField = 'username' | 'email' | 'phone' | 'password' | 'emailOrPhone' | 'extraProfile';

/** `data` of `user.missing_profile`. */
export const missingProfileDataSchema = z.object({
  missingProfile: z.array(z.string()),
});

/** `data` of `password.rejected`: one issue per broken rule. */
export const passwordIssuesSchema = z.array(
  z.object({
    code: z.string(),
    interpolation: z.optional(map(z.unknown())),
  }),
);
export type PasswordIssue = z.infer<typeof passwordIssuesSchema>[number];

/** `data` of `user.identity_not_exist`: an existing account with the social profile's email or phone. */
export const identityNotExistDataSchema = z.object({
  relatedUser: z.optional(
    z.object({ type: z.enum(['email', 'phone']), value: z.string() }),
  ),
});
