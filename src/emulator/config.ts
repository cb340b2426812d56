/**
 * The emulator's tenant file: a sign-in-experience payload as Logto serves it, plus seeded users.
 * It is validated with the kit's own schema, so a config the emulator accepts is one the kit can
 * render; a bad file is rejected with the path of the first broken field.
 */
import { z } from "zod/mini";

import { laterFields } from "../api/later-settings.js";
import { signInExperienceSchema } from "../api/schemas.js";
import demoTenant from "./demo-tenant.json" with { type: "json" };
import {
  type Organization,
  organizationSchema,
  type ThirdPartyApp,
  thirdPartyAppSchema,
} from "./third-party.js";

export const seedUserSchema = z.object({
  username: z.optional(z.string()),
  password: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string().check(z.regex(/^\d+$/))),
  name: z.optional(z.string()),
  /** A suspended account: identification answers `401 user.suspended`. */
  suspended: z.optional(z.boolean()),
  /** Bound MFA factors: a TOTP secret (base32), backup codes, and email/phone (the user's own). */
  mfa: z.optional(
    z.object({
      totp: z.optional(z.string().check(z.regex(/^[A-Z2-7]+=*$/i))),
      backupCodes: z.optional(z.array(z.string())),
      email: z.optional(z.boolean()),
      phone: z.optional(z.boolean()),
    }),
  ),
});
export type SeedUser = z.infer<typeof seedUserSchema>;

const mfaFactorSchema = z.enum([
  "Totp",
  "WebAuthn",
  "BackupCode",
  "EmailVerificationCode",
  "PhoneVerificationCode",
]);
export type MfaFactor = z.infer<typeof mfaFactorSchema>;
const mfaPolicySchema = z.enum([
  "UserControlled",
  "Mandatory",
  "PromptOnlyAtSignIn",
  "PromptAtSignInAndSignUp",
  "NoPrompt",
]);
export type MfaPolicy = z.infer<typeof mfaPolicySchema>;

/** The sign-in-experience fields of the security steps (MFA, CAPTCHA, passkey sign-in). */
const securitySchema = z.object({
  mfa: z.optional(
    z.object({
      factors: z.optional(z.array(mfaFactorSchema)),
      policy: z.optional(mfaPolicySchema),
    }),
  ),
  captchaPolicy: z.optional(z.object({ enabled: z.optional(z.boolean()) })),
  captchaConfig: z.optional(
    z.object({
      type: z.enum(["Turnstile", "RecaptchaEnterprise"]),
      siteKey: z.string().check(z.minLength(1)),
      domain: z.optional(z.string()),
      mode: z.optional(z.enum(["invisible", "checkbox"])),
    }),
  ),
  passkeySignIn: z.optional(
    z.object({
      enabled: z.optional(z.boolean()),
      showPasskeyButton: z.optional(z.boolean()),
      allowAutofill: z.optional(z.boolean()),
    }),
  ),
});

export interface SecuritySettings {
  mfa: { factors: MfaFactor[]; policy: MfaPolicy };
  captchaPolicy: { enabled: boolean };
  captchaConfig?: {
    type: "Turnstile" | "RecaptchaEnterprise";
    siteKey: string;
    domain?: string;
    mode?: "invisible" | "checkbox";
  };
  passkeySignIn: {
    enabled: boolean;
    showPasskeyButton: boolean;
    allowAutofill: boolean;
  };
}

/** The security settings of a sign-in-experience payload, with Logto's defaults for absent fields. */
export function securitySettingsOf(
  signInExperience: Record<string, unknown>,
): SecuritySettings {
  const parsed = securitySchema.safeParse(signInExperience);
  const data = parsed.success ? parsed.data : {};
  return {
    mfa: {
      factors: data.mfa?.factors ?? [],
      policy: data.mfa?.policy ?? "UserControlled",
    },
    captchaPolicy: { enabled: data.captchaPolicy?.enabled === true },
    captchaConfig: data.captchaConfig,
    passkeySignIn: {
      enabled: data.passkeySignIn?.enabled === true,
      showPasskeyButton: data.passkeySignIn?.showPasskeyButton === true,
      allowAutofill: data.passkeySignIn?.allowAutofill === true,
    },
  };
}

/** Checks the security fields of a sign-in-experience payload; returns the path of the first bad field. */
export function securityIssue(signInExperience: unknown): string | undefined {
  const result = securitySchema.safeParse(signInExperience);
  return result.success
    ? undefined
    : (result.error.issues[0]?.path.join(".") ?? "(root)");
}

/** A BCP 47 language tag (`en`, `fr-CA`), as `Intl` accepts it. */
const languageTag = z.string().check(
  z.refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, "not a language tag"),
);

/** Logto's phrase keys: nested objects with string leaves (`{"action": {"sign_in": "Log in"}}`). */
interface PhraseTree {
  [key: string]: string | PhraseTree;
}
const phraseTreeSchema: z.ZodMiniType<PhraseTree> = z.record(
  z.string(),
  z.union([z.string(), z.lazy(() => phraseTreeSchema)]),
);

/**
 * An enterprise SSO connector. Served in sign-in-exp as `{id, connectorName, logo, darkLogo}` when
 * `singleSignOnEnabled` is on; `domains` (the email domains it serves) stays on the server, and a
 * connector without domains is not offered, as in Logto.
 */
export const ssoConnectorConfigSchema = z.object({
  id: z.string().check(z.regex(/^[\w-]+$/)),
  connectorName: z.string().check(z.minLength(1)),
  logo: z.optional(z.nullable(z.string())),
  darkLogo: z.optional(z.nullable(z.string())),
  domains: z.array(z.string().check(z.regex(/^[^\s@]+\.[^\s@]+$/))),
});
export type SsoConnectorConfig = z.infer<typeof ssoConnectorConfigSchema>;

/** The enterprise fields of a tenant's `signInExperience`: SSO connectors and custom phrases. */
const enterpriseSchema = z.object({
  singleSignOnEnabled: z.optional(z.boolean()),
  ssoConnectors: z.optional(z.array(ssoConnectorConfigSchema)),
  /** Custom phrases per language tag, served by `/api/.well-known/phrases` and never in sign-in-exp. */
  customPhrases: z.optional(z.record(languageTag, phraseTreeSchema)),
});

export interface EnterpriseSettings {
  singleSignOnEnabled: boolean;
  ssoConnectors: SsoConnectorConfig[];
  customPhrases: Record<string, PhraseTree>;
}

/** The enterprise settings of a sign-in-experience payload (absent fields: SSO off, none). */
export function enterpriseSettingsOf(
  signInExperience: Record<string, unknown>,
): EnterpriseSettings {
  const parsed = enterpriseSchema.safeParse(signInExperience);
  const data = parsed.success ? parsed.data : {};
  return {
    singleSignOnEnabled: data.singleSignOnEnabled === true,
    ssoConnectors: data.ssoConnectors ?? [],
    customPhrases: data.customPhrases ?? {},
  };
}

/** Checks the enterprise fields of a sign-in-experience payload; returns the path of the first bad field. */
export function enterpriseIssue(signInExperience: unknown): string | undefined {
  const result = enterpriseSchema.safeParse(signInExperience);
  return result.success
    ? undefined
    : (result.error.issues[0]?.path.join(".") ?? "(root)");
}

const tenantFileSchema = z.object({
  // The kit's config schema, with every other field kept (as the kit keeps them) and the fields
  // of the later steps and optional features checked here.
  signInExperience: z.catchall(
    z.object({
      ...signInExperienceSchema._zod.def.shape,
      ...securitySchema.shape,
      ...enterpriseSchema.shape,
      passwordPolicy: z.optional(laterFields.passwordPolicy),
      supportEmail: z.optional(laterFields.supportEmail),
      socialSignIn: z.optional(laterFields.socialSignIn),
    }),
    z.unknown(),
  ),
  users: z.optional(z.array(seedUserSchema)),
  /** Third-party apps (consent.ts) and the tenant's organizations. */
  apps: z.optional(z.array(thirdPartyAppSchema)),
  organizations: z.optional(z.array(organizationSchema)),
});

export interface TenantConfig {
  /** The payload served at `/api/.well-known/sign-in-exp`, unknown fields kept as given. */
  signInExperience: Record<string, unknown>;
  users: SeedUser[];
  /** Third-party apps, registered at start next to the demo app. */
  apps?: ThirdPartyApp[];
  /** Organizations (members by username or email). */
  organizations?: Organization[];
}

export class TenantConfigError extends Error {
  override readonly name = "TenantConfigError";
}

/** Validates a parsed tenant file; throws `TenantConfigError` naming the first bad field. */
export function parseTenantConfig(
  input: unknown,
  source = "tenant config",
): TenantConfig {
  const result = tenantFileSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "(root)";
    const detail =
      issue?.message && issue.message !== "Invalid input"
        ? ` (${issue.message})`
        : "";
    throw new TenantConfigError(
      `${source}: the field "${field}" is missing or invalid${detail}` +
        (issue?.code === "invalid_type"
          ? `; expected ${String(issue.expected)}`
          : ""),
    );
  }
  const raw = input as { signInExperience: Record<string, unknown> };
  return {
    signInExperience: raw.signInExperience,
    users: result.data.users ?? [],
    apps: result.data.apps ?? [],
    organizations: result.data.organizations ?? [],
  };
}

/** The demo tenant (demo-tenant.json); node.ts's `loadTenantConfig` reads another from a file. */
export function demoTenantConfig(): TenantConfig {
  return parseTenantConfig(demoTenant, "demo tenant");
}

/** Deep-merges `patch` over `base` (objects merge, everything else replaces). */
export function mergeDeep<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch))
    return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch))
    out[key] = mergeDeep(out[key], value);
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
