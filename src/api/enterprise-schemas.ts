/**
 * zod schemas of what the enterprise journeys read: single sign-on (the tenant's SSO connectors and
 * the lookup by email domain), one-time tokens, and the custom profile fields a tenant asks for.
 * A module of their own, fetched with the journeys that use them, never with the first screen.
 */
import * as z from './zod.js';

import { map, nonEmpty, type SignInExperience } from './schemas.js';

const nullableString = z.optional(z.nullable(z.string()));

/** An SSO connector as the sign-in-exp config lists it. */
export const ssoConnectorSchema = z.object({
  id: nonEmpty(),
  connectorName: z.string(),
  logo: nullableString,
  darkLogo: nullableString,
});
export type SsoConnector = z.infer<typeof ssoConnectorSchema>;

/** `GET /api/experience/sso-connectors?email=`: the connectors for the email's domain. */
export const ssoConnectorIdsSchema = z.object({ connectorIds: z.array(z.string()) });

/** `data` of `session.sso_enabled`: the connectors the email must use instead (other fields ignored). */
export const ssoEnabledDataSchema = z.object({ ssoConnectors: z.array(z.object({ id: nonEmpty() })) });

/** Whether the tenant turned single sign-on on, and its connectors (a malformed list counts as none). */
export function ssoSettings(config: SignInExperience): { enabled: boolean; connectors: SsoConnector[] } {
  const raw = config as Record<string, unknown>;
  const connectors = z.safeParse(z.array(ssoConnectorSchema), raw.ssoConnectors ?? []);
  const list = connectors.success ? connectors.data : [];
  return { enabled: raw.singleSignOnEnabled === true && list.length > 0, connectors: list };
}

// ---------------------------------------------------------------------------------------------
// Custom profile fields
// ---------------------------------------------------------------------------------------------

export const PROFILE_FIELD_TYPES = ['Text', 'Number', 'Date', 'Checkbox', 'Select', 'Url', 'Regex', 'Address', 'Fullname'] as const;
export type ProfileFieldType = (typeof PROFILE_FIELD_TYPES)[number];

const fieldConfig = {
  placeholder: nullableString,
  minLength: z.optional(z.nullable(z.number())),
  maxLength: z.optional(z.nullable(z.number())),
  minValue: z.optional(z.nullable(z.number())),
  maxValue: z.optional(z.nullable(z.number())),
  format: nullableString,
  customFormat: nullableString,
  defaultValue: nullableString,
  options: z.optional(z.nullable(z.array(z.object({ label: nullableString, value: z.string() })))),
};

const fieldBase = {
  name: nonEmpty(),
  type: z.enum(PROFILE_FIELD_TYPES),
  label: nullableString,
  description: nullableString,
  required: z.boolean(),
};

/** One part of a full-name or address field (given name, street, …). */
export const profileFieldPartSchema = z.object({
  ...fieldBase,
  enabled: z.optional(z.boolean()),
  config: z.optional(z.nullable(z.object(fieldConfig))),
});
export type ProfileFieldPart = z.infer<typeof profileFieldPartSchema>;

export const profileFieldSchema = z.object({
  ...fieldBase,
  config: z.optional(z.nullable(z.object({ ...fieldConfig, parts: z.optional(z.nullable(z.array(profileFieldPartSchema))) }))),
});
export type ProfileField = z.infer<typeof profileFieldSchema>;

/**
 * The fields a tenant asks new accounts for, in its order: the `signUpProfileFields` names looked up
 * in `customProfileFieldCatalog` (every catalog field when the list is absent), as Logto resolves
 * them. Entries of a type this kit does not know are left out rather than failing the step.
 */
export function signUpProfileFields(config: SignInExperience): ProfileField[] {
  const raw = config as Record<string, unknown>;
  const catalog = Array.isArray(raw.customProfileFieldCatalog) ? raw.customProfileFieldCatalog : [];
  const fields = catalog.flatMap((item) => {
    const parsed = z.safeParse(profileFieldSchema, item);
    return parsed.success ? [parsed.data] : [];
  });
  const wanted = z.safeParse(z.array(z.object({ name: z.string() })), raw.signUpProfileFields);
  if (!wanted.success) return fields;
  const byName = new Map(fields.map((field) => [field.name, field]));
  return wanted.data.flatMap(({ name }) => byName.get(name) ?? []);
}

// ---------------------------------------------------------------------------------------------
// The account behind the current session (switch account)
// ---------------------------------------------------------------------------------------------

/** `GET /api/interaction/consent`, as far as the switch-account screen reads it. */
export const sessionAccountSchema = z.object({
  user: z.object({
    id: z.string(),
    name: nullableString,
    avatar: nullableString,
    username: nullableString,
    primaryEmail: nullableString,
    primaryPhone: nullableString,
  }),
  redirectUri: z.optional(z.string()),
  application: z.optional(map(z.unknown())),
});
export type SessionAccount = z.infer<typeof sessionAccountSchema>;
