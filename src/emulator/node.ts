/**
 * Entry for hosts that mount the emulator: Vite (connect), web-test-runner (koa), Storybook (Vite).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { type EmulatorOptions, LogtoEmulator } from './emulator.js';

export { DEMO_APP_ID, type EmulatorOptions, LogtoEmulator, type RecordedRequest } from './emulator.js';
export { setAssetDirectory } from './assets.js';
export { loadTenantConfig, parseTenantConfig, TenantConfigError } from './config.js';

export function createEmulator(options?: EmulatorOptions): LogtoEmulator {
  return new LogtoEmulator(options);
}

/** Connect-style middleware (Vite's dev and preview servers). */
export function connectMiddleware(emulator: LogtoEmulator) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    emulator.handle(req, res).then((handled) => handled || next(), next);
  };
}

interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/** Koa middleware (web-test-runner's dev server). */
export function koaMiddleware(emulator: LogtoEmulator) {
  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    if (await emulator.handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    await next();
  };
}
