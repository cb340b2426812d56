// Do not modify this file by hand!
// Re-generate this file by running lit-localize.

/**
 * The locale code that templates in this source code are written in.
 */
export const sourceLocale = `en`;

/**
 * The other locale codes that this application is localized into. Sorted
 * lexicographically.
 */
export const targetLocales = [
  `ar`,
  `cs`,
  `de`,
  `es`,
  `fa-IR`,
  `fr`,
  `it`,
  `ja`,
  `ko`,
  `pl-PL`,
  `pt-BR`,
  `pt-PT`,
  `ru`,
  `th`,
  `tr-TR`,
  `uk-UA`,
  `zh-CN`,
  `zh-HK`,
  `zh-TW`,
] as const;

/**
 * All valid project locale codes. Sorted lexicographically.
 */
export const allLocales = [
  `ar`,
  `cs`,
  `de`,
  `en`,
  `es`,
  `fa-IR`,
  `fr`,
  `it`,
  `ja`,
  `ko`,
  `pl-PL`,
  `pt-BR`,
  `pt-PT`,
  `ru`,
  `th`,
  `tr-TR`,
  `uk-UA`,
  `zh-CN`,
  `zh-HK`,
  `zh-TW`,
] as const;
