/**
 * Three builds from one config:
 * - `vite` / `npm start`: the hosted sign-in page on the dev server, with the emulator mounted
 *   (or, with LOGTO_ENDPOINT set, proxying the Logto paths to a real server, same-origin);
 * - `vite build`: the hosted page as a static single-page app in dist/app (index.html at its root);
 * - `vite build --mode lib`: the kit as ES modules in dist/lib (lit, @lit/* and zod external).
 */
import { resolve } from 'node:path';

import { defineConfig, type Plugin, type ProxyOptions, type UserConfig } from 'vite';

import { logtoEmulator } from './src/emulator/vite-plugin.js';
import { type MessagePart, selectMessagePart } from './src/i18n/message-parts.js';

const root = import.meta.dirname;

function logtoProxy(endpoint: string): Record<string, ProxyOptions> {
  const target = { target: endpoint, changeOrigin: false, secure: false };
  return {
    '/api': target,
    '/oidc': target,
    '/.well-known': target,
    '/consent': target,
    // Logto turns form-POST callbacks into GETs; page loads of /callback/... stay with the SPA.
    '/callback': { ...target, bypass: (req) => (req.method === 'POST' ? undefined : req.url) },
  };
}

/**
 * `locales/de.js?part=first`, `?part=steps`, `?part=errors`: the parts of a generated language
 * module, so that the first screen waits only for its own strings.
 */
function splitLanguages(): Plugin {
  return {
    name: 'sign-in-kit:split-languages',
    enforce: 'pre',
    transform(code, id) {
      const match = /\/generated\/locales\/[^/?]+\.ts\?part=(first|steps|errors)$/.exec(id);
      return match ? { code: selectMessagePart(code, match[1] as MessagePart), map: null } : undefined;
    },
  };
}

const library: UserConfig = {
  plugins: [splitLanguages()],
  build: {
    outDir: resolve(root, 'dist/lib'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: { index: resolve(root, 'src/index.ts'), define: resolve(root, 'src/define.ts') },
      formats: ['es'],
    },
    rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/] },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'lib') return library;
  const endpoint = process.env.LOGTO_ENDPOINT;
  return {
    root: resolve(root, 'src/app'),
    base: '/',
    publicDir: false,
    appType: 'spa',
    envPrefix: 'SIGN_IN_KIT_',
    plugins: [splitLanguages(), ...(endpoint ? [] : [logtoEmulator({ redirectRoot: true })])],
    server: {
      host: '127.0.0.1',
      port: Number(process.env.PORT ?? 5173),
      strictPort: true,
      proxy: endpoint ? logtoProxy(endpoint) : undefined,
    },
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
    build: {
      outDir: resolve(root, 'dist/app'),
      emptyOutDir: true,
      target: 'es2022',
      assetsDir: 'assets',
      // No preload helper: the lazy chunks are fetched after the first screen anyway.
      modulePreload: false,
    },
  };
});
