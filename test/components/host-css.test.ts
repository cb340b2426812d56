/**
 * `<sign-in-form>` renders its form in light DOM (so password managers see it), where the host
 * page's CSS could reach it. These tests photograph the form on a clean page and again with the
 * rules a real host page tends to have (a framework's starter CSS, a global reset, a careless
 * `form input`): the two pictures must match within a few anti-aliased pixels.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

import '../../src/define.js';
import type { SignInForm } from '../../src/index.js';
import { startApp } from '../helpers/emulator.js';
import { FormHarness } from '../helpers/harness.js';

/** Rules from host pages: each would visibly change an unprotected form. */
const HOSTILE_CSS = `
  form input[type="text"], form input[type="password"] {
    border: 3px dashed red; padding: 20px; margin: 10px; font-size: 24px; background: yellow;
    border-radius: 0; inline-size: 50%; text-transform: uppercase;
  }
  form button[type="submit"] { background: black; color: yellow; text-transform: uppercase; padding: 24px; border-radius: 0; }
  form label { display: none; }
  #root { text-align: center; }
  * { box-sizing: content-box; letter-spacing: .2em; }
  button { background: red; }
  p { margin: 2em 0; line-height: 3; }
  h1 { font-size: 3em; font-family: serif; }
  a { color: inherit; text-decoration: none; }
  div { padding: 2px; }
`;

let hostile: HTMLStyleElement | undefined;

function setHostile(on: boolean): void {
  if (on && !hostile) {
    hostile = document.createElement('style');
    hostile.textContent = HOSTILE_CSS;
    document.head.prepend(hostile);
  }
  if (!on && hostile) {
    hostile.remove();
    hostile = undefined;
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

interface Picture {
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}

async function photograph(selector: string, name: string): Promise<Picture> {
  (document.activeElement as HTMLElement | null)?.blur();
  await frame();
  const base64 = await executeServerCommand<string, { selector: string; name: string }>('screenshot:element', { selector, name });
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { width: bitmap.width, height: bitmap.height, pixels: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
}

/** The share of pixels where any channel differs by more than 24 of 255. */
function difference(a: Picture, b: Picture): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(a.pixels[i + c]! - b.pixels[i + c]!) > 24) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}

/** Photographs the form without and with the hostile rules; returns both, for the assertions. */
async function compare(name: string): Promise<{ clean: Picture; hostile: Picture; share: number }> {
  setHostile(false);
  const clean = await photograph('sign-in-form, #root > form', `host-css-${name}-clean`);
  setHostile(true);
  const withHostile = await photograph('sign-in-form, #root > form', `host-css-${name}-hostile`);
  setHostile(false);
  return { clean, hostile: withHostile, share: difference(clean, withHostile) };
}

async function imagesLoaded(form: SignInForm): Promise<void> {
  const images = () => [
    ...form.querySelectorAll('img'),
    ...(form.querySelector('social-buttons')?.shadowRoot?.querySelectorAll('img') ?? []),
    ...(form.shadowRoot?.querySelectorAll('img') ?? []),
  ];
  await waitUntil(() => images().every((image) => image.complete), 'images did not load', { timeout: 5000 });
}

describe('host page CSS', function () {
  this.timeout(30_000);

  afterEach(() => setHostile(false));

  it('changes an ordinary form on the same page (the premise of the tests below)', async () => {
    const element = await fixture(html`<div id="root" style="inline-size: 420px">
      <form><label for="plain">Name</label><input id="plain" type="text" /><button type="submit">Go</button></form>
    </div>`);
    const label = element.querySelector('label')!;
    const input = element.querySelector('input')!;
    const before = input.getBoundingClientRect().height;
    setHostile(true);
    expect(getComputedStyle(label).display).to.equal('none');
    expect(input.getBoundingClientRect().height).to.be.greaterThan(before + 30);
    expect(getComputedStyle(element).textAlign).to.equal('center');
    const changed = await compare('premise');
    expect(changed.share).to.be.greaterThan(0.05);
  });

  it('leaves the first screen as it is on a clean page: labels, fields, buttons, links, social buttons', async () => {
    const { appId } = await startApp({ termsOfUseUrl: 'https://example.com/terms', agreeToTermsPolicy: 'Manual' });
    const root = await fixture(html`<div id="root" style="inline-size: 420px">
      <sign-in-form app-id=${appId} theme="light"></sign-in-form>
    </div>`);
    const form = root.querySelector('sign-in-form')!;
    const h = await new FormHarness(form).ready();
    await imagesLoaded(form);
    expect(h.form.querySelector('label'), 'a label to hide').to.not.equal(null);

    const { clean, share } = await compare('first-screen');
    expect(clean.height, 'the form was photographed').to.be.greaterThan(300);
    expect(share, `${(share * 100).toFixed(2)}% of the pixels differ`).to.be.at.most(0.002);
    setHostile(true);
    expect(getComputedStyle(h.form.querySelector('label')!).display).to.not.equal('none');
  });

  it('leaves an error and a later step as they are on a clean page', async () => {
    const { appId } = await startApp();
    const root = await fixture(html`<div id="root" style="inline-size: 420px">
      <sign-in-form app-id=${appId} theme="light"></sign-in-form>
    </div>`);
    const form = root.querySelector('sign-in-form')!;
    const h = await new FormHarness(form).ready();
    await imagesLoaded(form);

    // The username step's error, once the controller and the later steps' styles are in.
    await h.type('identifier', 'nobody-here');
    h.submitButton().click();
    await waitUntil(() => h.form.querySelector('.si-alert, .si-error, input[name="password"]'), 'no answer', { timeout: 5000 });
    await waitUntil(() => !h.submitButton().matches('[aria-disabled="true"]'), 'still busy', { timeout: 5000 });
    const error = await compare('error');
    expect(error.share, `${(error.share * 100).toFixed(2)}% of the pixels differ`).to.be.at.most(0.002);

    h.button('Create account').click();
    await waitUntil(() => h.form.querySelector('.si-back, h1')?.textContent, 'no register step', { timeout: 5000 });
    await frame();
    const later = await compare('register');
    expect(later.share, `${(later.share * 100).toFixed(2)}% of the pixels differ`).to.be.at.most(0.002);
  });
});
