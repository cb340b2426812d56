/**
 * Entry for Node hosts that mount the emulator: Vite's dev and preview servers (connect) and
 * web-test-runner (koa). The Node-only pieces live here: the tenant file named by
 * `EMULATOR_CONFIG`, the asset files on disk, Node's http objects. Storybook runs the emulator in
 * the browser instead (browser.ts).
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { setAssetReader } from './assets.js';
import { demoTenantConfig, parseTenantConfig, type TenantConfig, TenantConfigError } from './config.js';
import { type EmulatorOptions, LogtoEmulator } from './emulator.js';

export { DEMO_APP_ID, type EmulatorOptions, LogtoEmulator, type RecordedRequest } from './emulator.js';
export { parseTenantConfig, TenantConfigError } from './config.js';

/** Serves the demo assets from a directory (default: src/emulator/assets, beside this module). */
export function setAssetDirectory(path: string): void {
  setAssetReader((name) => readFile(join(path, name)));
}
setAssetDirectory(join(dirname(fileURLToPath(import.meta.url)), 'assets'));

/** A tenant file (see README), validated; without a path, the demo tenant. */
export function loadTenantConfig(path?: string): TenantConfig {
  if (!path) return demoTenantConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TenantConfigError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TenantConfigError(`${path}: is not valid JSON (${(error as Error).message})`);
  }
  return parseTenantConfig(json, path);
}

/** An emulator with the given tenant, or the file in `EMULATOR_CONFIG`, or the demo tenant. */
export function createEmulator(options: EmulatorOptions = {}): LogtoEmulator {
  return new LogtoEmulator({ ...options, config: options.config ?? loadTenantConfig(process.env.EMULATOR_CONFIG) });
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
