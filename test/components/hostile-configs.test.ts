/**
 * `<sign-in-form>` with the tenant configs of test/fixtures/hostile-configs.ts: a connector name of
 * 500 characters, a logo and a connector icon whose addresses answer 404, no logo at all. Nothing
 * broken is drawn, nothing grows without bound, and the card keeps no empty room.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../src/define.js';
import type { SignInExperience, SignInForm, SocialButtons } from '../../src/index.js';
import { ConfigClient } from '../../src/index.js';
import { nameFromContent } from '../helpers/a11y.js';
import { startApp } from '../helpers/emulator.js';
import { FormHarness } from '../helpers/harness.js';
import {
  BROKEN_CONNECTOR_ICON,
  BROKEN_LOGO,
  LONG_CONNECTOR_NAME,
  LONG_NAME,
  MISSING_IMAGE,
  NO_LOGO,
} from '../fixtures/hostile-configs.js';

async function mountFor(patch: Record<string, unknown>): Promise<FormHarness> {
  const { appId } = await startApp(patch);
  const element = await fixture<SignInForm>(html`<div style="inline-size: 420px"><sign-in-form app-id=${appId} theme="light"></sign-in-form></div>`);
  return new FormHarness(element.querySelector('sign-in-form')!).ready();
}

function logoRow(form: SignInForm): HTMLElement {
  return form.shadowRoot!.querySelector<HTMLElement>('[part="logo"]')!;
}

function socialButtons(form: SignInForm): SocialButtons {
  return form.querySelector('social-buttons')!;
}

function providerButton(form: SignInForm, connectorId: string): HTMLButtonElement {
  const button = socialButtons(form).shadowRoot!.querySelector<HTMLButtonElement>(`button[data-connector="${connectorId}"]`);
  if (!button) throw new Error(`no button for ${connectorId}`);
  return button;
}

/** Pixels of a computed length (`24px` → 24). */
const px = (value: string): number => Number.parseFloat(value);

describe('hostile tenant configs', function () {
  this.timeout(20_000);

  it('the missing image answers 404 (the premise of the other tests)', async () => {
    expect((await fetch(MISSING_IMAGE)).status).to.equal(404);
  });

  it('clamps a 500-character connector name to two lines, and its button is still named by the whole name', async () => {
    const h = await mountFor(LONG_CONNECTOR_NAME);
    const button = providerButton(h.element, 'long-name');
    await waitUntil(() => button.getBoundingClientRect().height > 0);
    const label = button.querySelector<HTMLElement>('.label')!;
    const style = getComputedStyle(button);
    const lineHeight = px(getComputedStyle(label).lineHeight);
    const chrome = px(style.paddingBlockStart) + px(style.paddingBlockEnd) + px(style.borderBlockStartWidth) + px(style.borderBlockEndWidth);

    expect(label.getBoundingClientRect().height).to.be.closeTo(2 * lineHeight, 1);
    expect(button.getBoundingClientRect().height).to.be.at.most(2 * lineHeight + chrome + 0.5);
    expect(label.scrollHeight, 'the rest of the name is cut off').to.be.greaterThan(label.clientHeight);
    expect(getComputedStyle(label).getPropertyValue('-webkit-line-clamp')).to.equal('2');
    expect(nameFromContent(button)).to.equal(`Continue with ${LONG_NAME}`);
    expect(LONG_NAME).to.have.length(500);

    // The short name beside it keeps its one-line button.
    const other = providerButton(h.element, 'wechat-web');
    expect(other.getBoundingClientRect().height).to.be.below(button.getBoundingClientRect().height);
    await expect(h.element).to.be.accessible();
  });

  it('hides a logo whose address answers 404 and collapses its row', async () => {
    const h = await mountFor(BROKEN_LOGO);
    const row = logoRow(h.element);
    const image = row.querySelector('img')!;
    await waitUntil(() => !image.hasAttribute('src'), 'the broken logo was not dropped');
    expect(getComputedStyle(row).display).to.equal('none');
    expect(row.getBoundingClientRect().height).to.equal(0);
    expect(image.getBoundingClientRect().height).to.equal(0);
    expect(cardGap(h.element), 'room left above the title').to.equal(cardPadding(h.element));
  });

  it('leaves no band above the title when the tenant has no logo, from the first render', async () => {
    const { appId } = await startApp(NO_LOGO);
    const config = await new ConfigClient({ appId }).getSignInExperience();
    const element = await fixture<SignInForm>(html`<sign-in-form .config=${config} app-id=${appId}></sign-in-form>`);
    const row = logoRow(element);
    expect(row.querySelector('img[src]')).to.equal(null);
    expect(row.getBoundingClientRect().height).to.equal(0);
    await new FormHarness(element).ready();
    expect(cardGap(element)).to.equal(cardPadding(element));
  });

  it('keeps the logo row while the config loads and when the logo loads: no layout shift', async () => {
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
    });
    observer.observe({ type: 'layout-shift' });
    const h = await mountFor({});
    const row = logoRow(h.element);
    expect(row.getBoundingClientRect().height).to.equal(40);
    const image = row.querySelector<HTMLImageElement>('img')!;
    await waitUntil(() => image.complete && image.naturalWidth > 0, 'the logo did not load');
    expect(row.getBoundingClientRect().height).to.equal(40);
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    expect(shifts.reduce((sum, value) => sum + value, 0)).to.equal(0);
  });

  it('hides a connector icon whose address answers 404, and its label stays in place', async () => {
    const h = await mountFor(BROKEN_CONNECTOR_ICON);
    const broken = providerButton(h.element, 'broken-icon');
    const image = broken.querySelector('img')!;
    await waitUntil(() => !image.hasAttribute('src'), 'the broken icon was not dropped');
    expect(getComputedStyle(image).visibility).to.equal('hidden');
    expect(image.getBoundingClientRect().width, 'the icon keeps its room').to.equal(24);
    const loaded = providerButton(h.element, 'wechat-web').querySelector<HTMLImageElement>('img')!;
    await waitUntil(() => loaded.complete && loaded.naturalWidth > 0, 'the other icon did not load');
    expect(getComputedStyle(loaded).visibility).to.equal('visible');
    expect(nameFromContent(broken)).to.equal('Continue with Northwind');
  });

  it('shows a dark logo that loads after a light one that failed', async () => {
    const { appId } = await startApp({ branding: { logoUrl: MISSING_IMAGE, darkLogoUrl: '/__emulator/assets/logo-dark.svg' } });
    const config: SignInExperience = await new ConfigClient({ appId }).getSignInExperience();
    const element = await fixture<SignInForm>(html`<sign-in-form .config=${config} app-id=${appId} theme="light"></sign-in-form>`);
    const row = logoRow(element);
    const image = row.querySelector('img')!;
    await waitUntil(() => !image.hasAttribute('src'), 'the broken logo was not dropped');
    expect(row.getBoundingClientRect().height).to.equal(0);
    element.theme = 'dark';
    await element.updateComplete;
    await waitUntil(() => row.getBoundingClientRect().height === 40, 'the dark logo did not bring the row back');
  });
});

/** Space between the card's top edge and the light-DOM form. */
function cardGap(form: SignInForm): number {
  const card = form.shadowRoot!.querySelector('[part="card"]')!.getBoundingClientRect();
  return Math.round(form.querySelector('form[data-si-fields]')!.getBoundingClientRect().top - card.top);
}

function cardPadding(form: SignInForm): number {
  return Math.round(px(getComputedStyle(form.shadowRoot!.querySelector('[part="card"]')!).paddingBlockStart));
}
