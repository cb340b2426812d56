/**
 * `npm run bench`: builds the production bundles and prints what a user downloads and how long the
 * browser spends running scripts, next to a bare Lit form built in the same run. The first screen
 * paints before the form's controller arrives; the table shows both moments.
 *
 * Sizes are deterministic (same sources, same bytes) and budgets on them are enforced: the script
 * exits 1 when one is exceeded. Timings vary with the machine and are only reported.
 *
 *   npm run bench                  sizes and timings
 *   npm run bench -- --sizes-only  sizes and budgets only (fast, for CI)
 *   npm run bench -- --runs 25     more timing runs (default 15: the bare form's few milliseconds
 *                                  vary by a third between runs, and the ratio with them)
 */
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;

const BUDGETS = {
  hosted: 25_000,
  form: 20_000,
  locale: 3_000,
};

const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;

function measure(directory, files) {
  const buffers = [...files].map((file) => readFileSync(join(directory, file)));
  const joined = Buffer.concat(buffers);
  return { files: files.size, raw: joined.length, gzip: gzip(joined), brotli: brotli(joined) };
}

const quiet = { logLevel: 'warn' };
const config = join(root, 'vite.config.ts');

async function buildAll() {
  rmSync(out, { recursive: true, force: true });
  // 1. The hosted page, exactly as `npm run build` makes it.
  await build({ ...quiet, configFile: config, build: { outDir: join(out, 'app') } });
  // 2. <sign-in-form> alone, on an otherwise empty page, with the same build settings.
  await build({ ...quiet, configFile: config, root: join(root, 'test/bench/form'), build: { outDir: join(out, 'form') } });
  // 3. The self-contained browser build (dist/lib/browser), on a page that loads it by script tag.
  await build({ ...quiet, configFile: config, mode: 'browser', build: { outDir: join(out, 'browser') } });
  copyFileSync(join(root, 'test/bench/browser/index.html'), join(out, 'browser/index.html'));
  // 4. The baseline: a bare Lit form.
  await build({
    ...quiet,
    configFile: false,
    root: join(root, 'test/bench/baseline'),
    build: { outDir: join(out, 'baseline'), target: 'es2022' },
  });
}

/**
 * Opens a built page in Chromium (served with the emulator, same origin, as Logto serves it) and
 * returns what it fetched before the form's first field was on screen: the JavaScript files, the
 * config requests, and the layout shift up to a moment after.
 */
async function firstRender(browser, url, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    const seen = () => {
      if (globalThis.__firstForm === undefined && document.querySelector(selector)) {
        globalThis.__firstForm = performance.now();
        // The form paints before its controller arrives; it can act once `whenReady()` resolves.
        const form = document.querySelector('sign-in-form');
        form?.whenReady?.().then(() => (globalThis.__actsAt = performance.now()));
      }
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true });
    globalThis.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, ready);
  await page.goto(url);
  await page.waitForSelector(ready);
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const actsAt = globalThis.__actsAt ?? Infinity;
    const at = globalThis.__firstForm;
    const all = performance.getEntriesByType('resource');
    const js = (entry) => /\.js$/.test(new URL(entry.name).pathname);
    const entries = all.filter((entry) => entry.startTime <= at);
    return {
      interactive: all.filter((entry) => js(entry) && entry.startTime <= actsAt).map((entry) => new URL(entry.name).pathname),
      scripts: entries.filter((entry) => /\.js$/.test(new URL(entry.name).pathname)).map((entry) => new URL(entry.name).pathname),
      configRequests: entries.filter((entry) => new URL(entry.name).pathname === '/api/.well-known/sign-in-exp').length,
      shift: globalThis.__shift,
    };
  });
  await context.close();
  return result;
}

const LOCALES = ['ar', 'cs', 'de', 'es', 'fa-IR', 'fr', 'it', 'ja', 'ko', 'pl-PL', 'pt-BR', 'pt-PT', 'ru', 'th', 'tr-TR', 'uk-UA', 'zh-CN', 'zh-HK', 'zh-TW'];
const FIELD = 'sign-in-form input[name="identifier"]';

async function sizeReport(browser) {
  const appDir = join(out, 'app');
  const formDir = join(out, 'form');
  const app = await serveBuilt(appDir, { emulator: true });
  const form = await serveBuilt(formDir, { emulator: true });
  const browserDir = join(out, 'browser');
  const script = await serveBuilt(browserDir, { emulator: true });
  const baseline = await serveBuilt(join(out, 'baseline'));
  const rows = [];
  const checks = [];
  try {
    const hosted = await firstRender(browser, `${app.url}?ui_locales=en`, FIELD);
    rows.push({ what: 'hosted /sign-in, first render', ...measure(appDir, new Set(hosted.scripts)), budget: BUDGETS.hosted });
    rows.push({ what: 'hosted /sign-in, ready to act', ...measure(appDir, new Set(hosted.interactive)) });
    checks.push({ what: 'hosted: config requests before the form', value: hosted.configRequests, ok: hosted.configRequests === 1 });
    checks.push({ what: 'hosted: layout shift (CLS, first 1.5 s)', value: hosted.shift.toFixed(4), ok: hosted.shift < 0.01 });
    const alone = await firstRender(browser, `${form.url}sign-in`, FIELD);
    rows.push({ what: '<sign-in-form> alone, first render', ...measure(formDir, new Set(alone.scripts)), budget: BUDGETS.form });
    rows.push({ what: '<sign-in-form> alone, ready to act', ...measure(formDir, new Set(alone.interactive)) });
    checks.push({ what: 'form alone: config requests before the form', value: alone.configRequests, ok: alone.configRequests === 1 });
    const tag = await firstRender(browser, `${script.url}sign-in`, FIELD);
    rows.push({ what: 'script-tag build, first render', ...measure(browserDir, new Set(tag.scripts)), budget: BUDGETS.form });
    checks.push({ what: 'script tag: config requests before the form', value: tag.configRequests, ok: tag.configRequests === 1 });
    const bare = await firstRender(browser, baseline.url, 'bare-form input[name="identifier"]');
    rows.push({ what: 'bare Lit form (baseline)', ...measure(join(out, 'baseline'), new Set(bare.scripts)) });

    const everything = readdirSync(join(appDir, 'assets')).filter((file) => file.endsWith('.js'));
    const lazy = everything.filter(
      (file) => !hosted.interactive.includes(`/assets/${file}`) && !/^(mobile|[a-z]{2}(-[A-Z]{2})?)-/.test(file),
    );
    rows.push({ what: 'later steps (fetched after that)', ...measure(join(appDir, 'assets'), new Set(lazy)) });
    // Fetched only when a journey reaches them (their templates travel with the later steps').
    const only = (pattern) => new Set(everything.filter((file) => pattern.test(file)));
    rows.push({ what: '  of which: second factors, passkeys', ...measure(join(appDir, 'assets'), only(/^(security|webauthn|security-schemas)-/)) });
    rows.push({ what: '  of which: CAPTCHA (its tenants only)', ...measure(join(appDir, 'assets'), only(/^captcha-/)) });
    for (const locale of LOCALES) {
      const prefix = `${locale}-`;
      const parts = everything.filter((file) => file.startsWith(prefix) && /^-[\w-]{8}\.js$/.test(file.slice(locale.length)));
      const visit = await firstRender(browser, `${app.url}?ui_locales=${locale}`, FIELD);
      // Everything this language adds before the first field: its first part, and the
      // @lit/localize runtime with the map of language files, which an English page never fetches.
      const extra = visit.scripts.filter((script) => !hosted.scripts.includes(script));
      const sizes = parts.map((file) => measure(join(appDir, 'assets'), new Set([file])));
      const largest = Math.max(...sizes.map((size) => size.brotli));
      const firstSize = measure(appDir, new Set(extra));
      rows.push({
        what: `language ${locale}: first screen`,
        ...firstSize,
        budget: BUDGETS.locale,
        note: `${parts.length} parts, largest ${largest} B, all ${sizes.reduce((sum, size) => sum + size.brotli, 0)} B`,
        largest,
      });
    }
  } finally {
    await app.close();
    await form.close();
    await script.close();
    await baseline.close();
  }
  return { rows, checks };
}

function printSizes({ rows, checks }) {
  const pad = (value, width) => String(value).padStart(width);
  console.log('\nJavaScript fetched before the form\'s first field is on screen ("first render"), and before the form');
  console.log('can act on input ("ready to act": its controller has arrived); bytes, brotli q11, gzip -9:\n');
  console.log(`${'what'.padEnd(38)}${pad('files', 6)}${pad('raw', 9)}${pad('gzip', 8)}${pad('brotli', 8)}${pad('budget', 8)}  result`);
  let over = 0;
  for (const row of rows) {
    // Language rows: what the language adds to the first screen must fit, and so must every
    // part of it, each a file fetched on its own.
    const checked = Math.max(row.brotli, row.largest ?? 0);
    const verdict = row.budget === undefined ? '' : checked <= row.budget ? 'ok' : 'OVER BUDGET';
    if (verdict === 'OVER BUDGET') over++;
    console.log(
      `${row.what.padEnd(38)}${pad(row.files, 6)}${pad(row.raw, 9)}${pad(row.gzip, 8)}${pad(row.brotli, 8)}${pad(row.budget ?? '-', 8)}  ${verdict}${row.note ? `  (${row.note})` : ''}`,
    );
  }
  console.log('');
  for (const check of checks) {
    if (!check.ok) over++;
    console.log(`${check.what.padEnd(46)}${pad(check.value, 8)}  ${check.ok ? 'ok' : 'FAILED'}`);
  }
  return over;
}

/**
 * Opens `url` in a fresh context at 4x CPU throttle and resolves when `selector` is in the page:
 * the moment comes from a MutationObserver the page runs itself (cheap, and the same for every
 * page), not from the test driver polling the DOM, whose own script time would count.
 */
async function openThrottled(browser, url, selector, before) {
  const context = await browser.newContext();
  await context.addInitScript((wanted) => {
    window.__firstField = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(wanted)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document, { subtree: true, childList: true });
    });
  }, selector);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await before?.(cdp);
  await page.goto(url);
  const readyAt = await page.evaluate(() => window.__firstField);
  return { context, cdp, readyAt };
}

async function timings() {
  const app = await serveBuilt(join(out, 'app'), { emulator: true });
  const baseline = await serveBuilt(join(out, 'baseline'));
  const pages = [
    ['hosted /sign-in', app.url, 'sign-in-form input[name="identifier"]'],
    ['bare Lit form', baseline.url, 'bare-form input[name="identifier"]'],
  ];

  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  const sample = async (url, selector) => {
    const { context, cdp, readyAt } = await openThrottled(browser, url, selector, (session) => session.send('Performance.enable'));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
    await context.close();
    return { script: script * 1000, ready: readyAt };
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const samples = Object.fromEntries(pages.map(([name]) => [name, []]));
  for (const [, url, selector] of pages) await sample(url, selector); // warm-up: the server's first answers are slow
  // Interleaved, so that a busy moment of the machine weighs on both pages alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, url, selector] of pages) samples[name].push(await sample(url, selector));
  }
  const quartiles = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[Math.floor((sorted.length - 1) / 4)], sorted[Math.ceil(((sorted.length - 1) * 3) / 4)]];
  };
  const results = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      { script: median(list.map((s) => s.script)), spread: quartiles(list.map((s) => s.script)), ready: median(list.map((s) => s.ready)) },
    ]),
  );
  await browser.close();
  await app.close();
  await baseline.close();

  const kit = results['hosted /sign-in'];
  const bare = results['bare Lit form'];
  console.log(`\nScript time until the first field is on screen, 4x CPU throttle, headless Chromium, median of ${runs} runs:\n`);
  console.log(`${'page'.padEnd(20)}${'script ms'.padStart(11)}${'form ready ms'.padStart(15)}   script, middle half of the runs`);
  for (const [name, value] of Object.entries(results)) {
    const [low, high] = value.spread;
    console.log(
      `${name.padEnd(20)}${value.script.toFixed(1).padStart(11)}${value.ready.toFixed(0).padStart(15)}   ${low.toFixed(1)} to ${high.toFixed(1)}`,
    );
  }
  const ratio = kit.script / bare.script;
  // Each run measures both pages one after the other, so a slow moment of the machine weighs on
  // both: the median of the runs' own ratios is steadier than the ratio of the two medians.
  const paired = median(samples['hosted /sign-in'].map((sample, i) => sample.script / samples['bare Lit form'][i].script));
  console.log(
    `${'ratio kit / bare'.padEnd(20)}${ratio.toFixed(2).padStart(11)}${(kit.ready / bare.ready).toFixed(2).padStart(15)}  (goal: script ratio at most 4)`,
  );
  console.log(`${'ratio, run by run'.padEnd(20)}${paired.toFixed(2).padStart(11)}  (median of each run's kit / bare)`);
  console.log('(form ready on the hosted page includes the /oidc/auth redirect and the config request)');
  await profileSummary();
}

/**
 * Where the hosted page's first-screen script time goes: a CPU profile (5 runs, 4x throttle) of an
 * unminified build of the same sources, self time per function until the first field is on
 * screen. The next regression shows up here by name.
 */
async function profileSummary() {
  const readable = join(out, 'app-readable');
  process.env.SIGN_IN_KIT_READABLE = '1';
  try {
    await build({ ...quiet, configFile: config, build: { outDir: readable } });
  } finally {
    delete process.env.SIGN_IN_KIT_READABLE;
  }
  const app = await serveBuilt(readable, { emulator: true });
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  const selfTime = new Map();
  const profileRuns = 5;
  let total = 0;
  try {
    for (let run = 0; run <= profileRuns; run++) {
      const { context, cdp } = await openThrottled(browser, app.url, 'sign-in-form input[name="identifier"]', async (session) => {
        await session.send('Profiler.enable');
        await session.send('Profiler.setSamplingInterval', { interval: 200 });
        await session.send('Profiler.start');
      });
      const { profile } = await cdp.send('Profiler.stop');
      await context.close();
      if (run === 0) continue; // warm-up
      const byNode = new Map();
      profile.samples.forEach((id, index) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
      for (const node of profile.nodes) {
        const micros = byNode.get(node.id);
        const { functionName, url, lineNumber } = node.callFrame;
        if (!micros || ['(idle)', '(program)', '(root)'].includes(functionName)) continue;
        const file = url ? url.split('/').pop().replace(/-[\w-]{8}\.js$/, '.js') : '(browser)';
        const key = `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}`;
        selfTime.set(key, (selfTime.get(key) ?? 0) + micros / 1000);
        total += micros / 1000;
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`\nCPU profile of the hosted page's first screen (unminified build, self time per run, ${(total / profileRuns).toFixed(1)} ms in all):\n`);
  for (const [key, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${(ms / profileRuns).toFixed(1).padStart(8)} ms  ${((ms / total) * 100).toFixed(0).padStart(3)}%  ${key}`);
  }
}

await buildAll();
const sizeBrowser = await chromium.launch(CHROMIUM_OPTIONS);
let over;
try {
  over = printSizes(await sizeReport(sizeBrowser));
} finally {
  await sizeBrowser.close();
}
if (!sizesOnly) await timings();
if (over > 0) {
  console.error(`\n${over} budget(s) or check(s) failed.`);
  process.exit(1);
}
console.log('\nAll size budgets and checks met.');
