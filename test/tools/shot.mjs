/**
 * Screenshot helper for looking at pages: `node test/tools/shot.mjs URL out.png [--width 390]
 * [--dark] [--wait selector] [--type 'selector::text' ...] [--click selector]`. Uses Debian's Chromium.
 */
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const [url, out] = args;
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const all = (name) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]] : []));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({
  viewport: { width: Number(option('--width') ?? 1280), height: Number(option('--height') ?? 860) },
  colorScheme: args.includes('--dark') ? 'dark' : 'light',
  locale: option('--locale') ?? 'en-US',
});
page.on('console', (message) => console.log(`[console.${message.type()}] ${message.text()}`));
page.on('pageerror', (error) => console.log(`[pageerror] ${error.message}`));
await page.goto(url);
await page.waitForSelector(option('--wait') ?? 'sign-in-form input, sign-in-form .si-alert', { timeout: 15_000 });
for (const entry of all('--type')) {
  const split = entry.indexOf('::');
  await page.fill(entry.slice(0, split), entry.slice(split + 2));
}
const click = option('--click');
if (click) {
  await page.click(click);
  await page.waitForTimeout(Number(option('--after') ?? 800));
}
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
console.log(`saved ${out} (${page.url()})`);
await browser.close();
