/**
 * The published Storybook as designers get it: dist/storybook (`npm run build-storybook`) on a
 * plain static file server (no emulator middleware, no SPA fallback), in headless Chromium. Every
 * story in its index.json must render with the emulator running in the browser (src/emulator/
 * browser.ts behind its service worker): Storybook reports the story finished with status
 * "success" (its play function passed, and the a11y checks, which preview.ts makes errors), no
 * error overlay showed, and the page threw no uncaught error. First, a quick check that the
 * emulator's in-browser entry bundles for the browser without anything from Node.
 *
 *   node test/storybook/static-stories.mjs [part of a story id]
 *
 * Ends with a plain `N passed, N failed` line; exit 1 when anything failed. STORYBOOK_DIR checks
 * another build; STORYBOOK_URL checks a running Storybook instead (`npm run storybook`:
 * http://127.0.0.1:6006/). Stories not started within 10 minutes count as failed, so a broken build
 * cannot hold CI for 30 s a story.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { build } from 'esbuild';
import { chromium } from 'playwright-core';

import { CHROMIUM_OPTIONS } from '../tools/serve-built.mjs';
import { serveStatic } from '../tools/static-server.mjs';

const root = resolve(import.meta.dirname, '../..');
const directory = process.env.STORYBOOK_DIR || join(root, 'dist/storybook');
const running = process.env.STORYBOOK_URL;
const only = process.argv[2];
const STORY_TIMEOUT_MS = 30_000;
const BUDGET_MS = 10 * 60_000;
const started = Date.now();
let passed = 0;
let failed = 0;

function report(name, problems, ms) {
  if (problems.length === 0) {
    passed++;
    console.log(`  ok    ${name} (${(ms / 1000).toFixed(1)} s)`);
  } else {
    failed++;
    console.log(`  FAIL  ${name}\n          ${problems.join('\n          ')}`);
  }
}

/** The emulator's browser entry and everything it imports bundle for the browser: no `node:` module, no `Buffer` or `process`. */
async function checkBrowserBundle() {
  const problems = [];
  try {
    const { metafile } = await build({
      entryPoints: [join(root, 'src/emulator/browser.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      outdir: join(root, 'node_modules/.cache/sign-in-kit/emulator-browser'),
      logLevel: 'silent',
    });
    for (const input of Object.keys(metafile.inputs)) {
      if (!input.startsWith('src/')) continue;
      const code = readFileSync(join(root, input), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const node = /\b(Buffer|process)\s*\.\s*\w+/.exec(code);
      if (node) problems.push(`${input} uses ${node[0]}, which browsers do not have`);
    }
  } catch (error) {
    for (const message of error.errors ?? [error]) {
      problems.push(`${message.location ? `${relative(root, message.location.file)}: ` : ''}${message.text ?? message.message}`);
    }
  }
  return problems;
}

/**
 * Before the page's scripts: listen to Storybook's channel from the moment the preview creates it,
 * and keep what it says about the story (serialisable, for `evaluate`).
 */
function watchStorybookChannel() {
  const events = [];
  window.__staticStoryEvents = events;
  const errorText = (error) => error?.message ?? error?.description ?? error?.title ?? String(error);
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyFinished', ({ storyId, status, reporters }) =>
        events.push({
          type: 'storyFinished',
          storyId,
          status,
          failing: (reporters ?? [])
            .filter((reporter) => reporter.status === 'failed')
            .map((reporter) => {
              const violations = reporter.result?.violations ?? [];
              const detail = violations.map((violation) => `${violation.id} at ${violation.nodes?.map((node) => node.target).join(' ')}`);
              return `${reporter.type} failed${detail.length ? `: ${detail.join('; ')}` : ''}`;
            }),
        }),
      );
      value.on('storyMissing', (storyId) => events.push({ type: 'storyMissing', message: `story ${storyId} is missing` }));
      for (const type of ['storyErrored', 'storyThrewException', 'playFunctionThrewException']) {
        value.on(type, (error) => events.push({ type, message: errorText(error) }));
      }
      value.on('unhandledErrorsWhilePlaying', (errors) =>
        events.push({ type: 'unhandledErrorsWhilePlaying', message: errors.map(errorText).join('; ') }),
      );
    },
  });
}

async function checkStory(page, id) {
  const problems = [];
  const onError = (error) => problems.push(`uncaught: ${error.message.split('\n')[0]}`);
  page.on('pageerror', onError);
  try {
    await page.goto(`iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'domcontentloaded' });
    await page
      .waitForFunction(
        (storyId) =>
          window.__staticStoryEvents.some((event) => event.type === 'storyMissing' || (event.type === 'storyFinished' && event.storyId === storyId)) ||
          document.body.classList.contains('sb-show-errordisplay'),
        id,
        { timeout: STORY_TIMEOUT_MS, polling: 100 },
      )
      .catch(() => problems.push(`did not finish within ${STORY_TIMEOUT_MS / 1000} s`));
    const outcome = await page.evaluate(() => ({
      events: window.__staticStoryEvents,
      overlay: document.body.classList.contains('sb-show-errordisplay')
        ? (document.querySelector('#error-message')?.textContent ?? '').trim() || 'shown'
        : undefined,
    }));
    for (const event of outcome.events) {
      if (event.message) problems.push(`${event.type}: ${event.message.split('\n')[0]}`);
      if (event.type === 'storyFinished' && event.status !== 'success') problems.push(`finished with status "${event.status}"`, ...event.failing);
    }
    if (outcome.overlay) problems.push(`error overlay: ${outcome.overlay.split('\n')[0]}`);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  } finally {
    page.off('pageerror', onError);
  }
  return [...new Set(problems)];
}

const indexFile = join(directory, 'index.json');
if (!running && !existsSync(indexFile)) {
  console.error(`${relative(root, indexFile)} is missing: run npm run build-storybook first.`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const index = running ? await (await fetch(new URL('index.json', running))).json() : JSON.parse(readFileSync(indexFile, 'utf8'));
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story' && (!only || entry.id.includes(only)))
  .map((entry) => entry.id);

console.log(`${running ? `Storybook at ${running}` : `Published Storybook (${relative(root, directory)}) on a plain static server`}: ${stories.length} stories`);
let begin = Date.now();
report('the emulator bundles for the browser (nothing from Node)', await checkBrowserBundle(), Date.now() - begin);

const server = running ? { url: running, close: async () => {} } : await serveStatic(directory);
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  const context = await browser.newContext({ baseURL: server.url });
  await context.addInitScript(watchStorybookChannel);
  const page = await context.newPage();
  for (const id of stories) {
    begin = Date.now();
    const overBudget = begin - started > BUDGET_MS;
    report(id, overBudget ? ['not run: the check went over its 10-minute budget'] : await checkStory(page, id), Date.now() - begin);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nStories checked in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
