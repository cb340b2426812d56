/**
 * Brand colours from the tenant config, made safe to read. Each colour the kit derives from a brand
 * colour (hover, pressed, text on the brand colour, links, focus ring) is checked against WCAG 2.2
 * contrast on the surface it is drawn on and nudged in lightness until it passes;
 * `contrastAdjustments` names every nudge for the dev-mode warning.
 */

export type Rgb = readonly [number, number, number];
export type ColorScheme = 'light' | 'dark';

/** Surfaces and text the brand colour sits on, per scheme (kept in sync with tokens.ts). */
export const SURFACES = {
  light: { surface: '#ffffff', page: '#f3f5f7', text: '#1b1f24' },
  dark: { surface: '#1c2026', page: '#111418', text: '#e9edf1' },
} as const;

export interface BrandTokens {
  brand: string;
  brandHover: string;
  brandPressed: string;
  onBrand: string;
  /** The brand colour as text or icon on the surface (links, secondary buttons). */
  brandText: string;
  focusRing: string;
}

export interface ContrastAdjustment {
  scheme: ColorScheme;
  pair: string;
  from: string;
  to: string;
  ratio: number;
}

export function parseHex(hex: string): Rgb | undefined {
  const match = /^#?([\da-f]{3}|[\da-f]{6})(?:[\da-f]{2})?$/i.exec(hex.trim());
  if (!match?.[1]) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(clamp(c, 0, 255)).toString(16).padStart(2, '0')).join('')}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string | Rgb, b: string | Rgb): number {
  const la = luminance(typeof a === 'string' ? (parseHex(a) ?? [0, 0, 0]) : a);
  const lb = luminance(typeof b === 'string' ? (parseHex(b) ?? [0, 0, 0]) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Linear mix in sRGB; enough for hover and pressed shades. */
export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => (a[i] ?? 0) + ((b[i] ?? 0) - (a[i] ?? 0)) * amount) as unknown as Rgb;
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/**
 * Moves `color` towards black or white, in steps of 1/40, until it reaches `ratio` against
 * `against`. Returns the first passing step (pure black or white pass any ratio ≤ 21 against a
 * mid surface, so there is one). Moving towards black or white changes the luminance one way only,
 * so once a step passes every later one does: a binary search finds the first in six tries
 * instead of up to forty, which the first screen does ten times for a tenant's two colours.
 */
export function ensureContrast(color: Rgb, against: Rgb, ratio: number, direction: 'darken' | 'lighten'): Rgb {
  const target = direction === 'darken' ? BLACK : WHITE;
  const step = (n: number): Rgb => mix(color, target, n / 40);
  if (contrast(color, against) >= ratio) return color;
  let low = 0; // fails
  let high = 40; // the target: passes, or nothing does
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (contrast(step(middle), against) >= ratio) high = middle;
    else low = middle;
  }
  return step(high);
}

/** Text on a filled brand button: white or near-black, whichever reads better. */
function onColor(fill: Rgb): Rgb {
  const dark: Rgb = [17, 20, 24];
  return contrast(fill, WHITE) >= contrast(fill, dark) ? WHITE : dark;
}

/** The tenant's colour for a scheme, or the kit's default when it cannot be read. */
function sourceColor(primary: string, scheme: ColorScheme): Rgb {
  return parseHex(primary) ?? parseHex(scheme === 'light' ? '#0f766e' : '#2dd4bf') ?? BLACK;
}

/**
 * The brand tokens for one scheme. Filled buttons keep the tenant's colour whenever the text on it
 * can reach 4.5:1; otherwise the fill is adjusted. Links and the focus ring are adjusted against the
 * card surface (4.5:1 for text, 3:1 for the ring).
 */
export function deriveBrandTokens(primary: string, scheme: ColorScheme): BrandTokens {
  const surface = parseHex(SURFACES[scheme].surface) ?? WHITE;
  const source = sourceColor(primary, scheme);

  // Fill: keep the hue; if neither white nor dark text reaches 4.5:1, push the fill away from the text.
  let brand = source;
  let on = onColor(brand);
  if (contrast(brand, on) < 4.5) {
    brand = ensureContrast(brand, on, 4.5, on === WHITE ? 'darken' : 'lighten');
    on = onColor(brand);
  }
  const towards = on === WHITE ? BLACK : WHITE;
  const hover = ensureContrast(mix(brand, towards, 0.1), on, 4.5, on === WHITE ? 'darken' : 'lighten');
  const pressed = ensureContrast(mix(brand, towards, 0.2), on, 4.5, on === WHITE ? 'darken' : 'lighten');

  const direction = scheme === 'light' ? 'darken' : 'lighten';
  return {
    brand: toHex(brand),
    brandHover: toHex(hover),
    brandPressed: toHex(pressed),
    onBrand: toHex(on),
    brandText: toHex(ensureContrast(source, surface, 4.5, direction)),
    focusRing: toHex(ensureContrast(source, surface, 3, direction)),
  };
}

/**
 * Where `deriveBrandTokens` had to move the tenant's colour, with the contrast it reached: for the
 * dev-mode warning and the Storybook contrast report (production builds leave it out).
 */
export function contrastAdjustments(
  primary: string,
  scheme: ColorScheme,
  tokens: BrandTokens = deriveBrandTokens(primary, scheme),
): ContrastAdjustment[] {
  const from = toHex(sourceColor(primary, scheme));
  const { surface } = SURFACES[scheme];
  const pairs: Array<[pair: string, to: string, against: string]> = [
    ['text on brand fill', tokens.brand, tokens.onBrand],
    ['brand text on surface', tokens.brandText, surface],
    ['focus ring on surface', tokens.focusRing, surface],
  ];
  return pairs
    .filter(([, to]) => to !== from)
    .map(([pair, to, against]) => ({ scheme, pair, from, to, ratio: round(contrast(to, against)) }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
