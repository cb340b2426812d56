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
    },
    configurePreviewServer(server) {
      server.middlewares.use(connectMiddleware(emulator));
    },
  };
}
