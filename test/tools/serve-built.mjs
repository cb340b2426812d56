/**
 * Serves a production build with Vite's preview server on a free loopback port, optionally with
 * the emulator mounted (as Logto would serve the page, same origin). Used by the benchmark and the
 * production smoke test.
 */
import { preview } from 'vite';

import { loadEmulator } from './load-emulator.mjs';

export async function serveBuilt(directory, { emulator = false } = {}) {
  const plugins = [];
  if (emulator) {
    const { createEmulator, connectMiddleware } = await loadEmulator();
    const instance = createEmulator({ redirectRoot: true, quiet: true });
    plugins.push({
      name: 'logto-emulator',
      configurePreviewServer: (server) => void server.middlewares.use(connectMiddleware(instance)),
    });
  }
  const server = await preview({
    logLevel: 'error',
    configFile: false,
    root: directory,
    appType: 'spa',
    plugins,
    build: { outDir: directory },
    preview: { host: '127.0.0.1', port: 0 },
  });
  return {
    url: server.resolvedUrls.local[0],
    close: () => new Promise((done) => server.httpServer.close(done)),
  };
}

export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
