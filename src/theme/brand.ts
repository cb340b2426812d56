import type { SignInExperience } from '../api/schemas.js';
import { type ColorScheme, contrastAdjustments, type ContrastAdjustment, deriveBrandTokens } from './colors.js';

const schemes = (color: SignInExperience['color']): Array<[ColorScheme, string]> => [
  ['light', color.primaryColor],
  ['dark', color.darkPrimaryColor],
];

/** Custom properties (`--si-brand-{light|dark}-*`) for a tenant's colours. */
export function brandProperties(color: SignInExperience['color']): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [scheme, primary] of schemes(color)) {
    const tokens = deriveBrandTokens(primary, scheme);
    properties[`--si-brand-${scheme}-fill`] = tokens.brand;
    properties[`--si-brand-${scheme}-hover`] = tokens.brandHover;
    properties[`--si-brand-${scheme}-pressed`] = tokens.brandPressed;
    properties[`--si-brand-${scheme}-on`] = tokens.onBrand;
    properties[`--si-brand-${scheme}-text`] = tokens.brandText;
    properties[`--si-brand-${scheme}-ring`] = tokens.focusRing;
  }
  return properties;
}

/** What had to be adjusted in a tenant's colours to meet WCAG AA, in both schemes. */
export function brandAdjustments(color: SignInExperience['color']): ContrastAdjustment[] {
  return schemes(color).flatMap(([scheme, primary]) => contrastAdjustments(primary, scheme));
}
