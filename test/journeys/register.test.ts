/**
 * Sign-up journeys and the two cross-overs between sign-in and sign-up, on a bare `<sign-in-form>`
 * against the emulator's demo tenant (sign-up by email + code + password, terms to tick).
 */
import { expect, waitUntil } from '@open-wc/testing';

import { addUser, latestCode, startApp, uniqueName } from '../helpers/emulator.js';
import {
  bodiesOf,
  interceptSuccess,
  mount,
  plainLetters,
  summary,
  uniqueEmail,
  USERNAME_SIGN_UP,
} from '../helpers/journeys.js';

const LENGTH_RULE = 'At least 8 characters';
const TYPES_RULE = 'At least 2 of: lowercase, uppercase, digits, symbols';

/** A tenant whose passwords are 10 to 16 characters long (two kinds of characters, as the demo's). */
const TEN_TO_SIXTEEN = {
  ...USERNAME_SIGN_UP,
  passwordPolicy: {
    length: { min: 10, max: 16 },
    characterTypes: { min: 2 },
    rejects: { pwned: false, repetitionAndSequence: true, userInfo: true, words: [] },
  },
};
const MIN_RULE = 'At least 10 characters';
const MAX_RULE = 'At most 16 characters';
const TOO_SHORT = 'Use at least 10 characters.';
const TOO_LONG = 'Use at most 16 characters.';

/** A password of exactly `length` characters, lowercase letters and one digit, with nothing else the policy refuses. */
function passwordOfLength(length: number): string {
  return `${plainLetters(length - 1)}7`;
}

describe('sign-up journeys', () => {
  describe('email, code, then a password', () => {
    it('needs the terms, verifies the email, checks the new password and creates the account', async () => {
      const local = `reg_${plainLetters(8)}`;
      const email = `${local}@example.com`;
      const app = await startApp();
      const h = await mount(app.appId);

      h.link('Create account').click();
      await h.waitForHeading('Create your account');
      const identifier = h.input('identifier');
      expect(h.form.querySelector(`label[for="${identifier.id}"]`)?.textContent?.trim()).to.equal('Email');
      await h.type('identifier', email);
      h.submitButton().click();
      expect(await h.waitForFieldError('terms')).to.equal('Agree to the terms to continue.');
      expect(h.focused()).to.equal(h.input('terms'));
      expect(await app.requests(), 'nothing is sent before the terms are accepted').to.deep.equal([]);

      h.agreeToTerms();
      await waitUntil(() => !h.errorUnder('terms'), 'the terms error stayed after ticking the box');
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      expect(h.subtitle()).to.equal(`We sent a 6-digit code to ${email}.`);
      expect(h.hasLink('Sign in with a password instead'), 'no password sign-in while registering').to.equal(false);
      await h.type('code', await latestCode(email));

      await h.waitForHeading('Set a password');
      expect(h.rules()).to.deep.equal({ [LENGTH_RULE]: false, [TYPES_RULE]: false });
      expect(h.input('password').getAttribute('autocomplete')).to.equal('new-password');
      await h.type('password', 'tulip');
      await h.element.updateComplete;
      expect(h.rules()).to.deep.equal({ [LENGTH_RULE]: false, [TYPES_RULE]: false });
      await h.type('password', 'tulip7');
      await h.element.updateComplete;
      expect(h.rules()).to.deep.equal({ [LENGTH_RULE]: false, [TYPES_RULE]: true });
      await h.type('password', 'tulip7rose');
      await h.element.updateComplete;
      expect(h.rules()).to.deep.equal({ [LENGTH_RULE]: true, [TYPES_RULE]: true });

      await h.type('confirm', 'tulip7rosE');
      h.submitButton().click();
      expect(await h.waitForFieldError('confirm')).to.equal('The passwords do not match.');
      expect(h.focused()).to.equal(h.input('confirm'));
      expect(bodiesOf(await app.requests(), '/profile'), 'a mismatch is caught before sending').to.deep.equal([]);

      // The server's personal-information rule: the password is the email's local part and little
      // else (Logto flags such phrases when they leave at most 3 other characters).
      const personal = `${local}9!`;
      await h.type('password', personal);
      await h.type('confirm', personal);
      h.submitButton().click();
      expect(await h.waitForFieldError('password')).to.equal('Avoid your name, username or email address.');
      expect(h.focused()).to.equal(h.input('password'));

      const success = interceptSuccess(h.element);
      await h.type('password', 'Tulip7rose!');
      await h.type('confirm', 'Tulip7rose!');
      h.submitButton().click();
      await success;

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
        'POST /verification/verification-code/verify 200',
        'POST /identification 422',
        'POST /profile 422',
        'POST /profile 204',
        'POST /identification 201',
        'POST /submit 200',
      ]);
      expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'Register' });
      expect(requests[1]!.body).to.deep.equal({ identifier: { type: 'email', value: email }, interactionEvent: 'Register' });
      const [withProof, afterPassword] = bodiesOf(requests, '/identification') as { verificationId?: string }[];
      expect(withProof).to.have.all.keys('verificationId');
      expect(afterPassword).to.deep.equal({});
      expect(bodiesOf(requests, '/profile')).to.deep.equal([
        { type: 'password', value: personal },
        { type: 'password', value: 'Tulip7rose!' },
      ]);
    });
  });

  describe('username and password', () => {
    it('refuses a taken username under the field, then creates the account', async () => {
      const app = await startApp(USERNAME_SIGN_UP);
      const h = await mount(app.appId);
      h.link('Create account').click();
      await h.waitForHeading('Create your account');
      expect(h.form.querySelector(`label[for="${h.input('identifier').id}"]`)?.textContent?.trim()).to.equal('Username');

      await h.type('identifier', 'alice');
      h.agreeToTerms();
      h.submitButton().click();
      expect(await h.waitForFieldError('identifier')).to.equal('This username is taken. Try another one.');
      expect(h.input('identifier').value).to.equal('alice');
      expect(h.focused()).to.equal(h.input('identifier'));
      expect(summary(await app.requests())).to.deep.equal(['PUT / 204', 'POST /profile 422']);

      const username = uniqueName('newbie');
      await h.type('identifier', username);
      h.submitButton().click();
      await h.waitForHeading('Set a password');
      const success = interceptSuccess(h.element);
      await h.type('password', 'Tulip7rose!');
      await h.type('confirm', 'Tulip7rose!');
      h.submitButton().click();
      await success;

      const requests = await app.requests();
      expect(summary(requests).slice(2)).to.deep.equal([
        'PUT / 204',
        'POST /profile 204',
        'POST /profile 204',
        'POST /identification 201',
        'POST /submit 200',
      ]);
      expect(requests[2]!.body).to.deep.equal({ interactionEvent: 'Register' });
      expect(bodiesOf(requests, '/profile')).to.deep.equal([
        { type: 'username', value: 'alice' },
        { type: 'username', value: username },
        { type: 'password', value: 'Tulip7rose!' },
      ]);
      expect(bodiesOf(requests, '/identification')).to.deep.equal([{}]);
    });
  });

  describe('password length at its limits (a tenant asking for 10 to 16 characters)', () => {
    async function passwordStep() {
      const app = await startApp(TEN_TO_SIXTEEN);
      const h = await mount(app.appId);
      h.link('Create account').click();
      await h.waitForHeading('Create your account');
      await h.type('identifier', uniqueName('len'));
      h.agreeToTerms();
      h.submitButton().click();
      await h.waitForHeading('Set a password');
      return { app, h };
    }

    async function typeBoth(h: Awaited<ReturnType<typeof passwordStep>>['h'], password: string) {
      await h.type('password', password);
      await h.type('confirm', password);
      await h.element.updateComplete;
    }

    it('refuses 9 and 17 characters in the browser (the field takes no 17th key press), and sends 16', async () => {
      const { app, h } = await passwordStep();
      expect(h.rules()).to.deep.equal({ [MIN_RULE]: false, [TYPES_RULE]: false });

      const nine = passwordOfLength(9);
      await typeBoth(h, nine);
      expect(h.rules()).to.deep.equal({ [MIN_RULE]: false, [TYPES_RULE]: true });
      h.submitButton().click();
      expect(await h.waitForFieldError('password')).to.equal(TOO_SHORT);

      // Typed, a 17th character does not go in; pasted (or filled by a password manager), it does
      // and is refused.
      const seventeen = passwordOfLength(17);
      await h.type('password', seventeen);
      expect(h.input('password').value).to.equal(seventeen.slice(0, 16));
      h.paste('password', seventeen);
      h.paste('confirm', seventeen);
      await h.element.updateComplete;
      expect(h.rules()).to.deep.equal({ [MIN_RULE]: true, [TYPES_RULE]: true, [MAX_RULE]: false });
      h.submitButton().click();
      // The previous error is replaced by the new one: wait for it, then compare.
      await waitUntil(() => h.errorUnder('password') === TOO_LONG, '').catch(() => undefined);
      expect(h.errorUnder('password')).to.equal(TOO_LONG);
      expect(bodiesOf(await app.requests(), '/profile'), 'nothing but the username was sent').to.have.length(1);

      const sixteen = passwordOfLength(16);
      await typeBoth(h, sixteen);
      expect(h.rules()).to.deep.equal({ [MIN_RULE]: true, [TYPES_RULE]: true });
      const success = interceptSuccess(h.element);
      h.submitButton().click();
      await success;
      const requests = await app.requests();
      expect(bodiesOf(requests, '/profile').slice(1)).to.deep.equal([{ type: 'password', value: sixteen }]);
      expect(summary(requests).slice(-3)).to.deep.equal(['POST /profile 204', 'POST /identification 201', 'POST /submit 200']);
    });

    it('sends 10 characters, and the server accepts them', async () => {
      const { app, h } = await passwordStep();
      const ten = passwordOfLength(10);
      await typeBoth(h, ten);
      expect(h.rules()).to.deep.equal({ [MIN_RULE]: true, [TYPES_RULE]: true });
      const success = interceptSuccess(h.element);
      h.submitButton().click();
      await success;
      const requests = await app.requests();
      expect(bodiesOf(requests, '/profile').slice(1)).to.deep.equal([{ type: 'password', value: ten }]);
      expect(summary(requests).slice(-3)).to.deep.equal(['POST /profile 204', 'POST /identification 201', 'POST /submit 200']);
    });
  });

  describe('cross-overs', () => {
    it('offers to create an account after a code sign-in with an unknown email', async () => {
      const email = uniqueEmail('stranger');
      const app = await startApp();
      const h = await mount(app.appId);
      await h.type('identifier', email);
      h.submitButton().click();
      await h.waitForHeading('Enter your password');
      h.link('Sign in with a verification code instead').click();
      await h.waitForHeading('Enter the verification code');
      await h.type('code', await latestCode(email));

      await h.waitForHeading('Create a new account?');
      expect(h.subtitle()).to.equal(`There is no account for ${email} yet. Create one with it?`);
      h.submitButton().click();
      expect(await h.waitForFieldError('terms')).to.equal('Agree to the terms to continue.');
      expect(summary(await app.requests()).at(-1)).to.equal('POST /identification 404');

      h.agreeToTerms();
      h.submitButton().click();
      await h.waitForHeading('Set a password');
      const success = interceptSuccess(h.element);
      await h.type('password', 'Tulip7rose!');
      await h.type('confirm', 'Tulip7rose!');
      h.submitButton().click();
      await success;

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
        'POST /verification/verification-code/verify 200',
        'POST /identification 404',
        'PUT /interaction-event 204',
        'POST /identification 422',
        'POST /profile 204',
        'POST /identification 201',
        'POST /submit 200',
      ]);
      expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
      expect(requests[4]!.body).to.deep.equal({ interactionEvent: 'Register' });
      const [signIn, register, created] = bodiesOf(requests, '/identification') as { verificationId?: string }[];
      expect(register, 'the email proof is reused for the registration').to.deep.equal(signIn);
      expect(created).to.deep.equal({});
      expect(bodiesOf(requests, '/profile')).to.deep.equal([{ type: 'password', value: 'Tulip7rose!' }]);
    });

    it('offers to sign in after registering with an email that already has an account', async () => {
      const app = await startApp();
      const h = await mount(app.appId);
      h.link('Create account').click();
      await h.waitForHeading('Create your account');
      await h.type('identifier', 'alice@example.com');
      h.agreeToTerms();
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      await h.type('code', await latestCode('alice@example.com'));

      await h.waitForHeading('You already have an account');
      expect(h.subtitle()).to.equal('alice@example.com already belongs to an account. Sign in to it instead?');
      const success = interceptSuccess(h.element);
      h.button('Sign in').click();
      await success;

      const requests = await app.requests();
      expect(summary(requests)).to.deep.equal([
        'PUT / 204',
        'POST /verification/verification-code 200',
        'POST /verification/verification-code/verify 200',
        'POST /identification 422',
        'PUT /interaction-event 204',
        'POST /identification 204',
        'POST /submit 200',
      ]);
      expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'Register' });
      expect(requests[4]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
      const [register, signIn] = bodiesOf(requests, '/identification');
      expect(signIn).to.deep.equal(register);
    });

    it('lets the user pick another email instead of signing in', async () => {
      const email = uniqueEmail('twice');
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp();
      const h = await mount(app.appId);
      h.link('Create account').click();
      await h.waitForHeading('Create your account');
      await h.type('identifier', email);
      h.agreeToTerms();
      h.submitButton().click();
      await h.waitForHeading('Enter the verification code');
      await h.type('code', await latestCode(email));
      await h.waitForHeading('You already have an account');
      h.button('Use another email or phone').click();
      await h.waitForHeading('Create your account');
      expect(summary(await app.requests()).at(-1)).to.equal('POST /identification 422');
    });
  });
});
