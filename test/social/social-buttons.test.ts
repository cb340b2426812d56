import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/define.js';
import type { SocialConnector } from '../../src/api/schemas.js';
import { connectorName, type SiProviderSelectEvent, type SocialButtons } from '../../src/index.js';
import { setLocale } from '../../src/i18n/localization.js';
import { nameFromContent } from '../helpers/a11y.js';
import { connector, manyConnectors } from '../helpers/social.js';

async function mount(connectors: SocialConnector[], targets: string[] = [], dark = false): Promise<SocialButtons> {
  return fixture<SocialButtons>(
    html`<social-buttons .connectors=${connectors} .targets=${targets} ?dark=${dark}></social-buttons>`,
  );
}

function buttons(element: SocialButtons): HTMLButtonElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-connector]')];
}

function label(button: HTMLButtonElement): string {
  return button.querySelector('.label')?.textContent?.trim() ?? '';
}

function moreButton(element: SocialButtons): HTMLButtonElement | null {
  return element.shadowRoot!.querySelector<HTMLButtonElement>('button.more');
}

function grid(element: SocialButtons): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>('#more');
}

/** Shaped like the demo tenant: WeChat web + native, DingTalk, a universal OAuth2 with a dark logo. */
const TENANT: SocialConnector[] = [
  connector('oauth2-demo', 'oauth2', {
    name: { en: 'OAuth2' },
    platform: 'Universal',
    logo: 'https://cdn.example.com/oauth2.svg',
    logoDark: 'https://cdn.example.com/oauth2-dark.svg',
  }),
  connector('wechat-native', 'wechat', { name: { en: 'WeChat', 'zh-CN': '微信' }, platform: 'Native' }),
  connector('wechat-web', 'wechat', { name: { en: 'WeChat', 'zh-CN': '微信' }, platform: 'Web' }),
  connector('dingtalk-web', 'dingtalk', { name: { en: 'DingTalk', 'zh-CN': '钉钉' } }),
];
const ORDER = ['wechat', 'dingtalk', 'oauth2'];

describe('<social-buttons>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  describe('which buttons, in which order', () => {
    it('shows one button per browser connector in socialSignInConnectorTargets order, without Native', async () => {
      const element = await mount(TENANT, ORDER);
      const shown = buttons(element);
      expect(shown.map((button) => button.dataset.connector)).to.deep.equal(['wechat-web', 'dingtalk-web', 'oauth2-demo']);
      expect(shown.map((button) => button.dataset.target)).to.deep.equal(['wechat', 'dingtalk', 'oauth2']);
      expect(shown.map(label)).to.deep.equal(['Continue with WeChat', 'Continue with DingTalk', 'Continue with OAuth2']);
    });

    it('prefers the Web connector over a Universal one for the same provider, whatever the tenant order', async () => {
      const universalFirst = [
        connector('google-universal', 'google', { platform: 'Universal', name: { en: 'Google' } }),
        connector('google-web', 'google', { platform: 'Web', name: { en: 'Google' } }),
      ];
      const element = await mount(universalFirst);
      expect(buttons(element).map((button) => button.dataset.connector)).to.deep.equal(['google-web']);

      const webFirst = await mount([...universalFirst].reverse());
      expect(buttons(webFirst).map((button) => button.dataset.connector)).to.deep.equal(['google-web']);
    });

    it('keeps the tenant order for providers missing from the target list, after the listed ones', async () => {
      const element = await mount(
        [connector('c-apple', 'apple'), connector('c-github', 'github'), connector('c-google', 'google')],
        ['google'],
      );
      expect(buttons(element).map((button) => button.dataset.connector)).to.deep.equal(['c-google', 'c-apple', 'c-github']);
    });

    it('renders nothing when every connector is native-only', async () => {
      const element = await mount([connector('wechat-native', 'wechat', { platform: 'Native' })]);
      expect(buttons(element)).to.have.length(0);
      expect(element.shadowRoot!.querySelector('[role="group"]')).to.equal(null);
    });
  });

  describe('names and logos', () => {
    it('uses the localized provider name when the page language has one', async () => {
      await setLocale('zh-CN');
      const element = await mount(TENANT, ORDER);
      const wechat = buttons(element)[0]!;
      expect(label(wechat)).to.contain('微信');
      expect(label(wechat)).to.not.contain('WeChat');
      expect(label(buttons(element)[1]!)).to.contain('钉钉');
      // No zh-CN name for OAuth2: English.
      expect(label(buttons(element)[2]!)).to.contain('OAuth2');
    });

    it('falls back from the exact tag to the same language, then English, then any name', () => {
      const names = connector('x', 'x', { name: { en: 'WeChat', 'zh-CN': '微信', 'zh-TW': '微信（繁）', ja: 'ウィーチャット' } });
      expect(connectorName(names, 'zh-CN')).to.equal('微信');
      expect(connectorName(names, 'zh-TW')).to.equal('微信（繁）');
      expect(connectorName(names, 'zh-HK')).to.equal('微信');
      expect(connectorName(names, 'ja-JP')).to.equal('ウィーチャット');
      expect(connectorName(names, 'de')).to.equal('WeChat');
      expect(connectorName(connector('y', 'y', { name: { fr: 'Fournisseur' } }), 'de')).to.equal('Fournisseur');
      expect(connectorName(connector('z', 'zeta', { name: {} }), 'de')).to.equal('zeta');
    });

    it("uses each provider's dark logo when dark, and the light one otherwise", async () => {
      const light = await mount(TENANT, ORDER);
      const lightLogos = buttons(light).map((button) => button.querySelector('img')?.getAttribute('src'));
      expect(lightLogos).to.deep.equal([
        'https://cdn.example.com/wechat.svg',
        'https://cdn.example.com/dingtalk.svg',
        'https://cdn.example.com/oauth2.svg',
      ]);
      const dark = await mount(TENANT, ORDER, true);
      const darkLogos = buttons(dark).map((button) => button.querySelector('img')?.getAttribute('src'));
      // WeChat and DingTalk have no dark logo: their light one stays.
      expect(darkLogos).to.deep.equal([
        'https://cdn.example.com/wechat.svg',
        'https://cdn.example.com/dingtalk.svg',
        'https://cdn.example.com/oauth2-dark.svg',
      ]);
      for (const img of dark.shadowRoot!.querySelectorAll('img')) expect(img.getAttribute('alt')).to.equal('');
    });

    it('only loads http(s) and data: image logos', async () => {
      const png = 'data:image/png;base64,iVBORw0KGgo=';
      const element = await mount([
        connector('a', 'a', { logo: 'javascript:alert(1)' }),
        connector('b', 'b', { logo: png }),
        connector('c', 'c', { logo: 'data:text/html,<script>alert(1)</script>' }),
        connector('d', 'd', { logo: 'http://cdn.example.com/d.svg' }),
      ]);
      const [a, b, c, d] = buttons(element);
      // A refused logo loads nothing: its image has no source and keeps its place, invisible.
      expect(a!.querySelector('img')?.hasAttribute('src')).to.equal(false);
      expect(getComputedStyle(a!.querySelector('img')!).visibility).to.equal('hidden');
      expect(b!.querySelector('img')?.getAttribute('src')).to.equal(png);
      expect(c!.querySelector('img')?.hasAttribute('src')).to.equal(false);
      expect(d!.querySelector('img')?.getAttribute('src')).to.equal('http://cdn.example.com/d.svg');
      expect(element.shadowRoot!.innerHTML).to.not.contain('javascript:');
    });
  });

  describe('layouts', () => {
    for (const count of [1, 3, 4]) {
      it(`shows ${count} provider(s) as full-width buttons, without "More options", and passes axe`, async () => {
        const element = await mount(manyConnectors(count));
        const shown = buttons(element);
        expect(shown).to.have.length(count);
        expect(shown.map(label)).to.deep.equal(manyConnectors(count).map((item) => `Continue with ${item.name.en}`));
        expect(moreButton(element)).to.equal(null);
        expect(grid(element)).to.equal(null);
        await expect(element).to.be.accessible();
      });
    }

    it('puts providers beyond the first three of 12 behind a collapsed "More options (9)"', async () => {
      const element = await mount(manyConnectors(12));
      const more = moreButton(element)!;
      expect(more.textContent?.trim()).to.equal('More options (9)');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(more.getAttribute('aria-controls')).to.equal('more');
      const list = grid(element)!;
      expect(list.hidden).to.equal(true);
      expect(list.querySelectorAll('button[data-connector]')).to.have.length(9);
      const prominent = element.shadowRoot!.querySelectorAll('.list:not(.grid) > button[data-connector]');
      expect([...prominent].map((button) => (button as HTMLElement).dataset.connector)).to.deep.equal(['p01', 'p02', 'p03']);
      // The collapsed providers are really out of sight (and out of the Tab order).
      expect(list.checkVisibility(), 'the collapsed grid is visible').to.equal(false);
      more.focus();
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement, 'Tab went into the collapsed grid').to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('opens and closes "More options" from the keyboard (Tab, Enter, Space) and passes axe open', async () => {
      const element = await mount(manyConnectors(12));
      const more = moreButton(element)!;
      buttons(element)[0]!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(more);

      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(grid(element)!.hidden).to.equal(false);
      const revealed = grid(element)!.querySelectorAll<HTMLButtonElement>('button[data-connector]');
      expect([...revealed].map((button) => button.dataset.connector)).to.deep.equal(
        ['p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 'p12'],
      );
      expect(revealed[0]!.checkVisibility()).to.equal(true);
      // Compact buttons show the name alone: the rest of the sentence is there at zero size, so
      // they are announced as "Continue with …".
      const name = revealed[0]!.querySelector('bdi')!;
      expect(name.textContent).to.equal('Provider 04');
      expect(label(revealed[0]!)).to.equal('Continue with Provider 04');
      const words = [...revealed[0]!.querySelector('.label')!.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      const range = document.createRange();
      range.selectNodeContents(words!);
      expect(range.getBoundingClientRect().width).to.equal(0);
      expect(name.getBoundingClientRect().width).to.be.greaterThan(40);
      expect(nameFromContent(revealed[0]!)).to.equal('Continue with Provider 04');
      await expect(element).to.be.accessible();

      // The next Tab goes into the revealed grid.
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(revealed[0]);

      more.focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(grid(element)!.hidden).to.equal(true);
      expect(grid(element)!.checkVisibility(), 'the grid stays visible after closing').to.equal(false);
    });
  });

  describe('choosing a provider', () => {
    it('fires a cancelable, composed si-provider-select with the connector id and target only', async () => {
      const element = await mount(TENANT, ORDER);
      const dingtalk = buttons(element).find((button) => button.dataset.connector === 'dingtalk-web')!;
      setTimeout(() => dingtalk.click());
      const event: SiProviderSelectEvent = await oneEvent(element, 'si-provider-select');
      expect(event.detail).to.deep.equal({ connectorId: 'dingtalk-web', target: 'dingtalk' });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.cancelable).to.equal(true);
    });

    it('fires from a button inside "More options" too, and not while busy', async () => {
      const element = await mount(manyConnectors(12));
      moreButton(element)!.click();
      await element.updateComplete;
      const seen: unknown[] = [];
      element.addEventListener('si-provider-select', (event) => seen.push(event.detail));
      grid(element)!.querySelector<HTMLButtonElement>('button[data-connector="p09"]')!.click();
      expect(seen).to.deep.equal([{ connectorId: 'p09', target: 't09' }]);

      element.busy = true;
      await element.updateComplete;
      expect(buttons(element)[0]!.getAttribute('aria-disabled')).to.equal('true');
      buttons(element)[0]!.click();
      expect(seen).to.have.length(1);
    });
  });
});
