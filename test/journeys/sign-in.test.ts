/**
 * Sign-in journeys on a bare `<sign-in-form>` against the emulator: what the user sees at each step
 * and what the server received, in order.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { addUser, latestCode, startApp, uniqueName } from '../helpers/emulator.js';
import {
  bodiesOf,
  EMAIL_CODE_ONLY,
  interceptSuccess,
  mount,
  summary,
  uniqueEmail,
  uniquePhone,
  USERNAME_SIGN_UP,
  wrongCode,
} from '../helpers/journeys.js';
import { setLocale } from '../../src/index.js';

const INVALID_CREDENTIALS = 'The account or password is incorrect. Check them and try again.';
const CODE_MISMATCH = 'The code is incorrect. Check it and try again.';
const ALICE_PHONE = '8613800138000';
const CODE_INCOMPLETE = 'Enter the 6-digit code.';

/**
 * The same sentences in a right-to-left and a CJK language, written here from locales/*.xlf (the
 * kit's own tables are never the oracle).
 */
const TRANSLATED = {
  ar: {
    passwordTitle: 'أدخل كلمة المرور',
    invalidCredentials: 'الحساب أو كلمة المرور غير صحيحة. تحقق من البيانات وحاول مرة أخرى.',
    codeTitle: 'أدخل رمز التحقق',
    codeMismatch: 'الرمز غير صحيح. تحقق منه وحاول مرة أخرى.',
    codeIncomplete: 'أدخل الرمز المكوّن من 6 أرقام.',
  },
  'fa-IR': {
    passwordTitle: 'رمز عبور خود را وارد کنید',
    invalidCredentials: 'حساب کاربری یا رمز عبور نادرست است. اطلاعات را بررسی کنید و دوباره امتحان کنید.',
    codeTitle: 'کد تأیید را وارد کنید',
    codeMismatch: 'کد نادرست است. آن را بررسی کنید و دوباره امتحان کنید.',
    codeIncomplete: 'کد ۶ رقمی را وارد کنید.',
  },
  'zh-CN': {
    passwordTitle: '输入密码',
    invalidCredentials: '账号或密码错误，请检查后重试。',
    codeTitle: '输入验证码',
    codeMismatch: '验证码错误，请检查后重试。',
    codeIncomplete: '请输入 6 位验证码。',
  },
  ja: {
    passwordTitle: 'パスワードを入力',
    invalidCredentials: 'アカウントまたはパスワードが正しくありません。入力内容を確認して、もう一度お試しください。',
    codeTitle: '認証コードを入力',
    codeMismatch: '認証コードが正しくありません。確認して、もう一度お試しください。',
    codeIncomplete: '6桁のコードを入力してください。',
  },
} as const;

describe('sign-in journeys', () => {
  describe('identifier first, username and password', () => {
    it('goes from the username to the password step and signs in with start, password, identification, submit', async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      expect(h.heading()).to.equal('Sign in');

      await h.type('identifier', 'alice');
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      expect(h.subtitle()).to.equal('Signing in as alice');
      expect(h.stepName).to.equal('sign-in-password');
      // A username always needs its password: nothing is asked of the server yet.
      expect(await app.requests()).to.deep.equal([]);

      const success = interceptSuccess(h.element);
      await h.type('password', 'Passw0rd!');
      h.submitButton().click();
      const event = await success;

      expect(event.detail.redirectTo).to.match(/^http:\/\/[^/]+\/oidc\/auth\/\w+$/);
      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/password 200',
        'POST /identification 204',
        'POST /submit 200',
      ]);
      expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
      expect(requests[1]!.body).to.deep.equal({ identifier: { type: 'username', value: 'alice' }, password: 'Passw0rd!' });
      expect(requests[2]!.body).to.have.all.keys('verificationId');
    });

    it('shows a wrong password under the password field and keeps what was typed', async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', 'alice');
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      await h.type('password', 'not-her-password');
      h.submitButton().click();

      expect(await h.waitForFieldError('password')).to.equal(INVALID_CREDENTIALS);
      expect(h.input('password').value).to.equal('not-her-password');
      expect(h.input('password').getAttribute('aria-invalid')).to.equal('true');
      expect(h.focused()).to.equal(h.input('password'));
      expect(h.heading()).to.equal('Enter your password');
      expect(summary(await app.requests())).to.deep.equal(['PUT / 204', 'POST /verification/password 422']);
    });

    it('shows the typed username again after going back from the password step, and never the password', async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', 'alice');
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      await h.type('password', 'typed-then-abandoned');
      const back = [...h.form.querySelectorAll('button')].find((button) => button.textContent?.includes('Back'));
      expect(back, 'a Back button on the password step').to.exist;
      back!.click();
      await h.waitForHeading('Sign in');
      expect(h.input('identifier').value).to.equal('alice');
      expect(h.form.querySelector('input[name="password"]')).to.equal(null);
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      expect(h.input('password').value, 'the abandoned password is not put back').to.equal('');
    });
  });

  describe('email with password first, then a verification code', () => {
    it('switches to a code, rejects a wrong one, and sends the right one on the 6th digit', async () => {
      const email = uniqueEmail('coder');
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp();
      const h = await mount(app.appId);

      await h.type('identifier', email);
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      expect(h.subtitle()).to.equal(`Signing in as ${email}`);
      expect(await app.requests()).to.deep.equal([]);

      h.link('Sign in with a verification code instead').click();
      await h.waitForHeading('Enter the verification code');
      expect(h.subtitle()).to.equal(`We sent a 6-digit code to ${email}.`);
      const code = await latestCode(email);

      await h.type('code', wrongCode(code));
      expect(await h.waitForFieldError('code')).to.equal(CODE_MISMATCH);
      expect(h.input('code').value, 'the wrong code is cleared').to.equal('');
      expect(h.focused()).to.equal(h.input('code'));

      const success = interceptSuccess(h.element);
      await h.type('code', code); // no click: a complete code is sent at once
      await success;

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
        'POST /verification/verification-code/verify 400',
        'POST /verification/verification-code/verify 200',
        'POST /identification 204',
        'POST /submit 200',
      ]);
      const identifier = { type: 'email', value: email };
      expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
      expect(requests[1]!.body).to.deep.equal({ identifier, interactionEvent: 'SignIn' });
      const [wrong, right] = bodiesOf(requests, '/verification/verification-code/verify') as { verificationId: string }[];
      expect(wrong).to.deep.equal({ identifier, verificationId: wrong!.verificationId, code: wrongCode(code) });
      expect(right).to.deep.equal({ identifier, verificationId: wrong!.verificationId, code });
      expect(bodiesOf(requests, '/identification')).to.deep.equal([{ verificationId: wrong!.verificationId }]);
    });

    it('sends a pasted code without a click', async () => {
      const email = uniqueEmail('paster');
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp(EMAIL_CODE_ONLY);
      const h = await mount(app.appId);
      await h.type('identifier', email);
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      const code = await latestCode(email);

      const success = interceptSuccess(h.element);
      h.paste('code', code);
      await success;
      const verify = bodiesOf(await app.requests(), '/verification/verification-code/verify') as { code: string }[];
      expect(verify.map((body) => body.code)).to.deep.equal([code]);
    });
  });

  describe('phone with a code first', () => {
    it('shows the country picker for +86 138 0013 8000 and sends the number as digits with the calling code', async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      expect(h.form.querySelector('select'), 'no picker before anything looks like a phone number').to.equal(null);

      await h.type('identifier', '+86 138 0013 8000');
      await waitUntil(() => h.form.querySelector('select[name="country"]'), 'the country picker did not appear');
      const picker = h.form.querySelector<HTMLSelectElement>('select[name="country"]')!;
      expect(picker.getAttribute('aria-label')).to.equal('Country code');
      await waitUntil(() => picker.value === 'CN', `the picker did not follow +86 (it shows ${picker.value})`);

      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      expect(h.subtitle()).to.equal('We sent a 6-digit code to +86 138 0013 8000.');
      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal(['PUT / 204', 'POST /verification/verification-code 200']);
      expect(requests[1]!.body).to.deep.equal({
        identifier: { type: 'phone', value: ALICE_PHONE },
        interactionEvent: 'SignIn',
      });

      const success = interceptSuccess(h.element);
      await h.type('code', await latestCode(ALICE_PHONE));
      await success;
      expect(summary(await app.requests()).slice(2)).to.deep.equal([
        'POST /verification/verification-code/verify 200',
        'POST /identification 204',
        'POST /submit 200',
      ]);
    });

    it("sends a national number with the calling code of the country chosen in the picker", async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', '07400 123456');
      await waitUntil(() => h.form.querySelector('select[name="country"]'), 'the country picker did not appear');
      const picker = h.form.querySelector<HTMLSelectElement>('select[name="country"]')!;
      picker.value = 'GB';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      await h.element.updateComplete;
      expect(h.form.querySelector('.si-country__value')?.textContent?.trim()).to.equal('+44');

      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      const send = bodiesOf(await app.requests(), '/verification/verification-code');
      expect(send).to.deep.equal([{ identifier: { type: 'phone', value: '447400123456' }, interactionEvent: 'SignIn' }]);
    });

    it('refuses an invalid phone number locally and sends nothing', async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', '+86 12345');
      h.submitButton().click();
      expect(await h.waitForFieldError('identifier')).to.equal('Enter a valid phone number for the selected country.');
      expect(h.focused()).to.equal(h.input('identifier'));
      expect(h.heading()).to.equal('Sign in');
      expect(await app.requests()).to.deep.equal([]);
    });
  });

  describe('the verification-code step', () => {
    async function codeStep(phone: string) {
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', `+${phone}`);
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      return { app, h };
    }

    it('has a one-time-code input and counts down to the resend link', async () => {
      const phone = uniquePhone();
      await addUser({ phone, email: uniqueEmail('ticker'), password: 'Passw0rd!' });
      const { h } = await codeStep(phone);

      const input = h.input('code');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.maxLength).to.equal(6);
      expect(h.form.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).to.equal('Verification code');

      const seconds = () => {
        const text = h.form.querySelector('.si-countdown')?.textContent?.trim() ?? '';
        const match = /^You can ask for a new code in (\d+) s\.$/.exec(text);
        if (!match) throw new Error(`unexpected countdown text: "${text}"`);
        return Number(match[1]);
      };
      const first = seconds();
      expect(first).to.be.within(57, 59);
      expect(h.hasLink('Send a new code'), 'no resend link during the countdown').to.equal(false);
      await waitUntil(() => seconds() < first, 'the countdown did not tick', { timeout: 2500 });
    });

    it('sends a new code without restarting the interaction once the countdown is over', async () => {
      const phone = uniquePhone();
      await addUser({ phone, email: uniqueEmail('resend'), password: 'Passw0rd!' });
      const { app, h } = await codeStep(phone);
      const firstCode = await latestCode(phone);
      // A minute later (the step as the page would restore it, sent 60 s ago): no fake clock needed.
      const step = h.element.step;
      if (step?.name !== 'verification-code') throw new Error('not on the code step');
      await h.element.restore({ ...step, sentAt: Date.now() - 60_000 });
      await waitUntil(() => h.hasLink('Send a new code'), 'the resend link did not appear');

      h.link('Send a new code').click();
      await waitUntil(() => h.notice(), 'no notice after resending');
      expect(h.notice()).to.equal('A new code is on its way.');
      expect(h.form.querySelector('.si-countdown')?.textContent).to.match(/in 5[89] s\./);
      const secondCode = await latestCode(phone);

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
        'GET /interaction 200',
        'POST /verification/verification-code 200',
      ]);
      expect(requests[3]!.body).to.deep.equal({ identifier: { type: 'phone', value: phone }, interactionEvent: 'SignIn' });

      // The new code replaced the old one.
      if (firstCode !== secondCode) {
        await h.type('code', firstCode);
        expect(await h.waitForFieldError('code')).to.equal(CODE_MISMATCH);
      }
      const success = interceptSuccess(h.element);
      await h.type('code', secondCode);
      await success;
      const verify = bodiesOf(await app.requests(), '/verification/verification-code/verify') as { code: string }[];
      expect(verify.at(-1)!.code).to.equal(secondCode);
    });

    it('offers the password instead, for the same phone number', async () => {
      const phone = uniquePhone();
      await addUser({ phone, email: uniqueEmail('pwinstead'), password: 'Passw0rd!' });
      const { app, h } = await codeStep(phone);
      h.link('Sign in with a password instead').click();
      await h.waitForHeading('Enter your password');
      expect(h.subtitle()).to.match(/^Signing in as \+86 139 /);

      const success = interceptSuccess(h.element);
      await h.type('password', 'Passw0rd!');
      h.submitButton().click();
      await success;
      const password = bodiesOf(await app.requests(), '/verification/password');
      expect(password).to.deep.equal([{ identifier: { type: 'phone', value: phone }, password: 'Passw0rd!' }]);
    });
  });

  describe('in a right-to-left and a CJK language', () => {
    afterEach(async () => {
      await setLocale('en');
    });

    for (const locale of ['ar', 'zh-CN'] as const) {
      it(`shows a wrong password in ${locale}, as the translators wrote it`, async () => {
        const app = await startApp();
        await setLocale(locale);
        const h = await mount(app.appId);
        const text = TRANSLATED[locale];
        await h.type('identifier', 'alice');
        h.submitButton().click();
        await h.waitForHeading(text.passwordTitle);
        await h.type('password', 'not-her-password');
        h.submitButton().click();
        expect(await h.waitForFieldError('password')).to.equal(text.invalidCredentials);
        expect(summary(await app.requests())).to.deep.equal(['PUT / 204', 'POST /verification/password 422']);
      });
    }

    for (const locale of ['fa-IR', 'ja'] as const) {
      it(`signs in with a code in ${locale}: a short code and a wrong one are refused in that language`, async () => {
        const email = uniqueEmail('lcode');
        await addUser({ email, password: 'Passw0rd!' });
        const app = await startApp(EMAIL_CODE_ONLY);
        await setLocale(locale);
        const h = await mount(app.appId);
        const text = TRANSLATED[locale];
        await h.type('identifier', email);
        h.submitButton().click();
        await h.waitForHeading(text.codeTitle);
        const code = await latestCode(email);

        await h.type('code', code.slice(0, 5));
        h.submitButton().click();
        expect(await h.waitForFieldError('code')).to.equal(text.codeIncomplete);
        await h.type('code', wrongCode(code));
        // The previous error is replaced by the new one: wait for it, then compare.
        await waitUntil(() => h.errorUnder('code') === text.codeMismatch, '').catch(() => undefined);
        expect(h.errorUnder('code')).to.equal(text.codeMismatch);

        const success = interceptSuccess(h.element);
        await h.type('code', code);
        await success;
        expect(summary(await app.requests())).to.deep.equal([
          'PUT / 204',
          'POST /verification/verification-code 200',
          'POST /verification/verification-code/verify 400',
          'POST /verification/verification-code/verify 200',
          'POST /identification 204',
          'POST /submit 200',
        ]);
      });
    }
  });

  describe('numbers at their limits', () => {
    async function emailCodeStep() {
      const email = uniqueEmail('edge');
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp(EMAIL_CODE_ONLY);
      const h = await mount(app.appId);
      await h.type('identifier', email);
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      return { app, h, email, code: await latestCode(email) };
    }

    it('refuses 5 digits locally, and takes 6 digits but never a 7th', async () => {
      const { app, h, code } = await emailCodeStep();
      await h.type('code', code.slice(0, 5));
      expect(h.input('code').value).to.equal(code.slice(0, 5));
      h.submitButton().click();
      expect(await h.waitForFieldError('code')).to.equal(CODE_INCOMPLETE);
      expect(h.focused()).to.equal(h.input('code'));
      expect(summary(await app.requests()), '5 digits are not sent').to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
      ]);

      // Typed: the field stops at 6 digits (and sends them at once).
      const input = h.input('code');
      input.value = '';
      input.focus();
      await sendKeys({ type: `${wrongCode(code)}7` });
      expect(await h.waitForFieldError('code')).to.equal(CODE_MISMATCH);
      // Pasted: a 7-digit value is cut to its first 6 digits, which are sent.
      const success = interceptSuccess(h.element);
      h.paste('code', `${code}7`);
      await success;
      const verify = bodiesOf(await app.requests(), '/verification/verification-code/verify') as { code: string }[];
      expect(verify.map((body) => body.code)).to.deep.equal([wrongCode(code), code]);
    });

    it('counts down to 1 s, then offers "Send a new code" 59 s after sending', async () => {
      const { h } = await emailCodeStep();
      const step = h.element.step;
      if (step?.name !== 'verification-code') throw new Error('not on the code step');
      const countdown = () => h.form.querySelector('.si-countdown')?.textContent?.trim();

      // Sent 58 s ago: watch the last two seconds, frame by frame.
      const started = Date.now();
      await h.element.restore({ ...step, sentAt: started - 58_000 });
      const seen: string[] = [];
      await waitUntil(
        () => {
          const text = countdown();
          const link = h.hasLink('Send a new code');
          const reading = `${text ?? '(no countdown)'}${link ? ' + link' : ''}`;
          if (seen.at(-1) !== reading) seen.push(reading);
          return link;
        },
        `the link did not appear (seen: ${seen.join(' → ')})`,
        { timeout: 4000, interval: 20 },
      );
      expect(seen.slice(-2), `seen: ${seen.join(' → ')}`).to.deep.equal([
        'You can ask for a new code in 1 s.',
        '(no countdown) + link',
      ]);
      // Like Logto's own page, the wait is 59 s: the link appears then, not before.
      expect(Date.now() - (started - 58_000)).to.be.within(59_000, 59_950);
    });

    it('offers the link at once when the code was sent 59 s ago', async () => {
      const { h } = await emailCodeStep();
      const step = h.element.step;
      if (step?.name !== 'verification-code') throw new Error('not on the code step');
      await h.element.restore({ ...step, sentAt: Date.now() - 59_000 });
      await h.element.updateComplete;
      expect(h.hasLink('Send a new code')).to.equal(true);
      expect(h.form.querySelector('.si-countdown')).to.equal(null);
    });
  });

  describe('missing profile', () => {
    it('asks an account without a username for one, then signs in', async () => {
      const email = uniqueEmail('nouser');
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp(USERNAME_SIGN_UP);
      const h = await mount(app.appId);
      await h.type('identifier', email);
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      await h.type('password', 'Passw0rd!');
      h.submitButton().click();

      await h.waitForHeading('Choose a username');
      expect(h.subtitle()).to.equal('Your account needs this before you can continue.');
      expect(summary(await app.requests())).to.deep.equal([
        'PUT / 204',
        'POST /verification/password 200',
        'POST /identification 204',
        'POST /submit 422',
      ]);

      const username = uniqueName('chosen');
      const success = interceptSuccess(h.element);
      await h.type('identifier', username);
      h.submitButton().click();
      await success;
      const requests = await app.requests();
      expect(summary(requests).slice(4)).to.deep.equal(['POST /profile 204', 'POST /submit 200']);
      expect(bodiesOf(requests, '/profile')).to.deep.equal([{ type: 'username', value: username }]);
    });
  });

  describe('double submit', () => {
    it('sends one code for a double-clicked "Continue"', async () => {
      const phone = uniquePhone();
      await addUser({ phone, email: uniqueEmail('dbl'), password: 'Passw0rd!' });
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', `+${phone}`);
      h.submitButton().click();
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      expect(summary(await app.requests())).to.deep.equal(['PUT / 204', 'POST /verification/verification-code 200']);
    });

    it('verifies a code once when "Verify" is clicked twice right after the code is complete', async () => {
      const email = uniqueEmail('dblcode');
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp(EMAIL_CODE_ONLY);
      const h = await mount(app.appId);
      await h.type('identifier', email);
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');

      const success = interceptSuccess(h.element);
      h.paste('code', await latestCode(email));
      h.button('Verify').click();
      h.button(/Verif/).click();
      await success;
      expect(summary(await app.requests())).to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
        'POST /verification/verification-code/verify 200',
        'POST /identification 204',
        'POST /submit 200',
      ]);
    });
  });
});
