/**
 * `<qr-sign-in>` on its own (states, refresh, failure), and axe on the social steps of a bare
 * `<sign-in-form>`: the QR panel in light and dark, and the link-account step.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/define.js';
import type { QrSignIn, SignInForm } from '../../src/index.js';
import { addUser, startApp, uniqueName } from '../helpers/emulator.js';
import { FormHarness } from '../helpers/harness.js';
import { providerCallback, until } from '../helpers/social.js';

/** A port nothing listens on: the connection is refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9/connect/qrconnect?appid=wx-test&state=s';
const FALLBACK = 'https://open.weixin.qq.com/connect/qrconnect?appid=wx-test&state=s';

function wechatPage(): string {
  const query = new URLSearchParams({
    appid: 'wx-emulated-app',
    redirect_uri: `${location.origin}/callback/wechat-web`,
    scope: 'snsapi_login',
    state: `panel-${uniqueName()}`,
    login_type: 'jssdk',
    self_redirect: 'false',
  });
  return `/__emulator/wechat/connect/qrconnect?${query.toString()}`;
}

function record(element: QrSignIn): string[] {
  const statuses: string[] = [];
  element.addEventListener('si-qr-status', (event) => statuses.push(event.detail.status));
  return statuses;
}

function overlayText(element: QrSignIn): string {
  return element.shadowRoot!.querySelector('.overlay p')?.textContent?.trim() ?? '';
}

function statusText(element: QrSignIn): string {
  return element.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim() ?? '';
}

function fallbackLinks(element: QrSignIn): string[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')].map((link) => link.href);
}

describe('<qr-sign-in>', () => {
  it('goes from loading to ready when the provider page loads, and tells the user what to do', async () => {
    const element = document.createElement('qr-sign-in');
    const statuses = record(element);
    element.provider = 'WeChat';
    element.fallback = FALLBACK;
    element.src = wechatPage();
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    await element.updateComplete;
    expect(element.getAttribute('status')).to.equal('loading');
    expect(statusText(element)).to.equal('Loading the WeChat QR code…');
    await until(() => element.status === 'ready', 'the panel did not become ready', 5000);
    expect(element.getAttribute('status')).to.equal('ready');
    expect(statuses).to.deep.equal(['loading', 'ready']);
    const frame = element.shadowRoot!.querySelector('iframe')!;
    expect(frame.getAttribute('title')).to.equal('WeChat QR code');
    expect(statusText(element)).to.equal('Scan the code with WeChat on your phone, then confirm there.');
    expect(fallbackLinks(element)).to.deep.equal([FALLBACK]);
    await expect(element).to.be.accessible();
  });

  it('offers a new code once the lifetime is over, and asks for one with si-qr-refresh', async () => {
    const element = await fixture<QrSignIn>(
      html`<qr-sign-in provider="WeChat" fallback=${FALLBACK} .lifetime=${1} src=${wechatPage()}></qr-sign-in>`,
    );
    await until(() => element.status === 'expired', `the code did not expire (status ${element.status})`, 5000);
    expect(element.getAttribute('status')).to.equal('expired');
    expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect(overlayText(element)).to.equal('This QR code has expired.');
    const refresh = element.shadowRoot!.querySelector<HTMLButtonElement>('.overlay button')!;
    expect(refresh.textContent?.trim()).to.equal('Get a new code');
    await expect(element).to.be.accessible();
    setTimeout(() => refresh.click());
    await oneEvent(element, 'si-qr-refresh');

    // The host answers with a new src: loading again.
    element.src = wechatPage();
    await element.updateComplete;
    expect(element.status).to.equal('loading');
    await until(() => element.status === 'ready', 'the new code did not load', 5000);
  });

  it('shows "failed" with a link to the provider when the page does not load within load-timeout', async () => {
    const element = document.createElement('qr-sign-in');
    const statuses = record(element);
    element.provider = 'WeChat';
    element.fallback = FALLBACK;
    element.loadTimeout = 1;
    element.src = UNREACHABLE;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    await until(() => element.status === 'failed', `not failed (status ${element.status})`, 3000);
    expect(element.getAttribute('status')).to.equal('failed');
    expect(statuses).to.deep.equal(['loading', 'failed']);
    expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect(overlayText(element)).to.equal("WeChat's QR code could not be loaded here.");
    expect(fallbackLinks(element)).to.deep.equal([FALLBACK]);
    expect(element.shadowRoot!.querySelector('.overlay a')?.textContent?.trim()).to.equal("Open WeChat's page");
    await expect(element).to.be.accessible();
  });

  it('shows "failed" with the fallback link when the provider cannot be reached at all', async () => {
    const element = await fixture<QrSignIn>(
      html`<qr-sign-in provider="WeChat" fallback=${FALLBACK} load-timeout="3000" src=${UNREACHABLE}></qr-sign-in>`,
    );
    // The connection is refused within milliseconds; the browser then shows its own error page in
    // the frame. The panel must not tell the user to scan a code that is not there.
    await until(() => element.status !== 'loading', 'the panel stayed loading', 4000);
    expect(element.status, 'an unreachable provider is reported as ready').to.equal('failed');
    expect(statusText(element)).to.equal("WeChat's QR code could not be loaded here.");
    expect(fallbackLinks(element)).to.deep.equal([FALLBACK]);
  });

  it('fails at once, without a frame, for a src that is not http(s)', async () => {
    const element = await fixture<QrSignIn>(
      html`<qr-sign-in provider="WeChat" fallback=${FALLBACK} src="javascript:alert(1)"></qr-sign-in>`,
    );
    expect(element.status).to.equal('failed');
    expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect(fallbackLinks(element)).to.deep.equal([FALLBACK]);
  });
});

describe('accessibility of the social steps in <sign-in-form>', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe on the WeChat QR panel (${theme})`, async () => {
      const { appId } = await startApp();
      const element = await fixture<SignInForm>(html`<sign-in-form app-id=${appId} theme=${theme}></sign-in-form>`);
      const harness = await new FormHarness(element).ready();
      expect(element.dataset.scheme).to.equal(theme);
      const button = element.querySelector('social-buttons')!.shadowRoot!.querySelector<HTMLButtonElement>(
        'button[data-connector="wechat-web"]',
      )!;
      button.click();
      const qr = await until(
        () => element.querySelector('qr-sign-in'),
        () => `the QR panel did not show (step ${element.step?.name ?? '-'}, alert "${harness.alertText() ?? ''}")`,
      );
      await until(() => qr.status === 'ready', 'the panel did not become ready');
      expect(harness.heading()).to.equal('Sign in with WeChat');
      expect(element.step?.name).to.equal('social-panel');
      await expect(element).to.be.accessible();
    });
  }

  it('passes axe on the link-account step, which names the existing account', async () => {
    const email = `${uniqueName('a11y')}@example.com`;
    await addUser({ email, password: 'Exist1ng-pass', name: 'Axe Person' });
    const { appId } = await startApp();
    const params = await providerCallback(appId, 'oauth2-demo', { login: uniqueName('a11y'), email });
    const element = await fixture<SignInForm>(html`<sign-in-form app-id=${appId}></sign-in-form>`);
    const harness = await new FormHarness(element).ready();
    await element.completeSocial('oauth2-demo', params);
    await element.updateComplete;
    expect(element.step?.name).to.equal('social-link');
    expect(harness.heading()).to.equal('Link to your existing account?');
    expect(harness.form.querySelector('.si-subtitle')?.textContent).to.contain(email);
    expect(harness.submitButton().textContent?.trim()).to.equal('Link and continue');
    expect(harness.button('Create a new account instead')).to.exist;
    await expect(element).to.be.accessible();

    element.theme = 'dark';
    await element.updateComplete;
    expect(element.dataset.scheme).to.equal('dark');
    await expect(element).to.be.accessible();
  });
});
