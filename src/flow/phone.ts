/**
 * Phone numbers through libphonenumber-js (mobile metadata), loaded only when a phone field is
 * shown or a typed value looks like a phone number, so the first render stays small.
 */

export interface Country {
  /** ISO 3166 region code, e.g. `CN`. */
  code: string;
  /** Calling code without `+`, e.g. `86`. */
  callingCode: string;
}

export interface ParsedPhone {
  valid: boolean;
  /** Digits the Experience API expects: calling code + national number, no `+`. */
  digits: string;
  /** The region the number belongs to, when the input named it with a leading `+`. */
  country?: string;
  /** `+86 138 0013 8000`. */
  display: string;
}

export interface PhoneTools {
  countries: Country[];
  parse(value: string, country: string): ParsedPhone | undefined;
}

let tools: Promise<PhoneTools> | undefined;

/** Loads libphonenumber-js once; a failed load (offline) is tried again on the next call. */
export function loadPhoneTools(): Promise<PhoneTools> {
  tools ??= import('libphonenumber-js/mobile').then((lib) => {
    const countries = lib
      .getCountries()
      .map((code) => ({ code: code, callingCode: lib.getCountryCallingCode(code) }));
    return {
      countries,
      parse(value: string, country: string): ParsedPhone | undefined {
        const trimmed = value.trim();
        if (!/\d/.test(trimmed)) return undefined;
        const known = countries.some((item) => item.code === country);
        const phone = trimmed.startsWith('+')
          ? lib.parsePhoneNumberFromString(trimmed)
          : lib.parsePhoneNumberFromString(trimmed, known ? (country as never) : undefined);
        if (!phone) return undefined;
        return {
          valid: phone.isValid(),
          digits: `${phone.countryCallingCode}${phone.nationalNumber}`,
          country: phone.country,
          display: phone.formatInternational(),
        };
      },
    };
  });
  tools.catch(() => {
    tools = undefined;
  });
  return tools;
}

/** Where a phone number most likely comes from, given the UI language (Logto's rule). */
export function defaultCountry(locale: string, browserLanguages: readonly string[] = []): string {
  for (const tag of [...browserLanguages, locale]) {
    const region = /^[a-z]{2,3}[-_]([A-Z]{2})\b/i.exec(tag)?.[1];
    if (region) return region.toUpperCase();
  }
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  const byLanguage: Record<string, string> = { zh: 'CN', en: 'US', ja: 'JP', ko: 'KR', ar: 'SA', fa: 'IR', cs: 'CZ', uk: 'UA' };
  return byLanguage[language] ?? (language.length === 2 ? language.toUpperCase() : 'US');
}
