/**
 * Where each language's later parts live: the strings of the steps after the first screen, and
 * the error sentences (see message-parts.ts). Loaded with the first of them, so the first screen
 * carries only the map of first parts (localization.ts).
 */
import type { LocaleCode, Part } from './localization.js';

export const laterParts: Record<Exclude<LocaleCode, 'en'>, readonly [steps: Part, errors: Part, enterprise: Part]> = {
  ar: [
    () => import('../generated/locales/ar.js?part=steps'),
    () => import('../generated/locales/ar.js?part=errors'),
    () => import('../generated/locales/ar.js?part=enterprise'),
  ],
  cs: [
    () => import('../generated/locales/cs.js?part=steps'),
    () => import('../generated/locales/cs.js?part=errors'),
    () => import('../generated/locales/cs.js?part=enterprise'),
  ],
  de: [
    () => import('../generated/locales/de.js?part=steps'),
    () => import('../generated/locales/de.js?part=errors'),
    () => import('../generated/locales/de.js?part=enterprise'),
  ],
  es: [
    () => import('../generated/locales/es.js?part=steps'),
    () => import('../generated/locales/es.js?part=errors'),
    () => import('../generated/locales/es.js?part=enterprise'),
  ],
  'fa-IR': [
    () => import('../generated/locales/fa-IR.js?part=steps'),
    () => import('../generated/locales/fa-IR.js?part=errors'),
    () => import('../generated/locales/fa-IR.js?part=enterprise'),
  ],
  fr: [
    () => import('../generated/locales/fr.js?part=steps'),
    () => import('../generated/locales/fr.js?part=errors'),
    () => import('../generated/locales/fr.js?part=enterprise'),
  ],
  it: [
    () => import('../generated/locales/it.js?part=steps'),
    () => import('../generated/locales/it.js?part=errors'),
    () => import('../generated/locales/it.js?part=enterprise'),
  ],
  ja: [
    () => import('../generated/locales/ja.js?part=steps'),
    () => import('../generated/locales/ja.js?part=errors'),
    () => import('../generated/locales/ja.js?part=enterprise'),
  ],
  ko: [
    () => import('../generated/locales/ko.js?part=steps'),
    () => import('../generated/locales/ko.js?part=errors'),
    () => import('../generated/locales/ko.js?part=enterprise'),
  ],
  'pl-PL': [
    () => import('../generated/locales/pl-PL.js?part=steps'),
    () => import('../generated/locales/pl-PL.js?part=errors'),
    () => import('../generated/locales/pl-PL.js?part=enterprise'),
  ],
  'pt-BR': [
    () => import('../generated/locales/pt-BR.js?part=steps'),
    () => import('../generated/locales/pt-BR.js?part=errors'),
    () => import('../generated/locales/pt-BR.js?part=enterprise'),
  ],
  'pt-PT': [
    () => import('../generated/locales/pt-PT.js?part=steps'),
    () => import('../generated/locales/pt-PT.js?part=errors'),
    () => import('../generated/locales/pt-PT.js?part=enterprise'),
  ],
  ru: [
    () => import('../generated/locales/ru.js?part=steps'),
    () => import('../generated/locales/ru.js?part=errors'),
    () => import('../generated/locales/ru.js?part=enterprise'),
  ],
  th: [
    () => import('../generated/locales/th.js?part=steps'),
    () => import('../generated/locales/th.js?part=errors'),
    () => import('../generated/locales/th.js?part=enterprise'),
  ],
  'tr-TR': [
    () => import('../generated/locales/tr-TR.js?part=steps'),
    () => import('../generated/locales/tr-TR.js?part=errors'),
    () => import('../generated/locales/tr-TR.js?part=enterprise'),
  ],
  'uk-UA': [
    () => import('../generated/locales/uk-UA.js?part=steps'),
    () => import('../generated/locales/uk-UA.js?part=errors'),
    () => import('../generated/locales/uk-UA.js?part=enterprise'),
  ],
  'zh-CN': [
    () => import('../generated/locales/zh-CN.js?part=steps'),
    () => import('../generated/locales/zh-CN.js?part=errors'),
    () => import('../generated/locales/zh-CN.js?part=enterprise'),
  ],
  'zh-HK': [
    () => import('../generated/locales/zh-HK.js?part=steps'),
    () => import('../generated/locales/zh-HK.js?part=errors'),
    () => import('../generated/locales/zh-HK.js?part=enterprise'),
  ],
  'zh-TW': [
    () => import('../generated/locales/zh-TW.js?part=steps'),
    () => import('../generated/locales/zh-TW.js?part=errors'),
    () => import('../generated/locales/zh-TW.js?part=enterprise'),
  ],
};
