#!/usr/bin/env node
/**
 * The emulator is the test oracle, so it must not share logic with what it tests: nothing under
 * src/emulator may import (directly or through other modules) from src/flow, src/components or
 * src/i18n. Two checks: esbuild's module graph from the emulator's entries (transitive imports),
 * and every import specifier written in any src/emulator file (also files no entry reaches).
 * Run on its own (`node test/tools/check-emulator-independence.mjs`) or through load-emulator.mjs,
 * which every test run uses; throws (exit 1) naming the offending file.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FORBIDDEN = ['src/flow/', 'src/components/', 'src/i18n/'];

function forbidden(path) {
  const rel = relative(root, resolve(root, path)).split('\\').join('/');
  return FORBIDDEN.some((prefix) => rel.startsWith(prefix)) ? rel : undefined;
}

function sourceFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

export async function checkEmulatorIndependence() {
  const problems = [];
  const emulatorDir = resolve(root, 'src/emulator');

  const { metafile } = await build({
    entryPoints: [resolve(emulatorDir, 'node.ts'), resolve(emulatorDir, 'vite-plugin.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: resolve(root, 'node_modules/.cache/sign-in-kit/independence'),
    logLevel: 'silent',
  });
  for (const input of Object.keys(metafile.inputs)) {
    const bad = forbidden(input);
    if (bad) problems.push(`the emulator's module graph includes ${bad}`);
  }

  const specifier = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;
  for (const file of sourceFiles(emulatorDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(specifier)) {
      const target = match[1] ?? match[2] ?? match[3] ?? '';
      if (!target.startsWith('.')) continue;
      const bad = forbidden(resolve(dirname(file), target));
      if (bad) problems.push(`${relative(root, file)} imports ${target} (${bad})`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The emulator must not import from ${FORBIDDEN.join(', ')}:\n  ${[...new Set(problems)].join('\n  ')}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  checkEmulatorIndependence().then(
    () => console.log('emulator independence: no imports from src/flow, src/components or src/i18n'),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
