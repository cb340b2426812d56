/**
 * Forgot password from the password step, on a bare `<sign-in-form>` against the emulator, with an
 * account of its own (its password changes).
 */
import { expect } from '@open-wc/testing';

import { addUser, latestCode, startApp } from '../helpers/emulator.js';
import { bodiesOf, interceptSuccess, mount, summary, uniqueEmail } from '../helpers/journeys.js';

const OLD_PASSWORD = 'Old-pass-42';
const NEW_PASSWORD = 'Fresh-Tulip-9';

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
