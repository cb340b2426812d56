/**
 * zod schemas of the consent page's two calls (Logto's legacy `/api/interaction/consent`, which
 * the consent page still uses): what a third-party app asks for, and the answer to "Authorize".
 *
 * Only `<sign-in-consent>` imports this module, and only that element's lazily loaded chunk
 * builds these schemas: the sign-in screens never carry them. Like schemas.ts, they list the
 * fields the kit reads and keep objects non-strict.
 */
import * as z from './zod.js';

/** Logto's nullable columns may also be left out by a newer or older server. */
const maybeString = z.optional(z.nullable(z.string()));

const scopeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: maybeString,
});

/** Scopes of one API resource (or of Logto's reserved organization resource). */
const resourceScopesSchema = z.object({
  resource: z.object({ id: z.string(), name: z.string(), indicator: z.string() }),
  scopes: z.array(scopeSchema),
});
export type ResourceScopes = z.infer<typeof resourceScopesSchema>;

const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Scopes the app asks for in this organization (organization scopes, organization API scopes). */
  missingResourceScopes: z.optional(z.array(resourceScopesSchema)),
});
export type ConsentOrganization = z.infer<typeof organizationSchema>;

/** `GET /api/interaction/consent`. */
export const consentInfoSchema = z.object({
  application: z.object({
    id: z.string(),
    name: z.string(),
    displayName: maybeString,
    branding: z.optional(z.nullable(z.object({ logoUrl: maybeString, darkLogoUrl: maybeString }))),
    termsOfUseUrl: maybeString,
    privacyPolicyUrl: maybeString,
  }),
  user: z.object({
    id: z.string(),
    name: maybeString,
    avatar: maybeString,
    username: maybeString,
    primaryEmail: maybeString,
    primaryPhone: maybeString,
  }),
  /** The user's organizations, when the app asks for `urn:logto:scope:organizations`. */
  organizations: z.optional(z.array(organizationSchema)),
  /** User scopes still to grant (`profile`, `email`, …); `openid` and `offline_access` left out. */
  missingOIDCScope: z.optional(z.array(z.string())),
  missingResourceScopes: z.optional(z.array(resourceScopesSchema)),
  /** Absent for the device flow, which has nowhere to go back to. */
  redirectUri: z.optional(z.string()),
});
export type ConsentInfo = z.infer<typeof consentInfoSchema>;

/** `POST /api/interaction/consent`. */
export const consentResultSchema = z.object({ redirectTo: z.string() });
export type ConsentResult = z.infer<typeof consentResultSchema>;
