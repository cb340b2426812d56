/**
 * Mounts the emulator in Vite's dev and preview servers (`npm start`, `npm run preview`). Not used
 * when `LOGTO_ENDPOINT` points the dev server at a real Logto. Storybook runs the emulator in the
 * browser instead, through the worker `emulatorServiceWorker()` serves and builds.
 */
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
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

/**
 * The in-browser emulator's relay worker (service-worker.ts, see browser.ts) as a classic script
 * at the site's root: served by the dev server, and written beside the built pages so that any
 * static file server hosts it.
 */
export function emulatorServiceWorker(fileName = 'emulator-sw.js'): Plugin {
  const entry = fileURLToPath(new URL('./service-worker.ts', import.meta.url));
  const compile = async (): Promise<string> => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      legalComments: 'none',
      logLevel: 'warning',
    });
    return result.outputFiles[0]!.text;
  };
  return {
    name: 'logto-emulator:service-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${fileName}`) return next();
        compile().then((code) => {
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
          res.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: await compile() });
    },
  };
}
