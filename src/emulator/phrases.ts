/**
 * `GET /api/.well-known/phrases?lng=` as Logto 1.42 serves it (`routes/well-known/index.ts`,
 * `utils/i18n.ts` `getExperienceLanguage`, `libraries/phrase.ts`): the language is negotiated from
 * `lng` (space-separated tags), then, when `languageInfo.autoDetect` is on, `?locale=` and
 * `Accept-Language`, then `languageInfo.fallbackLanguage`; each candidate is tried as an exact custom
 * language, an exact built-in one, a built-in one with the same base (`zh` → `zh-CN`) and a custom
 * one with the same base; `en` when none fits. The answer carries it in `Content-Language`.
 *
 * The body is Logto's built-in bundle for that language deep-merged with the tenant's custom phrases
 * for it (empty strings dropped). The emulator has no built-in bundle, so `translation` holds only the
 * custom phrases (`{}` without them). Logto merges the whole custom-phrase row, so a language with
 * custom phrases also gets the row's `tenantId`, `id` and `languageTag` at the top level; so does
 * the emulator. The sign-in-exp payload does not list the custom languages.
 */
import { enterpriseSettingsOf } from './config.js';
import { type Exchange, sendJson } from './http.js';
import { DEMO_APP_ID, headerValue, type Store } from './state.js';

/** `@logto/phrases-experience`'s built-in languages. */
const BUILT_IN_LANGUAGES = [
  'ar', 'cs', 'de', 'en', 'es', 'fa-IR', 'fr', 'it', 'ja', 'ko', 'pl-PL', 'pt-PT', 'pt-BR', 'ru', 'th', 'tr-TR', 'uk-UA', 'zh-CN', 'zh-HK', 'zh-TW',
];

function canonical(tag: string): string | undefined {
  const trimmed = tag.trim();
  if (!trimmed || trimmed === '*') return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed.replaceAll('_', '-'))[0]?.toLowerCase();
  } catch {
    return undefined;
  }
}

const baseOf = (tag: string) => tag.split('-')[0] ?? tag;

function exactMatch(language: string, supported: readonly string[]): string | undefined {
  const wanted = canonical(language);
  return wanted ? supported.find((item) => canonical(item) === wanted) : undefined;
}

function baseMatch(language: string, supported: readonly string[]): string | undefined {
  const wanted = canonical(language);
  if (!wanted) return undefined;
  return supported.find((item) => {
    const entry = canonical(item);
    return entry !== undefined && baseOf(entry) === baseOf(wanted);
  });
}

/** `Accept-Language` tags, highest quality first. */
function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.split(';').map((item) => item.trim());
      const quality = rest.map((item) => item.split('=')).find(([key]) => key === 'q')?.[1];
      return { tag, q: quality === undefined || Number.isNaN(Number(quality)) ? 1 : Number(quality) };
    })
    .filter((entry) => entry.tag !== '')
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

/** The language Logto picks for the phrases (and for `Content-Language`). */
export function experienceLanguage(
  x: Exchange,
  languageInfo: { autoDetect: boolean; fallbackLanguage: string },
  customLanguages: readonly string[],
): string {
  const lng = x.url.searchParams.get('lng');
  const candidates = [
    ...(lng ? lng.split(/\s+/).filter(Boolean) : []),
    ...(languageInfo.autoDetect ? [...x.url.searchParams.getAll('locale'), ...acceptedLanguages(headerValue(x.req, 'accept-language'))] : []),
    languageInfo.fallbackLanguage,
  ];
  for (const language of candidates) {
    const found =
      exactMatch(language, customLanguages) ??
      exactMatch(language, BUILT_IN_LANGUAGES) ??
      baseMatch(language, BUILT_IN_LANGUAGES) ??
      baseMatch(language, customLanguages);
    if (found) return found;
  }
  return 'en';
}

/** Drops empty strings, nulls and empty objects, as Logto does to custom phrases before merging. */
function clean(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value === '' ? undefined : value;
  const entries = Object.entries(value)
    .map(([key, item]) => [key, clean(item)] as const)
    .filter(([, item]) => item !== undefined && item !== null);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function languageInfoOf(raw: Record<string, unknown>): { autoDetect: boolean; fallbackLanguage: string } {
  const info = (raw.languageInfo ?? {}) as { autoDetect?: unknown; fallbackLanguage?: unknown };
  return {
    autoDetect: info.autoDetect !== false,
    fallbackLanguage: typeof info.fallbackLanguage === 'string' ? info.fallbackLanguage : 'en',
  };
}

/** `GET /api/.well-known/phrases`, for the app named by `Logto-App-Id` (the demo app without one). */
export function servePhrases(store: Store, x: Exchange): void {
  const appId = headerValue(x.req, 'logto-app-id');
  const raw = store.rawConfigOf(appId && store.apps.has(appId) ? appId : DEMO_APP_ID);
  const { customPhrases } = enterpriseSettingsOf(raw);
  const language = experienceLanguage(x, languageInfoOf(raw), Object.keys(customPhrases));
  const custom = customPhrases[language];
  const body: Record<string, unknown> = { translation: (custom && clean(custom)) ?? {} };
  if (custom) {
    body.tenantId = typeof raw.tenantId === 'string' ? raw.tenantId : 'default';
    body.id = `phrase-${language.toLowerCase()}`;
    body.languageTag = language;
  }
  sendJson(x.res, 200, body, { 'content-language': language });
}

/** The sign-in-exp payload without `customPhrases`, which Logto keeps in its own table. */
export function withoutCustomPhrases(payload: Record<string, unknown>): Record<string, unknown> {
  const { customPhrases: _customPhrases, ...rest } = payload;
  return rest;
}
