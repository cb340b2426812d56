import type { SignInExperience } from '../api/schemas.js';
import { type ContrastAdjustment, deriveBrandTokens } from './colors.js';

/** Custom properties (`--si-brand-{light|dark}-*`) for a tenant's colours, plus what had to be adjusted. */
export function brandProperties(color: SignInExperience['color']): {
  properties: Record<string, string>;
  adjustments: ContrastAdjustment[];
} {
  const adjustments: ContrastAdjustment[] = [];
  const properties: Record<string, string> = {};
  for (const [scheme, primary] of [
    ['light', color.primaryColor],
    ['dark', color.darkPrimaryColor],
  ] as const) {
    const tokens = deriveBrandTokens(primary, scheme, adjustments);
    properties[`--si-brand-${scheme}-fill`] = tokens.brand;
    properties[`--si-brand-${scheme}-hover`] = tokens.brandHover;
    properties[`--si-brand-${scheme}-pressed`] = tokens.brandPressed;
    properties[`--si-brand-${scheme}-on`] = tokens.onBrand;
    properties[`--si-brand-${scheme}-text`] = tokens.brandText;
    properties[`--si-brand-${scheme}-ring`] = tokens.focusRing;
  }
  return { properties, adjustments };
}
