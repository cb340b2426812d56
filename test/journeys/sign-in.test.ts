/**
 * Sign-in journeys on a bare `<sign-in-form>` against the emulator: what the user sees at each step
 * and what the server received, in order.
 */
import { expect, waitUntil } from '@open-wc/testing';

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

const INVALID_CREDENTIALS = 'The account or password is incorrect. Check them and try again.';
const CODE_MISMATCH = 'The code is incorrect. Check it and try again.';
const ALICE_PHONE = '8613800138000';

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
