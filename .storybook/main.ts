import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

import { emulatorServiceWorker } from '../src/emulator/vite-plugin.js';

const root = resolve(import.meta.dirname, '..');
const MANIFEST_MODULE = 'virtual:custom-elements-manifest';

/**
 * Plugins of vite.config.ts (which Storybook's builder reads) that belong to the hosted page only:
 * its Node-side emulator (the stories use the in-browser one, so dev and the static build behave
 * alike) and the second minification pass, which would take minutes over Storybook's bundle.
 */
const HOSTED_PAGE_ONLY = new Set(['logto-emulator', 'sign-in-kit:terser-pass']);
const hostedPageOnly = (plugin: unknown): boolean =>
  typeof plugin === 'object' && plugin !== null && 'name' in plugin && HOSTED_PAGE_ONLY.has(String(plugin.name));

/**
 * `virtual:custom-elements-manifest`: the kit's custom-elements.json for Storybook's docs, made by
 * the same analysis as `npm run analyze` (written to node_modules/.cache so dist/ is left alone),
 * and made again when a component file changes.
 */
function customElementsManifest(): Plugin {
  const resolved = `\0${MANIFEST_MODULE}`;
  const outdir = 'node_modules/.cache/sign-in-kit';
  return {
    name: 'sign-in-kit:custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const cli = resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
      const args = ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'];
      execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
      const components = join(root, 'src/components');
      for (const entry of readdirSync(components, { recursive: true, encoding: 'utf8' })) {
        if (entry.endsWith('.ts')) this.addWatchFile(join(components, entry));
      }
      return `export default ${readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8')};`;
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No "Get started" checklist for the designers who open the published Storybook.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // The stories talk to the emulator on Storybook's own origin, like the hosted page does. It runs
  // in the preview frame (preview.ts) behind a service worker, the same in `storybook dev` and in
  // the static build, which any file server can publish.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [
      ...(viteConfig.plugins ?? []).filter((plugin) => !hostedPageOnly(plugin)),
      emulatorServiceWorker(),
      customElementsManifest(),
    ],
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
  }),
};

export default config;
