/**
 * The kit's one `@lit/localize` runtime. Languages load lazily, in three parts each; `en` is built
 * in. The runtime itself is fetched and configured when a page first asks for another language,
 * so importing the kit has no side effects and an English page never downloads it.
 */
import type { configureLocalization } from '@lit/localize';


import { allLocales, sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { lazy } from '../internal/lazy.js';

export type LocaleCode = (typeof allLocales)[number];
export { allLocales, sourceLocale };

type Templates = Record<string, unknown>;
export type Part = () => Promise<{ templates: Templates }>;

/** Where each language's parts are: fetched with the runtime and the later parts, not before. */
const firstPartsMap = lazy(() => import('./first-parts.js'));
const laterPartsMap = lazy(() => import('./later-parts.js'));

/** The strings of each loaded language; the runtime reads this same object, so merging shows. */
const loaded = new Map<string, { templates: Templates; parts: Partial<Record<LaterPart, Promise<void>>> }>();
type LaterPart = 'steps' | 'errors';
const PART_INDEX: Record<LaterPart, 0 | 1> = { steps: 0, errors: 1 };
const wanted = new Set<LaterPart>();

async function loadLocale(locale: string): Promise<{ templates: Templates }> {
  const { firstParts } = await firstPartsMap.load();
  const first = firstParts[locale as Exclude<LocaleCode, 'en'>];
  const entry = loaded.get(locale) ?? { templates: { ...(await first()).templates }, parts: {} };
  loaded.set(locale, entry);
  await Promise.all([...wanted].map((part) => loadPart(locale, part)));
  return { templates: entry.templates };
}

function loadPart(locale: string, part: LaterPart): Promise<void> {
  const entry = loaded.get(locale);
  if (!entry) return Promise.resolve();
  const pending = (entry.parts[part] ??= laterPartsMap
    .load()
    .then(({ laterParts }) => laterParts[locale as Exclude<LocaleCode, 'en'>][PART_INDEX[part]]())
    .then(({ templates }) => {
      Object.assign(entry.templates, templates);
    })
    .catch((error: unknown) => {
      // Offline: forget the failure, so the next step that needs the part tries again.
      entry.parts[part] = undefined;
      throw error;
    }));
  return pending;
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

type Runtime = ReturnType<typeof configureLocalization>;
let runtime: Runtime | undefined;
let configuring: Promise<Runtime> | undefined;

function localization(): Promise<Runtime> {
  configuring ??= import('@lit/localize/init/runtime.js').then(({ configureLocalization }) => {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loadLocale(locale) as never,
    });
    return runtime;
  });
  return configuring;
}

export function getLocale(): LocaleCode {
  return (runtime?.getLocale() ?? sourceLocale) as LocaleCode;
}

/** Switches every kit element to `locale` (loading its strings first). */
export async function setLocale(locale: LocaleCode): Promise<void> {
  // English is built in: until another language is asked for, there is nothing to configure.
  if (!runtime && locale === sourceLocale) return;
  // The map of language files comes beside the runtime, not after it.
  if (locale !== sourceLocale) firstPartsMap.load().catch(() => undefined);
  await (await localization()).setLocale(locale);
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
