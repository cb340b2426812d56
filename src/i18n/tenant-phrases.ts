/**
 * Tenant custom phrases: wording a tenant customised in Logto (Console → Sign-in experience →
 * Content → Languages) replaces the kit's own where a kit message means the same as a Logto phrase.
 *
 * Logto's `GET /api/.well-known/phrases?lng=` answers with its built-in phrases for the language,
 * deep-merged with the tenant's custom-phrase row for it; only with such a row does the answer
 * carry the row's `languageTag`. A phrase counts as the tenant's when it differs from Logto's
 * built-in wording for that key and language, which the kit knows by a hash of each
 * (src/generated/logto-phrase-defaults.ts, from `@logto/phrases-experience`:
 * `npm run generate:phrase-defaults`). Where a newer Logto changed its own wording, that wording
 * shows instead of the kit's, which still reads right.
 *
 * This module is fetched after the first screen is painted. It asks for the phrases of the
 * current language then and after each change of language, once per language; a tenant without
 * custom phrases costs that one request, and a failed request changes nothing. Only pages that set
 * their language (`setLocale`, as the hosted page does) show the phrases: a page that never
 * does carries no localization runtime.
 */
import type { ExperienceClient } from '../api/client.js';
import { getLocale, type LocaleCode, runtimeLoader } from './localization.js';

/**
 * Kit message id → the Logto phrase key (under `translation`) with the same meaning on the same
 * screen. Only plain-text messages, and only phrases without `{{interpolation}}`. The generator
 * of the hash table reads this object: keep one `'id': 'key',` pair per line.
 */
export const TENANT_PHRASE_KEYS = {
  'signIn.title': 'description.sign_in_to_your_account',
  'signIn.submit': 'action.sign_in',
  'signIn.noAccount': 'description.no_account',
  'signIn.createAccount': 'action.create_account',
  'signIn.forgot': 'action.forgot_password',
  'signIn.sso': 'action.single_sign_on',
  'signIn.passkey': 'action.sign_in_via_passkey',
  'social.or': 'description.or',
  'common.continue': 'action.continue',
  'field.username': 'input.username',
  'field.email': 'input.email',
  'field.phone': 'input.phone_number',
  'field.password': 'input.password',
  'field.confirmPassword': 'input.confirm_password',
  'field.showPassword': 'action.show_password',
  'terms.terms': 'description.terms_of_use',
  'terms.privacy': 'description.privacy_policy',
  'password.title': 'description.enter_password',
  'password.useCode': 'action.sign_in_via_passcode',
  'code.title': 'action.enter_passcode',
  'code.usePassword': 'action.sign_in_via_password',
  'register.title': 'description.create_your_account',
  'register.submit': 'action.create_account',
  'register.haveAccount': 'description.have_account',
  'register.signIn': 'action.sign_in',
  'registerPassword.title': 'description.set_password',
  'forgot.title': 'description.reset_password',
  'forgot.back': 'description.back_to_sign_in',
  'reset.submit': 'action.save_password',
  'profile.title': 'description.about_yourself',
} as const satisfies Record<string, string>;

/** Hashes of Logto's built-in wording: language → phrase key → hash. */
export type PhraseDefaults = Partial<Record<LocaleCode, Readonly<Record<string, string>>>>;

/** FNV-1a (32-bit) of the UTF-16 code units, in base 36: the hash the generated table holds. */
export function phraseHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The value at a dotted key of a phrase tree, when it is a string. */
function phraseAt(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const segment of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The tenant's phrases among a language's `translation`, by kit message id: those that differ
 * from Logto's built-in wording (`defaults`, hashed), trimmed, empty ones left out.
 */
export function customPhrases(translation: unknown, defaults: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const phrases: Record<string, string> = {};
  for (const [id, key] of Object.entries(TENANT_PHRASE_KEYS)) {
    const value = phraseAt(translation, key);
    const text = value?.trim();
    if (!value || !text || defaults?.[key] === phraseHash(value)) continue;
    phrases[id] = text;
  }
  return phrases;
}

async function applyTenantPhrases(client: ExperienceClient, locale: LocaleCode, signal: AbortSignal): Promise<void> {
  const phrases = await client.getPhrases(locale, signal);
  // Without the tenant's custom-phrase row (or with another language's), every phrase is Logto's.
  if (phrases.languageTag?.toLowerCase() !== locale.toLowerCase()) return;
  const { logtoPhraseDefaults } = await import('../generated/logto-phrase-defaults.js');
  const custom = customPhrases(phrases.translation, logtoPhraseDefaults[locale]);
  const load = runtimeLoader();
  if (load && !signal.aborted && Object.keys(custom).length > 0) (await load()).override(locale, custom);
}

/**
 * Shows the tenant's phrases for the current language now and for each language the page
 * switches to. Returns a function that stops following the language.
 */
export function followTenantPhrases(client: ExperienceClient): () => void {
  const asked = new Set<string>();
  const stop = new AbortController();
  const update = (): void => {
    const locale = getLocale();
    if (asked.has(locale) || !runtimeLoader()) return;
    asked.add(locale);
    // Failing (offline, an old server, an odd answer) leaves the kit's own wording.
    applyTenantPhrases(client, locale, stop.signal).catch(() => undefined);
  };
  const onStatus = (event: Event): void => {
    if ((event as CustomEvent<{ status?: string }>).detail?.status === 'ready') update();
  };
  globalThis.addEventListener?.('lit-localize-status', onStatus);
  update();
  return () => {
    stop.abort();
    globalThis.removeEventListener?.('lit-localize-status', onStatus);
  };
}
