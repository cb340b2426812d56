import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import '../src/app/main.js';
import type { SignInForm } from '../src/index.js';
import { type ConfigPatch, startInteraction } from './support/emulator.js';
import { atStep, expectEqual, expectTrue, PlayError, until } from './support/play.js';

interface PageParameters {
  /** Sign-in-experience patch for the story's emulator app. */
  tenant?: ConfigPatch;
}

/**
 * The hosted page's own stylesheet (src/app/page.css: the page background and layout), fetched
 * as text so the same story runs in Storybook and in the story tests, and adopted while the story
 * shows. `new URL(…, import.meta.url)` also makes Storybook's build ship the file.
 */
const pageCss = new URL('../src/app/page.css', import.meta.url);
let pageSheet: Promise<CSSStyleSheet> | undefined;

function loadPageSheet(): Promise<CSSStyleSheet> {
  pageSheet ??= fetch(pageCss, { headers: { accept: 'text/css' } })
    .then((response) => {
      if (!response.ok) throw new Error(`page.css: HTTP ${response.status}`);
      return response.text();
    })
    .then((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  return pageSheet;
}

/** The keys the hosted page keeps in sessionStorage for the tab (app, language, saved step). */
function clearPageStorage(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('sign-in-kit:')) sessionStorage.removeItem(key);
}

/**
 * The hosted page shell, `<sign-in-page>`, as Logto serves it: it reads the app from the address
 * (here from the tab's storage, where the page keeps it), loads the tenant's config, picks the
 * language (the toolbar's, passed as `ui_locales`), applies the tenant's favicon and custom CSS,
 * and lays out `<sign-in-form>` with a language picker.
 */
const meta: Meta = {
  title: 'Page/sign-in-page',
  component: 'sign-in-page',
  parameters: { layout: 'fullscreen' },
  loaders: [
    async ({ parameters, globals }) => {
      clearPageStorage();
      const appId = await startInteraction((parameters as PageParameters).tenant ?? {});
      sessionStorage.setItem('sign-in-kit:app_id', appId);
      sessionStorage.setItem('sign-in-kit:ui_locales', String(globals.locale ?? 'en'));
      return { appId };
    },
  ],
  // The page changes the document (title, favicon, custom CSS, scheme) and the address: put them
  // back afterwards.
  beforeEach: async () => {
    // The page picks its first screen from the address, which Logto's redirect makes `/sign-in`;
    // Storybook's frame is /iframe.html (a not-found address to the page), so the story shows the
    // page at /sign-in, query kept, and the frame gets its own address back in the cleanup.
    const address = `${location.pathname}${location.search}${location.hash}`;
    history.replaceState(history.state, '', `/sign-in${location.search}`);
    const sheets = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [...sheets, await loadPageSheet()];
    const title = document.title;
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    const iconHref = icon?.getAttribute('href');
    return () => {
      document.adoptedStyleSheets = sheets;
      document.title = title;
      delete document.body.dataset.scheme;
      const current = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (iconHref === null || iconHref === undefined) current?.remove();
      else current?.setAttribute('href', iconHref);
      clearPageStorage();
      history.replaceState(history.state, '', address);
    };
  },
  render: () => html`<sign-in-page></sign-in-page>`,
};
export default meta;

type Story = StoryObj;

async function pageForm(canvas: HTMLElement): Promise<SignInForm> {
  return until(() => canvas.querySelector('sign-in-page sign-in-form'), 'the page did not show the sign-in form');
}

/** The page's language picker, drawn a moment after the form's first screen. */
async function languagePicker(canvas: HTMLElement): Promise<HTMLSelectElement> {
  return until(() => canvas.querySelector<HTMLSelectElement>('sign-in-page select#page-language'), 'the page has no language picker');
}

export const Default: Story = {
  play: async ({ canvasElement, loaded, globals }) => {
    const form = await pageForm(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(form.appId, loaded.appId, 'the app the form signs in to');
    // The toolbar's language reaches the page as `ui_locales`.
    expectEqual((await languagePicker(canvasElement)).value, String(globals.locale ?? 'en'), 'the language picker');
  },
};

/** The tenant's custom CSS, applied to the page by the shell (through the form's parts). */
export const CustomCss: Story = {
  parameters: {
    tenant: {
      customCss: [
        'sign-in-form::part(card) { border: 3px solid #7c3aed; border-radius: 4px; box-shadow: none; }',
        'sign-in-form .si-title { text-transform: uppercase; letter-spacing: 0.04em; }',
      ].join('\n'),
    } satisfies ConfigPatch,
  },
  play: async ({ canvasElement }) => {
    const form = await pageForm(canvasElement);
    await atStep(form, 'sign-in');
    const card = form.shadowRoot?.querySelector('[part="card"]');
    if (!card) throw new PlayError('the form has no card part');
    await until(() => getComputedStyle(card).borderTopWidth === '3px', 'the tenant\'s custom CSS did not reach the card');
    const title = form.querySelector('.si-title');
    expectTrue(title && getComputedStyle(title).textTransform === 'uppercase', 'the tenant\'s custom CSS did not reach the title');
  },
};

/** Arabic from `ui_locales`: the page turns right to left and the picker shows the language. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const form = await pageForm(canvasElement);
    await atStep(form, 'sign-in');
    await until(() => document.documentElement.dir === 'rtl', 'the page did not turn right to left');
    expectEqual((await languagePicker(canvasElement)).value, 'ar', 'the language picker');
  },
};
