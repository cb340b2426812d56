/**
 * Third-party apps and organizations in the emulator's tenant file (and in `POST /__emulator/apps`):
 * what Logto's Console and Management API set up before a third-party app can ask a user for
 * consent. Only the schemas and types live here; the consent routes are in consent.ts.
 */
import { z } from 'zod/mini';

const scopeSchema = z.object({
  name: z.string().check(z.minLength(1)),
  /** What the consent page shows; Logto's scope descriptions are nullable. */
  description: z.optional(z.nullable(z.string())),
});

/** An API resource the app may ask scopes of (`resource=<indicator>` on `/oidc/auth`). */
const resourceSchema = z.object({
  indicator: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  scopes: z.array(scopeSchema),
});

/**
 * A third-party app (`isThirdParty` in Logto): its name and app-level branding (logo, terms and
 * privacy links), and the "user consent scopes" an admin enabled for it: user scopes (`profile`,
 * `email`, `urn:logto:scope:organizations`…), API resource scopes and organization scopes. A scope
 * the app asks for at `/oidc/auth` that is not listed here is dropped, as Logto does.
 */
export const thirdPartyAppSchema = z.object({
  id: z.string().check(z.regex(/^[\w-]+$/)),
  name: z.string().check(z.minLength(1)),
  isThirdParty: z.literal(true),
  displayName: z.optional(z.nullable(z.string())),
  logoUrl: z.optional(z.nullable(z.string())),
  darkLogoUrl: z.optional(z.nullable(z.string())),
  termsOfUseUrl: z.optional(z.nullable(z.string())),
  privacyPolicyUrl: z.optional(z.nullable(z.string())),
  userScopes: z.optional(z.array(z.string())),
  resources: z.optional(z.array(resourceSchema)),
  organizationScopes: z.optional(z.array(scopeSchema)),
});
export type ThirdPartyApp = z.infer<typeof thirdPartyAppSchema>;

/** An organization; `members` are usernames or email addresses of (seeded or added) users. */
export const organizationSchema = z.object({
  id: z.string().check(z.regex(/^[\w-]+$/)),
  name: z.string().check(z.minLength(1)),
  members: z.optional(z.array(z.string())),
});
export type Organization = z.infer<typeof organizationSchema>;

/** Logto's reserved resource that carries organization scopes. */
export const ORGANIZATION_RESOURCE = 'urn:logto:resource:organizations';
