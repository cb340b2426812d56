import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

import { setTenantCss, type SiSuccessEvent } from '../src/index.js';
import { contrastReport, expectReportedColours } from './support/contrast.js';
import { previewStyles, reportTable } from './support/report-view.js';
import { startInteraction } from './support/emulator.js';
import { atStep, expectEqual, expectTrue, fieldsOf, PlayError } from './support/play.js';

interface ThemeArgs {
  primaryColor: string;
  darkPrimaryColor: string;
  /** The tenant enables dark mode, and the preview shows it. */
  darkMode: boolean;
  logoUrl: string;
  darkLogoUrl: string;
  /** The tenant's custom CSS, applied to the page as the hosted page applies it. */
  customCss: string;
}

/** Storybook's colour control may hand over `rgb()` or a name; the tenant config takes hex. */
function hex(value: string, fallback: string): string {
  if (/^#(?:[\da-f]{3}|[\da-f]{6})$/i.test(value.trim())) return value.trim();
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return fallback;
  context.fillStyle = fallback;
  context.fillStyle = value;
  const normalized = context.fillStyle;
  return /^#[\da-f]{6}$/i.test(normalized) ? normalized : fallback;
}

/** One constructed sheet for the story's custom CSS, adopted by the document while it shows. */
const customSheet = new CSSStyleSheet();

function applyCustomCss(text: string): void {
  try {
    setTenantCss(customSheet, text);
  } catch {
    customSheet.replaceSync('');
  }
  if (!document.adoptedStyleSheets.includes(customSheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, customSheet];
  }
}

function stayOnPage(event: SiSuccessEvent): void {
  event.preventDefault();
}

/**
 * Theming from the tenant's sign-in-experience config: brand colours (light and dark), dark mode,
 * logos, and custom CSS. Each story registers an emulator app with those settings, so the form
 * derives its tokens exactly as it does for a real tenant; the contrast reports come from the
 * kit's own theme code (src/theme/colors.ts).
 */
const meta: Meta<ThemeArgs> = {
  title: 'Theme/Tenant branding',
  args: {
    primaryColor: '#0F766E',
    darkPrimaryColor: '#2DD4BF',
    darkMode: false,
    logoUrl: '/__emulator/assets/logo.svg',
    darkLogoUrl: '/__emulator/assets/logo-dark.svg',
    customCss: '',
  },
  argTypes: {
    primaryColor: { control: 'color', description: '`color.primaryColor`' },
    darkPrimaryColor: { control: 'color', description: '`color.darkPrimaryColor`' },
    darkMode: { control: 'boolean', description: '`color.isDarkModeEnabled`, shown dark' },
    logoUrl: { control: 'text', description: '`branding.logoUrl`' },
    darkLogoUrl: { control: 'text', description: '`branding.darkLogoUrl`' },
    customCss: { control: 'text', description: '`customCss`, applied to the page' },
  },
  parameters: { scheme: { arg: 'darkMode', light: false, dark: true }, layout: 'padded' },
};
export default meta;

type Story = StoryObj<ThemeArgs>;

const playground: Story = {
  loaders: [
    async ({ args }) => {
      const primaryColor = hex(String(args.primaryColor), '#0F766E');
      const darkPrimaryColor = hex(String(args.darkPrimaryColor), '#2DD4BF');
      const appId = await startInteraction({
        color: { primaryColor, darkPrimaryColor, isDarkModeEnabled: Boolean(args.darkMode) },
        branding: { logoUrl: args.logoUrl || null, darkLogoUrl: args.darkLogoUrl || null },
        customCss: args.customCss || null,
      });
      return { appId, primaryColor, darkPrimaryColor };
    },
  ],
  beforeEach: () => () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== customSheet);
  },
  render: (args, { loaded }) => {
    applyCustomCss(args.customCss);
    const light = contrastReport(String(loaded.primaryColor), 'light');
    const dark = contrastReport(String(loaded.darkPrimaryColor), 'dark');
    return html`${previewStyles}
      <div class="theme-preview ${args.darkMode ? 'theme-preview--dark' : ''}">
        ${keyed(
          loaded.appId,
          html`<sign-in-form app-id=${String(loaded.appId)} theme=${args.darkMode ? 'dark' : 'light'} @si-success=${stayOnPage}></sign-in-form>`,
        )}
        <section class="brand" aria-label="Contrast report">
          ${reportTable(args.darkMode ? dark : light, `Contrast, ${args.darkMode ? 'dark' : 'light'} scheme (shown)`)}
          ${reportTable(args.darkMode ? light : dark, `Contrast, ${args.darkMode ? 'light' : 'dark'} scheme`)}
        </section>
      </div>`;
  },
};

/** The demo tenant's colours and logos; change any control to re-theme. */
export const Playground: Story = {
  ...playground,
  play: async ({ canvasElement, args, loaded }) => {
    const form = canvasElement.querySelector('sign-in-form');
    if (!form) throw new PlayError('there is no <sign-in-form>');
    const scheme = args.darkMode ? 'dark' : 'light';
    await expectReportedColours(form, contrastReport(String(scheme === 'dark' ? loaded.darkPrimaryColor : loaded.primaryColor), scheme));
    const logo = form.shadowRoot?.querySelector<HTMLImageElement>('[part="logo"] img');
    expectTrue(logo?.src.endsWith(scheme === 'dark' ? 'logo-dark.svg' : 'logo.svg'), `the ${scheme} logo is not shown`);
  },
};

/** A pale yellow brand: white on it is unreadable, so the kit puts dark text on the button and darkens links. */
export const PaleYellowBrand: Story = {
  ...playground,
  args: { primaryColor: '#FFF59D', darkPrimaryColor: '#FFF176' },
  play: async ({ canvasElement, args, loaded }) => {
    const form = canvasElement.querySelector('sign-in-form');
    if (!form) throw new PlayError('there is no <sign-in-form>');
    const scheme = args.darkMode ? 'dark' : 'light';
    await expectReportedColours(form, contrastReport(String(scheme === 'dark' ? loaded.darkPrimaryColor : loaded.primaryColor), scheme));
  },
};

/** Custom CSS from the tenant: a rounder card, and buttons in capitals. */
export const CustomCss: Story = {
  ...playground,
  args: {
    customCss: [
      'sign-in-form::part(card) { border-radius: 28px; outline: 1px solid #c3c9d0; }',
      'sign-in-form .si-button { text-transform: uppercase; letter-spacing: 0.06em; }',
    ].join('\n'),
  },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('sign-in-form');
    if (!form) throw new PlayError('there is no <sign-in-form>');
    await atStep(form, 'sign-in');
    const card = form.shadowRoot?.querySelector('[part="card"]');
    expectEqual(card && getComputedStyle(card).borderTopLeftRadius, '28px', 'the card radius from the custom CSS');
    const button = fieldsOf(form).querySelector('button[type="submit"]');
    expectEqual(button && getComputedStyle(button).textTransform, 'uppercase', 'the button text from the custom CSS');
  },
};
