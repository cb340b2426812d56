import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from 'virtual:custom-elements-manifest';

import '../src/define.js';
import { allLocales } from '../src/index.js';
import { applyLocale, localeTitle } from '../stories/support/locale.js';

// Docs and controls read the elements' attributes, properties, events, parts, slots and CSS
// custom properties from the same custom-elements.json the package ships.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language (ar and fa-IR are right to left)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: allLocales.map((code) => ({ value: code, title: localeTitle(code) })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', backgrounds: { value: 'page' } },
  // The Logto emulator the stories talk to runs here, in the preview frame, behind a service worker
  // (src/emulator/browser.ts), so the built Storybook needs no server of its own.
  beforeAll: async () => {
    const { startBrowserEmulator } = await import('../src/emulator/browser.js');
    await startBrowserEmulator();
  },
  loaders: [
    async ({ globals }) => {
      await applyLocale(String(globals.locale ?? 'en'));
      return {};
    },
  ],
  parameters: {
    a11y: { test: 'error' },
    layout: 'centered',
    // The hosted page's own backgrounds, so the card looks as it does on the page.
    backgrounds: {
      options: {
        page: { name: 'Page, light', value: '#f3f5f7' },
        'page-dark': { name: 'Page, dark', value: '#111418' },
        white: { name: 'White', value: '#ffffff' },
      },
    },
  },
};

export default preview;
