/**
 * The hosted page under a strict Content-Security-Policy, and what it lets slip.
 *
 * Apps whose id starts with `csp-` get their hosted pages (sign-in, callback, …) served with
 * exactly STRICT_CSP by the test server (test/tools/fault-middleware.mjs), plus a probe script
 * that reports to this test, from the first line of every page load: CSP violations, console
 * output, the kit's events, history changes, navigations and storage writes. Each journey runs in
 * a popup window (the page really navigates: to the provider, back to /callback, to the app).
 *
 * For each journey: no violation at all, the probe saw every kit page (so each ran under the
 * policy), and the password, the verification code and the provider's authorization code appear
 * in no event, console line, URL the page went to or history entry, and no storage.
 *
 * The WeChat QR panel frames the provider's page. `frame-src https:` blocks the emulator's fake
 * WeChat, which is served over plain http on loopback, so that panel cannot run here; the test
 * checks what it can: nothing else is reported up to and after opening the panel.
 */
import { expect } from '@open-wc/testing';

import { addUser, latestCode, uniqueName } from '../helpers/emulator.js';
import { plainLetters } from '../helpers/journeys.js';
import { findLeaks, forgetKitStorage, leakSources, ProbeRecorder, type ProbeRecord } from '../helpers/faults.js';
import { answerConsent, consentForm, HostedWindow, until } from '../helpers/social.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; frame-src https:; require-trusted-types-for 'script'";

const EMAIL_CODE = {
  signIn: { methods: [{ identifier: 'email', password: false, verificationCode: true, isPasswordPrimary: false }] },
};

const figures = { journeys: 0, partial: 0, pageLoads: 0, violations: 0, recordsChecked: 0 };

let counter = 0;

/** Registers an app whose pages the test server serves under the strict policy. */
async function cspApp(signInExperience: Record<string, unknown> = {}): Promise<string> {
  const appId = `csp-${Date.now().toString(36)}-${++counter}`;
  const response = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId, signInExperience }),
  });
  if (!response.ok) throw new Error(`registering ${appId} failed: ${await response.text()}`);
  return appId;
}

function describeViolation(record: ProbeRecord): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const { directive, blockedURI, sourceFile, line, sample } = record.data;
  const where = `${text(sourceFile) || new URL(record.href).pathname}:${text(line)}`;
  return `${text(directive)} blocked ${text(blockedURI) || '(inline)'} at ${where}${text(sample) ? ` "${text(sample)}"` : ''}`;
}

/** A password the demo tenant's policy accepts (no "abc", no "aaa"), unique to the test. */
function newPassword(): string {
  return `Tulip-${plainLetters(8)}-9`;
}

function submit(page: HostedWindow): void {
  const button = page.form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new Error('no submit button');
  button.click();
}

/** Every URL in the window's session history (the Navigation API lists the same-origin entries). */
function historyUrls(page: HostedWindow): string[] {
  const navigation = (page.win as Window & { navigation?: { entries(): { url: string | null }[] } }).navigation;
  return (navigation?.entries() ?? []).map((entry) => entry.url ?? '');
}

function storageNow(page: HostedWindow): string {
  return `${page.storageText()}\n${page.doc.cookie}`;
}

describe('the hosted page under a strict Content-Security-Policy', function () {
  this.timeout(30_000);
  const recorder = new ProbeRecorder();

  before(() => recorder.install());
  beforeEach(() => {
    recorder.records.length = 0;
  });
  afterEach(async () => {
    figures.pageLoads += recorder.loads().length;
    figures.violations += recorder.violations().length;
    figures.recordsChecked += recorder.records.length;
    HostedWindow.closeAll();
    // A closed page still reports what its unloading does (aborted fetches): not the next test's.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  after(() => {
    recorder.remove();
    forgetKitStorage();
    // The pages of later test files must not be taken for this file's apps.
    document.cookie = '_logto=; path=/; max-age=0';
    console.log(
      `csp: ${figures.journeys} journeys run under the strict policy (+${figures.partial} up to the WeChat panel), ` +
        `${figures.pageLoads} page loads probed, ${figures.violations} violations reported (including the provoked one ` +
        `and the blocked http WeChat frames), ${figures.recordsChecked} events/console lines/URLs/storage writes checked for secrets`,
    );
  });

  /** The checks every journey ends with. */
  function expectCleanJourney(
    secrets: Record<string, string>,
    kitPaths: string[],
    page: HostedWindow,
    options: { checkpoints?: string[]; providerSent?: string } = {},
  ): void {
    const loads = recorder.loads().map((url) => new URL(url).pathname);
    for (const path of kitPaths) expect(loads, `the probe never ran on ${path}: the page was not served under the policy`).to.include(path);
    const violations = recorder.violations().map(describeViolation);
    expect(violations, `CSP violations:\n  ${violations.join('\n  ')}`).to.deep.equal([]);
    const uncaught = recorder.of('uncaught').map((record) => String(record.data.message));
    expect(uncaught, 'uncaught errors in the page').to.deep.equal([]);
    const sources = [
      ...leakSources(recorder, { notTheKits: (url) => url === options.providerSent }),
      ...historyUrls(page).map((url) => ({ where: 'history entry', text: url })),
      { where: 'address bar', text: page.safeHref() },
      { where: 'storage and cookies at the end', text: storageNow(page) },
      ...(options.checkpoints ?? []).map((text) => ({ where: 'storage or address during the journey', text })),
    ];
    const leaks = findLeaks(sources, secrets);
    expect(leaks, `secrets found:\n  ${leaks.join('\n  ')}`).to.deep.equal([]);
    expect(recorder.of('event').length, 'the probe saw no kit event at all').to.be.greaterThan(0);
    figures.journeys += 1;
  }

  it('serves the pages with exactly that policy, enforced: the test sees a violation it provokes', async () => {
    const appId = await cspApp();
    const page = await HostedWindow.start(appId);
    const response = await fetch(`/sign-in?app_id=${appId}`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    expect(recorder.loads().map((url) => new URL(url).pathname)).to.include('/sign-in');
    expect(recorder.violations(), 'violations before the probe').to.deep.equal([]);
    // Something the policy forbids: eval in the page.
    let blocked = false;
    try {
      (page.win as Window & { eval(code: string): unknown }).eval('1 + 1');
    } catch {
      blocked = true;
    }
    expect(blocked, 'eval ran: the policy is not enforced').to.equal(true);
    await until(() => recorder.violations().length > 0, 'the provoked violation was not reported', 3000);
  });

  it('username and password: signs in with no violation, and the password goes nowhere', async () => {
    const appId = await cspApp();
    const username = uniqueName('csp');
    const password = newPassword();
    // With an email: the demo tenant signs people up by email, so an account without one would be
    // asked for it before it can sign in.
    await addUser({ username, email: `${username}@example.com`, password, name: 'Policy Pat' });
    const page = await HostedWindow.start(appId);
    page.fill('identifier', username);
    submit(page);
    await page.waitForHeading('Enter your password');
    const checkpoint = [storageNow(page)];
    page.fill('password', password);
    submit(page);
    await page.waitForPath('/demo/callback', 10000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Policy Pat');
    expectCleanJourney({ password }, ['/sign-in'], page, { checkpoints: checkpoint });
  });

  it('email and a verification code: signs in with no violation, and the code goes nowhere', async () => {
    const appId = await cspApp(EMAIL_CODE);
    const email = `${uniqueName('cspcode')}@example.com`;
    await addUser({ email, password: 'Unused-pass-7', name: 'Code Casey' });
    const page = await HostedWindow.start(appId);
    page.fill('identifier', email);
    submit(page);
    await page.waitForHeading('Enter the verification code');
    const code = await latestCode(email);
    const checkpoint = [storageNow(page), page.safeHref()];
    page.fill('code', code);
    await page.waitForPath('/demo/callback', 10000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Code Casey');
    expectCleanJourney({ code }, ['/sign-in'], page, { checkpoints: checkpoint });
  });

  it('sign-up with email, code and password: creates the account with no violation, and neither secret goes anywhere', async () => {
    const appId = await cspApp();
    const email = `${uniqueName('cspnew')}@example.com`;
    const password = newPassword();
    const page = await HostedWindow.start(appId);
    page.button('Create account').click();
    await page.waitForHeading('Create your account');
    page.fill('identifier', email);
    page.form!.querySelector<HTMLInputElement>('input[name="terms"]')!.click();
    submit(page);
    await page.waitForHeading('Enter the verification code');
    const code = await latestCode(email);
    page.fill('code', code);
    await page.waitForHeading('Set a password');
    const checkpoint = [storageNow(page), page.safeHref()];
    page.fill('password', password);
    page.fill('confirm', password);
    submit(page);
    await page.waitForPath('/demo/callback', 10000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal(email);
    expectCleanJourney({ code, password }, ['/sign-in'], page, { checkpoints: checkpoint });
  });

  it('forgot password: resets it and signs in with the new one, with no violation, and no secret goes anywhere', async () => {
    const appId = await cspApp();
    const email = `${uniqueName('cspforgot')}@example.com`;
    const oldPassword = newPassword();
    const freshPassword = newPassword();
    await addUser({ email, password: oldPassword, name: 'Forgetful Fran' });
    const page = await HostedWindow.start(appId);
    page.fill('identifier', email);
    submit(page);
    await page.waitForHeading('Enter your password');
    page.button('Forgot your password?').click();
    await page.waitForHeading('Reset your password');
    page.fill('identifier', email);
    submit(page);
    await page.waitForHeading('Enter the verification code');
    const code = await latestCode(email);
    page.fill('code', code);
    await page.waitForHeading('Set a new password');
    page.fill('password', freshPassword);
    page.fill('confirm', freshPassword);
    submit(page);
    await page.waitForHeading('Sign in');
    const checkpoint = [storageNow(page), page.safeHref()];
    page.fill('identifier', email);
    submit(page);
    await page.waitForHeading('Enter your password');
    page.fill('password', freshPassword);
    submit(page);
    await page.waitForPath('/demo/callback', 10000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Forgetful Fran');
    expectCleanJourney({ code, oldPassword, newPassword: freshPassword }, ['/sign-in'], page, { checkpoints: checkpoint });
  });

  it("social redirect (OAuth 2.0): out to the provider and back to /callback with no violation, and the provider's code goes nowhere", async () => {
    const appId = await cspApp({ signUp: { identifiers: ['email'], password: false } });
    const login = uniqueName('cspsocial');
    const page = await HostedWindow.start(appId);
    page.socialButton('oauth2-demo').click();
    await page.waitForPath('/__emulator/oauth/oauth2-demo/authorize');
    await until(() => consentForm(page.doc), 'the provider page did not show its form');
    answerConsent(page.doc, 'allow', { login, name: 'Social Sam', email: `${login}@example.com` });
    await page.waitForPath('/demo/callback', 12000);
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Social Sam');

    const loaded = recorder.loads().find((url) => new URL(url).pathname === '/callback/oauth2-demo');
    expect(loaded, 'the callback page was not probed (not served under the policy)').to.exist;
    const callback = new URL(loaded!);
    const code = callback.searchParams.get('code') ?? '';
    const state = callback.searchParams.get('state') ?? '';
    expect(code, 'the provider sent no code').to.not.equal('');
    // The callback page took the code out of its address.
    const addresses = recorder.of('url').filter((record) => new URL(String(record.data.url)).pathname === '/callback/oauth2-demo');
    expect(addresses.at(-1) && String(addresses.at(-1)!.data.url), 'the last address of the callback page').to.not.contain(code);
    expectCleanJourney({ providerCode: code }, ['/sign-in', '/callback/oauth2-demo'], page, { providerSent: loaded });
    // The state did its job: no copy is left behind in storage.
    expect(storageNow(page)).to.not.contain(state);
  });

  it('a tenant with CAPTCHA (Turnstile, the emulated provider served from the page origin): signs in with no violation, and the password and token go nowhere', async () => {
    const siteKey = 'csp-journey-site-key';
    const appId = await cspApp({ captchaPolicy: { enabled: true }, captchaConfig: { type: 'Turnstile', siteKey } });
    const username = uniqueName('cspcap');
    const password = newPassword();
    await addUser({ username, email: `${username}@example.com`, password, name: 'Captcha Cam' });
    // What a deployer puts in index.html to serve the provider's script from the page's own origin
    // (the test server's index.html has no such tag): added to each /sign-in document the moment its
    // first script runs, before the page's module reads it.
    const sink = (window as unknown as { __siPageProbe: (text: string) => void }).__siPageProbe;
    (window as unknown as { __siPageProbe: (text: string) => void }).__siPageProbe = (text) => {
      const record = JSON.parse(text) as ProbeRecord;
      if (record.kind === 'load' && new URL(record.href).pathname === '/sign-in') {
        for (const page of HostedWindow.open) {
          try {
            if (page.win.location.href !== record.href || page.doc.querySelector('meta[name="sign-in-kit:captcha-script"]')) continue;
            const meta = page.doc.createElement('meta');
            meta.name = 'sign-in-kit:captcha-script';
            meta.content = '/__emulator/captcha/{provider}.js';
            page.doc.head.append(meta);
          } catch {
            // another window between two documents
          }
        }
      }
      sink(text);
    };
    try {
      const page = await HostedWindow.start(appId);
      await until(
        () => page.form?.querySelector('.si-captcha [role="status"]')?.textContent?.startsWith('Verified'),
        () => `the CAPTCHA widget did not verify (alert: "${page.alertText() ?? ''}")`,
        8000,
      );
      page.fill('identifier', username);
      submit(page);
      await page.waitForHeading('Enter your password');
      page.fill('password', password);
      submit(page);
      await page.waitForPath('/demo/callback', 10000);
      expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Captcha Cam');
      const requests = (await (await fetch(`/__emulator/requests?appId=${appId}`)).json()) as { method: string; path: string; body: unknown }[];
      const put = requests.find((request) => request.method === 'PUT' && request.path === '/api/experience');
      const token = (put?.body as { captchaToken?: string } | undefined)?.captchaToken ?? '';
      expect(token, 'the token reached the server').to.match(/^emulated\./);
      expectCleanJourney({ password, captchaToken: token }, ['/sign-in'], page);
    } finally {
      (window as unknown as { __siPageProbe: (text: string) => void }).__siPageProbe = sink;
    }
  });

  describe('WeChat QR panel (its fake provider is plain http on loopback, so `frame-src https:` blocks the frame: it cannot run here)', () => {
    async function openPanel(): Promise<{ page: HostedWindow; qr: NonNullable<ReturnType<HostedWindow['qr']>> }> {
      const appId = await cspApp();
      const page = await HostedWindow.start(appId);
      expect(recorder.violations().map(describeViolation), 'violations before opening the panel').to.deep.equal([]);
      page.socialButton('wechat-web').click();
      const qr = await page.waitForPanel();
      await until(() => qr.status !== 'loading', 'the panel stayed loading', 8000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { page, qr };
    }

    it('reports nothing up to opening the panel, and then only the blocked http frame', async () => {
      await openPanel();
      const origin = location.origin;
      const isProviderFrame = (record: ProbeRecord) =>
        record.data.directive === 'frame-src' && String(record.data.blockedURI).startsWith(`${origin}/__emulator/wechat/`);
      const unexpected = recorder.violations().filter((record) => !isProviderFrame(record));
      expect(unexpected.map(describeViolation), 'violations other than the http provider frame').to.deep.equal([]);
      expect(recorder.violations().filter(isProviderFrame).length, 'the http provider frame should have been blocked').to.be.greaterThan(0);
      expect(recorder.of('uncaught').map((record) => String(record.data.message))).to.deep.equal([]);
      figures.partial += 1;
    });

    it('does not tell the user to scan a code whose frame the page policy blocked', async () => {
      const { qr } = await openPanel();
      expect(recorder.violations().some((record) => record.data.directive === 'frame-src'), 'the frame was not blocked').to.equal(true);
      const status = qr.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim();
      expect(qr.status, `the panel says "${status}" over a frame the policy blocked`).to.not.equal('ready');
    });
  });
});
