/**
 * Adding a second factor when the tenant asks for one: the authenticator app (QR code, grouped key,
 * first code) and backup codes on the hosted page up to the app, a passkey or security key, the
 * optional prompts (onboarding, skip, turn on), and what a Mandatory policy refuses.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { RecordedRequest } from '../../src/emulator/emulator.js';
import { setLocale } from '../../src/index.js';
import { latestCode, registerApp, startApp, uniqueName } from '../helpers/emulator.js';
import { bodiesOf, clearPageStorage, HostedFrame, interceptSuccess, summary } from '../helpers/journeys.js';
import {
  addMfaUser,
  eventsContaining,
  factorButton,
  factorNames,
  hasButton,
  mfaTenant,
  mountForm,
  PASSWORD,
  recordEvents,
  signInWithPassword,
  totpCode,
  waitForAlert,
  waitForStep,
  wrongTotp,
} from '../helpers/security.js';
import { decodeQr } from '../helpers/social.js';
import { addVirtualAuthenticator, credentials, removeVirtualAuthenticator } from '../helpers/webauthn.js';

const TOTP_WRONG = 'The code is incorrect or has expired. Enter the code your app shows now.';
const NOT_SAVED = 'Confirm that you have saved your backup codes.';
const SKIP_REFUSED = '2-step verification is required for this account and cannot be skipped.';

async function requestsOf(appId: string): Promise<RecordedRequest[]> {
  return (await (await fetch(`/__emulator/requests?appId=${encodeURIComponent(appId)}`)).json()) as RecordedRequest[];
}

/** Changes an app's tenant settings while a journey is under way (as an admin would in the Console). */
async function reconfigure(appId: string, signInExperience: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId, signInExperience }),
  });
  expect(response.ok).to.equal(true);
}

describe('adding a second factor', function () {
  this.timeout(30_000);

  afterEach(async () => {
    HostedFrame.closeAll();
    clearPageStorage();
    await setLocale('en');
  });

  it('Mandatory authenticator app and backup codes, on the hosted page, all the way to the app', async () => {
    const username = await addMfaUser('bindtotp', undefined, { name: 'Binding Bea' });
    const appId = await registerApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
    const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}`);
    let h = await page.form();
    await signInWithPassword(h, username);

    await page.waitForPath('/mfa-binding/Totp');
    h = await page.form();
    await waitForStep(h, 'mfa-bind-totp');
    expect(hasButton(h, 'Skip for now'), 'Mandatory: nothing to skip').to.equal(false);

    // The QR code is the server's PNG and encodes this account's secret.
    const qr = h.form.querySelector<HTMLImageElement>('img.si-qr-code');
    expect(qr, 'the QR code').to.exist;
    expect(qr!.src).to.match(/^data:image\/png;base64,/);
    expect(qr!.alt).to.equal('QR code to add this account to an authenticator app');
    const uri = await decodeQr(qr!.src);
    expect(uri).to.match(/^otpauth:\/\/totp\//);
    const secret = new URL(uri!).searchParams.get('secret')!;

    // The key for typing it in: behind "Can’t scan it?", grouped by four.
    const details = h.form.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent?.trim()).to.equal('Can’t scan it? Enter a key instead');
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await waitUntil(() => details.open);
    const shown = h.form.querySelector('code.si-secret__value')?.textContent?.trim() ?? '';
    expect(shown.replace(/ /g, '')).to.equal(secret);
    expect(shown.split(' ').every((group, i, all) => group.length === 4 || (i === all.length - 1 && group.length <= 4))).to.equal(true);
    expect(hasButton(h, 'Copy key')).to.equal(true);

    const wrong = wrongTotp(secret); // once: the 30-second window may turn before the check below
    await h.type('code', wrong); // the sixth digit sends it
    expect(await h.waitForFieldError('code')).to.equal(TOTP_WRONG);
    expect(h.input('code').value).to.equal('');
    expect(h.stepName).to.equal('mfa-bind-totp');

    await h.type('code', totpCode(secret));
    await page.waitForPath('/mfa-binding/BackupCode');
    h = await page.form();
    await waitForStep(h, 'backup-codes');
    const codes = [...h.form.querySelectorAll('ol.si-backup-codes li')].map((item) => item.textContent?.trim() ?? '');
    expect(codes).to.have.length(10);
    for (const code of codes) expect(code).to.match(/^[0-9a-f]{10}$/);

    // "Continue" without ticking the box.
    h.submitButton().click();
    expect(await h.waitForFieldError('saved')).to.equal(NOT_SAVED);
    expect(h.input('saved').getAttribute('aria-invalid')).to.equal('true');
    expect(page.path()).to.equal('/mfa-binding/BackupCode');

    h.input('saved').click();
    await waitUntil(() => !h.errorUnder('saved'), 'ticking the box did not clear the error');
    h.submitButton().click();
    await page.waitForPath('/demo/callback', 10_000);
    expect(page.doc.querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal('Binding Bea');

    const requests = await requestsOf(appId);
    expect(summary(requests)).to.deep.equal([
      'PUT / 204',
      'POST /verification/password 200',
      'POST /identification 204',
      'POST /submit 422',
      'POST /verification/totp/secret 200',
      'POST /verification/totp/verify 400',
      'POST /verification/totp/verify 200',
      'POST /profile/mfa 204',
      'POST /submit 422',
      'POST /verification/backup-code/generate 200',
      'POST /profile/mfa 204',
      'POST /submit 200',
    ]);
    const [secretAnswer] = requests.filter((r) => r.path === '/api/experience/verification/totp/secret');
    const verifies = bodiesOf(requests, '/verification/totp/verify') as { verificationId: string; code: string }[];
    expect(verifies.map((body) => body.code)).to.deep.equal([wrong, verifies[1]!.code]);
    expect(verifies[0]!.verificationId).to.be.a('string').and.equal(verifies[1]!.verificationId);
    expect(bodiesOf(requests, '/profile/mfa')).to.deep.equal([
      { type: 'Totp', verificationId: verifies[0]!.verificationId },
      { type: 'BackupCode', verificationId: (bodiesOf(requests, '/profile/mfa')[1] as { verificationId: string }).verificationId },
    ]);
    expect(secretAnswer).to.exist;

    // The factor is the user's now: the next sign-in asks for the app's code.
    const next = await startApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
    const again = await mountForm(next.appId);
    await signInWithPassword(again, username);
    await waitForStep(again, 'mfa-verify');
    expect(again.element.step).to.include({ factor: 'Totp' });
    again.element.remove();
  });

  it('backup codes: "Download (.txt)" saves backup-codes.txt with every code, "Copy all" puts them on the clipboard', async () => {
    const username = await addMfaUser('bindcodes');
    const app = await startApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
    const h = await mountForm(app.appId);
    await signInWithPassword(h, username);
    await waitForStep(h, 'mfa-bind-totp');
    const secret = h.form.querySelector('code.si-secret__value')!.textContent.replace(/\s+/g, '');
    await h.type('code', totpCode(secret));
    await waitForStep(h, 'backup-codes');
    const codes = [...h.form.querySelectorAll('ol.si-backup-codes li')].map((item) => item.textContent?.trim() ?? '');

    // The download: an anchor with download="backup-codes.txt" clicked; the file is read from its blob.
    const downloads: { name: string; text: Promise<string> }[] = [];
    const onClick = (event: Event) => {
      const link = event.target as HTMLAnchorElement;
      if (link instanceof HTMLAnchorElement && link.download) {
        event.preventDefault();
        downloads.push({ name: link.download, text: fetch(link.href).then((response) => response.text()) });
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      h.button('Download (.txt)').click();
      await waitUntil(() => downloads.length > 0, 'no download was started');
    } finally {
      document.removeEventListener('click', onClick, true);
    }
    expect(downloads.map((d) => d.name)).to.deep.equal(['backup-codes.txt']);
    const file = await downloads[0]!.text;
    expect(file.trim().split(/\r?\n/)).to.deep.equal(codes);
    await waitUntil(() => h.form.querySelector('.si-copy-status')?.textContent?.trim() === 'Downloaded backup-codes.txt.');

    // Copy all, pressed with the keyboard (a user gesture): the clipboard holds the codes.
    const written: string[] = [];
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text: string) => {
      written.push(text);
      return original(text);
    };
    try {
      h.button('Copy all').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => h.form.querySelector('.si-copy-status')?.textContent?.trim(), 'no copy status');
    } finally {
      clipboard.writeText = original;
    }
    expect(written).to.have.length(1);
    expect(written[0]!.split(/\r?\n/)).to.deep.equal(codes);
    expect(h.form.querySelector('.si-copy-status')?.textContent?.trim()).to.equal('Copied.');
    expect(h.form.querySelector('.si-copy-status')?.getAttribute('role')).to.equal('status');
    expect(h.stepName, 'copying does not submit').to.equal('backup-codes');
  });

  it('shows the unticked-box message in Arabic and Chinese', async () => {
    const username = await addMfaUser('bindcodesi18n');
    const app = await startApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
    const h = await mountForm(app.appId);
    await signInWithPassword(h, username);
    await waitForStep(h, 'mfa-bind-totp');
    const secret = h.form.querySelector('code.si-secret__value')!.textContent.replace(/\s+/g, '');
    await h.type('code', totpCode(secret));
    await waitForStep(h, 'backup-codes');
    await setLocale('ar');
    await h.element.updateComplete;
    h.submitButton().click();
    expect(await h.waitForFieldError('saved')).to.equal('أكّد أنك حفظت رموزك الاحتياطية.');
    await setLocale('zh-CN');
    await waitUntil(() => h.errorUnder('saved') === '请确认你已保存备用验证码。', `the error is "${h.errorUnder('saved') ?? ''}"`);
  });

  describe('passkey or security key as the second factor', () => {
    let authenticator = '';
    beforeEach(async () => {
      authenticator = await addVirtualAuthenticator();
    });
    afterEach(async () => {
      await removeVirtualAuthenticator(authenticator);
    });

    it('adds the key with "Add passkey or security key" and signs in', async () => {
      const username = await addMfaUser('bindwa');
      const app = await startApp(mfaTenant(['WebAuthn'], 'Mandatory'));
      const h = await mountForm(app.appId);
      const events = recordEvents(h.element);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-bind-webauthn');
      expect(h.submitButton().textContent?.trim()).to.equal('Add passkey or security key');
      expect(hasButton(h, 'Skip for now')).to.equal(false);
      expect(events.map((e) => e.type === 'si-step-change' && (JSON.parse(e.detail) as { path: string }).path)).to.include(
        '/mfa-binding/WebAuthn',
      );

      const success = interceptSuccess(h.element);
      h.submitButton().click();
      await success;
      expect(await credentials(authenticator)).to.have.length(1);
      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/password 200',
        'POST /identification 204',
        'POST /submit 422',
        'POST /verification/web-authn/registration 200',
        'POST /verification/web-authn/registration/verify 200',
        'POST /profile/mfa 204',
        'POST /submit 200',
      ]);
      const [registration] = bodiesOf(requests, '/verification/web-authn/registration/verify') as {
        verificationId: string;
        payload: { type: string };
      }[];
      expect(registration!.payload.type).to.equal('WebAuthn');
      expect(bodiesOf(requests, '/profile/mfa')).to.deep.equal([{ type: 'WebAuthn', verificationId: registration!.verificationId }]);
      expect(eventsContaining(events, [PASSWORD])).to.deep.equal([]);
    });
  });

  describe('optional 2-step verification (PromptAtSignInAndSignUp)', () => {
    it('offers it after sign-in; "Skip for now" calls mfa-skipped and finishes', async () => {
      const username = await addMfaUser('optskip');
      const app = await startApp(mfaTenant(['Totp'], 'PromptAtSignInAndSignUp'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-onboarding');
      expect(h.submitButton().textContent?.trim()).to.equal('Turn on');
      expect(hasButton(h, 'Skip for now')).to.equal(true);

      const success = interceptSuccess(h.element);
      h.button('Skip for now').click();
      await success;
      expect(summary(await app.requests())).to.deep.equal([
        'PUT / 204',
        'POST /verification/password 200',
        'POST /identification 204',
        'POST /submit 422',
        'POST /profile/mfa/mfa-skipped 204',
        'POST /submit 200',
      ]);
    });

    it('"Turn on" goes to adding a factor, which can still be skipped', async () => {
      const username = await addMfaUser('opton');
      const app = await startApp(mfaTenant(['Totp', 'WebAuthn'], 'PromptAtSignInAndSignUp'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-onboarding');
      h.submitButton().click();
      await waitForStep(h, 'mfa-factors');
      expect(h.heading()).to.equal('Add 2-step verification');
      expect(factorNames(h)).to.have.members(['Authenticator app', 'Passkey or security key']);
      expect(hasButton(h, 'Skip for now')).to.equal(true);

      factorButton(h, 'Authenticator app').click();
      await waitForStep(h, 'mfa-bind-totp');
      const secret = h.form.querySelector('code.si-secret__value')!.textContent.replace(/\s+/g, '');
      const success = interceptSuccess(h.element);
      await h.type('code', totpCode(secret));
      await success;
      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/password 200',
        'POST /identification 204',
        'POST /submit 422',
        'POST /profile/mfa/mfa-enabled 204',
        'POST /submit 422',
        'POST /verification/totp/secret 200',
        'POST /verification/totp/verify 200',
        'POST /profile/mfa 204',
        'POST /submit 200',
      ]);
    });

    it('says skipping is refused when the policy became Mandatory meanwhile, and stays', async () => {
      const username = await addMfaUser('optrefused');
      const app = await startApp(mfaTenant(['Totp'], 'PromptAtSignInAndSignUp'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-onboarding');
      await reconfigure(app.appId, mfaTenant(['Totp'], 'Mandatory'));

      h.button('Skip for now').click();
      expect(await waitForAlert(h)).to.equal(SKIP_REFUSED);
      expect(h.stepName).to.equal('mfa-onboarding');
      expect(summary(await app.requests()).slice(-1)).to.deep.equal(['POST /profile/mfa/mfa-skipped 422']);

      await setLocale('fa-IR');
      await waitUntil(() => h.alertText() === 'تأیید دومرحله‌ای برای این حساب کاربری الزامی است و نمی‌توان از آن رد شد.', `the alert is "${h.alertText() ?? ''}"`);
      await setLocale('zh-CN');
      await waitUntil(() => h.alertText() === '此账号必须开启两步验证，无法跳过。', `the alert is "${h.alertText() ?? ''}"`);
    });
  });

  it('Mandatory with several factors: the list and each binding step offer nothing to skip', async () => {
    const username = await addMfaUser('mandlist');
    const app = await startApp(mfaTenant(['Totp', 'WebAuthn'], 'Mandatory'));
    const h = await mountForm(app.appId);
    await signInWithPassword(h, username);
    await waitForStep(h, 'mfa-factors');
    expect(h.heading()).to.equal('Add 2-step verification');
    expect(factorNames(h)).to.have.members(['Authenticator app', 'Passkey or security key']);
    expect(hasButton(h, 'Skip for now')).to.equal(false);
    expect([...h.form.querySelectorAll('button')].map((b) => b.textContent?.trim())).to.not.include('Skip for now');

    factorButton(h, 'Passkey or security key').click();
    await waitForStep(h, 'mfa-bind-webauthn');
    expect(hasButton(h, 'Skip for now')).to.equal(false);
    expect(summary(await app.requests()).filter((line) => line.includes('skipped'))).to.deep.equal([]);
  });
  it('backup codes: "Continue" without the box ticked says so, and binds nothing', async () => {
    const username = await addMfaUser('bindunsaved');
    const app = await startApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
    const h = await mountForm(app.appId);
    await signInWithPassword(h, username);
    await waitForStep(h, 'mfa-bind-totp');
    const secret = h.form.querySelector('code.si-secret__value')!.textContent.replace(/\s+/g, '');
    await h.type('code', totpCode(secret));
    await waitForStep(h, 'backup-codes');
    const before = (await app.requests()).length;
    h.submitButton().click();
    expect(await h.waitForFieldError('saved', 3000)).to.equal(NOT_SAVED);
    expect(h.input('saved').getAttribute('aria-invalid')).to.equal('true');
    // Give a wrongly sent request the time to arrive, then check that none did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await app.requests();
    expect(summary(after.slice(before)), 'nothing was sent').to.deep.equal([]);
    expect(h.stepName).to.equal('backup-codes');
  });

  it('an optional offer of another factor: "Skip for now" declines it with mfa-suggestion-skipped and signs in', async () => {
    const email = `${uniqueName('suggest')}@example.com`;
    const username = await addMfaUser('suggest', { email: true }, { email });
    // Email codes count as a factor here because sign-up collects email addresses too.
    const app = await startApp(
      mfaTenant(['EmailVerificationCode', 'Totp'], 'PromptAtSignInAndSignUp', {
        signUp: { identifiers: ['username'], password: true, secondaryIdentifiers: [{ identifier: 'email' }] },
      }),
    );
    const h = await mountForm(app.appId);
    await signInWithPassword(h, username);
    await waitForStep(h, 'mfa-verify');
    const success = interceptSuccess(h.element);
    await h.type('code', await latestCode(email));
    // The server offers an authenticator app as well, and the user may decline.
    await waitForStep(h, 'mfa-bind-totp');
    expect(hasButton(h, 'Skip for now')).to.equal(true);
    [...h.form.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Skip for now')!.click();
    await success;
    const paths = summary(await app.requests());
    expect(paths).to.include('POST /profile/mfa/mfa-suggestion-skipped 204');
    expect(paths.filter((line) => line.startsWith('POST /profile/mfa/mfa-skipped'))).to.deep.equal([]);
  });
});
