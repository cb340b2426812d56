/**
 * Walks the hosted page through its journeys on a running dev server (`npm start`) and saves a
 * screenshot of every step, for people to look at: `node test/tools/screens.mjs [--base URL]
 * [--locale zh-CN] [--dark] [--width 390] [--out shots]`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const base = option('--base', 'http://127.0.0.1:5173');
const locale = option('--locale', 'en');
const width = Number(option('--width', '1280'));
const dark = args.includes('--dark');
const out = option('--out', 'shots');
const tag = `${locale}-${dark ? 'dark' : 'light'}-${width}`;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let shot = 0;
async function journey(name, steps) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 800 : 860 },
    colorScheme: dark ? 'dark' : 'light',
    locale,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`));
  await page.goto(`${base}/?ui_locales=${locale}`);
  await page.waitForSelector('sign-in-form input, sign-in-form .si-alert');
  const snap = async (label) => {
    await page.waitForTimeout(250);
    const file = join(out, `${tag}-${String(++shot).padStart(2, '0')}-${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  };
  const code = async (to) => {
    const response = await page.request.get(`${base}/__emulator/codes/latest?to=${encodeURIComponent(to)}`);
    return (await response.json()).code;
  };
  try {
    await steps(page, snap, code);
  } catch (error) {
    console.log(`[${name}] stopped: ${error.message.split('\n')[0]}`);
    await snap('error');
  }
  await context.close();
}

const submit = (page) => page.click('sign-in-form button[type="submit"]');
const unique = Date.now().toString(36);

await journey('sign-in', async (page, snap) => {
  await snap('start');
  await page.fill('input[name="identifier"]', 'alice');
  await submit(page);
  await page.waitForSelector('input[name="password"]');
  await page.fill('input[name="password"]', 'wrong-password');
  await submit(page);
  await page.waitForSelector('.si-error');
  await snap('wrong-password');
});

await journey('code', async (page, snap, code) => {
  await page.fill('input[name="identifier"]', '+86 138 0013 8000');
  await page.waitForTimeout(400);
  await snap('phone');
  await submit(page);
  await page.waitForSelector('input[name="code"]');
  await page.fill('input[name="code"]', '000000');
  await page.waitForSelector('.si-error');
  await snap('wrong-code');
  await page.fill('input[name="code"]', await code('8613800138000'));
  await page.waitForURL(/demo\/callback/);
});

await journey('register', async (page, snap, code) => {
  await page.click('text=Create account').catch(() => page.click('.si-switch .si-link'));
  await page.waitForSelector('input[name="identifier"]');
  await submit(page);
  await snap('terms-required');
  const email = `new-${unique}@example.com`;
  await page.fill('input[name="identifier"]', email);
  await page.check('input[name="terms"]');
  await submit(page);
  await page.waitForSelector('input[name="code"]');
  await snap('code');
  await page.fill('input[name="code"]', await code(email));
  await page.waitForSelector('input[name="confirm"]');
  await page.fill('input[name="password"]', 'short');
  await snap('password-rules');
  await page.fill('input[name="password"]', 'Longer-Pass-42');
  await page.fill('input[name="confirm"]', 'Longer-Pass-42');
  await submit(page);
  await page.waitForURL(/demo\/callback/);
});

await journey('forgot', async (page, snap, code) => {
  await page.fill('input[name="identifier"]', 'bob@example.com');
  await submit(page);
  await page.waitForSelector('input[name="password"]');
  await page.click('.si-aside .si-link');
  await page.waitForSelector('input[name="identifier"]');
  await snap('forgot');
  await page.fill('input[name="identifier"]', 'bob@example.com');
  await submit(page);
  await page.waitForSelector('input[name="code"]');
  await page.fill('input[name="code"]', await code('bob@example.com'));
  await page.waitForSelector('input[name="confirm"]');
  await page.fill('input[name="password"]', `Fresh-${unique}-7`);
  await page.fill('input[name="confirm"]', `Fresh-${unique}-7`);
  await submit(page);
  await page.waitForSelector('.si-notice');
  await snap('reset-done');
});

await journey('unknown-email', async (page, snap, code) => {
  const email = `stranger-${unique}@example.com`;
  await page.fill('input[name="identifier"]', email);
  await submit(page);
  await page.waitForSelector('input[name="password"]');
  await page.click('text=verification code');
  await page.waitForSelector('input[name="code"]');
  await page.fill('input[name="code"]', await code(email));
  await page.waitForSelector('input[name="terms"]');
  await snap('confirm-register');
});

await browser.close();
