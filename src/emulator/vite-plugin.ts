/**
 * Mounts the emulator in Vite's dev and preview servers (`npm start`, `npm run preview`) and in
 * Storybook. Not used when `LOGTO_ENDPOINT` points the dev server at a real Logto.
 */
import type { Plugin } from 'vite';

import type { EmulatorOptions } from './emulator.js';
import { connectMiddleware, createEmulator } from './node.js';

export function logtoEmulator(options: EmulatorOptions = {}): Plugin {
  const emulator = createEmulator(options);
  return {
    name: 'logto-emulator',
    configureServer(server) {
      server.middlewares.use(connectMiddleware(emulator));
      if (options.redirectRoot) {
        server.httpServer?.once('listening', () => {
          const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
          server.config.logger.info(
            `\n  Emulated Logto: open ${url} to start a sign-in.` +
              `\n  Demo accounts: alice / Passw0rd! (alice@example.com, +86 138 0013 8000), bob / Passw0rd!` +
              `\n  Verification codes are printed here as they are sent.\n`,
          );
        });
      }
    },
    // The page loads the emulator's stand-in for a CAPTCHA provider (a tenant with CAPTCHA on
    // works offline); the built page has no such tag and loads the provider's own script.
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { name: 'sign-in-kit:captcha-script', content: '/__emulator/captcha/{provider}.js' },
          injectTo: 'head',
        },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use(connectMiddleware(emulator));
    },
  };
}
