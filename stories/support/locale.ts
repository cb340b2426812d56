/**
 * The language of the stories: the kit's runtime locale plus the document's `lang` and `dir`, as
 * the hosted page sets them. Used by Storybook's locale toolbar and by the story tests.
 */
import { allLocales, type LocaleCode, setLocale, textDirection } from '../../src/index.js';

export async function applyLocale(locale: string | undefined): Promise<LocaleCode> {
  const code = allLocales.find((item) => item === locale) ?? 'en';
  await setLocale(code);
  document.documentElement.lang = code;
  document.documentElement.dir = textDirection(code);
  return code;
}

/** "ar · العربية": the code and the language's own name, for the toolbar. */
export function localeTitle(code: LocaleCode): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}
