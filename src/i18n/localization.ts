/**
 * The kit's one `@lit/localize` runtime. Languages load lazily, one module each; `en` is built in.
 * Configured on first use rather than at import, so importing the kit has no side effects.
 */
import { configureLocalization } from '@lit/localize';

import { allLocales, sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type LocaleCode = (typeof allLocales)[number];
export { allLocales, sourceLocale };

// An explicit map (not a template-literal import) so every bundler and the test server see each file.
const loaders: Record<Exclude<LocaleCode, 'en'>, () => Promise<unknown>> = {
  ar: () => import('../generated/locales/ar.js'),
  cs: () => import('../generated/locales/cs.js'),
  de: () => import('../generated/locales/de.js'),
  es: () => import('../generated/locales/es.js'),
  'fa-IR': () => import('../generated/locales/fa-IR.js'),
  fr: () => import('../generated/locales/fr.js'),
  it: () => import('../generated/locales/it.js'),
  ja: () => import('../generated/locales/ja.js'),
  ko: () => import('../generated/locales/ko.js'),
  'pl-PL': () => import('../generated/locales/pl-PL.js'),
  'pt-BR': () => import('../generated/locales/pt-BR.js'),
  'pt-PT': () => import('../generated/locales/pt-PT.js'),
  ru: () => import('../generated/locales/ru.js'),
  th: () => import('../generated/locales/th.js'),
  'tr-TR': () => import('../generated/locales/tr-TR.js'),
  'uk-UA': () => import('../generated/locales/uk-UA.js'),
  'zh-CN': () => import('../generated/locales/zh-CN.js'),
  'zh-HK': () => import('../generated/locales/zh-HK.js'),
  'zh-TW': () => import('../generated/locales/zh-TW.js'),
};

let runtime: ReturnType<typeof configureLocalization> | undefined;

function localization() {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => loaders[locale as Exclude<LocaleCode, 'en'>]() as never,
  });
  return runtime;
}

export function getLocale(): LocaleCode {
  return (runtime?.getLocale() ?? sourceLocale) as LocaleCode;
}

/** Switches every kit element to `locale` (loading its strings first). */
export async function setLocale(locale: LocaleCode): Promise<void> {
  if (!runtime && locale === sourceLocale) {
    localization();
    return;
  }
  await localization().setLocale(locale);
}

/** Ensures the runtime exists, so `@localized()` elements follow later `setLocale` calls. */
export function ensureLocalization(): void {
  localization();
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/**
 * Picks the first supported language for a list of BCP 47 tags, as Logto does: an exact match,
 * then a kit language with the same base language (`zh-SG` → `zh-CN`, `pt` → `pt-BR`).
 */
export function matchLocale(tag: string): LocaleCode | undefined {
  const lower = tag.trim().toLowerCase();
  if (!lower) return undefined;
  const exact = allLocales.find((code) => code.toLowerCase() === lower);
  if (exact) return exact;
  if (lower === 'zh-hant' || lower.startsWith('zh-hant-') || lower === 'zh-mo') return 'zh-TW';
  if (lower === 'zh-hans' || lower.startsWith('zh-hans-') || lower === 'zh-sg') return 'zh-CN';
  const base = lower.split('-')[0];
  return allLocales.find((code) => code.toLowerCase().split('-')[0] === base);
}

/**
 * Logto's order: `ui_locales` (space-separated), then the browser's languages when the tenant
 * auto-detects, then the tenant's fallback language, then English.
 */
export function negotiateLocale(options: {
  uiLocales?: string | null;
  browserLanguages?: readonly string[];
  autoDetect?: boolean;
  fallbackLanguage?: string;
}): LocaleCode {
  const candidates = [
    ...(options.uiLocales ?? '').split(/\s+/),
    ...(options.autoDetect === false ? [] : (options.browserLanguages ?? [])),
    options.fallbackLanguage ?? '',
  ];
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return sourceLocale;
}
