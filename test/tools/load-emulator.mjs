/**
 * Node 20 cannot import TypeScript, so the emulator (src/emulator, TypeScript) is bundled with
 * esbuild into node_modules/.cache and imported from there. Vite and Storybook load it natively.
 * Before that, check-emulator-independence.mjs fails the run if the emulator imports from
 * src/flow, src/components or src/i18n.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { checkEmulatorIndependence } from './check-emulator-independence.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadEmulator() {
  // The emulator is the test oracle: a test run refuses to start when it borrows the kit's logic.
  await checkEmulatorIndependence();
  const outfile = resolve(root, 'node_modules/.cache/sign-in-kit/emulator.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [resolve(root, 'src/emulator/node.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const emulator = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  emulator.setAssetDirectory(resolve(root, 'src/emulator/assets'));
  return emulator;
}
