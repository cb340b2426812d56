/**
 * Where each language's first part lives: the strings of the first screen (see message-parts.ts).
 * An explicit map (not a template-literal import) so every bundler and the test server see each
 * file. It travels with the `@lit/localize` runtime (runtime.ts), which a page fetches when it asks
 * for a language other than English, so an English page carries neither. The later parts are
 * mapped in later-parts.ts.
 * Where the build does not split languages (the test server), every part is the whole language,
 * which is merely redundant.
 */
import type { LocaleCode, Part } from './localization.js';

export const firstParts: Record<Exclude<LocaleCode, 'en'>, Part> = {
  ar: () => import('../generated/locales/ar.js?part=first'),
  cs: () => import('../generated/locales/cs.js?part=first'),
  de: () => import('../generated/locales/de.js?part=first'),
  es: () => import('../generated/locales/es.js?part=first'),
  'fa-IR': () => import('../generated/locales/fa-IR.js?part=first'),
  fr: () => import('../generated/locales/fr.js?part=first'),
  it: () => import('../generated/locales/it.js?part=first'),
  ja: () => import('../generated/locales/ja.js?part=first'),
  ko: () => import('../generated/locales/ko.js?part=first'),
  'pl-PL': () => import('../generated/locales/pl-PL.js?part=first'),
  'pt-BR': () => import('../generated/locales/pt-BR.js?part=first'),
  'pt-PT': () => import('../generated/locales/pt-PT.js?part=first'),
  ru: () => import('../generated/locales/ru.js?part=first'),
  th: () => import('../generated/locales/th.js?part=first'),
  'tr-TR': () => import('../generated/locales/tr-TR.js?part=first'),
  'uk-UA': () => import('../generated/locales/uk-UA.js?part=first'),
  'zh-CN': () => import('../generated/locales/zh-CN.js?part=first'),
  'zh-HK': () => import('../generated/locales/zh-HK.js?part=first'),
  'zh-TW': () => import('../generated/locales/zh-TW.js?part=first'),
};
