/**
 * Social sign-in on the hosted page, end to end against the emulator's fake providers: the page
 * really navigates to the provider and back, so it runs in a window of its own (see
 * test/helpers/social.ts for why a popup rather than an iframe).
 */
import { expect } from '@open-wc/testing';

import { addUser, uniqueName } from '../helpers/emulator.js';
import {
  answerConsent,
  bodyOf,
  consentForm,
  decodeQr,
  HostedWindow,
  named,
  registerSocialUser,
  requestName,
  socialApp,
  until,
} from '../helpers/social.js';

const ORIGIN = location.origin;
const CALLBACK = (connectorId: string) => `${ORIGIN}/callback/${connectorId}`;
const ALICE_PHONE = '8613800138000';

/**
 * The sentences the user must read, written here from locales/*.xlf (never taken from the kit's
 * own message table, so a wrong sentence in the kit fails these tests).
 */
const CANCELLED = {
  en: 'The sign-in was cancelled at the provider. Choose a way to sign in.',
  ar: 'تم إلغاء تسجيل الدخول لدى مزوّد الخدمة. اختر طريقة لتسجيل الدخول.',
  'zh-CN': '登录已在第三方平台取消，请选择登录方式。',
};
const STATE_REFUSED = {
  en: 'This sign-in could not be verified, so it was stopped for your safety. Start again from this page.',
  ar: 'تعذّر التحقق من تسجيل الدخول هذا، لذا تم إيقافه حفاظًا على أمانك. ابدأ من جديد من هذه الصفحة.',
  'zh-CN': '无法验证本次登录，为保障你的账号安全已中止，请在此页面重新开始。',
};
const PROVIDER_FAILED = 'The provider could not complete the sign-in. Try again or choose another way.';

function readAlert(page: HostedWindow): string {
  try {
    return page.alertText() ?? '';
  } catch {
    return '(between two documents)';
  }
}

/** Records the `status` of every `si-qr-status` the page's QR panel fires. */
function recordQrStatuses(page: HostedWindow): string[] {
  const statuses: string[] = [];
  page.doc.addEventListener('si-qr-status', (event) => statuses.push((event as CustomEvent<{ status: string }>).detail.status));
  return statuses;
}

/** The uuid of the QR session shown in the panel's WeChat frame. */
async function wechatUuid(page: HostedWindow): Promise<string> {
  const img = await until(
    () => page.qrFrame()?.contentDocument?.querySelector<HTMLImageElement>('img#code'),
    'the WeChat page in the panel did not show a QR image',
  );
  const uuid = new URL(img.src).searchParams.get('uuid');
  if (!uuid) throw new Error('the QR image has no uuid');
  return uuid;
}

async function confirmScan(uuid: string, login: string, name?: string): Promise<void> {
  const response = await fetch('/__emulator/wechat/scan', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uuid, confirm: true, login, ...(name ? { name } : {}) }),
  });
  expect(response.status, 'the emulated phone could not confirm').to.equal(200);
}

describe('social sign-in on the hosted page', () => {
  afterEach(() => HostedWindow.closeAll());

  describe('OAuth2 (full-page redirect)', () => {
    it('registers a new user whose provider gives an email and lands on the app signed in', async function () {
      this.timeout(20000);
      const app = await socialApp({ signUp: { identifiers: ['email'], password: false } });
      const login = uniqueName('oa');
      const page = await HostedWindow.start(app.appId);
      expect(page.heading()).to.equal('Sign in');
      const button = page.socialButton('oauth2-demo');
      expect(button.textContent?.trim()).to.equal('Continue with OAuth2');
      button.click();

      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      const consent = await until(() => consentForm(page.doc), 'the provider page did not show its form');
      const [start, authorization] = await app.requests();
      expect(start && requestName(start)).to.equal('start');
      expect(authorization && requestName(authorization)).to.equal('authorization-uri');
      const { state, redirectUri } = bodyOf(authorization) as { state: string; redirectUri: string };
      expect(bodyOf(authorization)).to.deep.equal({ state, redirectUri: CALLBACK('oauth2-demo') });
      expect(state).to.match(/^[\w-]{22,}$/);
      // The provider was handed the same state and callback.
      const providerUrl = new URL(page.safeHref());
      expect(providerUrl.searchParams.get('state')).to.equal(state);
      expect(providerUrl.searchParams.get('redirect_uri')).to.equal(CALLBACK('oauth2-demo'));
      expect(consent.querySelector<HTMLInputElement>('input[name="redirect_uri"]')?.value).to.equal(CALLBACK('oauth2-demo'));

      answerConsent(page.doc, 'allow', { login, name: 'OAuth Newcomer', email: `${login}@example.com` });
      await page.waitForPath('/demo/callback', 12000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('OAuth Newcomer');

      const requests = await app.requests();
      expect(requests.map(requestName)).to.deep.equal([
        'start',
        'authorization-uri',
        'verify',
        'identification',
        'interaction-event',
        'identification',
        'submit',
      ]);
      const verify = bodyOf(named(requests, 'verify')[0]);
      const connectorData = verify.connectorData as Record<string, unknown>;
      expect(connectorData.code).to.be.a('string').and.not.equal('');
      expect(connectorData.redirectUri).to.equal(redirectUri);
      expect(connectorData).to.not.have.property('state');
      expect(verify.verificationId).to.be.a('string').and.not.equal('');
      expect(bodyOf(named(requests, 'interaction-event')[0])).to.deep.equal({ interactionEvent: 'Register' });
      expect(named(requests, 'identification').map(bodyOf)).to.deep.equal([
        { verificationId: verify.verificationId },
        { verificationId: verify.verificationId },
      ]);
      expect(named(requests, 'submit')[0]?.status).to.equal(200);
    });

    it('signs a returning social user straight in, without registering again', async function () {
      this.timeout(20000);
      const login = uniqueName('back');
      const patch = { signUp: { identifiers: ['email'], password: false } };
      await registerSocialUser('oauth2-demo', { login, name: 'Returning Rita', email: `${login}@example.com` }, patch);

      const app = await socialApp(patch);
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');
      answerConsent(page.doc, 'allow', { login, name: 'Returning Rita' });
      await page.waitForPath('/demo/callback', 12000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Returning Rita');

      const requests = await app.requests();
      expect(requests.map(requestName)).to.deep.equal(['start', 'authorization-uri', 'verify', 'identification', 'submit']);
      expect(bodyOf(named(requests, 'identification')[0])).to.not.have.property('linkSocialIdentity');
    });

    it('offers to link a new social account to the existing account with its email, then signs in as that user', async function () {
      this.timeout(20000);
      const login = uniqueName('link');
      const email = `${login}@example.com`;
      await addUser({ email, password: 'Exist1ng-pass', name: 'Existing Erin' });
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');
      answerConsent(page.doc, 'allow', { login, name: 'Erin Social', email });

      await page.waitForHeading('Link to your existing account?', 10000);
      const subtitle = page.form?.querySelector('.si-subtitle')?.textContent ?? '';
      expect(subtitle).to.contain(email);
      expect(subtitle).to.contain('OAuth2');

      // (i) The provider's single-use code and the state are gone from the address bar and storage.
      const loaded = new URL(page.loadedUrl());
      expect(loaded.pathname).to.equal('/callback/oauth2-demo');
      const code = loaded.searchParams.get('code');
      expect(code).to.be.a('string').and.not.equal('');
      expect(page.path).to.equal('/social/link/oauth2-demo');
      expect(page.win.location.href).to.not.contain('code=');
      expect(page.win.location.href).to.not.contain('state=');
      expect(page.win.location.hash).to.equal('');
      expect(page.storageText()).to.not.contain(code!);
      expect(page.storageText()).to.not.contain(loaded.searchParams.get('state')!);

      page.button('Link and continue').click();
      await page.waitForPath('/demo/callback', 10000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Existing Erin');

      const requests = await app.requests();
      expect(requests.map(requestName)).to.deep.equal([
        'start',
        'authorization-uri',
        'verify',
        'identification',
        'identification',
        'submit',
      ]);
      const verificationId = bodyOf(named(requests, 'verify')[0]).verificationId;
      expect(named(requests, 'identification').map(bodyOf)).to.deep.equal([
        { verificationId },
        { verificationId, linkSocialIdentity: true },
      ]);
      expect(named(requests, 'identification')[0]?.status).to.equal(404);
    });

    it('completes when the tab lost its sessionStorage on the round trip (in-app browsers), from the localStorage copy', async function () {
      this.timeout(20000);
      const app = await socialApp();
      const login = uniqueName('inapp');
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');
      // What some in-app browsers do: the page comes back in a fresh tab, without sessionStorage
      // (so without the saved attempt and the app id).
      page.win.sessionStorage.clear();
      answerConsent(page.doc, 'allow', { login, name: 'In-App Ivy', email: `${login}@example.com` });
      await page.waitForPath('/demo/callback', 12000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('In-App Ivy');

      // The page found its app again: every request carried the app id.
      const requests = await app.requests();
      expect(requests.map(requestName)).to.include.members(['verify', 'identification', 'submit']);
      expect(named(requests, 'verify')[0]?.status).to.equal(200);
      expect(page.storageText()).to.not.contain('sign-in-kit:social');
    });

    it('links without asking when the tenant enables automatic account linking', async function () {
      this.timeout(20000);
      const login = uniqueName('auto');
      const email = `${login}@example.com`;
      await addUser({ email, password: 'Exist1ng-pass', name: 'Automatic Ann' });
      const app = await socialApp({ socialSignIn: { automaticAccountLinking: true } });
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');
      answerConsent(page.doc, 'allow', { login, email });
      await page.waitForPath('/demo/callback', 12000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Automatic Ann');

      const requests = await app.requests();
      const verificationId = bodyOf(named(requests, 'verify')[0]).verificationId;
      expect(named(requests, 'identification').map(bodyOf)).to.deep.equal([
        { verificationId },
        { verificationId, linkSocialIdentity: true },
      ]);
      expect(named(requests, 'interaction-event')).to.have.length(0);
    });

    it('comes back to the sign-in form with a clear, localized message when the user cancels at the provider', async function () {
      this.timeout(20000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');
      answerConsent(page.doc, 'deny');

      await until(() => page.alertText(), `no message after cancelling (at ${page.safeHref()})`, 10000);
      expect(page.heading()).to.equal('Sign in');
      expect(page.socialButton('oauth2-demo')).to.exist;
      expect(new URL(page.loadedUrl()).searchParams.get('error')).to.equal('access_denied');
      const shown = page.alertText()!;
      // Not the provider's own (English-only, untranslatable) text…
      expect(shown).to.not.contain('The user cancelled the authorization.');
      // …but the kit's own localized sentence.
      expect(shown).to.equal(CANCELLED.en);
      expect(page.win.location.href).to.not.contain('error=');

      const requests = await app.requests();
      expect(named(requests, 'verify')).to.have.length(0);
      expect(named(requests, 'identification')).to.have.length(0);
    });

    it('shows a localized message, not the raw provider text, when the provider reports an error', async function () {
      this.timeout(20000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');
      answerConsent(page.doc, 'error');

      await until(() => page.alertText(), 'no message after the provider error', 10000);
      expect(page.heading()).to.equal('Sign in');
      const shown = page.alertText()!;
      expect(shown).to.not.contain('The provider had a problem.');
      expect(shown).to.equal(PROVIDER_FAILED);
      expect(named(await app.requests(), 'verify')).to.have.length(0);
    });

    it('refuses a callback whose state was tampered with, with a clear message and no verify request', async function () {
      this.timeout(20000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      page.socialButton('oauth2-demo').click();
      await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
      await until(() => consentForm(page.doc), 'the provider page did not show its form');

      page.win.location.href = `/callback/oauth2-demo?code=x&state=forged`;
      await page.waitForPath('/sign-in', 10000);
      await until(() => page.alertText(), 'no message for the forged state', 8000);
      expect(page.heading()).to.equal('Sign in');
      expect(page.alertText()).to.equal(STATE_REFUSED.en);

      const requests = await app.requests();
      expect(named(requests, 'verify')).to.have.length(0);
      expect(requests.map(requestName)).to.deep.equal(['start', 'authorization-uri']);
    });

    for (const locale of ['ar', 'zh-CN'] as const) {
      it(`says the sign-in was cancelled, then refuses a forged state, in ${locale} (ui_locales=${locale})`, async function () {
        this.timeout(25000);
        const app = await socialApp();
        const page = await HostedWindow.start(app.appId, `&ui_locales=${locale}`);
        expect(page.doc.documentElement.lang).to.equal(locale);
        page.socialButton('oauth2-demo').click();
        await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
        await until(() => consentForm(page.doc), 'the provider page did not show its form');
        answerConsent(page.doc, 'deny');
        await until(() => page.alertText() === CANCELLED[locale], () => `the alert reads "${readAlert(page)}"`, 10000);

        // A callback with a state the page never issued (the page keeps the language it was given).
        page.socialButton('oauth2-demo').click();
        await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
        await until(() => consentForm(page.doc), 'the provider page did not show its form again');
        page.win.location.href = `/callback/oauth2-demo?code=x&state=forged`;
        await page.waitForPath('/sign-in', 10000);
        await until(() => page.alertText() === STATE_REFUSED[locale], () => `the alert reads "${readAlert(page)}"`, 8000);
        expect(page.doc.documentElement.lang).to.equal(locale);
        expect(named(await app.requests(), 'verify')).to.have.length(0);
      });
    }

    it('handles a callback inside a frame without navigating the window that framed the page', async function () {
      this.timeout(20000);
      const app = await socialApp();
      // Any same-origin page that frames the hosted page (a test harness, an app's modal).
      const host = HostedWindow.openBlank('/__emulator/terms');
      await host.waitForPath('/__emulator/terms');
      await until(() => host.doc.readyState === 'complete' && host.doc.body, 'the host page did not load');
      const frame = host.doc.createElement('iframe');
      frame.style.width = '420px';
      frame.style.height = '700px';
      frame.src = `/callback/oauth2-demo?code=x&state=forged&app_id=${app.appId}`;
      host.doc.body.append(frame);
      const framed = (selector: string) => frame.contentDocument?.querySelector(selector);
      await until(
        () => framed('sign-in-form .si-alert') || host.win.location.pathname !== '/__emulator/terms',
        'neither the frame nor the window showed anything',
        10000,
      );
      expect(host.win.location.pathname, 'src/app/main.ts navigated the framing window').to.equal('/__emulator/terms');
      expect(framed('sign-in-form h1')?.textContent?.trim()).to.equal('Sign in');
    });
  });

  describe('WeChat QR inside the page', () => {
    it('shows the QR panel, whose code encodes the scan URL; a confirmed scan takes the whole page to the callback, then to "Add your email"', async function () {
      this.timeout(20000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      const statuses = recordQrStatuses(page);
      const button = page.socialButton('wechat-web');
      expect(button.textContent?.trim()).to.equal('Continue with WeChat');
      button.click();

      const qr = await page.waitForPanel();
      expect(page.heading()).to.equal('Sign in with WeChat');
      await until(() => qr.status === 'ready', `the panel did not become ready (status ${qr.status})`);
      expect(qr.getAttribute('status')).to.equal('ready');
      expect(statuses).to.deep.equal(['loading', 'ready']);
      expect(qr.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim()).to.equal(
        'Scan the code with WeChat on your phone, then confirm there.',
      );
      expect(page.path).to.equal('/sign-in');

      const authorization = named(await app.requests(), 'authorization-uri')[0];
      const { state } = bodyOf(authorization) as { state: string };
      expect(bodyOf(authorization)).to.deep.equal({ state, redirectUri: CALLBACK('wechat-web') });
      const src = new URL(page.qrFrame()!.src);
      expect(src.pathname).to.equal('/__emulator/wechat/connect/qrconnect');
      expect(src.searchParams.get('login_type')).to.equal('jssdk');
      expect(src.searchParams.get('self_redirect')).to.equal('false');
      expect(src.searchParams.get('state')).to.equal(state);
      expect(src.searchParams.get('redirect_uri')).to.equal(CALLBACK('wechat-web'));
      // "Cannot scan?" leads to the provider's own page with the same request.
      const fallback = qr.shadowRoot!.querySelector<HTMLAnchorElement>('a[href]');
      expect(new URL(fallback!.href).searchParams.get('state')).to.equal(state);

      const uuid = await wechatUuid(page);
      const decoded = await decodeQr(`/__emulator/wechat/qr.svg?uuid=${encodeURIComponent(uuid)}`);
      expect(decoded).to.equal(`${ORIGIN}/__emulator/wechat/scan?uuid=${uuid}`);

      await confirmScan(uuid, uniqueName('wx'), 'WeChat Newcomer');
      await page.waitForHeading('Add your email', 10000);
      // The whole window went to the callback (the provider frame navigated the top window).
      const loaded = new URL(page.loadedUrl());
      expect(loaded.pathname).to.equal('/callback/wechat-web');
      expect(loaded.searchParams.get('state')).to.equal(state);
      const code = loaded.searchParams.get('code');
      expect(code).to.be.a('string').and.not.equal('');
      // (i) …and the code and state left the address bar and storage.
      expect(page.path).to.equal('/continue/email');
      expect(page.win.location.search).to.not.match(/code=|state=/);
      expect(page.storageText()).to.not.contain(code!);

      const requests = await app.requests();
      const connectorData = bodyOf(named(requests, 'verify')[0]).connectorData as Record<string, unknown>;
      expect(connectorData).to.deep.equal({ code, redirectUri: CALLBACK('wechat-web') });
      expect(requests.map(requestName)).to.deep.equal([
        'start',
        'authorization-uri',
        'verify',
        'identification',
        'interaction-event',
        'identification',
      ]);
    });

    it('asks a new WeChat user for a username when the tenant signs up by username, then signs in', async function () {
      this.timeout(20000);
      const app = await socialApp({ signUp: { identifiers: ['username'], password: false } });
      const page = await HostedWindow.start(app.appId);
      page.socialButton('wechat-web').click();
      const qr = await page.waitForPanel();
      await until(() => qr.status === 'ready', 'the panel did not become ready');
      await confirmScan(await wechatUuid(page), uniqueName('wx'), 'WeChat Username');

      await page.waitForHeading('Choose a username', 10000);
      const username = uniqueName('wxu');
      page.fill('identifier', username);
      page.form!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await page.waitForPath('/demo/callback', 10000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('WeChat Username');

      const requests = await app.requests();
      expect(bodyOf(named(requests, 'profile')[0])).to.deep.equal({ type: 'username', value: username });
      expect(named(requests, 'submit')[0]?.status).to.equal(200);
    });

    it('offers "Get a new code" once the code expires, which asks the server for a new authorization URI', async function () {
      this.timeout(20000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      const statuses = recordQrStatuses(page);
      // Shorten the panel's lifetime before its frame can load.
      const observer = new (page.win as Window & typeof globalThis).MutationObserver(() => {
        const qr = page.qr();
        if (qr && qr.lifetime !== 1) qr.lifetime = 1;
      });
      observer.observe(page.doc.body, { childList: true, subtree: true });
      page.socialButton('wechat-web').click();

      const qr = await page.waitForPanel();
      await until(() => page.qrFrame()?.src, 'no frame');
      const firstSrc = page.qrFrame()!.src;
      await until(() => qr.status === 'expired', `the code did not expire (status ${qr.status})`, 5000);
      observer.disconnect();
      expect(statuses).to.deep.equal(['loading', 'ready', 'expired']);
      expect(qr.shadowRoot!.querySelector('iframe'), 'the expired code is still shown').to.equal(null);
      expect(qr.shadowRoot!.querySelector('.overlay p')?.textContent?.trim()).to.equal('This QR code has expired.');
      const refresh = [...qr.shadowRoot!.querySelectorAll('button')].find((item) => item.textContent?.trim() === 'Get a new code');
      expect(refresh, 'no "Get a new code" button').to.exist;
      expect(named(await app.requests(), 'authorization-uri')).to.have.length(1);

      refresh!.click();
      await until(async () => named(await app.requests(), 'authorization-uri').length === 2, 'no second authorization-uri', 5000);
      await until(() => page.qrFrame()?.src && page.qrFrame()!.src !== firstSrc, 'the frame did not get a new code', 5000);
      await until(() => statuses.slice(3).includes('ready'), `the new code did not load (${statuses.join(', ')})`, 5000);
      const authorizations = named(await app.requests(), 'authorization-uri').map(bodyOf);
      expect(authorizations[1]!.state).to.not.equal(authorizations[0]!.state);
      expect(new URL(page.qrFrame()!.src).searchParams.get('state')).to.equal(authorizations[1]!.state);
      expect(page.heading()).to.equal('Sign in with WeChat');
    });
  });

  describe('DingTalk inside the page', () => {
    it("links a DingTalk account whose phone matches Alice's, after asking, and signs in as Alice", async function () {
      this.timeout(20000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      page.socialButton('dingtalk-web').click();
      const qr = await page.waitForPanel();
      expect(page.heading()).to.equal('Sign in with DingTalk');
      await until(() => qr.status === 'ready', 'the panel did not become ready');
      const inner = await until(
        () => page.qrFrame()?.contentDocument && consentForm(page.qrFrame()!.contentDocument!) && page.qrFrame()!.contentDocument,
        'the DingTalk page did not load in the panel',
      );
      // The provider redirects its frame to our callback, which must move to the whole page. Hold
      // that whole-page navigation for a moment, as a slow network would, to see what the framed
      // copy of the callback page does meanwhile.
      const held: string[] = [];
      const navigation = (page.win as Window & { navigation: EventTarget }).navigation;
      navigation.addEventListener('navigate', (event) => {
        const { destination } = event as Event & { destination: { url: string } };
        if (held.length === 0 && new URL(destination.url).pathname === '/callback/dingtalk-web') {
          held.push(destination.url);
          event.preventDefault();
        }
      });
      answerConsent(inner, 'allow', { login: uniqueName('dt'), name: 'Alice on DingTalk', phone: ALICE_PHONE });
      const callbackUrl = await until(() => held[0], 'the callback did not ask to take over the whole page', 8000);
      expect(new URL(callbackUrl).searchParams.get('code')).to.be.a('string');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(
        named(await app.requests(), 'verify'),
        'the callback page inside the panel frame completed the sign-in itself (it consumed the attempt and the code)',
      ).to.have.length(0);
      page.win.location.replace(callbackUrl);

      await page.waitForHeading('Link to your existing account?', 10000);
      expect(new URL(page.loadedUrl()).pathname).to.equal('/callback/dingtalk-web');
      const subtitle = page.form?.querySelector('.si-subtitle')?.textContent ?? '';
      expect(subtitle.replace(/\D/g, '')).to.contain(ALICE_PHONE);
      expect(subtitle).to.contain('DingTalk');
      page.button('Link and continue').click();
      await page.waitForPath('/demo/callback', 10000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Alice Liddell');

      const requests = await app.requests();
      expect(named(requests, 'verify')).to.have.length(1);
      const connectorData = bodyOf(named(requests, 'verify')[0]).connectorData as Record<string, unknown>;
      expect(connectorData.redirectUri).to.equal(CALLBACK('dingtalk-web'));
      expect(connectorData.code).to.be.a('string');
      expect(connectorData).to.not.have.property('state');
      const identifications = named(requests, 'identification').map(bodyOf);
      expect(identifications.at(-1)).to.deep.equal({ verificationId: bodyOf(named(requests, 'verify')[0]).verificationId, linkSocialIdentity: true });
    });
  });

  describe('loading', () => {
    it('loads nothing from WeChat or DingTalk until the user picks one', async function () {
      this.timeout(15000);
      const app = await socialApp();
      const page = await HostedWindow.start(app.appId);
      await until(() => page.query('social-buttons')?.shadowRoot?.querySelector('button'), 'no social buttons');
      const providerRequests = () => page.loadedUrls().filter((url) => /\/__emulator\/(wechat|dingtalk)\//.test(new URL(url).pathname));
      expect(page.loadedUrls().length, 'the check sees nothing at all').to.be.greaterThan(0);
      expect(providerRequests()).to.deep.equal([]);
      expect(page.qr()).to.equal(null);
      expect(named(await app.requests(), 'authorization-uri')).to.have.length(0);

      // The check can see them: picking WeChat loads its page.
      page.socialButton('wechat-web').click();
      const qr = await page.waitForPanel();
      await until(() => qr.status === 'ready', 'the panel did not become ready');
      await until(() => providerRequests().some((url) => url.includes('/__emulator/wechat/qr.svg')), 'the WeChat QR is not visible to the check', 3000);
    });
  });
});
