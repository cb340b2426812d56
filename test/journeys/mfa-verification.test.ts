/**
 * Second-factor verification on a bare `<sign-in-form>` against the emulator: authenticator app,
 * backup codes, passkey or security key, email code, and "Use another method". What the user sees,
 * what the server received (once each), and no secret in any event.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { latestCode, startApp, uniqueName } from '../helpers/emulator.js';
import { bodiesOf, interceptSuccess, summary, wrongCode } from '../helpers/journeys.js';
import {
  addMfaUser,
  backupCodes,
  eventsContaining,
  factorButton,
  factorNames,
  mfaTenant,
  mountForm,
  PASSWORD,
  recordEvents,
  registerCredentialFor,
  SECRET,
  signInWithPassword,
  totpCode,
  waitForAlert,
  waitForStep,
  wrongTotp,
} from '../helpers/security.js';
import { addVirtualAuthenticator, removeVirtualAuthenticator } from '../helpers/webauthn.js';
import { setLocale } from '../../src/index.js';

const TOTP_WRONG = 'The code is incorrect or has expired. Enter the code your app shows now.';
const BACKUP_WRONG = 'This backup code is incorrect or has already been used. Each code works once.';
const BACKUP_EMPTY = 'Enter one of your backup codes.';
const SHORT_CODE = 'Enter the 6-digit code.';
const WEBAUTHN_CANCELLED = 'The request was cancelled or timed out. Try again when you are ready.';
const CODE_MISMATCH = 'The code is incorrect. Check it and try again.';

/** The requests of a password sign-in that ends in the server asking for a second factor. */
const UP_TO_MFA = ['PUT / 204', 'POST /verification/password 200', 'POST /identification 204', 'POST /submit 403'];

describe('second-factor verification', function () {
  this.timeout(20_000);

  afterEach(async () => {
    await setLocale('en');
  });

  describe('authenticator app (TOTP)', () => {
    it('asks for the code after the password, refuses a wrong one, then signs in with the right one', async () => {
      const username = await addMfaUser('totp', { totp: SECRET });
      const app = await startApp(mfaTenant(['Totp'], 'UserControlled'));
      const h = await mountForm(app.appId);
      const events = recordEvents(h.element);
      await signInWithPassword(h, username);

      await waitForStep(h, 'mfa-verify');
      expect(h.heading()).to.equal('Verify it’s you');
      expect(h.element.step).to.include({ factor: 'Totp' });
      const input = h.input('code');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.maxLength).to.equal(6);
      expect(h.hasLink('Use another method'), 'one factor: nothing else to choose').to.equal(false);
      expect(events.filter((e) => e.type === 'si-step-change').map((e) => JSON.parse(e.detail) as unknown)).to.deep.include({
        step: 'mfa-verify',
        path: '/mfa-verification/Totp',
      });

      const wrong = wrongTotp(SECRET);
      await h.type('code', wrong);
      expect(await h.waitForFieldError('code')).to.equal(TOTP_WRONG);
      expect(h.input('code').getAttribute('aria-invalid')).to.equal('true');
      expect(h.input('code').value, 'the wrong code is cleared for the retry').to.equal('');
      expect(h.focused()).to.equal(h.input('code'));
      expect(h.stepName).to.equal('mfa-verify');

      const success = interceptSuccess(h.element);
      const right = totpCode(SECRET);
      await h.type('code', right); // no click: the sixth digit sends it
      const done = await success;
      expect(done.detail.redirectTo).to.match(/\/oidc\/auth\/\w+$/);

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        ...UP_TO_MFA,
        'POST /verification/totp/verify 400',
        'POST /verification/totp/verify 200',
        'POST /submit 200',
      ]);
      expect(bodiesOf(requests, '/verification/totp/verify')).to.deep.equal([{ code: wrong }, { code: right }]);
      expect(eventsContaining(events, [PASSWORD, wrong, right])).to.deep.equal([]);
    });

    it('sends the code on the sixth digit typed one by one, and only once', async () => {
      const username = await addMfaUser('totpkeys', { totp: SECRET });
      const app = await startApp(mfaTenant(['Totp'], 'UserControlled'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');

      const code = totpCode(SECRET);
      h.input('code').focus();
      const success = interceptSuccess(h.element);
      for (const digit of code.slice(0, 5)) await sendKeys({ press: digit });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bodiesOf(await app.requests(), '/verification/totp/verify'), 'nothing sent before the sixth digit').to.deep.equal([]);
      await sendKeys({ press: code[5]! });
      await success;
      // A late Enter or click must not send it again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(summary(await app.requests())).to.deep.equal([...UP_TO_MFA, 'POST /verification/totp/verify 200', 'POST /submit 200']);
    });

    it('sends a pasted code without a click', async () => {
      const username = await addMfaUser('totppaste', { totp: SECRET });
      const app = await startApp(mfaTenant(['Totp'], 'UserControlled'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');

      const code = totpCode(SECRET);
      const success = interceptSuccess(h.element);
      h.paste('code', code);
      await success;
      expect(bodiesOf(await app.requests(), '/verification/totp/verify')).to.deep.equal([{ code }]);
    });

    it('refuses a short code locally with "Enter the 6-digit code." and sends nothing', async () => {
      const username = await addMfaUser('totpshort', { totp: SECRET });
      const app = await startApp(mfaTenant(['Totp'], 'UserControlled'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');
      await h.type('code', '123');
      h.button('Verify').click();
      expect(await h.waitForFieldError('code')).to.equal(SHORT_CODE);
      expect(h.input('code').getAttribute('aria-invalid')).to.equal('true');
      expect(summary(await app.requests())).to.deep.equal(UP_TO_MFA);
    });

    it('shows the wrong-code message in Arabic and Chinese', async () => {
      const username = await addMfaUser('totpi18n', { totp: SECRET });
      const app = await startApp(mfaTenant(['Totp'], 'UserControlled'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');

      await setLocale('ar');
      await waitUntil(() => h.heading() === 'تأكيد هويتك', `the heading is "${h.heading() ?? ''}"`);
      await h.type('code', wrongTotp(SECRET));
      expect(await h.waitForFieldError('code')).to.equal('الرمز غير صحيح أو انتهت صلاحيته. أدخل الرمز الذي يعرضه تطبيقك الآن.');

      await setLocale('zh-CN');
      await waitUntil(() => h.heading() === '验证你的身份', `the heading is "${h.heading() ?? ''}"`);
      await h.type('code', wrongTotp(SECRET));
      await waitUntil(() => h.errorUnder('code') === '验证码错误或已过期，请输入应用当前显示的验证码。', `the error is "${h.errorUnder('code') ?? ''}"`);
    });
  });

  describe('backup codes', () => {
    it('signs in with a backup code, refuses a wrong one and an empty one, keeping the step', async () => {
      const codes = backupCodes(3);
      const username = await addMfaUser('backup', { totp: SECRET, backupCodes: codes });
      const app = await startApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
      const h = await mountForm(app.appId);
      const events = recordEvents(h.element);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');
      expect(h.element.step).to.include({ factor: 'Totp' });

      h.link('Use another method').click();
      await waitForStep(h, 'mfa-factors');
      factorButton(h, 'Backup code').click();
      await waitUntil(() => h.stepName === 'mfa-verify' && (h.element.step as { factor?: string }).factor === 'BackupCode');
      const input = h.input('code');
      expect(input.type).to.equal('text');

      h.button('Verify').click();
      expect(await h.waitForFieldError('code')).to.equal(BACKUP_EMPTY);

      await h.type('code', 'ffffffffff');
      h.button('Verify').click();
      expect(await h.waitForFieldError('code')).to.equal(BACKUP_WRONG);
      expect(h.input('code').value, 'the refused code is cleared').to.equal('');
      expect(h.stepName).to.equal('mfa-verify');

      const success = interceptSuccess(h.element);
      await h.type('code', codes[1]!);
      h.button('Verify').click();
      await success;

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        ...UP_TO_MFA,
        'POST /verification/backup-code/verify 400',
        'POST /verification/backup-code/verify 200',
        'POST /submit 200',
      ]);
      expect(bodiesOf(requests, '/verification/backup-code/verify')).to.deep.equal([{ code: 'ffffffffff' }, { code: codes[1] }]);
      expect(eventsContaining(events, [PASSWORD, ...codes])).to.deep.equal([]);
    });

    it('refuses a code already used in an earlier sign-in', async () => {
      const codes = backupCodes(2);
      const username = await addMfaUser('backuptwice', { totp: SECRET, backupCodes: codes });
      const tenant = mfaTenant(['Totp', 'BackupCode'], 'Mandatory');

      async function toBackupCode() {
        const app = await startApp(tenant);
        const h = await mountForm(app.appId);
        await signInWithPassword(h, username);
        await waitForStep(h, 'mfa-verify');
        h.link('Use another method').click();
        await waitForStep(h, 'mfa-factors');
        factorButton(h, 'Backup code').click();
        await waitUntil(() => (h.element.step as { factor?: string }).factor === 'BackupCode');
        return { app, h };
      }

      const first = await toBackupCode();
      const success = interceptSuccess(first.h.element);
      await first.h.type('code', codes[0]!);
      first.h.button('Verify').click();
      await success;
      first.h.element.remove();

      const second = await toBackupCode();
      await second.h.type('code', codes[0]!);
      second.h.button('Verify').click();
      expect(await second.h.waitForFieldError('code')).to.equal(BACKUP_WRONG);
      expect(second.h.stepName).to.equal('mfa-verify');
      expect(summary(await second.app.requests()).slice(-1)).to.deep.equal(['POST /verification/backup-code/verify 400']);
    });

    it('shows the used-code message in Persian and Chinese', async () => {
      const username = await addMfaUser('backupi18n', { totp: SECRET, backupCodes: backupCodes(2) });
      const app = await startApp(mfaTenant(['Totp', 'BackupCode'], 'Mandatory'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');
      h.link('Use another method').click();
      await waitForStep(h, 'mfa-factors');
      factorButton(h, 'Backup code').click();
      await waitUntil(() => (h.element.step as { factor?: string }).factor === 'BackupCode');

      await setLocale('fa-IR');
      await waitUntil(() => h.heading() === 'هویت خود را تأیید کنید', `the heading is "${h.heading() ?? ''}"`);
      await h.type('code', '0000000000');
      h.submitButton().click();
      expect(await h.waitForFieldError('code')).to.equal('این کد پشتیبان نادرست است یا قبلاً استفاده شده است. هر کد فقط یک بار کار می‌کند.');

      await setLocale('zh-CN');
      await h.type('code', '0000000000');
      h.submitButton().click();
      await waitUntil(() => h.errorUnder('code') === '此备用验证码错误或已被使用。每个验证码只能使用一次。', `the error is "${h.errorUnder('code') ?? ''}"`);
    });
  });

  describe('passkey or security key', () => {
    let authenticator = '';
    afterEach(async () => {
      if (authenticator) await removeVirtualAuthenticator(authenticator).catch(() => undefined);
      authenticator = '';
    });

    it('verifies with the security key and signs in', async () => {
      authenticator = await addVirtualAuthenticator();
      const username = await addMfaUser('wamfa');
      await registerCredentialFor(username);
      const app = await startApp(mfaTenant(['WebAuthn'], 'Mandatory'));
      const h = await mountForm(app.appId);
      const events = recordEvents(h.element);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');
      expect(h.element.step).to.include({ factor: 'WebAuthn' });
      const button = h.submitButton();
      expect(button.textContent?.trim()).to.equal('Continue with passkey or security key');

      const success = interceptSuccess(h.element);
      button.click();
      await success;
      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        ...UP_TO_MFA,
        'POST /verification/web-authn/authentication 200',
        'POST /verification/web-authn/authentication/verify 200',
        'POST /submit 200',
      ]);
      const [verify] = bodiesOf(requests, '/verification/web-authn/authentication/verify') as {
        verificationId: string;
        payload: { type: string; id: string };
      }[];
      expect(verify!.payload.type).to.equal('WebAuthn');
      expect(verify!.verificationId).to.be.a('string');
      expect(eventsContaining(events, [PASSWORD])).to.deep.equal([]);
    });

    it('says the request was cancelled when the device refuses, stays on the step, and lets the user try again', async () => {
      authenticator = await addVirtualAuthenticator();
      const username = await addMfaUser('wacancel');
      await registerCredentialFor(username);
      const app = await startApp(mfaTenant(['WebAuthn'], 'Mandatory'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');

      // The fingerprint is not recognised: the authenticator refuses user verification.
      await removeVirtualAuthenticator(authenticator);
      const refusing = await addVirtualAuthenticator({ isUserVerified: false });
      authenticator = refusing;
      h.submitButton().click();
      expect(await waitForAlert(h)).to.equal(WEBAUTHN_CANCELLED);
      expect(h.form.querySelector('.si-alert')?.getAttribute('role')).to.equal('alert');
      expect(h.stepName).to.equal('mfa-verify');
      expect(h.heading()).to.equal('Verify it’s you');
      expect(summary(await app.requests())).to.deep.equal([...UP_TO_MFA, 'POST /verification/web-authn/authentication 200']);
      expect(h.submitButton().textContent?.trim(), 'the button is back for another try').to.equal('Continue with passkey or security key');

      // Another try asks the device again (a new authentication), and is refused the same way.
      h.submitButton().click();
      await waitUntil(async () => summary(await app.requests()).length === UP_TO_MFA.length + 2, 'no second attempt was made');
      expect(await waitForAlert(h)).to.equal(WEBAUTHN_CANCELLED);
      expect(h.stepName).to.equal('mfa-verify');
    });

    it('shows the cancelled message in Arabic and Chinese', async () => {
      const good = await addVirtualAuthenticator();
      const username = await addMfaUser('wai18n');
      await registerCredentialFor(username).finally(() => removeVirtualAuthenticator(good));
      authenticator = await addVirtualAuthenticator({ isUserVerified: false });
      const app = await startApp(mfaTenant(['WebAuthn'], 'Mandatory'));
      const h = await mountForm(app.appId);
      await signInWithPassword(h, username);
      await waitForStep(h, 'mfa-verify');

      await setLocale('ar');
      await waitUntil(() => h.heading() === 'تأكيد هويتك');
      h.submitButton().click();
      expect(await waitForAlert(h)).to.equal('تم إلغاء الطلب أو انتهت مهلته. حاول مرة أخرى عندما تكون مستعدًا.');
      await setLocale('zh-CN');
      await waitUntil(() => h.alertText() === '请求已取消或超时。准备好后请重试。', `the alert is "${h.alertText() ?? ''}"`);
    });
  });

  describe('email code', () => {
    it('sends the code by itself, counts down to "Send a new code", rejects a wrong code and signs in', async () => {
      const email = `${uniqueName('mfamail')}@example.com`;
      const withMail = await addMfaUser('mfamail', { email: true }, { email });
      const app = await startApp(mfaTenant(['EmailVerificationCode'], 'PromptAtSignInAndSignUp'));
      const h = await mountForm(app.appId);
      const events = recordEvents(h.element);
      await signInWithPassword(h, withMail);
      await waitForStep(h, 'mfa-verify');
      expect(h.element.step).to.include({ factor: 'EmailVerificationCode' });
      expect(h.subtitle()).to.equal(`We sent a 6-digit code to ${withMail.slice(0, 4)}****@example.com.`);

      const seconds = () => {
        const text = h.form.querySelector('.si-countdown')?.textContent?.trim() ?? '';
        const match = /^You can ask for a new code in (\d+) s\.$/.exec(text);
        if (!match) throw new Error(`unexpected countdown text: "${text}"`);
        return Number(match[1]);
      };
      const first = seconds();
      expect(first).to.be.within(55, 59);
      expect(h.hasLink('Send a new code')).to.equal(false);
      await waitUntil(() => seconds() < first, 'the countdown did not tick', { timeout: 2500 });

      const sent = await latestCode(email);
      // A minute later the resend link replaces the countdown.
      const step = h.element.step!;
      await h.element.restore({ ...step, sentAt: Date.now() - 60_000 } as typeof step);
      await waitUntil(() => h.hasLink('Send a new code'), 'the resend link did not appear');
      h.link('Send a new code').click();
      await waitUntil(() => h.form.querySelector('.si-countdown'), 'the countdown did not restart');
      expect(seconds()).to.be.within(55, 59);
      const resent = await latestCode(email);

      await h.type('code', wrongCode(resent));
      expect(await h.waitForFieldError('code')).to.equal(CODE_MISMATCH);
      expect(h.input('code').value).to.equal('');

      const success = interceptSuccess(h.element);
      await h.type('code', resent);
      await success;

      const requests = await app.requests();
      const sends = bodiesOf(requests, '/verification/mfa-verification-code');
      expect(sends, 'one send, one resend').to.deep.equal([{ identifierType: 'email' }, { identifierType: 'email' }]);
      const verifies = bodiesOf(requests, '/verification/mfa-verification-code/verify') as { code: string; verificationId: string }[];
      expect(verifies.map((body) => body.code)).to.deep.equal([wrongCode(resent), resent]);
      expect(verifies.every((body) => body.verificationId === verifies[0]!.verificationId)).to.equal(true);
      expect(summary(requests).at(-1)).to.equal('POST /submit 200');
      expect(eventsContaining(events, [PASSWORD, sent, resent])).to.deep.equal([]);
    });
  });

  describe('"Use another method"', () => {
    it('lists every factor the server offered and opens the chosen one', async () => {
      const authenticator = await addVirtualAuthenticator();
      try {
        const email = `${uniqueName('another')}@example.com`;
        const withAll = await addMfaUser('another', { totp: SECRET, backupCodes: backupCodes(2), email: true }, { email });
        await registerCredentialFor(withAll);
        const app = await startApp(
          mfaTenant(['Totp', 'WebAuthn', 'BackupCode', 'EmailVerificationCode'], 'UserControlled'),
        );
        const h = await mountForm(app.appId);
        await signInWithPassword(h, withAll);
        await waitForStep(h, 'mfa-verify');
        h.link('Use another method').click();
        await waitForStep(h, 'mfa-factors');
        expect(h.heading()).to.equal('Choose how to verify');
        expect([...factorNames(h)].sort()).to.deep.equal(
          ['Authenticator app', 'Backup code', 'Email code', 'Passkey or security key'].sort(),
        );
        expect(h.stepName).to.equal('mfa-factors');

        factorButton(h, 'Authenticator app').click();
        await waitUntil(() => (h.element.step as { factor?: string }).factor === 'Totp');
        const success = interceptSuccess(h.element);
        await h.type('code', totpCode(SECRET));
        await success;
        const requests = await app.requests();
        expect(summary(requests).filter((line) => line.includes('/verify'))).to.deep.equal(['POST /verification/totp/verify 200']);
      } finally {
        await removeVirtualAuthenticator(authenticator);
      }
    });
  });
});
