/**
 * The contrast report of a brand colour, computed with the kit's own theme code
 * (`deriveBrandTokens`, `contrast` and the surfaces of src/theme/colors.ts): every text or control
 * colour the kit derives from the brand, the colour it sits on, the WCAG 2.2 ratio between them,
 * and the ratio the kit aims for (4.5:1 for text, 3:1 for the focus ring).
 */
import {
  type BrandTokens,
  type ColorScheme,
  type ContrastAdjustment,
  contrast,
  contrastAdjustments,
  deriveBrandTokens,
  SURFACES,
} from '../../src/theme/colors.js';
import type { SignInForm } from '../../src/index.js';
import { atStep, expectEqual, expectTrue, fieldsOf, PlayError } from './play.js';

export interface ContrastPair {
  label: string;
  foreground: string;
  background: string;
  ratio: number;
  required: number;
  /**
   * Not a guarantee of the kit, shown for the designer: the button's fill against the card
   * (WCAG's 3:1 for non-text contrast; the kit keeps the tenant's fill and relies on the label).
   */
  advisory?: boolean;
}

export interface ContrastReport {
  scheme: ColorScheme;
  tokens: BrandTokens;
  pairs: ContrastPair[];
  /** Where the kit had to move a colour away from the tenant's to reach the ratio. */
  adjustments: ContrastAdjustment[];
}

export function contrastReport(primary: string, scheme: ColorScheme): ContrastReport {
  const tokens = deriveBrandTokens(primary, scheme);
  const adjustments = contrastAdjustments(primary, scheme, tokens);
  const { surface, text } = SURFACES[scheme];
  const pair = (label: string, foreground: string, background: string, required: number): ContrastPair => ({
    label,
    foreground,
    background,
    ratio: contrast(foreground, background),
    required,
  });
  return {
    scheme,
    tokens,
    adjustments,
    pairs: [
      pair('Button label on the brand fill', tokens.onBrand, tokens.brand, 4.5),
      pair('Button label, hovered', tokens.onBrand, tokens.brandHover, 4.5),
      pair('Button label, pressed', tokens.onBrand, tokens.brandPressed, 4.5),
      pair('Links on the card', tokens.brandText, surface, 4.5),
      pair('Focus ring on the card', tokens.focusRing, surface, 3),
      pair('Body text on the card', text, surface, 4.5),
      { ...pair('Button fill against the card', tokens.brand, surface, 3), advisory: true },
    ],
  };
}

/** `#0f766e` → `rgb(15, 118, 110)`, as `getComputedStyle` writes colours. */
export function asComputed(hex: string): string {
  const value = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((index) => parseInt(value.slice(index, index + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Checks that the form on screen uses the colours its report lists. */
export async function expectReportedColours(form: SignInForm, report: ContrastReport): Promise<void> {
  await atStep(form, 'sign-in');
  const button = fieldsOf(form).querySelector('button[type="submit"]');
  if (!button) throw new PlayError('the form has no submit button');
  const style = getComputedStyle(button);
  expectEqual(style.backgroundColor, asComputed(report.tokens.brand), `the button fill of the ${report.scheme} scheme`);
  expectEqual(style.color, asComputed(report.tokens.onBrand), `the button label of the ${report.scheme} scheme`);
  for (const pair of report.pairs.filter((item) => !item.advisory)) {
    expectTrue(pair.ratio >= pair.required, `${pair.label}: ${pair.ratio.toFixed(2)}:1 is below ${pair.required}:1 (${report.scheme})`);
  }
}
