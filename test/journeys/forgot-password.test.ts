/**
 * Forgot password from the password step, on a bare `<sign-in-form>` against the emulator, with an
 * account of its own (its password changes).
 */
import { expect, waitUntil } from '@open-wc/testing';

import { addUser, latestCode, startApp } from '../helpers/emulator.js';
import { bodiesOf, interceptSuccess, mount, plainLetters, summary, uniqueEmail } from '../helpers/journeys.js';

const OLD_PASSWORD = 'Old-pass-42';
const NEW_PASSWORD = 'Fresh-Tulip-9';

/** A tenant whose passwords are 10 to 16 characters long (two kinds of characters, as the demo's). */
const TEN_TO_SIXTEEN = {
  passwordPolicy: {
    length: { min: 10, max: 16 },
    characterTypes: { min: 2 },
    rejects: { pwned: false, repetitionAndSequence: true, userInfo: true, words: [] },
  },
};
const MIN_RULE = 'At least 10 characters';
const MAX_RULE = 'At most 16 characters';
const TYPES_RULE = 'At least 2 of: lowercase, uppercase, digits, symbols';

/** Exactly `length` characters: lowercase letters and one digit, nothing else the policy refuses. */
function passwordOfLength(length: number): string {
  return `${plainLetters(length - 1)}7`;
}

describe('forgot-password journey', () => {
  it('resets the password with an emailed code, refuses the same password, then signs in with the new one only', async () => {
    const email = uniqueEmail('forgetful');
    await addUser({ email, password: OLD_PASSWORD });
    const app = await startApp();
    const h = await mount(app.appId);

    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    h.link('Forgot your password?').click();
    await h.waitForHeading('Reset your password');
    expect(h.subtitle()).to.equal('Enter your email or phone number and we will send you a code.');

    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForHeading('Enter the verification code');
    expect(h.subtitle()).to.equal(`We sent a 6-digit code to ${email}.`);
    expect(h.hasLink('Sign in with a password instead')).to.equal(false);
    await h.type('code', await latestCode(email));

    await h.waitForHeading('Set a new password');
    await h.type('password', OLD_PASSWORD);
    await h.type('confirm', OLD_PASSWORD);
    h.submitButton().click();
    expect(await h.waitForFieldError('password')).to.equal('Choose a password that differs from your current one.');
    expect(h.focused()).to.equal(h.input('password'));

    await h.type('password', NEW_PASSWORD);
    await h.type('confirm', NEW_PASSWORD);
    h.submitButton().click();
    await h.waitForHeading('Sign in');
    expect(h.notice()).to.equal('Your password was changed. Sign in with the new one.');

    let requests = await app.requests();
    expect(summary(requests)).to.deep.equal([
      'PUT / 204',
      'POST /verification/verification-code 200',
      'POST /verification/verification-code/verify 200',
      'POST /identification 204',
      'PUT /profile/password 422',
      'PUT /profile/password 204',
      'POST /submit 204',
    ]);
    expect(requests[0]!.body).to.deep.equal({ interactionEvent: 'ForgotPassword' });
    expect(requests[1]!.body).to.deep.equal({ identifier: { type: 'email', value: email }, interactionEvent: 'ForgotPassword' });
    expect(bodiesOf(requests, '/profile/password')).to.deep.equal([{ password: OLD_PASSWORD }, { password: NEW_PASSWORD }]);
    const resetCount = requests.length;

    // The old password no longer works …
    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    await h.type('password', OLD_PASSWORD);
    h.submitButton().click();
    expect(await h.waitForFieldError('password')).to.equal('The account or password is incorrect. Check them and try again.');

    // … the new one does.
    const success = interceptSuccess(h.element);
    await h.type('password', NEW_PASSWORD);
    h.submitButton().click();
    await success;
    requests = await app.requests();
    expect(summary(requests.slice(resetCount))).to.deep.equal([
      'PUT / 204',
      'POST /verification/password 422',
      'PUT / 204',
      'POST /verification/password 200',
      'POST /identification 204',
      'POST /submit 200',
    ]);
    expect(requests[resetCount]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
  });
});

describe('forgot-password journey: new password length at its limits (10 to 16 characters)', () => {
  async function newPasswordStep() {
    const email = uniqueEmail('resetlen');
    await addUser({ email, password: OLD_PASSWORD });
    const app = await startApp(TEN_TO_SIXTEEN);
    const h = await mount(app.appId);
    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    h.link('Forgot your password?').click();
    await h.waitForHeading('Reset your password');
    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForHeading('Enter the verification code');
    await h.type('code', await latestCode(email));
    await h.waitForHeading('Set a new password');
    return { app, h };
  }

  it('refuses 9 and 17 characters in the browser and resets with 10', async () => {
    const { app, h } = await newPasswordStep();
    const nine = passwordOfLength(9);
    await h.type('password', nine);
    await h.type('confirm', nine);
    await h.element.updateComplete;
    expect(h.rules()).to.deep.equal({ [MIN_RULE]: false, [TYPES_RULE]: true });
    h.submitButton().click();
    expect(await h.waitForFieldError('password')).to.equal('Use at least 10 characters.');

    const seventeen = passwordOfLength(17);
    await h.type('password', seventeen);
    expect(h.input('password').value, 'a 17th key press does not go in').to.equal(seventeen.slice(0, 16));
    h.paste('password', seventeen);
    h.paste('confirm', seventeen);
    await h.element.updateComplete;
    expect(h.rules()).to.deep.equal({ [MIN_RULE]: true, [TYPES_RULE]: true, [MAX_RULE]: false });
    h.submitButton().click();
    // The previous error is replaced by the new one: wait for it, then compare.
    await waitUntil(() => h.errorUnder('password') === 'Use at most 16 characters.', '').catch(() => undefined);
    expect(h.errorUnder('password')).to.equal('Use at most 16 characters.');
    expect(bodiesOf(await app.requests(), '/profile/password'), 'nothing was sent').to.deep.equal([]);

    const ten = passwordOfLength(10);
    await h.type('password', ten);
    await h.type('confirm', ten);
    await h.element.updateComplete;
    expect(h.rules()).to.deep.equal({ [MIN_RULE]: true, [TYPES_RULE]: true });
    h.submitButton().click();
    await h.waitForHeading('Sign in');
    expect(h.notice()).to.equal('Your password was changed. Sign in with the new one.');
    const requests = await app.requests();
    expect(bodiesOf(requests, '/profile/password')).to.deep.equal([{ password: ten }]);
    expect(summary(requests).slice(-2)).to.deep.equal(['PUT /profile/password 204', 'POST /submit 204']);
  });

  it('resets with 16 characters', async () => {
    const { app, h } = await newPasswordStep();
    const sixteen = passwordOfLength(16);
    await h.type('password', sixteen);
    await h.type('confirm', sixteen);
    await h.element.updateComplete;
    expect(h.rules()).to.deep.equal({ [MIN_RULE]: true, [TYPES_RULE]: true });
    h.submitButton().click();
    await h.waitForHeading('Sign in');
    const requests = await app.requests();
    expect(bodiesOf(requests, '/profile/password')).to.deep.equal([{ password: sixteen }]);
    expect(summary(requests).slice(-2)).to.deep.equal(['PUT /profile/password 204', 'POST /submit 204']);
  });
});
