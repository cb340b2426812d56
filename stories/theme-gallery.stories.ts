import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';

import type { SiSuccessEvent } from '../src/index.js';
import { contrast } from '../src/theme/colors.js';
import { contrastReport, expectReportedColours } from './support/contrast.js';
import { startInteraction } from './support/emulator.js';
import { expectEqual, PlayError } from './support/play.js';
import { previewStyles, reportTable, swatch } from './support/report-view.js';

function stayOnPage(event: SiSuccessEvent): void {
  event.preventDefault();
}

interface Brand {
  name: string;
  primary: string;
  darkPrimary: string;
  /** Where the colours come from, when it matters. */
  note?: string;
}

/**
 * A made-up wordmark in the brand's colour (a `data:` image, which the kit accepts as a logo):
 * the brand's initial on its colour, and the name in the scheme's text colour.
 */
function wordmark(brand: Brand, scheme: 'light' | 'dark'): string {
  const fill = scheme === 'dark' ? brand.darkPrimary : brand.primary;
  const text = scheme === 'dark' ? '#e9edf1' : '#1b1f24';
  const initial = contrast('#ffffff', fill) >= contrast('#111418', fill) ? '#ffffff' : '#111418';
  const name = (brand.name.split(' (')[0] ?? brand.name).replace(/[<>&"]/g, '');
  const width = 56 + name.length * 11;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40" viewBox="0 0 ${width} 40">` +
    `<rect x="2" y="4" width="32" height="32" rx="8" fill="${fill}"/>` +
    `<text x="18" y="26.5" font-family="system-ui,sans-serif" font-size="17" font-weight="700" text-anchor="middle" fill="${initial}">${name.charAt(0)}</text>` +
    `<text x="44" y="26.5" font-family="system-ui,sans-serif" font-size="17" font-weight="600" fill="${text}">${name}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Brands that a theme must survive, the hard ones included (a pale yellow, a very dark navy). */
const BRANDS: Brand[] = [
  { name: 'Teal (the demo tenant)', primary: '#0F766E', darkPrimary: '#2DD4BF' },
  { name: 'Logto violet', primary: '#6139F6', darkPrimary: '#8768F8', note: 'from the recorded Logto 1.42 config' },
  { name: 'Pale yellow', primary: '#FFF59D', darkPrimary: '#FFF176' },
  { name: 'Very dark navy', primary: '#0A1633', darkPrimary: '#0C1A3D' },
  { name: 'Coral', primary: '#FF6F61', darkPrimary: '#FF8A80' },
  { name: 'Sky blue', primary: '#38BDF8', darkPrimary: '#38BDF8' },
  { name: 'Forest green', primary: '#1B5E20', darkPrimary: '#81C784' },
  { name: 'Magenta', primary: '#D6246E', darkPrimary: '#F06292' },
];

interface GalleryArgs {
  theme: 'light' | 'dark';
}

/**
 * Several brands side by side, each a real `<sign-in-form>` for an emulator app with that brand's
 * colours, with the contrast report of the scheme shown. Switch `theme` for the dark scheme.
 */
const meta: Meta<GalleryArgs> = {
  title: 'Theme/Gallery',
};
export default meta;

export const Brands: StoryObj<GalleryArgs> = {
  args: { theme: 'light' },
  argTypes: { theme: { type: 'string', control: 'inline-radio', options: ['light', 'dark'], description: 'The scheme the forms show.' } },
  parameters: { scheme: { arg: 'theme', light: 'light', dark: 'dark' }, layout: 'fullscreen' },
  loaders: [
    async () => {
      // One after the other: each `/oidc/auth` adds its app to the same interaction cookie.
      const apps: string[] = [];
      for (const brand of BRANDS) {
        apps.push(
          await startInteraction({
            color: { primaryColor: brand.primary, darkPrimaryColor: brand.darkPrimary, isDarkModeEnabled: true },
            branding: { logoUrl: wordmark(brand, 'light'), darkLogoUrl: wordmark(brand, 'dark') },
          }),
        );
      }
      return { apps };
    },
  ],
  render: (args, { loaded }) => {
    const apps = loaded.apps as string[];
    return html`${previewStyles}
      <div class="theme-preview theme-preview--gallery ${args.theme === 'dark' ? 'theme-preview--dark' : ''}">
        ${BRANDS.map((brand, index) => {
          const report = contrastReport(args.theme === 'dark' ? brand.darkPrimary : brand.primary, args.theme);
          return html`<section class="brand" aria-label=${brand.name} data-brand=${index}>
            <div>
              <h2>${brand.name}</h2>
              <p class="brand-colour">
                ${args.theme === 'dark' ? 'darkPrimaryColor' : 'primaryColor'} ${swatch(args.theme === 'dark' ? brand.darkPrimary : brand.primary)}
                ${brand.note ?? nothing}
              </p>
            </div>
            <sign-in-form app-id=${apps[index] ?? nothing} theme=${args.theme} @si-success=${stayOnPage}></sign-in-form>
            ${reportTable(report, `Contrast, ${args.theme} scheme`)}
          </section>`;
        })}
      </div>`;
  },
  play: async ({ canvasElement, args }) => {
    const sections = [...canvasElement.querySelectorAll<HTMLElement>('section[data-brand]')];
    expectEqual(sections.length, BRANDS.length, 'brands shown');
    for (const [index, brand] of BRANDS.entries()) {
      const form = sections[index]?.querySelector('sign-in-form');
      if (!form) throw new PlayError(`${brand.name} has no form`);
      await expectReportedColours(form, contrastReport(args.theme === 'dark' ? brand.darkPrimary : brand.primary, args.theme));
    }
  },
};
