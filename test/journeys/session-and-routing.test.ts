/**
 * Session problems, and the hosted page's routing: the address bar follows the steps, the browser's
 * Back button steps back, and a reload resumes the step it was on (never a secret).
 */
import { expect, waitUntil } from '@open-wc/testing';

import { addUser, latestCode, registerApp, uniqueName } from '../helpers/emulator.js';
import {
  clearPageStorage,
  EMAIL_CODE_ONLY,
  HostedFrame,
  mount,
  summary,
  uniqueEmail,
  USERNAME_SIGN_UP,
} from '../helpers/journeys.js';

const SESSION_GONE = 'This sign-in session has expired. Go back to the app and sign in again.';

/** Requests of an app started from the hosted page (the page itself called /oidc/auth). */
async function requestsOf(appId: string) {
  const response = await fetch(`/__emulator/requests?appId=${encodeURIComponent(appId)}`);
  return summary((await response.json()) as Parameters<typeof summary>[0]);
}

describe('session problems', () => {
  afterEach(() => {
    HostedFrame.closeAll();
    clearPageStorage();
  });

  it('shows the session-expired step when the app has no interaction', async () => {
    const appId = await registerApp(); // registered, but never through /oidc/auth
    const h = await mount(appId);
    await h.type('identifier', 'alice');
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    await h.type('password', 'Passw0rd!');
    h.submitButton().click();

    await h.waitForHeading('Session expired');
    expect(h.stepName).to.equal('session-expired');
    expect(h.alertText()).to.equal(SESSION_GONE);
    expect(h.hasInput('password'), 'no form to fill on a dead session').to.equal(false);
    const [start] = await requestsOf(appId);
    expect(start).to.match(/^PUT \/ 400$/);
  });

  it('shows "Session expired" on /unknown-session, never a blank page', async () => {
    const appId = await registerApp();
    const page = await HostedFrame.open(`/unknown-session?app_id=${appId}`);
    const h = await page.form();
    await h.waitForHeading('Session expired');
    // The sentence arrives with the error sentences, a moment after the heading.
    await waitUntil(() => h.alertText() !== undefined, 'no alert under "Session expired"');
    expect(h.alertText()).to.equal(SESSION_GONE);
    expect(page.doc.title).to.equal('Sign in');
  });
});

describe('hosted page routing', () => {
  beforeEach(clearPageStorage);
  afterEach(() => {
    HostedFrame.closeAll();
    clearPageStorage();
  });

  it('follows the steps in the address bar and steps back with the browser Back button', async () => {
    const appId = await registerApp();
    const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}`);
    expect(page.path()).to.equal('/sign-in');
    const h = await page.form();
    await h.waitForHeading('Sign in');

    await h.type('identifier', 'alice');
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    expect(page.path()).to.equal('/sign-in/password');
    expect(page.query('app_id'), 'the app id stays in the address').to.equal(appId);

    page.window.history.back();
    await h.waitForHeading('Sign in');
    expect(page.path()).to.equal('/sign-in');
    expect(h.stepName).to.equal('sign-in');
    expect(h.hasInput('identifier')).to.equal(true);
  });

  it('opens the register step for first_screen=register', async () => {
    const appId = await registerApp();
    const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}&first_screen=register`);
    expect(page.path()).to.equal('/register');
    const h = await page.form();
    await h.waitForHeading('Create your account');
    expect(h.hasInput('terms')).to.equal(true);
  });

  it('keeps the code step across a reload, and the code still signs in', async () => {
    const email = uniqueEmail('reloader');
    const name = uniqueName('Reloader');
    await addUser({ email, password: 'Passw0rd!', name });
    const appId = await registerApp(EMAIL_CODE_ONLY);
    const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}`);
    let h = await page.form();
    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForHeading('Enter the verification code');
    expect(page.path()).to.equal('/sign-in/verification-code');

    await page.reload();
    expect(page.path()).to.equal('/sign-in/verification-code');
    h = await page.form();
    await h.waitForHeading('Enter the verification code');
    expect(h.subtitle()).to.equal(`We sent a 6-digit code to ${email}.`);

    await h.type('code', await latestCode(email));
    await page.waitForPath('/demo/callback');
    expect(page.doc.querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal(name);
    expect(await requestsOf(appId)).to.deep.equal([
      'PUT / 204',
      'POST /verification/verification-code 200',
      'GET /interaction 200',
      'POST /verification/verification-code/verify 200',
      'POST /identification 204',
      'POST /submit 200',
    ]);
  });

  it('resumes the password step after a reload, without the password', async () => {
    const appId = await registerApp();
    const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}`);
    let h = await page.form();
    await h.type('identifier', 'alice');
    h.submitButton().click();
    await h.waitForHeading('Enter your password');
    await h.type('password', 'Passw0rd!');
    const saved = sessionStorage.getItem('sign-in-kit:step') ?? '';
    expect(saved).to.contain('alice');
    expect(saved).not.to.contain('Passw0rd!');

    // The password step comes before any request (no interaction is started for a username yet):
    // the resume must not depend on the server already holding one.
    await page.reload();
    h = await page.form();
    expect(page.path()).to.equal('/sign-in/password');
    await h.waitForHeading('Enter your password');
    expect(h.alertText()).to.equal(undefined);
    expect(h.subtitle()).to.equal('Signing in as alice');
    expect(h.input('password').value).to.equal('');
  });

  it('never restores a new password after a reload, and the resumed step still creates the account', async () => {
    const appId = await registerApp(USERNAME_SIGN_UP);
    const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}&first_screen=register`);
    let h = await page.form();
    await h.waitForHeading('Create your account');
    const username = uniqueName('reload');
    await h.type('identifier', username);
    h.agreeToTerms();
    h.submitButton().click();
    await h.waitForHeading('Set a password');
    expect(page.path()).to.equal('/register/password');
    await h.type('password', 'Tulip7rose!');
    await h.type('confirm', 'Tulip7rose!');

    await page.reload();
    h = await page.form();
    await h.waitForHeading('Set a password');
    expect(page.path()).to.equal('/register/password');
    expect(h.input('password').value).to.equal('');
    expect(h.input('confirm').value).to.equal('');
    for (const key of Object.keys(sessionStorage)) expect(sessionStorage.getItem(key)).not.to.contain('Tulip7rose!');

    await h.type('password', 'Tulip7rose!');
    await h.type('confirm', 'Tulip7rose!');
    h.submitButton().click();
    await page.waitForPath('/demo/callback');
    expect(page.doc.querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal(username);
    expect(await requestsOf(appId)).to.deep.equal([
      'PUT / 204',
      'POST /profile 204',
      'GET /interaction 200',
      'POST /profile 204',
      'POST /identification 201',
      'POST /submit 200',
    ]);
  });
});
