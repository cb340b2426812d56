/**
 * The parts of the sign-in experience config that only later steps read: the password policy
 * (new-password steps), the support email (error screens) and social account linking. The first
 * screen's schema (schemas.ts) keeps them as sent; this module checks them when a later step
 * first reads them, so these schemas are built after the first screen, by the steps that need them.
 */
import * as z from './zod.js';

import type { SignInExperience } from './schemas.js';

const optionalBoolean = z.optional(z.boolean());

export const passwordPolicySchema = z.object({
  length: z.optional(z.object({ min: z.optional(z.number()), max: z.optional(z.number()) })),
  characterTypes: z.optional(z.object({ min: z.optional(z.number()) })),
  rejects: z.optional(
    z.object({
      pwned: optionalBoolean,
      repetitionAndSequence: optionalBoolean,
      userInfo: optionalBoolean,
      words: z.optional(z.array(z.string())),
    }),
  ),
});
export type PasswordPolicyInput = z.infer<typeof passwordPolicySchema>;

/** Each later field's schema, by its name in the config. */
export const laterFields = {
  passwordPolicy: passwordPolicySchema,
  supportEmail: z.nullable(z.string()),
  socialSignIn: z.object({ automaticAccountLinking: optionalBoolean }),
};

export type LaterSettings = { [K in keyof typeof laterFields]?: z.infer<(typeof laterFields)[K]> };

const checked = new WeakMap<SignInExperience, LaterSettings>();

/**
 * The later fields of `config`, each checked on its own and once per config. A field that is
 * missing or malformed counts as absent: the server's default password policy applies (and the
 * server still enforces the tenant's), no support address is shown, accounts are not linked
 * automatically.
 */
export function laterSettings(config: SignInExperience): LaterSettings {
  let settings = checked.get(config);
  if (!settings) {
    settings = {};
    for (const key of Object.keys(laterFields) as (keyof typeof laterFields)[]) {
      const parsed = z.safeParse(laterFields[key], config[key]);
      if (parsed.success) Object.assign(settings, { [key]: parsed.data });
    }
    checked.set(config, settings);
  }
  return settings;
}
