/**
 * The tenant's CAPTCHA on `<sign-in-form>`, with the emulator's stand-ins for the providers'
 * scripts: the Turnstile box above the submit button, its token in `PUT /api/experience`, an
 * expired token renewed without touching what was typed, a failing widget, a script that cannot
 * load, reCAPTCHA Enterprise (invisible), the server asking for a check the form did not know
 * about, and a tenant without CAPTCHA that never fetches a CAPTCHA script.
 */
import { expect, waitUntil } from '@open-wc/testing';

import { setLocale } from '../../src/index.js';
import { startApp } from '../helpers/emulator.js';
import { interceptSuccess, summary } from '../helpers/journeys.js';
import {
  addMfaUser,
  eventsContaining,
  mountForm,
  PASSWORD,
  recordEvents,
  signInWithPassword,
  USERNAME_PASSWORD,
  waitForAlert,
} from '../helpers/security.js';

const SITE_KEY = 'journey-site-key';
const SCRIPT = '/__emulator/captcha/{provider}.js';
const FAILED = 'The security check failed. Try it again.';
const UNAVAILABLE = 'The security check could not load. Check your connection or allow it in your blocker, then try again.';
const REQUIRED = 'Complete the security check, then try again.';

function captchaTenant(config: Record<string, unknown> = {}, base: Record<string, unknown> = USERNAME_PASSWORD): Record<string, unknown> {
  return { ...base, captchaPolicy: { enabled: true }, captchaConfig: { type: 'Turnstile', siteKey: SITE_KEY, ...config } };
}

/** The resources the page fetched whose address looks like a CAPTCHA provider's. */
function captchaResources(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /captcha|turnstile|recaptcha|challenges\.cloudflare|google\.com/i.test(url));
}

/** The text of the emulated widget in the form's CAPTCHA box. */
function widgetText(form: HTMLFormElement): string {
  return form.querySelector('.si-captcha [role="status"]')?.textContent?.trim() ?? '';
}

describe('CAPTCHA', function () {
  this.timeout(20_000);

  afterEach(async () => {
    await setLocale('en');
  });

  it('a tenant without CAPTCHA never requests a CAPTCHA script, nor shows a box (first, on a clean page)', async () => {
    performance.clearResourceTimings();
    const username = await addMfaUser('nocap');
    const app = await startApp(USERNAME_PASSWORD);
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await h.element.whenReady();
    const success = interceptSuccess(h.element);
    await signInWithPassword(h, username);
    await success;
    expect(h.form.querySelector('.si-captcha')).to.equal(null);
    expect(captchaResources()).to.deep.equal([]);
    expect(document.querySelector('script[data-si-captcha]')).to.equal(null);
    expect('turnstile' in window).to.equal(false);
    const [put] = await app.requests();
    expect(put!.body).to.deep.equal({ interactionEvent: 'SignIn' });
  });

  it('Turnstile: the box sits above the submit button and its token goes with PUT /api/experience', async () => {
    const username = await addMfaUser('cap');
    const app = await startApp(captchaTenant());
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    const events = recordEvents(h.element);
    await waitUntil(() => widgetText(h.form) === 'Verified — emulated CAPTCHA', `the widget says "${widgetText(h.form)}"`, {
      timeout: 5000,
    });
    const box = h.form.querySelector('.si-captcha')!;
    expect(box.compareDocumentPosition(h.submitButton()) & Node.DOCUMENT_POSITION_FOLLOWING, 'box above the submit').to.not.equal(0);
    expect(captchaResources().some((url) => url.endsWith('/__emulator/captcha/turnstile.js'))).to.equal(true);

    const success = interceptSuccess(h.element);
    await signInWithPassword(h, username);
    await success;
    const requests = await app.requests();
    expect(summary(requests)).to.deep.equal(['PUT / 204', 'POST /verification/password 200', 'POST /identification 204', 'POST /submit 200']);
    const put = requests[0]!.body as { interactionEvent: string; captchaToken: string };
    expect(Object.keys(put).sort()).to.deep.equal(['captchaToken', 'interactionEvent']);
    expect(put.interactionEvent).to.equal('SignIn');
    expect(put.captchaToken).to.match(/^emulated\./);
    expect(eventsContaining(events, [PASSWORD, put.captchaToken])).to.deep.equal([]);
  });

  it('puts the box on the password, register and forgot-password steps too', async () => {
    const app = await startApp(captchaTenant({}, {}));
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await waitUntil(() => h.form.querySelector('.si-captcha'), 'no box on the sign-in step');
    await h.type('identifier', 'alice');
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    await waitUntil(() => widgetText(h.form).startsWith('Verified'), 'no widget on the password step');
    h.link('Forgot your password?').click();
    await h.waitForHeading('Reset your password');
    await waitUntil(() => widgetText(h.form).startsWith('Verified'), 'no widget on the forgot-password step');
    expect(h.form.querySelectorAll('.si-captcha')).to.have.length(1);
    h.element.remove();

    const other = await startApp(captchaTenant({}, {}));
    const r = await mountForm(other.appId, { captchaScript: SCRIPT });
    r.link('Create account').click();
    await r.waitForHeading('Create your account');
    await waitUntil(() => widgetText(r.form).startsWith('Verified'), 'no widget on the register step');
    const box = r.form.querySelector('.si-captcha')!;
    expect(box.compareDocumentPosition(r.submitButton()) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('renews an expired token without touching what was typed, and sends the fresh one', async () => {
    const username = await addMfaUser('capexp');
    const app = await startApp(captchaTenant());
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await waitUntil(() => widgetText(h.form).startsWith('Verified'), 'the widget did not verify');
    await h.type('identifier', username);
    await h.type('password', PASSWORD);

    const captcha = window as unknown as { turnstile: { getResponse(id: string): string | undefined }; __emulatedCaptcha: { expire(): void } };
    const widgetId = `cf-emulated-${h.form.querySelector<HTMLElement>('.si-captcha [data-widget-id]')!.dataset.widgetId!}`;
    const stale = captcha.turnstile.getResponse(widgetId);
    expect(stale, 'the widget had a token').to.match(/^emulated\./);
    captcha.__emulatedCaptcha.expire();
    await waitUntil(() => widgetText(h.form).startsWith('Verified'), 'the widget was not renewed', { timeout: 5000 });
    expect(h.input('identifier').value).to.equal(username);
    expect(h.input('password').value).to.equal(PASSWORD);
    expect(h.alertText()).to.equal(undefined);

    const success = interceptSuccess(h.element);
    h.submitButton().click();
    await success;
    const requests = await app.requests();
    expect(summary(requests)[0]).to.equal('PUT / 204');
    expect(summary(requests).filter((line) => line.startsWith('PUT'))).to.have.length(1);
    const sent = (requests[0]!.body as { captchaToken: string }).captchaToken;
    expect(sent).to.match(/^emulated\./);
    expect(sent, 'the expired token was not sent').to.not.equal(stale);
  });

  it('a widget that fails shows "The security check failed. Try it again." and sends nothing', async () => {
    const username = await addMfaUser('capfail');
    const app = await startApp(captchaTenant({ siteKey: 'site-key-that-should-fail' }));
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await waitUntil(() => widgetText(h.form).startsWith('Verification failed'), 'the widget did not fail');
    await signInWithPassword(h, username);
    expect(await waitForAlert(h, 5000)).to.equal(FAILED);
    expect(h.form.querySelector('.si-alert')!.getAttribute('role')).to.equal('alert');
    expect(h.input('identifier').value).to.equal(username);
    expect(h.input('password').value).to.equal(PASSWORD);
    expect(await app.requests(), 'nothing reached the server').to.deep.equal([]);

    await setLocale('ar');
    await waitUntil(() => h.alertText() === 'فشل الفحص الأمني. حاول مرة أخرى.', `the alert is "${h.alertText() ?? ''}"`);
    await setLocale('zh-CN');
    await waitUntil(() => h.alertText() === '安全验证失败，请重试。', `the alert is "${h.alertText() ?? ''}"`);
  });

  it('a script that cannot load says so, and no submit reaches the server', async () => {
    const username = await addMfaUser('cap404');
    const app = await startApp(captchaTenant());
    const h = await mountForm(app.appId, { captchaScript: '/nope.js' });
    await signInWithPassword(h, username);
    expect(await waitForAlert(h, 5000)).to.equal(UNAVAILABLE);
    expect(h.input('identifier').value).to.equal(username);
    expect(h.input('password').value).to.equal(PASSWORD);
    expect(await app.requests()).to.deep.equal([]);

    await setLocale('fa-IR');
    await waitUntil(
      () => h.alertText() === 'بررسی امنیتی بارگذاری نشد. اتصال اینترنت خود را بررسی کنید یا آن را در مسدودکننده خود مجاز کنید و سپس دوباره امتحان کنید.',
      `the alert is "${h.alertText() ?? ''}"`,
    );
    await setLocale('zh-CN');
    await waitUntil(() => h.alertText() === '安全验证加载失败。请检查网络，或在拦截插件中允许加载，然后重试。', `the alert is "${h.alertText() ?? ''}"`);
  });

  it('reCAPTCHA Enterprise (invisible): no box, and a token with PUT /api/experience', async () => {
    const username = await addMfaUser('caprc');
    const app = await startApp(captchaTenant({ type: 'RecaptchaEnterprise', mode: 'invisible' }));
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await h.element.whenReady();
    await waitUntil(() => captchaResources().some((url) => url.endsWith('/__emulator/captcha/recaptcha-enterprise.js')), 'the script was not loaded');
    expect(h.form.querySelector('.si-captcha'), 'nothing to see in invisible mode').to.equal(null);

    const success = interceptSuccess(h.element);
    await signInWithPassword(h, username);
    await success;
    const [put] = await app.requests();
    expect(put!.status).to.equal(204);
    expect((put!.body as { captchaToken?: string }).captchaToken).to.match(/^emulated\./);
  });

  it('when the server asks for a check the form did not know about, says "Complete the security check, then try again."', async () => {
    const username = await addMfaUser('capreq');
    const app = await startApp(USERNAME_PASSWORD);
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await h.element.whenReady();
    // The admin turns CAPTCHA on while the page is open.
    await fetch('/__emulator/apps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: app.appId, signInExperience: captchaTenant() }),
    });
    await signInWithPassword(h, username);
    expect(await waitForAlert(h)).to.equal(REQUIRED);
    expect(h.input('password').value).to.equal(PASSWORD);
    expect(summary(await app.requests()).at(-1)).to.equal('POST /submit 422');
    await setLocale('zh-CN');
    await waitUntil(() => h.alertText() === '请完成安全验证后重试。', `the alert is "${h.alertText() ?? ''}"`);
  });
  it('a second attempt right after a wrong password waits for a fresh token: each token is sent once', async () => {
    const username = await addMfaUser('capagain');
    const app = await startApp(captchaTenant());
    const h = await mountForm(app.appId, { captchaScript: SCRIPT });
    await waitUntil(() => widgetText(h.form).startsWith('Verified'), 'the widget did not verify');
    await signInWithPassword(h, username, 'Not-the-Pa55word!');
    expect(await h.waitForFieldError('password')).to.equal('The account or password is incorrect. Check them and try again.');
    // At once, before the widget has answered again.
    const success = interceptSuccess(h.element);
    await h.type('password', PASSWORD);
    h.submitButton().click();
    await success;
    const tokens = (await app.requests())
      .filter((request) => request.method === 'PUT' && request.path === '/api/experience')
      .map((request) => (request.body as { captchaToken?: string }).captchaToken);
    expect(tokens).to.have.length(2);
    expect(tokens[0]).to.match(/^emulated\./);
    expect(tokens[1]).to.match(/^emulated\./);
    expect(tokens[1], 'the second attempt had a token of its own').to.not.equal(tokens[0]);
  });
});
