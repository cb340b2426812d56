/**
 * The kit's one `@lit/localize` runtime. Languages load lazily, in three parts each; `en` is built
 * in. The runtime itself (runtime.ts) is fetched and configured when a page first asks for another
 * language, or when the tenant customised phrases on a page that sets its language
 * (tenant-phrases.ts), so importing the kit has no side effects and an English page without
 * custom phrases never downloads it.
 */
import { allLocales, sourceLocale } from '../generated/locale-codes.js';
import type { Runtime } from './runtime.js';

export type LocaleCode = (typeof allLocales)[number];
export { allLocales, sourceLocale };

type Templates = Record<string, unknown>;
export type Part = () => Promise<{ templates: Templates }>;
export type LaterPart = 'steps' | 'errors' | 'enterprise';

/** The later parts asked for so far: every language loaded from now on brings them along. */
const wanted = new Set<LaterPart>();

let runtime: Runtime | undefined;
let configuring: Promise<Runtime> | undefined;
/** Set by `setLocale`: a build without it (which never localizes) does not carry the runtime. */
let allowRuntime: (() => Promise<Runtime>) | undefined;

function localization(): Promise<Runtime> {
  configuring ??= import('./runtime.js').then(({ configure }) => (runtime = configure(wanted)));
  return configuring;
}

/**
 * Makes a part of the strings of the current language available (and of any language chosen
 * later). Kit elements call it before showing a step or an error beyond the first screen; calling
 * it again costs nothing.
 */
export async function loadMessages(part: LaterPart): Promise<void> {
  wanted.add(part);
  await runtime?.loadMessages(part);
}

/** What configures the runtime (on first use); undefined until the page has set a language. */
export function runtimeLoader(): (() => Promise<Runtime>) | undefined {
  return allowRuntime;
}

export function getLocale(): LocaleCode {
  // The runtime's source locale is '' (see runtime.ts), which is English.
  return (runtime?.getLocale() || sourceLocale) as LocaleCode;
}

/** Switches every kit element to `locale` (loading its strings first). */
export async function setLocale(locale: LocaleCode): Promise<void> {
  allowRuntime = localization;
  // English is built in: until another language is asked for, there is nothing to configure.
  if (!runtime && locale === sourceLocale) return;
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
