/**
 * `npm run bench`: builds the production bundles and prints what a user downloads and how long the
 * browser spends running scripts, next to a bare Lit form built in the same run.
 *
 * Sizes are deterministic (same sources, same bytes) and budgets on them are enforced: the script
 * exits 1 when one is exceeded. Timings vary with the machine and are only reported.
 *
 *   npm run bench                  sizes and timings
 *   npm run bench -- --sizes-only  sizes and budgets only (fast, for CI)
 *   npm run bench -- --runs 15     more timing runs (default 9)
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';
import { build } from 'vite';

import { CHROMIUM_OPTIONS, serveBuilt } from '../tools/serve-built.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/bench');
const args = process.argv.slice(2);
const sizesOnly = args.includes('--sizes-only');
const runs = Number(args[args.indexOf('--runs') + 1]) || 9;

const BUDGETS = {
  hosted: 25_000,
  form: 20_000,
  locale: 3_000,
};

const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** The files a manifest entry needs before it can run: itself and its static imports, transitively. */
function staticClosure(manifest, key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const imported of entry.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function measure(directory, files) {
  const buffers = [...files].map((file) => readFileSync(join(directory, file)));
  const joined = Buffer.concat(buffers);
  return { files: files.size, raw: joined.length, gzip: gzip(joined), brotli: brotli(joined) };
}

const quiet = { logLevel: 'warn' };

async function buildAll() {
  rmSync(out, { recursive: true, force: true });

  // 1. The hosted page, exactly as `npm run build` makes it, plus a manifest to follow imports.
  await build({
    ...quiet,
    configFile: join(root, 'vite.config.ts'),
    build: { outDir: join(out, 'app'), manifest: true },
  });
  // 2. <sign-in-form> alone: the `define` entry with everything it needs bundled in (lit, zod, …).
  await build({
    ...quiet,
    configFile: false,
    root,
    build: {
      outDir: join(out, 'form'),
      manifest: true,
      target: 'es2022',
      rolldownOptions: { input: { form: join(root, 'src/define.ts') } },
    },
  });
  // 3. The baseline: a bare Lit form.
  await build({
    ...quiet,
    configFile: false,
    root: join(root, 'test/bench/baseline'),
    build: { outDir: join(out, 'baseline'), manifest: true, target: 'es2022' },
  });
}

function sizeReport() {
  const appManifest = JSON.parse(readFileSync(join(out, 'app/.vite/manifest.json'), 'utf8'));
  const formManifest = JSON.parse(readFileSync(join(out, 'form/.vite/manifest.json'), 'utf8'));
  const baseManifest = JSON.parse(readFileSync(join(out, 'baseline/.vite/manifest.json'), 'utf8'));

  const rows = [];
  const hosted = measure(join(out, 'app'), staticClosure(appManifest, 'index.html'));
  rows.push({ what: 'hosted /sign-in, first render', ...hosted, budget: BUDGETS.hosted });
  const formKey = Object.keys(formManifest).find((key) => formManifest[key].isEntry);
  const form = measure(join(out, 'form'), staticClosure(formManifest, formKey));
  rows.push({ what: '<sign-in-form> alone', ...form, budget: BUDGETS.form });
  rows.push({ what: 'bare Lit form (baseline)', ...measure(join(out, 'baseline'), staticClosure(baseManifest, 'index.html')) });

  const locales = Object.values(appManifest)
    .filter((entry) => /generated\/locales\//.test(entry.src ?? ''))
    .sort((a, b) => a.src.localeCompare(b.src));
  for (const entry of locales) {
    const name = entry.src.replace(/^.*\/([^/]+)\.ts$/, '$1');
    rows.push({ what: `language ${name}`, ...measure(join(out, 'app'), new Set([entry.file])), budget: BUDGETS.locale });
  }
  return rows;
}

function printSizes(rows) {
  const pad = (value, width) => String(value).padStart(width);
  console.log('\nJavaScript a user downloads (bytes; brotli q11, gzip -9):\n');
  console.log(`${'what'.padEnd(32)}${pad('files', 6)}${pad('raw', 10)}${pad('gzip', 9)}${pad('brotli', 9)}${pad('budget', 9)}  result`);
  let over = 0;
  for (const row of rows) {
    const verdict = row.budget === undefined ? '' : row.brotli <= row.budget ? 'ok' : 'OVER BUDGET';
    if (verdict === 'OVER BUDGET') over++;
    console.log(
      `${row.what.padEnd(32)}${pad(row.files, 6)}${pad(row.raw, 10)}${pad(row.gzip, 9)}${pad(row.brotli, 9)}${pad(row.budget ?? '-', 9)}  ${verdict}`,
    );
  }
  return over;
}

async function timings() {
  const app = await serveBuilt(join(out, 'app'), { emulator: true });
  const baseline = await serveBuilt(join(out, 'baseline'));
  const appUrl = app.url;
  const baseUrl = baseline.url;

  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  const sample = async (url, ready) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.waitForSelector(ready);
    const readyAt = await page.evaluate(() => performance.now());
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
    await context.close();
    return { script: script * 1000, ready: readyAt };
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const results = {};
  for (const [name, url, ready] of [
    ['hosted /sign-in', appUrl, 'sign-in-form input[name="identifier"]'],
    ['bare Lit form', baseUrl, 'bare-form input[name="identifier"]'],
  ]) {
    await sample(url, ready); // warm-up: the server's first response, not the page, is slow
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await sample(url, ready));
    results[name] = { script: median(samples.map((s) => s.script)), ready: median(samples.map((s) => s.ready)) };
  }
  await browser.close();
  await app.close();
  await baseline.close();

  const kit = results['hosted /sign-in'];
  const bare = results['bare Lit form'];
  console.log(`\nScript time at 4x CPU throttle, headless Chromium, median of ${runs} runs:\n`);
  console.log(`${'page'.padEnd(20)}${'script ms'.padStart(11)}${'form ready ms'.padStart(15)}`);
  for (const [name, value] of Object.entries(results)) {
    console.log(`${name.padEnd(20)}${value.script.toFixed(1).padStart(11)}${value.ready.toFixed(0).padStart(15)}`);
  }
  console.log(
    `${'ratio kit / bare'.padEnd(20)}${(kit.script / bare.script).toFixed(2).padStart(11)}${(kit.ready / bare.ready).toFixed(2).padStart(15)}`,
  );
  console.log('(form ready on the hosted page includes the /oidc/auth redirect and the config request)');
}

await buildAll();
const over = printSizes(sizeReport());
if (!sizesOnly) await timings();
if (over > 0) {
  console.error(`\n${over} size budget(s) exceeded.`);
  process.exit(1);
}
console.log('\nAll size budgets met.');
