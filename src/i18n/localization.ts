/**
 * The kit's one `@lit/localize` runtime. Languages load lazily, one module each; `en` is built in.
 * Configured on first use rather than at import, so importing the kit has no side effects.
 */
import { configureLocalization } from '@lit/localize';

import { allLocales, sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type LocaleCode = (typeof allLocales)[number];
export { allLocales, sourceLocale };

type Templates = Record<string, unknown>;
type Part = () => Promise<{ templates: Templates }>;

// An explicit map (not a template-literal import) so every bundler and the test server see each
// file. Each language comes in three parts (see message-parts.ts); where the build does not split
// them (the test server), every part is the whole language, which is merely redundant.
const loaders: Record<Exclude<LocaleCode, 'en'>, readonly [first: Part, steps: Part, errors: Part]> = {
  ar: [
    () => import('../generated/locales/ar.js?part=first'),
    () => import('../generated/locales/ar.js?part=steps'),
    () => import('../generated/locales/ar.js?part=errors'),
  ],
  cs: [
    () => import('../generated/locales/cs.js?part=first'),
    () => import('../generated/locales/cs.js?part=steps'),
    () => import('../generated/locales/cs.js?part=errors'),
  ],
  de: [
    () => import('../generated/locales/de.js?part=first'),
    () => import('../generated/locales/de.js?part=steps'),
    () => import('../generated/locales/de.js?part=errors'),
  ],
  es: [
    () => import('../generated/locales/es.js?part=first'),
    () => import('../generated/locales/es.js?part=steps'),
    () => import('../generated/locales/es.js?part=errors'),
  ],
  'fa-IR': [
    () => import('../generated/locales/fa-IR.js?part=first'),
    () => import('../generated/locales/fa-IR.js?part=steps'),
    () => import('../generated/locales/fa-IR.js?part=errors'),
  ],
  fr: [
    () => import('../generated/locales/fr.js?part=first'),
    () => import('../generated/locales/fr.js?part=steps'),
    () => import('../generated/locales/fr.js?part=errors'),
  ],
  it: [
    () => import('../generated/locales/it.js?part=first'),
    () => import('../generated/locales/it.js?part=steps'),
    () => import('../generated/locales/it.js?part=errors'),
  ],
  ja: [
    () => import('../generated/locales/ja.js?part=first'),
    () => import('../generated/locales/ja.js?part=steps'),
    () => import('../generated/locales/ja.js?part=errors'),
  ],
  ko: [
    () => import('../generated/locales/ko.js?part=first'),
    () => import('../generated/locales/ko.js?part=steps'),
    () => import('../generated/locales/ko.js?part=errors'),
  ],
  'pl-PL': [
    () => import('../generated/locales/pl-PL.js?part=first'),
    () => import('../generated/locales/pl-PL.js?part=steps'),
    () => import('../generated/locales/pl-PL.js?part=errors'),
  ],
  'pt-BR': [
    () => import('../generated/locales/pt-BR.js?part=first'),
    () => import('../generated/locales/pt-BR.js?part=steps'),
    () => import('../generated/locales/pt-BR.js?part=errors'),
  ],
  'pt-PT': [
    () => import('../generated/locales/pt-PT.js?part=first'),
    () => import('../generated/locales/pt-PT.js?part=steps'),
    () => import('../generated/locales/pt-PT.js?part=errors'),
  ],
  ru: [
    () => import('../generated/locales/ru.js?part=first'),
    () => import('../generated/locales/ru.js?part=steps'),
    () => import('../generated/locales/ru.js?part=errors'),
  ],
  th: [
    () => import('../generated/locales/th.js?part=first'),
    () => import('../generated/locales/th.js?part=steps'),
    () => import('../generated/locales/th.js?part=errors'),
  ],
  'tr-TR': [
    () => import('../generated/locales/tr-TR.js?part=first'),
    () => import('../generated/locales/tr-TR.js?part=steps'),
    () => import('../generated/locales/tr-TR.js?part=errors'),
  ],
  'uk-UA': [
    () => import('../generated/locales/uk-UA.js?part=first'),
    () => import('../generated/locales/uk-UA.js?part=steps'),
    () => import('../generated/locales/uk-UA.js?part=errors'),
  ],
  'zh-CN': [
    () => import('../generated/locales/zh-CN.js?part=first'),
    () => import('../generated/locales/zh-CN.js?part=steps'),
    () => import('../generated/locales/zh-CN.js?part=errors'),
  ],
  'zh-HK': [
    () => import('../generated/locales/zh-HK.js?part=first'),
    () => import('../generated/locales/zh-HK.js?part=steps'),
    () => import('../generated/locales/zh-HK.js?part=errors'),
  ],
  'zh-TW': [
    () => import('../generated/locales/zh-TW.js?part=first'),
    () => import('../generated/locales/zh-TW.js?part=steps'),
    () => import('../generated/locales/zh-TW.js?part=errors'),
  ],
};

/** The strings of each loaded language; the runtime reads this same object, so merging shows. */
const loaded = new Map<string, { templates: Templates; parts: Partial<Record<LaterPart, Promise<void>>> }>();
type LaterPart = 'steps' | 'errors';
const PART_INDEX: Record<LaterPart, 1 | 2> = { steps: 1, errors: 2 };
const wanted = new Set<LaterPart>();

async function loadLocale(locale: string): Promise<{ templates: Templates }> {
  const [first] = loaders[locale as Exclude<LocaleCode, 'en'>];
  const entry = loaded.get(locale) ?? { templates: { ...(await first()).templates }, parts: {} };
  loaded.set(locale, entry);
  await Promise.all([...wanted].map((part) => loadPart(locale, part)));
  return { templates: entry.templates };
}

function loadPart(locale: string, part: LaterPart): Promise<void> {
  const entry = loaded.get(locale);
  if (!entry) return Promise.resolve();
  entry.parts[part] ??= loaders[locale as Exclude<LocaleCode, 'en'>][PART_INDEX[part]]().then(
    ({ templates }) => {
      Object.assign(entry.templates, templates);
    },
    (error: unknown) => {
      entry.parts[part] = undefined;
      throw error;
    },
  );
  return entry.parts[part];
}

/**
 * Makes a part of the strings of the current language available (and of any language chosen
 * later). Kit elements call it before showing a step or an error beyond the first screen; calling
 * it again costs nothing.
 */
export async function loadMessages(part: LaterPart): Promise<void> {
  wanted.add(part);
  const locale = getLocale();
  const entry = loaded.get(locale);
  if (locale === sourceLocale || !entry) return;
  const fresh = entry.parts[part] === undefined;
  await loadPart(locale, part);
  // Elements already on screen re-render with the strings that just arrived.
  if (fresh) {
    globalThis.dispatchEvent?.(new CustomEvent('lit-localize-status', { detail: { status: 'ready', readyLocale: locale } }));
  }
}

let runtime: ReturnType<typeof configureLocalization> | undefined;

function localization() {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => loadLocale(locale) as never,
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
