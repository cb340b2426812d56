/**
 * Passkey sign-in: the "Create a passkey" prompt after a password sign-in (create and skip), then
 * signing in with that passkey from the button; the identifier field asking the browser for
 * passkeys (autofill); and a browser without WebAuthn, which never sees any of it.
 */
import { expect, waitUntil } from '@open-wc/testing';

import { startApp } from '../helpers/emulator.js';
import { bodiesOf, interceptSuccess, summary } from '../helpers/journeys.js';
import {
  addMfaUser,
  eventsContaining,
  hasButton,
  mountForm,
  NO_BACKUP_CODES,
  PASSWORD,
  recordEvents,
  registerCredentialFor,
  signInWithPassword,
  USERNAME_PASSWORD,
  waitForStep,
} from '../helpers/security.js';
import { addVirtualAuthenticator, credentials, removeVirtualAuthenticator } from '../helpers/webauthn.js';

function passkeyTenant(options: { showPasskeyButton?: boolean; allowAutofill?: boolean } = {}): Record<string, unknown> {
  return {
    ...USERNAME_PASSWORD,
    ...NO_BACKUP_CODES,
    passkeySignIn: { enabled: true, showPasskeyButton: options.showPasskeyButton ?? true, allowAutofill: options.allowAutofill ?? false },
  };
}

const PASSWORD_SIGN_IN = ['PUT / 204', 'POST /verification/password 200', 'POST /identification 204'];

/** Runs `body` in a browser without WebAuthn (`PublicKeyCredential` gone), then puts it back. */
async function withoutWebAuthn(body: () => Promise<void>): Promise<void> {
  const descriptor = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
  delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  try {
    expect('PublicKeyCredential' in window).to.equal(false);
    await body();
  } finally {
    if (descriptor) Object.defineProperty(window, 'PublicKeyCredential', descriptor);
  }
}

describe('passkeys', function () {
  this.timeout(20_000);
  let authenticator = '';
  /** A journey that finishes on its own (autofill) must not navigate the test page away. */
  let stopNavigation: ((event: Event) => void) | undefined;
  beforeEach(async () => {
    authenticator = await addVirtualAuthenticator();
  });
  afterEach(async () => {
    await removeVirtualAuthenticator(authenticator);
    if (stopNavigation) document.removeEventListener('si-success', stopNavigation, true);
    stopNavigation = undefined;
  });

  it('"Create a passkey" after a password sign-in creates it, and the next visit signs in with "Sign in with a passkey"', async () => {
    const username = await addMfaUser('pkcreate');
    const first = await startApp(passkeyTenant());
    const h = await mountForm(first.appId);
    const events = recordEvents(h.element);
    await signInWithPassword(h, username);
    await waitForStep(h, 'passkey-setup');
    expect(h.submitButton().textContent?.trim()).to.equal('Create a passkey');
    expect(hasButton(h, 'Skip for now')).to.equal(true);
    expect(events.some((e) => e.type === 'si-step-change' && e.detail.includes('/create-passkey'))).to.equal(true);

    const created = interceptSuccess(h.element);
    h.submitButton().click();
    await created;
    expect(await credentials(authenticator)).to.have.length(1);
    const setup = await first.requests();
    expect(summary(setup)).to.deep.equal([
      ...PASSWORD_SIGN_IN,
      'POST /submit 422',
      'POST /verification/web-authn/registration 200',
      'POST /verification/web-authn/registration/verify 200',
      'POST /profile/mfa/passkey 204',
      'POST /submit 200',
    ]);
    const [registration] = bodiesOf(setup, '/verification/web-authn/registration/verify') as { verificationId: string }[];
    expect(bodiesOf(setup, '/profile/mfa/passkey')).to.deep.equal([{ verificationId: registration!.verificationId }]);
    h.element.remove();

    // Next visit: the button under the sign-in submit, no username or password typed.
    const next = await startApp(passkeyTenant());
    const again = await mountForm(next.appId);
    const nextEvents = recordEvents(again.element);
    await waitUntil(() => again.form.querySelector('.si-passkey button'), 'no passkey button');
    const button = again.form.querySelector<HTMLButtonElement>('.si-passkey button')!;
    expect(button.textContent?.trim()).to.equal('Sign in with a passkey');
    expect(button.type).to.equal('button');
    const submit = again.submitButton();
    expect(submit.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING, 'the button comes after the submit').to.not.equal(0);
    expect(again.input('identifier').autocomplete, 'no autofill asked for').to.not.match(/webauthn/);

    const success = interceptSuccess(again.element);
    button.click();
    const done = await success;
    expect(done.detail.redirectTo).to.match(/\/oidc\/auth\/\w+$/);
    const requests = await next.requests();
    expect(summary(requests)).to.deep.equal([
      'POST /preflight/sign-in-passkey/authentication 200',
      'PUT / 204',
      'POST /verification/sign-in-passkey/authentication/verify 200',
      'POST /identification 204',
      'POST /submit 200',
    ]);
    expect(requests[1]!.body).to.deep.equal({ interactionEvent: 'SignIn' });
    const [verify] = bodiesOf(requests, '/verification/sign-in-passkey/authentication/verify') as {
      payload: { type: string; id: string };
    }[];
    expect(verify!.payload.type).to.equal('WebAuthn');
    expect(verify!.payload.id).to.be.a('string').and.not.equal('');
    expect(eventsContaining([...events, ...nextEvents], [PASSWORD])).to.deep.equal([]);
  });

  it('"Skip for now" on the prompt calls passkey-skipped and finishes', async () => {
    const username = await addMfaUser('pkskip');
    const app = await startApp(passkeyTenant());
    const h = await mountForm(app.appId);
    await signInWithPassword(h, username);
    await waitForStep(h, 'passkey-setup');
    const success = interceptSuccess(h.element);
    h.button('Skip for now').click();
    await success;
    expect(summary(await app.requests())).to.deep.equal([
      ...PASSWORD_SIGN_IN,
      'POST /submit 422',
      'POST /profile/mfa/passkey-skipped 204',
      'POST /submit 200',
    ]);
    expect(await credentials(authenticator)).to.have.length(0);
  });

  it('with autofill allowed, the identifier field offers passkeys ("webauthn" token) and the chosen one signs in', async () => {
    const username = await addMfaUser('pkauto');
    await registerCredentialFor(username, { passkey: true });
    const app = await startApp(passkeyTenant({ allowAutofill: true }));
    const signedIn = new Promise<string>((resolve) => {
      stopNavigation = (event: Event) => {
        event.preventDefault();
        resolve((event as CustomEvent<{ redirectTo: string }>).detail.redirectTo);
      };
      document.addEventListener('si-success', stopNavigation, true);
    });
    const h = await mountForm(app.appId);
    await waitUntil(() => /\bwebauthn\b/.test(h.input('identifier').autocomplete), 'the identifier never asked for passkeys', {
      timeout: 5000,
    });
    const tokens = h.input('identifier').getAttribute('autocomplete')!.split(/\s+/);
    expect(tokens[0]).to.equal('username');
    expect(tokens.at(-1), 'webauthn is the last token').to.equal('webauthn');
    expect(h.form.querySelector('.si-passkey button'), 'the button stays with autofill').to.exist;

    // The virtual authenticator answers the waiting (conditional) request as a pick from the
    // autofill list would: no username typed, no button pressed.
    expect(await signedIn).to.match(/\/oidc\/auth\/\w+$/);
    expect(summary(await app.requests())).to.deep.equal([
      'POST /preflight/sign-in-passkey/authentication 200',
      'PUT / 204',
      'POST /verification/sign-in-passkey/authentication/verify 200',
      'POST /identification 204',
      'POST /submit 200',
    ]);
  });

  it('with the button turned off, there is no button', async () => {
    const app = await startApp(passkeyTenant({ showPasskeyButton: false, allowAutofill: false }));
    const h = await mountForm(app.appId);
    await h.element.whenReady();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.form.querySelector('.si-passkey')).to.equal(null);
  });

  it('a browser without WebAuthn shows no passkey button, no autofill token, and is never prompted to create one', async () => {
    await withoutWebAuthn(async () => {
      const username = await addMfaUser('pknone');
      const app = await startApp(passkeyTenant({ allowAutofill: true }));
      const h = await mountForm(app.appId);
      await h.element.whenReady();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(h.form.querySelector('.si-passkey'), 'no passkey button').to.equal(null);
      expect(h.input('identifier').autocomplete).to.not.match(/webauthn/);
      expect(await app.requests(), 'no passkey request').to.deep.equal([]);

      const success = interceptSuccess(h.element);
      await signInWithPassword(h, username);
      await success;
      expect(summary(await app.requests())).to.deep.equal([
        ...PASSWORD_SIGN_IN,
        'POST /submit 422',
        'POST /profile/mfa/passkey-skipped 204',
        'POST /submit 200',
      ]);
    });
  });
});
