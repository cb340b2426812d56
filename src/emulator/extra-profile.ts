/**
 * Custom profile fields ("Tell us about yourself"), as Logto 1.42 handles them (recording
 * j15-extra-profile; `packages/core/src/routes/experience/profile-routes.ts`, `classes/profile.ts`,
 * `classes/libraries/profile-validator.ts`):
 *
 * - the tenant's `signInExperience.customProfileFieldCatalog` lists the fields and
 *   `signUpProfileFields` (`[{name}]`, or `null` for every field of the catalog) picks the ones
 *   collected at sign-up, in that order;
 * - `POST /api/experience/profile {type: 'extraProfile', values}` stages them: keys that are sign-in
 *   identifiers (`username`, `primaryEmail`, `primaryPhone`, `email`, `phone`), reserved profile
 *   properties (`preferredUsername`) or reserved custom-data keys are refused with `400
 *   custom_profile_fields.name_conflict_*`; a built-in key with a value of the wrong type fails as
 *   Logto's does, with `500 Internal server error`; nothing else is checked (not `required`, not
 *   `maxLength`). Built-in keys (`name`, `avatar`, `givenName`, `address`…) go to the user's name,
 *   avatar and `profile`, the others to `customData`. Each call replaces what the previous one
 *   staged, and marks the form as submitted;
 * - identification of a registration answers `422 user.missing_profile` with `missingProfile:
 *   ['extraProfile']` while a field is missing: every sign-up field before the form was submitted,
 *   only the required ones after. A value counts when it is present and not null (`''` counts).
 */
import { z } from 'zod/mini';

import { invalidInput, missingProfile, notSupportedForForgotPassword, RequestError, identifierNotFound } from './errors.js';
import { escapeHtml, sendEmpty } from './http.js';
import { assertMfaVerified } from './mfa.js';
import type { Context, PendingProfile, RouteGroup, User } from './state.js';

/** A catalog entry, as the sign-in-exp payload carries it (only what the server reads). */
const customProfileFieldSchema = z.object({
  name: z.string(),
  type: z.enum(['Text', 'Number', 'Date', 'Checkbox', 'Select', 'Url', 'Regex', 'Address', 'Fullname']),
  required: z.boolean(),
  config: z.optional(z.object({ parts: z.optional(z.array(z.object({ name: z.string() }))) })),
});
type CustomProfileField = z.infer<typeof customProfileFieldSchema>;

const sieFieldsSchema = z.object({
  customProfileFieldCatalog: z.optional(z.array(customProfileFieldSchema)),
  signUpProfileFields: z.optional(z.nullable(z.array(z.object({ name: z.string() })))),
});

/** Keys of the `values` object (`numberAndAlphabetRegEx` in Logto). */
const FIELD_KEY = /^[0-9A-Za-z]+$/;
const SIGN_IN_IDENTIFIER_KEYS = ['username', 'primaryEmail', 'primaryPhone', 'email', 'phone'];
const RESERVED_PROFILE_KEYS = ['preferredUsername'];
const RESERVED_CUSTOM_DATA_KEYS = ['onboarding', 'ossOnboarding', 'guideRequests', 'adminConsolePreferences', 'defaultTenantId'];
/** Standard OIDC profile claims: they go to the user's `profile`. */
const PROFILE_KEYS = [
  'familyName',
  'givenName',
  'middleName',
  'nickname',
  'preferredUsername',
  'profile',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
];
const ADDRESS_KEYS = ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'];
/** Everything that is not custom data. */
const BUILT_IN_KEYS = new Set(['name', 'avatar', ...PROFILE_KEYS, 'address']);

/** Profiles whose extra-profile form was submitted; a new interaction (a new profile object) starts without. */
const submitted = new WeakSet<PendingProfile>();

/** What the staged extra profile adds to `PendingProfile` (Logto's interaction profile keys). */
interface ExtraProfile {
  avatar?: string;
  profile?: Record<string, unknown>;
  customData?: Record<string, unknown>;
}

/** A user with the extra-profile data Logto keeps beside the built-in columns. */
type UserWithProfile = User & ExtraProfile;

export const extraProfileRoutes: RouteGroup = (context, key) => {
  if (key !== 'POST /profile' || context.body.type !== 'extraProfile') return false;
  stageExtraProfile(context);
  return true;
};

function stageExtraProfile(context: Context): void {
  const { store, x, interaction, body } = context;
  const values = body.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw invalidInput('values', `Expected object, received ${values === null ? 'null' : typeof values}`);
  }
  const record = values as Record<string, unknown>;
  const badKey = Object.keys(record).find((key) => !FIELD_KEY.test(key));
  if (badKey !== undefined) throw invalidInput(`values.${badKey}`, 'Invalid');
  if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
  if (interaction.event === 'SignIn') {
    const user = interaction.userId ? store.users.get(interaction.userId) : undefined;
    if (!user) throw identifierNotFound();
    assertMfaVerified(context, user);
  }

  const parsed = parseValues(record);
  // Logto spreads the parsed parts over the staged profile: a key left out (name, avatar) is
  // cleared, and the previous custom data is replaced, not merged.
  const profile = interaction.profile as PendingProfile & ExtraProfile;
  profile.name = parsed.name;
  profile.avatar = parsed.avatar;
  profile.profile = parsed.profile;
  profile.customData = parsed.customData;
  submitted.add(interaction.profile);
  sendEmpty(x.res);
}

/** Logto's `validateAndParseCustomProfile`, in its order: each guard parses, then its keys are refused. */
function parseValues(values: Record<string, unknown>): { name?: string; avatar?: string } & Required<Omit<ExtraProfile, 'avatar'>> {
  const present = (keys: string[]) => keys.filter((key) => key in values);

  const reserved = present(RESERVED_PROFILE_KEYS);
  reserved.forEach((key) => requireString(values[key]));
  if (reserved.length > 0) {
    throw conflict('name_conflict_built_in_prop', `Invalid field name. Reserved built-in user profile property name(s): ${reserved.join(', ')}.`);
  }
  const identifiers = present(SIGN_IN_IDENTIFIER_KEYS);
  identifiers.forEach((key) => values[key] === null || requireString(values[key]));
  if (identifiers.length > 0) {
    throw conflict('name_conflict_sign_in_identifier', `Invalid field name. Reserved sign-in identifier key(s): ${identifiers.join(', ')}.`);
  }
  const customDataKeys = present(RESERVED_CUSTOM_DATA_KEYS);
  customDataKeys.forEach((key) => requireString(values[key]));
  if (customDataKeys.length > 0) {
    throw conflict('name_conflict_custom_data', `Invalid field name. Reserved custom data key(s): ${customDataKeys.join(', ')}.`);
  }

  const name = 'name' in values ? requireString(values.name) : undefined;
  const avatar = 'avatar' in values ? requireString(values.avatar) : undefined;
  if (avatar !== undefined && avatar !== '' && !isUrl(avatar)) throw internalError();
  const profile: Record<string, unknown> = {};
  for (const key of present(PROFILE_KEYS)) profile[key] = requireString(values[key]);
  if ('address' in values) {
    const address = values.address;
    if (typeof address !== 'object' || address === null || Array.isArray(address)) throw internalError();
    const parts: Record<string, string> = {};
    for (const key of ADDRESS_KEYS) {
      if (key in address) parts[key] = requireString((address as Record<string, unknown>)[key]);
    }
    profile.address = parts;
  }
  const customData = Object.fromEntries(Object.entries(values).filter(([key]) => !BUILT_IN_KEYS.has(key)));
  return { name, avatar, profile, customData };
}

/** A parse failure of Logto's zod guards: not mapped to a 400, so the server answers 500. */
function requireString(value: unknown): string {
  if (typeof value !== 'string') throw internalError();
  return value;
}

function internalError(): Error {
  return new Error('extraProfile: a built-in key has a value of the wrong type (Logto answers 500)');
}

function isUrl(text: string): boolean {
  try {
    return Boolean(new URL(text));
  } catch {
    return false;
  }
}

function conflict(code: string, message: string): RequestError {
  return new RequestError(400, `custom_profile_fields.${code}`, message);
}

// ----- sign-up requirements ----------------------------------------------------------------------

/** The fields collected at sign-up: `signUpProfileFields` picks from the catalog, `null` takes all. */
export function signUpFields(signInExperience: Record<string, unknown>): CustomProfileField[] {
  const parsed = sieFieldsSchema.safeParse(signInExperience);
  if (!parsed.success) {
    throw new Error(`the tenant's custom profile fields are invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  }
  const catalog = parsed.data.customProfileFieldCatalog ?? [];
  const picked = parsed.data.signUpProfileFields;
  if (!picked) return catalog;
  return picked.map(({ name }) => catalog.find((field) => field.name === name)).filter((field) => field !== undefined);
}

/**
 * At the identification of a registration (after the identifiers and the password): `422
 * user.missing_profile {missingProfile: ['extraProfile']}` while a sign-up field is missing.
 */
export function assertExtraProfile({ store, interaction }: Context): void {
  if (interaction.event !== 'Register') return;
  const signInExperience = store.rawConfigOf(interaction.appId);
  const profile = interaction.profile as PendingProfile & ExtraProfile;
  const socialSignIn = signInExperience.socialSignIn as { skipRequiredIdentifiers?: boolean } | undefined;
  if (profile.socialIdentity && socialSignIn?.skipRequiredIdentifiers) return;
  const fields = signUpFields(signInExperience);
  const toCheck = submitted.has(interaction.profile) ? fields.filter((field) => field.required) : fields;
  const names = toCheck.flatMap((field) => (field.name === 'fullname' ? (field.config?.parts ?? []).map((part) => part.name) : [field.name]));
  const has = (object: unknown, name: string) =>
    typeof object === 'object' && object !== null && (object as Record<string, unknown>)[name] !== undefined && (object as Record<string, unknown>)[name] !== null;
  const missing = names.some((name) => !has(profile, name) && !has(profile.profile, name) && !has(profile.customData, name));
  if (missing) throw missingProfile(['extraProfile']);
}

/** Writes the staged extra profile to the user (a new account, or one signing in). */
export function commitExtraProfile(profile: PendingProfile, user: User): void {
  const staged = profile as PendingProfile & ExtraProfile;
  const target = user as UserWithProfile;
  if (!submitted.has(profile)) return;
  if (staged.name !== undefined) target.name = staged.name;
  if (staged.avatar !== undefined) target.avatar = staged.avatar;
  target.profile = { ...target.profile, ...staged.profile };
  target.customData = { ...target.customData, ...staged.customData };
}

/** What the demo app's page shows of a user's extra profile (HTML; empty without one). */
export function extraProfileSummary(user: User): string {
  const { profile, customData } = user as UserWithProfile;
  const parts = [
    profile && Object.keys(profile).length > 0 ? `Profile: <code data-testid="user-profile">${escapeHtml(JSON.stringify(profile))}</code>` : '',
    customData && Object.keys(customData).length > 0 ? `Custom data: <code data-testid="custom-data">${escapeHtml(JSON.stringify(customData))}</code>` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `<p>${parts.join('<br>')}</p>` : '';
}
