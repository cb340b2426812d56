import type { Preview } from '@storybook/web-components-vite';

import '../src/define.js';
import { allLocales, setLocale, textDirection, type LocaleCode } from '../src/index.js';

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: allLocales.map((code) => ({ value: code, title: code })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  loaders: [
    async ({ globals }) => {
      const locale = (globals.locale ?? 'en') as LocaleCode;
      await setLocale(locale);
      document.documentElement.lang = locale;
      document.documentElement.dir = textDirection(locale);
      return {};
    },
  ],
  parameters: {
    a11y: { test: 'error' },
    layout: 'centered',
  },
};

export default preview;
