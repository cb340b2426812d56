/**
 * The security steps through axe, light and dark (second-factor verification of each kind, the
 * factor lists, adding an authenticator app, a security key, backup codes, the optional prompts,
 * the CAPTCHA box), and a TOTP verification done with the keyboard only.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { startApp, uniqueName } from '../helpers/emulator.js';
import type { JourneyHarness } from '../helpers/journeys.js';
import { interceptSuccess, summary } from '../helpers/journeys.js';
import {
  addMfaUser,
  backupCodes,
  factorButton,
  mfaTenant,
  mountForm,
  NO_BACKUP_CODES,
  PASSWORD,
  registerCredentialFor,
  SECRET,
  signInWithPassword,
  totpCode,
  USERNAME_PASSWORD,
  waitForStep,
  wrongTotp,
} from '../helpers/security.js';
import { addVirtualAuthenticator, removeVirtualAuthenticator } from '../helpers/webauthn.js';

/**
 * Waits for the step, checks that focus went to its code field (`code`) or, on a step without a
 * field to type in, to its heading (`heading`), then runs axe.
 */
async function accessibleStep(h: JourneyHarness, step: string, focus: 'code' | 'heading'): Promise<void> {
  await waitForStep(h, step);
  const target = () => (focus === 'code' ? h.form.querySelector('input[name="code"]') : h.form.querySelector('h1'));
  await waitUntil(() => h.focused() === target(), `focus did not move to the ${focus} of ${step}`, { timeout: 3000 }).catch(() => {
    throw new Error(`focus did not move to the ${focus} of ${step}: it is on ${h.focused()?.outerHTML.slice(0, 120) ?? 'nothing'}`);
  });
  await expect(h.element).to.be.accessible();
}

/** Presses Tab until `target` has focus (at most `limit` times). */
async function tabTo(h: JourneyHarness, target: Element, limit = 15): Promise<void> {
  for (let i = 0; i < limit && h.focused() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(h.focused(), `Tab never reached ${target.outerHTML.slice(0, 60)}`).to.equal(target);
}

describe('accessibility of the security steps', function () {
  this.timeout(40_000);

  for (const theme of ['light', 'dark'] as const) {
    describe(theme, () => {
      let authenticator = '';
      beforeEach(async () => {
        authenticator = await addVirtualAuthenticator();
      });
      afterEach(async () => {
        await removeVirtualAuthenticator(authenticator);
      });

      it('verification: authenticator app (with its error), the factor list, backup code, security key, email code', async () => {
        const email = `${uniqueName('a11ymfa')}@example.com`;
        const username = await addMfaUser('a11ymfa', { totp: SECRET, backupCodes: backupCodes(2), email: true }, { email });
        await registerCredentialFor(username);
        const app = await startApp(mfaTenant(['Totp', 'WebAuthn', 'BackupCode', 'EmailVerificationCode'], 'UserControlled'));
        const h = await mountForm(app.appId, { theme });
        expect(h.element.dataset.scheme).to.equal(theme);
        await signInWithPassword(h, username);
        // The factor offered first is the security key the user registered: nothing to type.
        await accessibleStep(h, 'mfa-verify', 'heading');
        expect((h.element.step as { factor?: string }).factor).to.equal('WebAuthn');

        for (const factor of ['Authenticator app', 'Backup code', 'Passkey or security key', 'Email code']) {
          h.link('Use another method').click();
          await accessibleStep(h, 'mfa-factors', 'heading');
          factorButton(h, factor).click();
          await waitUntil(() => h.stepName === 'mfa-verify' && !h.form.querySelector('.si-factor'), `${factor} did not open`);
          await accessibleStep(h, 'mfa-verify', factor === 'Passkey or security key' ? 'heading' : 'code');
          if (factor === 'Authenticator app') {
            await h.type('code', wrongTotp(SECRET));
            await h.waitForFieldError('code');
            await expect(h.element).to.be.accessible();
          }
        }
      });

      it('binding: the factor list, authenticator app with its key shown, security key, backup codes with the error', async () => {
        const username = await addMfaUser('a11ybind');
        const app = await startApp(mfaTenant(['Totp', 'WebAuthn', 'BackupCode'], 'Mandatory'));
        const h = await mountForm(app.appId, { theme });
        await signInWithPassword(h, username);
        await accessibleStep(h, 'mfa-factors', 'heading');
        factorButton(h, 'Passkey or security key').click();
        await accessibleStep(h, 'mfa-bind-webauthn', 'heading');
        h.button(/Back/).click();
        await accessibleStep(h, 'mfa-factors', 'heading');
        factorButton(h, 'Authenticator app').click();
        await accessibleStep(h, 'mfa-bind-totp', 'code');
        h.form.querySelector<HTMLElement>('details summary')!.click();
        await waitUntil(() => h.form.querySelector<HTMLDetailsElement>('details')!.open);
        await expect(h.element).to.be.accessible();

        const secret = h.form.querySelector('code.si-secret__value')!.textContent.replace(/\s+/g, '');
        await h.type('code', totpCode(secret));
        await accessibleStep(h, 'backup-codes', 'heading');
        h.submitButton().click();
        await h.waitForFieldError('saved');
        await expect(h.element).to.be.accessible();
      });

      it('the optional prompts: turn on 2-step verification, create a passkey', async () => {
        const username = await addMfaUser('a11yprompt');
        const app = await startApp(mfaTenant(['Totp'], 'PromptAtSignInAndSignUp'));
        const h = await mountForm(app.appId, { theme });
        await signInWithPassword(h, username);
        await accessibleStep(h, 'mfa-onboarding', 'heading');
        h.element.remove();

        const other = await addMfaUser('a11ypk');
        const pkApp = await startApp({
          ...USERNAME_PASSWORD,
          ...NO_BACKUP_CODES,
          passkeySignIn: { enabled: true, showPasskeyButton: true, allowAutofill: false },
        });
        const p = await mountForm(pkApp.appId, { theme });
        await waitUntil(() => p.form.querySelector('.si-passkey button'), 'no passkey button');
        await expect(p.element).to.be.accessible();
        await signInWithPassword(p, other);
        await accessibleStep(p, 'passkey-setup', 'heading');
      });

      it('the sign-in step with the CAPTCHA box', async () => {
        const app = await startApp({
          ...USERNAME_PASSWORD,
          captchaPolicy: { enabled: true },
          captchaConfig: { type: 'Turnstile', siteKey: 'a11y-site-key' },
        });
        const h = await mountForm(app.appId, { theme, captchaScript: '/__emulator/captcha/{provider}.js' });
        await waitUntil(() => h.form.querySelector('.si-captcha [role="status"]')?.textContent?.startsWith('Verified'));
        await expect(h.element).to.be.accessible();
      });
    });
  }

  it('a TOTP verification done with the keyboard only', async () => {
    const username = await addMfaUser('keys', { totp: SECRET });
    const app = await startApp(mfaTenant(['Totp'], 'UserControlled'));
    const h = await mountForm(app.appId);
    const success = interceptSuccess(h.element);

    await tabTo(h, h.input('identifier'));
    await sendKeys({ type: username });
    await tabTo(h, h.input('password'));
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });

    await waitForStep(h, 'mfa-verify');
    // The code field has focus at once: typing goes straight into it, no Tab needed.
    await waitUntil(() => h.focused() === h.input('code'), 'focus did not move to the code field', { timeout: 3000 }).catch(() => {
      throw new Error(`focus did not move to the code field: it is on ${h.focused()?.outerHTML.slice(0, 120) ?? 'nothing'}`);
    });
    // Five digits and Enter: the form says what is missing and keeps focus in the field.
    await sendKeys({ type: '12345' });
    await sendKeys({ press: 'Enter' });
    expect(await h.waitForFieldError('code')).to.equal('Enter the 6-digit code.');
    expect(h.focused()).to.equal(h.input('code'));

    for (let i = h.input('code').value.length; i > 0; i--) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: totpCode(SECRET) });
    await success;
    expect(summary(await app.requests()).slice(-2)).to.deep.equal(['POST /verification/totp/verify 200', 'POST /submit 200']);
  });
});
