/**
 * A web-test-runner plugin that lets a browser test photograph one element of its own page, as
 * Chromium draws it (through the Puppeteer page of the chrome launcher). Command, sent with
 * `executeServerCommand` from `@web/test-runner-commands`:
 *
 * - `screenshot:element` payload `{ selector, name? }` → the PNG as base64. With `name`, the PNG is
 *   also written to dist/test-screenshots/<name>.png, for a person to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../../dist/test-screenshots');

export function screenshotPlugin() {
  return {
    name: 'element-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot:element') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`screenshots need the chrome launcher (got ${session.browser.type})`);
      const page = session.browser.getPage(session.id);
      const element = await page.$(payload.selector);
      if (!element) throw new Error(`no element matches ${payload.selector}`);
      const png = Buffer.from(await element.screenshot({ type: 'png' }));
      if (payload.name) {
        if (!/^[\w-]+$/.test(payload.name)) throw new Error(`bad screenshot name ${payload.name}`);
        await mkdir(OUT, { recursive: true });
        await writeFile(join(OUT, `${payload.name}.png`), png);
      }
      return png.toString('base64');
    },
  };
}
