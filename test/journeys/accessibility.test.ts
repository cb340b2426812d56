/**
 * Every distinct step of the identifier journeys through axe (light and dark), and the focus
 * contract: a new step focuses its first field that needs input and says its heading in a live
 * region (or focuses the heading when it has no such field), a failed submit focuses the invalid
 * field.
 */
import { expect, waitUntil } from '@open-wc/testing';

import { addUser, latestCode, registerApp, startApp } from '../helpers/emulator.js';
import {
  type JourneyHarness,
  mount,
  uniqueEmail,
  USERNAME_SIGN_UP,
  wrongCode,
} from '../helpers/journeys.js';

/**
 * Waits for the step and checks where focus went: into the named field, with the heading then
 * said in the form's live region, or to the heading itself on a step without a field to fill.
 */
async function arriveAt(h: JourneyHarness, heading: string, focus: string): Promise<void> {
  await h.waitForHeading(heading);
  const target = () => (focus === 'heading' ? h.form.querySelector('h1') : h.input(focus));
  await waitUntil(() => h.focused() === target(), `focus did not move to the ${focus} of "${heading}"`).catch(() => {
    throw new Error(`focus did not move to the ${focus} of "${heading}": it is on ${h.focused()?.outerHTML.slice(0, 80) ?? 'nothing'}`);
  });
  if (focus === 'heading') return;
  const live = h.form.querySelector(':scope > p[role="status"]');
  await waitUntil(() => live?.textContent?.startsWith(heading), `the heading "${heading}" was not said`);
}

async function codeStepFor(email: string, theme: 'light' | 'dark'): Promise<JourneyHarness> {
  const app = await startApp();
  const h = await mount(app.appId, { theme });
  await h.type('identifier', email);
  h.submitButton().click();
  await arriveAt(h, 'Enter your password', 'password');
  h.link('Sign in with a verification code instead').click();
  await arriveAt(h, 'Enter the verification code', 'code');
  return h;
}

describe('accessibility of the identifier journeys', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`sign-in, password and code steps, with their errors (${theme})`, async () => {
      const email = uniqueEmail(`a11y${theme}`);
      await addUser({ email, password: 'Passw0rd!' });
      const app = await startApp();
      const h = await mount(app.appId, { theme });
      expect(h.element.dataset.scheme).to.equal(theme);
      await expect(h.element).to.be.accessible();

      h.submitButton().click();
      await h.waitForFieldError('identifier');
      expect(h.focused()).to.equal(h.input('identifier'));
      await expect(h.element).to.be.accessible();

      await h.type('identifier', email);
      h.submitButton().click();
      await arriveAt(h, 'Enter your password', 'password');
      await expect(h.element).to.be.accessible();

      await h.type('password', 'wrong-password');
      h.submitButton().click();
      await h.waitForFieldError('password');
      expect(h.focused()).to.equal(h.input('password'));
      await expect(h.element).to.be.accessible();

      h.link('Sign in with a verification code instead').click();
      await arriveAt(h, 'Enter the verification code', 'code');
      await expect(h.element).to.be.accessible();

      await h.type('code', wrongCode(await latestCode(email)));
      await h.waitForFieldError('code');
      expect(h.focused()).to.equal(h.input('code'));
      await expect(h.element).to.be.accessible();
    });
  }

  it('register, code and set-password steps with the checklist and errors', async () => {
    const email = uniqueEmail('a11yreg');
    const app = await startApp();
    const h = await mount(app.appId);
    h.link('Create account').click();
    await arriveAt(h, 'Create your account', 'identifier');
    await expect(h.element).to.be.accessible();

    await h.type('identifier', email);
    h.submitButton().click();
    await h.waitForFieldError('terms');
    expect(h.focused()).to.equal(h.input('terms'));
    await expect(h.element).to.be.accessible();

    h.agreeToTerms();
    h.submitButton().click();
    await arriveAt(h, 'Enter the verification code', 'code');
    await h.type('code', await latestCode(email));
    await arriveAt(h, 'Set a password', 'password');
    await h.type('password', 'tulip7');
    await h.element.updateComplete;
    expect(Object.values(h.rules())).to.deep.equal([false, true]);
    await expect(h.element).to.be.accessible();

    await h.type('password', 'Tulip7rose!');
    await h.type('confirm', 'Tulip7rose?');
    h.submitButton().click();
    await h.waitForFieldError('confirm');
    expect(h.focused()).to.equal(h.input('confirm'));
    await expect(h.element).to.be.accessible();
  });

  it('forgot-password and set-new-password steps (dark)', async () => {
    const email = uniqueEmail('a11yforgot');
    await addUser({ email, password: 'Passw0rd!' });
    const app = await startApp();
    const h = await mount(app.appId, { theme: 'dark' });
    await h.type('identifier', email);
    h.submitButton().click();
    await arriveAt(h, 'Enter your password', 'password');
    h.link('Forgot your password?').click();
    await arriveAt(h, 'Reset your password', 'identifier');
    await expect(h.element).to.be.accessible();

    await h.type('identifier', email);
    h.submitButton().click();
    await arriveAt(h, 'Enter the verification code', 'code');
    await h.type('code', await latestCode(email));
    await arriveAt(h, 'Set a new password', 'password');
    await expect(h.element).to.be.accessible();

    await h.type('password', 'Passw0rd!');
    await h.type('confirm', 'Passw0rd!');
    h.submitButton().click();
    await h.waitForFieldError('password');
    expect(h.focused()).to.equal(h.input('password'));
    await expect(h.element).to.be.accessible();
  });

  it('"Create a new account?" step, with and without the terms error', async () => {
    const email = uniqueEmail('a11ynew');
    const h = await codeStepFor(email, 'light');
    await h.type('code', await latestCode(email));
    await arriveAt(h, 'Create a new account?', 'heading');
    await expect(h.element).to.be.accessible();
    h.submitButton().click();
    await h.waitForFieldError('terms');
    expect(h.focused()).to.equal(h.input('terms'));
    await expect(h.element).to.be.accessible();
  });

  it('"You already have an account" step (dark)', async () => {
    const email = uniqueEmail('a11ytaken');
    await addUser({ email, password: 'Passw0rd!' });
    const app = await startApp();
    const h = await mount(app.appId, { theme: 'dark' });
    h.link('Create account').click();
    await arriveAt(h, 'Create your account', 'identifier');
    await h.type('identifier', email);
    h.agreeToTerms();
    h.submitButton().click();
    await arriveAt(h, 'Enter the verification code', 'code');
    await h.type('code', await latestCode(email));
    await arriveAt(h, 'You already have an account', 'heading');
    await expect(h.element).to.be.accessible();
  });

  it('"Choose a username" step of a missing profile', async () => {
    const email = uniqueEmail('a11ycont');
    await addUser({ email, password: 'Passw0rd!' });
    const app = await startApp(USERNAME_SIGN_UP);
    const h = await mount(app.appId);
    await h.type('identifier', email);
    h.submitButton().click();
    await arriveAt(h, 'Enter your password', 'password');
    await h.type('password', 'Passw0rd!');
    h.submitButton().click();
    await arriveAt(h, 'Choose a username', 'identifier');
    await expect(h.element).to.be.accessible();
  });

  it('session-expired step', async () => {
    const appId = await registerApp();
    const h = await mount(appId);
    await h.type('identifier', 'alice');
    h.submitButton().click();
    await arriveAt(h, 'Enter your password', 'password');
    await h.type('password', 'Passw0rd!');
    h.submitButton().click();
    await arriveAt(h, 'Session expired', 'heading');
    await expect(h.element).to.be.accessible();
  });
});
