/**
 * Production smoke test, run by CI after `npm run build`: serves dist/app as Logto would (same
 * origin, with the emulator), signs in as the demo user in Chromium, and checks the browser lands
 * on the app signed in. Catches what the source-level tests cannot: a build that tree-shakes away
 * the element registration, a missing chunk, a broken asset path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_OPTIONS, serveBuilt } from './serve-built.mjs';

// SMOKE_APP_DIR: another build to check (the mutation runner builds in a copy of the project).
const server = await serveBuilt(process.env.SMOKE_APP_DIR || join(import.meta.dirname, '../../dist/app'), { emulator: true });
const browser = await chromium.launch(CHROMIUM_OPTIONS);
const problems = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.url);
  await page.fill('sign-in-form input[name="identifier"]', 'alice', { timeout: 10_000 });
  // Identifier first: the demo tenant asks for the password on the next step.
  await page.click('sign-in-form button[type="submit"]');
  await page.fill('sign-in-form input[name="password"]', 'Passw0rd!', { timeout: 10_000 });
  await Promise.all([page.waitForURL(/\/demo\/callback/, { timeout: 10_000 }), page.click('sign-in-form button[type="submit"]')]);
  const user = await page.textContent('[data-testid="signed-in-user"]');
  if (user !== 'Alice Liddell') problems.push(`landed on the callback as "${user}", expected "Alice Liddell"`);

  // In German, from the language files the build splits: sentences with a value in them (the
  // social buttons on the first screen, the password step's "signing in as") read right.
  const german = await browser.newPage();
  german.on('pageerror', (error) => problems.push(`page error (de): ${error.message}`));
  await german.goto(`${server.url}?ui_locales=de`);
  const social = german.locator('social-buttons button').first();
  await social.waitFor({ timeout: 10_000 });
  await german.waitForFunction(() => document.documentElement.lang === 'de', undefined, { timeout: 10_000 });
  const label = (await social.textContent())?.replace(/\s+/g, ' ').trim();
  if (!/^Weiter mit \S/.test(label ?? '')) problems.push(`German social button reads "${label}", expected "Weiter mit …"`);
  await german.fill('sign-in-form input[name="identifier"]', 'alice');
  await german.click('sign-in-form button[type="submit"]');
  await german.locator('sign-in-form input[name="password"]').waitFor({ timeout: 10_000 });
  const fields = (await german.textContent('sign-in-form form'))?.replace(/\s+/g, ' ') ?? '';
  if (!fields.includes('Anmeldung als alice')) problems.push(`German password step reads "${fields.trim()}", expected "Anmeldung als alice"`);

  // Language and direction on the document, set by the built page itself (nothing here sets them):
  // Arabic and Persian read right to left, Japanese left to right.
  for (const [locale, dir, title] of [
    ['ar', 'rtl', 'تسجيل الدخول'],
    ['fa-IR', 'rtl', 'ورود'],
    ['ja', 'ltr', 'ログイン'],
  ]) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error (${locale}): ${error.message}`));
    await page.goto(`${server.url}?ui_locales=${locale}`);
    await page.locator('sign-in-form form h1').waitFor({ timeout: 10_000 });
    const shown = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      dir: document.documentElement.getAttribute('dir'),
      direction: getComputedStyle(document.querySelector('sign-in-form')).direction,
      title: document.querySelector('sign-in-form form h1')?.textContent?.trim(),
    }));
    const expected = { lang: locale, dir, direction: dir, title };
    if (JSON.stringify(shown) !== JSON.stringify(expected)) {
      problems.push(`ui_locales=${locale}: the page shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
    }
    await page.close();
  }
} catch (error) {
  problems.push(error.message.split('\n')[0]);
} finally {
  await browser.close();
  await server.close();
}
// Developer warnings (a wrong api-base, an adjusted theme colour) are for development builds only.
const appDir = process.env.SMOKE_APP_DIR || join(import.meta.dirname, '../../dist/app');
for (const file of readdirSync(join(appDir, 'assets')).filter((name) => name.endsWith('.js'))) {
  const text = readFileSync(join(appDir, 'assets', file), 'utf8');
  for (const phrase of ['must point at your Logto endpoint', 'to meet WCAG AA']) {
    if (text.includes(phrase)) problems.push(`assets/${file} carries the developer warning "${phrase}"`);
  }
}
// The page's first file (the one index.html loads) asks Chromium to compile it eagerly, off the
// main thread; the hint only works as the file's very first line.
const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(readFileSync(join(appDir, 'index.html'), 'utf8'))?.[1];
if (!entry) problems.push('index.html loads no module script');
else if (!readFileSync(join(appDir, entry), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')) {
  problems.push(`${entry} does not start with the compile hint //# allFunctionsCalledOnLoad`);
}
if (problems.length > 0) {
  console.error(`production smoke test failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'production smoke test: signed in as alice on the built page and landed on the app; in German, sentences with values read right; lang and dir set for ar, fa-IR (rtl) and ja (ltr); no developer warnings in the build; the first file starts with the compile hint',
);
