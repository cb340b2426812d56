/**
 * The `@lit/localize` runtime, configured, and the loading of the languages it asks for. This
 * module comes with the runtime (and the map of first parts) the first time a page sets a
 * language other than English, or has a tenant's phrases to show (tenant-phrases.ts); an English
 * page without them never fetches it (localization.ts).
 *
 * English is one of the runtime's target languages, not its source: its templates hold only the
 * tenant's phrases, and every other message falls back to the English written in the code. The
 * source locale is the empty code, which is active only between configuring the runtime and the
 * first `setLocale`; `getLocale()` in localization.ts reads it as `en`. (The runtime can be
 * configured once, and a source locale never gets templates, so this is what lets the tenant's
 * English phrases show.)
 */
import { configureLocalization } from '@lit/localize/init/runtime.js';

import { firstParts } from './first-parts.js';
import type { laterParts as LaterPartsMap } from './later-parts.js';
import type { LaterPart, LocaleCode } from './localization.js';

type Templates = Record<string, unknown>;
type TargetCode = Exclude<LocaleCode, 'en'>;
type LaterPartsModule = { laterParts: typeof LaterPartsMap };

/** The language the code is written in (locale-codes.ts); here a target like the others. */
const sourceLocale = 'en';

/** Where each language's later parts are: fetched with the first of them (again after a failure). */
let laterPartsMap: Promise<LaterPartsModule> | undefined;
function laterParts(): Promise<LaterPartsModule> {
  laterPartsMap ??= import('./later-parts.js').catch((error: unknown) => {
    laterPartsMap = undefined;
    throw error;
  });
  return laterPartsMap;
}
const PART_INDEX: Record<LaterPart, 0 | 1 | 2> = { steps: 0, errors: 1, enterprise: 2 };

/** The strings of each loaded language; the runtime reads these same objects, so merging shows. */
const loaded = new Map<string, { templates: Templates; parts: Partial<Record<LaterPart, Promise<void>>> }>();

/** The tenant's phrases per language: they win over every part of the kit's strings, whenever it arrives. */
const overrides = new Map<string, Templates>();

function overridesOf(locale: string): Templates {
  let templates = overrides.get(locale);
  if (!templates) overrides.set(locale, (templates = {}));
  return templates;
}

function announce(locale: string): void {
  // What the runtime dispatches when a language is ready: elements on screen render again.
  globalThis.dispatchEvent?.(new CustomEvent('lit-localize-status', { detail: { status: 'ready', readyLocale: locale } }));
}

export interface Runtime {
  getLocale(): string;
  setLocale(locale: LocaleCode): Promise<void>;
  /** Loads a later part of the current language; see `loadMessages` in localization.ts. */
  loadMessages(part: LaterPart): Promise<void>;
  /** Shows the tenant's phrases (message id → plain text) in place of the kit's, for one language. */
  override(locale: LocaleCode, phrases: Record<string, string>): void;
}

/** Configures the runtime (once); `wanted` lists the later parts each language should bring along. */
export function configure(wanted: ReadonlySet<LaterPart>): Runtime {
  let requested: string | undefined;

  async function loadLocale(locale: string): Promise<{ templates: Templates }> {
    if (locale === sourceLocale) return { templates: overridesOf(locale) };
    const first = firstParts[locale as TargetCode];
    const entry = loaded.get(locale) ?? { templates: { ...(await first()).templates, ...overrides.get(locale) }, parts: {} };
    loaded.set(locale, entry);
    await Promise.all([...wanted].map((part) => loadPart(locale, part)));
    return { templates: entry.templates };
  }

  function loadPart(locale: string, part: LaterPart): Promise<void> {
    const entry = loaded.get(locale);
    if (!entry) return Promise.resolve();
    const pending = (entry.parts[part] ??= laterParts()
      .then((map) => map.laterParts[locale as TargetCode][PART_INDEX[part]]())
      .then(({ templates }) => {
        Object.assign(entry.templates, templates, overrides.get(locale));
      })
      .catch((error: unknown) => {
        // Offline: forget the failure, so the next step that needs the part tries again.
        entry.parts[part] = undefined;
        throw error;
      }));
    return pending;
  }

  const lit = configureLocalization({
    sourceLocale: '',
    // Every language the kit has: the ones with parts, and English.
    targetLocales: [...Object.keys(firstParts), sourceLocale],
    loadLocale: (locale) => loadLocale(locale) as never,
  });

  const setLocale = (locale: LocaleCode): Promise<void> => {
    requested = locale;
    return lit.setLocale(locale);
  };

  return {
    getLocale: lit.getLocale,
    setLocale,
    async loadMessages(part) {
      const locale = lit.getLocale();
      const entry = loaded.get(locale);
      if (!entry) return;
      const fresh = entry.parts[part] === undefined;
      await loadPart(locale, part);
      if (fresh) announce(locale);
    },
    override(locale, phrases) {
      Object.assign(overridesOf(locale), phrases);
      const entry = loaded.get(locale);
      if (entry) Object.assign(entry.templates, phrases);
      if (lit.getLocale() === locale) announce(locale);
      // Configured just now for these phrases: the page is English, so English starts to apply.
      else if (requested === undefined && locale === sourceLocale) void setLocale(locale).catch(() => undefined);
    },
  };
}
