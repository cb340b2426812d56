/**
 * The emulator's security steps beyond the recordings: every MFA failure, binding rules, passkey
 * sign-in (discoverable and identifier-first), CAPTCHA (required, failed, passed with a token from
 * the fake provider, the fake provider scripts themselves) and its own password policy at the
 * length boundaries. WebAuthn ceremonies run in this Chromium against a virtual authenticator.
 */
import { expect } from '@open-wc/testing';
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { Secret, TOTP } from 'otpauth';

import { checkPassword } from '../../src/emulator/password-policy.js';
import { addVirtualAuthenticator, credentials, removeVirtualAuthenticator } from '../helpers/webauthn.js';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
let serial = 0;
const uniqueName = (base: string) => `${base}_${RUN}${++serial}`;
const PASSWORD = 'Sec-Ure-Pa55!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const PASSWORD_SIGN_IN = {
  signIn: {
    methods: [
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: true },
    ],
  },
  signUp: { identifiers: ['username'], password: true, verify: false },
  signInMode: 'SignInAndRegister',
};

interface Reply {
  status: number;
  json: Record<string, unknown> | undefined;
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function addUser(user: Record<string, unknown>): Promise<void> {
  const response = await postJson('/__emulator/users', user);
  expect(response.status, 'POST /__emulator/users').to.equal(200);
}

async function captchaToken(siteKey: string): Promise<string> {
  const response = await fetch(`/__emulator/captcha/token?siteKey=${encodeURIComponent(siteKey)}`);
  expect(response.status).to.equal(200);
  return ((await response.json()) as { token: string }).token;
}

function totp(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

class Client {
  constructor(readonly appId: string) {}

  static async start(signInExperience: Record<string, unknown>): Promise<Client> {
    const registered = await postJson('/__emulator/apps', { signInExperience: { ...PASSWORD_SIGN_IN, ...signInExperience } });
    expect(registered.status, 'POST /__emulator/apps').to.equal(200);
    const client = new Client(((await registered.json()) as { appId: string }).appId);
    await client.authorize();
    return client;
  }

  async authorize(): Promise<void> {
    const started = await fetch(`/oidc/auth?client_id=${encodeURIComponent(this.appId)}`, { redirect: 'manual' });
    expect(started.type).to.equal('opaqueredirect');
  }

  async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`/api/experience${path}`, {
      method,
      headers: { 'logto-app-id': this.appId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { status: response.status, json };
  }

  async expectOk(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const reply = await this.call(method, path, body);
    expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.json)}`).to.be.oneOf([200, 201, 204]);
    return reply.json ?? {};
  }

  async expectError(method: string, path: string, body: unknown, status: number, code: string): Promise<Record<string, unknown>> {
    const reply = await this.call(method, path, body);
    expect({ status: reply.status, code: reply.json?.code }, `${method} ${path}`).to.deep.equal({ status, code });
    return reply.json ?? {};
  }

  /** PUT SignIn + password + identification. */
  async signIn(username: string, captcha?: string): Promise<void> {
    await this.expectOk('PUT', '', { interactionEvent: 'SignIn', ...(captcha ? { captchaToken: captcha } : {}) });
    const { verificationId } = await this.expectOk('POST', '/verification/password', {
      identifier: { type: 'username', value: username },
      password: PASSWORD,
    });
    await this.expectOk('POST', '/identification', { verificationId });
  }
}

/** Registers a WebAuthn credential through the emulator's ceremony; returns the verification id. */
async function registerCredential(client: Client): Promise<string> {
  const { verificationId, registrationOptions } = await client.expectOk('POST', '/verification/web-authn/registration');
  const credential = await startRegistration({ optionsJSON: registrationOptions as never });
  await client.expectOk('POST', '/verification/web-authn/registration/verify', {
    verificationId,
    payload: { ...credential, type: 'WebAuthn' },
  });
  return String(verificationId);
}

describe('emulator: MFA verification failures', () => {
  it('TOTP: a wrong code is refused, the previous time step is still accepted', async () => {
    const username = uniqueName('totp');
    await addUser({ username, password: PASSWORD, mfa: { totp: SECRET } });
    const client = await Client.start({ mfa: { factors: ['Totp'], policy: 'UserControlled' } });
    await client.signIn(username);
    const required = await client.expectError('POST', '/submit', undefined, 403, 'session.mfa.require_mfa_verification');
    expect(required.data).to.deep.equal({ availableFactors: ['Totp'], maskedIdentifiers: {} });
    const wrong = String((Number(totp(SECRET)) + 500_000) % 1_000_000).padStart(6, '0');
    await client.expectError('POST', '/verification/totp/verify', { code: wrong }, 400, 'session.mfa.invalid_totp_code');
    await client.expectError('POST', '/verification/totp/verify', { code: 'abcdef' }, 400, 'session.mfa.invalid_totp_code');
    // Profile updates wait for the MFA verification in a sign-in.
    await client.expectError('POST', '/profile', { type: 'username', value: 'x' }, 403, 'session.mfa.require_mfa_verification');
    await client.expectOk('POST', '/verification/totp/verify', { code: totp(SECRET, -1) });
    const done = await client.expectOk('POST', '/submit');
    expect(String(done.redirectTo)).to.match(/\/oidc\/auth\//);
  });

  it('backup code: a used code fails the second time', async () => {
    const username = uniqueName('backup');
    await addUser({ username, password: PASSWORD, mfa: { totp: SECRET, backupCodes: ['aaaaa11111', 'bbbbb22222', 'ccccc33333'] } });
    const settings = { mfa: { factors: ['Totp', 'BackupCode'], policy: 'Mandatory' } };
    const first = await Client.start(settings);
    await first.signIn(username);
    const required = await first.expectError('POST', '/submit', undefined, 403, 'session.mfa.require_mfa_verification');
    expect((required.data as { availableFactors: string[] }).availableFactors).to.deep.equal(['Totp', 'BackupCode']);
    await first.expectOk('POST', '/verification/backup-code/verify', { code: 'aaaaa11111' });
    await first.expectOk('POST', '/submit');

    const second = await Client.start(settings);
    await second.signIn(username);
    await second.expectError('POST', '/verification/backup-code/verify', { code: 'aaaaa11111' }, 400, 'session.mfa.invalid_backup_code');
    await second.expectOk('POST', '/verification/backup-code/verify', { code: 'bbbbb22222' });
    await second.expectOk('POST', '/submit');
  });

  it('email factor: masked identifier, code sent to the user, verified with mfa-verification-code', async () => {
    const username = uniqueName('mfamail');
    const email = `${username}@example.com`;
    await addUser({ username, password: PASSWORD, email, mfa: { email: true, totp: SECRET } });
    const client = await Client.start({ mfa: { factors: ['Totp', 'EmailVerificationCode'], policy: 'PromptAtSignInAndSignUp' } });
    await client.signIn(username);
    const required = await client.expectError('POST', '/submit', undefined, 403, 'session.mfa.require_mfa_verification');
    expect(required.data).to.deep.equal({
      availableFactors: ['Totp', 'EmailVerificationCode'],
      maskedIdentifiers: { EmailVerificationCode: `${username.slice(0, 4)}****@example.com` },
    });
    const { verificationId } = await client.expectOk('POST', '/verification/mfa-verification-code', { identifierType: 'email' });
    const sent = (await (await fetch(`/__emulator/codes/latest?to=${encodeURIComponent(email)}`)).json()) as { code: string };
    await client.expectError(
      'POST',
      '/verification/mfa-verification-code/verify',
      { verificationId, code: sent.code === '000000' ? '000001' : '000000', identifierType: 'email' },
      400,
      'verification_code.code_mismatch',
    );
    await client.expectOk('POST', '/verification/mfa-verification-code/verify', { verificationId, code: sent.code, identifierType: 'email' });
    await client.expectOk('POST', '/submit');
  });
});

describe('emulator: MFA binding rules', () => {
  it('Mandatory: skipping is refused; backup codes cannot be bound alone; a disabled factor is refused', async () => {
    const username = uniqueName('bind');
    await addUser({ username, password: PASSWORD });
    const client = await Client.start({ mfa: { factors: ['Totp', 'BackupCode'], policy: 'Mandatory' } });
    await client.signIn(username);
    const missing = await client.expectError('POST', '/submit', undefined, 422, 'user.missing_mfa');
    expect(missing.data).to.deep.equal({ availableFactors: ['Totp'] });
    await client.expectError('POST', '/profile/mfa/mfa-skipped', undefined, 422, 'session.mfa.mfa_policy_not_user_controlled');
    const codes = await client.expectOk('POST', '/verification/backup-code/generate');
    expect(codes.codes).to.have.length(10);
    for (const code of codes.codes as string[]) expect(code).to.match(/^[0-9a-f]{10}$/);
    await client.expectError('POST', '/profile/mfa', { type: 'BackupCode', verificationId: codes.verificationId }, 422, 'session.mfa.backup_code_can_not_be_alone');
    const registration = await client.expectOk('POST', '/verification/web-authn/registration');
    await client.expectError('POST', '/profile/mfa', { type: 'WebAuthn', verificationId: registration.verificationId }, 400, 'session.mfa.mfa_factor_not_enabled');
    await client.expectError('POST', '/profile/mfa', { type: 'Totp', verificationId: 'nope' }, 404, 'session.verification_session_not_found');

    const secret = await client.expectOk('POST', '/verification/totp/secret');
    expect(String(secret.secretQrCode)).to.match(/^data:image\/png;base64,/);
    await client.expectOk('POST', '/verification/totp/verify', { verificationId: secret.verificationId, code: totp(String(secret.secret)) });
    await client.expectOk('POST', '/profile/mfa', { type: 'Totp', verificationId: secret.verificationId });
    await client.expectError('POST', '/submit', undefined, 422, 'session.mfa.backup_code_required');
    await client.expectOk('POST', '/profile/mfa', { type: 'BackupCode', verificationId: codes.verificationId });
    await client.expectOk('POST', '/submit');

    // Bound factors persist: the next sign-in asks for them, and a second TOTP is refused.
    const next = await Client.start({ mfa: { factors: ['Totp', 'BackupCode'], policy: 'Mandatory' } });
    await next.signIn(username);
    await next.expectError('POST', '/submit', undefined, 403, 'session.mfa.require_mfa_verification');
    await next.expectOk('POST', '/verification/totp/verify', { code: totp(String(secret.secret)) });
    const again = await next.expectOk('POST', '/verification/totp/secret');
    await next.expectOk('POST', '/verification/totp/verify', { verificationId: again.verificationId, code: totp(String(again.secret)) });
    await next.expectError('POST', '/profile/mfa', { type: 'Totp', verificationId: again.verificationId }, 422, 'user.totp_already_in_use');
  });

  it('optional MFA: suggest_mfa, then mfa-enabled turns it into a skippable missing_mfa', async () => {
    const username = uniqueName('opt');
    await addUser({ username, password: PASSWORD });
    const client = await Client.start({ mfa: { factors: ['Totp'], policy: 'PromptOnlyAtSignIn' } });
    await client.signIn(username);
    await client.expectError('POST', '/submit', undefined, 422, 'user.suggest_mfa');
    await client.expectOk('POST', '/profile/mfa/mfa-enabled');
    const missing = await client.expectError('POST', '/submit', undefined, 422, 'user.missing_mfa');
    expect(missing.data).to.deep.equal({ availableFactors: ['Totp'], skippable: true });
    await client.expectOk('POST', '/profile/mfa/mfa-skipped');
    await client.expectOk('POST', '/submit');
  });

  it('registration goes through the binding checks after the user is created', async () => {
    const client = await Client.start({ mfa: { factors: ['Totp'], policy: 'Mandatory' } });
    await client.expectOk('PUT', '', { interactionEvent: 'Register' });
    await client.expectOk('POST', '/profile', { type: 'username', value: uniqueName('reg') });
    await client.expectOk('POST', '/profile', { type: 'password', value: PASSWORD });
    await client.expectOk('POST', '/identification', {});
    await client.expectError('POST', '/submit', undefined, 422, 'user.missing_mfa');
  });
});

describe('emulator: WebAuthn and passkeys', () => {
  let authenticator = '';
  beforeEach(async () => {
    authenticator = await addVirtualAuthenticator();
  });
  afterEach(async () => {
    await removeVirtualAuthenticator(authenticator);
  });

  it('a tampered assertion signature is refused with session.mfa.webauthn_verification_failed', async () => {
    const username = uniqueName('wa');
    await addUser({ username, password: PASSWORD });
    const settings = { mfa: { factors: ['WebAuthn'], policy: 'Mandatory' } };
    const client = await Client.start(settings);
    await client.signIn(username);
    const verificationId = await registerCredential(client);
    await client.expectOk('POST', '/profile/mfa', { type: 'WebAuthn', verificationId });
    await client.expectOk('POST', '/submit');
    expect(await credentials(authenticator)).to.have.length(1);

    const next = await Client.start(settings);
    await next.signIn(username);
    const options = await next.expectOk('POST', '/verification/web-authn/authentication');
    const assertion = await startAuthentication({ optionsJSON: options.authenticationOptions as never });
    const signature = assertion.response.signature;
    const tampered = { ...assertion, type: 'WebAuthn', response: { ...assertion.response, signature: `${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}` } };
    await next.expectError('POST', '/verification/web-authn/authentication/verify', { verificationId: options.verificationId, payload: tampered }, 400, 'session.mfa.webauthn_verification_failed');
    await next.expectOk('POST', '/verification/web-authn/authentication/verify', { verificationId: options.verificationId, payload: { ...assertion, type: 'WebAuthn' } });
    await next.expectOk('POST', '/submit');
  });

  it('passkey sign-in: passkey_preferred, bind with profile/mfa/passkey, then preflight (before PUT) and verify', async () => {
    const username = uniqueName('pk');
    await addUser({ username, password: PASSWORD });
    const settings = { passkeySignIn: { enabled: true, showPasskeyButton: true, allowAutofill: false }, mfa: { factors: [], policy: 'UserControlled' } };
    const client = await Client.start(settings);
    await client.signIn(username);
    await client.expectError('POST', '/submit', undefined, 422, 'user.passkey_preferred');
    const verificationId = await registerCredential(client);
    await client.expectOk('POST', '/profile/mfa/passkey', { verificationId });
    await client.expectOk('POST', '/submit');

    const next = await Client.start(settings);
    const preflight = await next.expectOk('POST', '/preflight/sign-in-passkey/authentication');
    const options = preflight.authenticationOptions as { allowCredentials: unknown[]; rpId: string };
    expect(options.allowCredentials).to.deep.equal([]);
    expect(options.rpId).to.equal(location.hostname);
    const assertion = await startAuthentication({ optionsJSON: options as never });
    await next.expectOk('PUT', '', { interactionEvent: 'SignIn' });
    const verified = await next.expectOk('POST', '/verification/sign-in-passkey/authentication/verify', { payload: { ...assertion, type: 'WebAuthn' } });
    await next.expectOk('POST', '/identification', { verificationId: verified.verificationId });
    const done = await next.expectOk('POST', '/submit');
    expect(String(done.redirectTo)).to.match(/\/oidc\/auth\//);
  });

  it('identifier-first passkey: 400 without a passkey, options and verify with one', async () => {
    const without = uniqueName('nopk');
    await addUser({ username: without, password: PASSWORD });
    const settings = { passkeySignIn: { enabled: true, showPasskeyButton: true, allowAutofill: true }, mfa: { factors: [], policy: 'UserControlled' } };
    const client = await Client.start(settings);
    await client.expectOk('PUT', '', { interactionEvent: 'SignIn' });
    await client.expectError('POST', '/verification/sign-in-passkey/authentication', { identifier: { type: 'username', value: without } }, 400, 'session.mfa.webauthn_verification_not_found');

    const withKey = uniqueName('haspk');
    await addUser({ username: withKey, password: PASSWORD });
    await client.signIn(withKey);
    await client.expectOk('POST', '/profile/mfa/passkey', { verificationId: await registerCredential(client) });
    await client.expectOk('POST', '/submit');

    const next = await Client.start(settings);
    await next.expectOk('PUT', '', { interactionEvent: 'SignIn' });
    const started = await next.expectOk('POST', '/verification/sign-in-passkey/authentication', { identifier: { type: 'username', value: withKey } });
    expect((started.authenticationOptions as { allowCredentials: unknown[] }).allowCredentials).to.have.length(1);
    const assertion = await startAuthentication({ optionsJSON: started.authenticationOptions as never });
    await next.expectOk('POST', '/verification/sign-in-passkey/authentication/verify', { verificationId: started.verificationId, payload: { ...assertion, type: 'WebAuthn' } });
    await next.expectOk('POST', '/identification', { verificationId: started.verificationId });
    await next.expectOk('POST', '/submit');
  });
});

describe('emulator: CAPTCHA', () => {
  const SITE_KEY = 'emulated-site-key';
  const CAPTCHA = {
    captchaPolicy: { enabled: true },
    captchaConfig: { type: 'Turnstile', siteKey: SITE_KEY },
  };

  it('is served in the sign-in experience only when configured', async () => {
    const client = await Client.start(CAPTCHA);
    const served = (await (await fetch(`/api/.well-known/sign-in-exp?appId=${client.appId}`)).json()) as Record<string, unknown>;
    expect(served.captchaPolicy).to.deep.equal({ enabled: true });
    expect(served.captchaConfig).to.deep.equal({ type: 'Turnstile', siteKey: SITE_KEY });
    const plain = await Client.start({});
    const other = (await (await fetch(`/api/.well-known/sign-in-exp?appId=${plain.appId}`)).json()) as Record<string, unknown>;
    expect(other).not.to.have.property('captchaConfig');
  });

  it('required at submit, Register identification and unidentified code sending; failed tokens are refused', async () => {
    const username = uniqueName('cap');
    await addUser({ username, password: PASSWORD });
    const client = await Client.start(CAPTCHA);
    await client.signIn(username);
    await client.expectError('POST', '/submit', undefined, 422, 'session.captcha_required');
    await client.expectError('PUT', '', { interactionEvent: 'SignIn', captchaToken: 'fake-turnstile-token' }, 422, 'session.captcha_failed');
    // A failed token leaves the interaction as it was.
    expect((await client.expectOk('GET', '/interaction')).userId).to.be.a('string');
    await client.expectError('PUT', '', { interactionEvent: 'SignIn', captchaToken: await captchaToken('another-site') }, 422, 'session.captcha_failed');

    await client.expectOk('PUT', '', { interactionEvent: 'Register' });
    await client.expectOk('POST', '/profile', { type: 'username', value: uniqueName('capreg') });
    await client.expectOk('POST', '/profile', { type: 'password', value: PASSWORD });
    await client.expectError('POST', '/identification', {}, 422, 'session.captcha_required');
    await client.expectError('POST', '/verification/verification-code', { identifier: { type: 'email', value: `${uniqueName('c')}@example.com` }, interactionEvent: 'Register' }, 422, 'session.captcha_required');

    const plain = await Client.start({});
    await plain.expectError('PUT', '', { interactionEvent: 'SignIn', captchaToken: await captchaToken(SITE_KEY) }, 422, 'session.captcha_failed');
  });

  it('passes with a token from the emulated provider, which is single-use', async () => {
    const username = uniqueName('cappass');
    await addUser({ username, password: PASSWORD });
    const client = await Client.start(CAPTCHA);
    const token = await captchaToken(SITE_KEY);
    await client.signIn(username, token);
    expect((await client.expectOk('GET', '/interaction')).captcha).to.deep.equal({ verified: true, skipped: false });
    await client.expectOk('POST', '/submit');
    const again = await Client.start(CAPTCHA);
    await again.expectError('PUT', '', { interactionEvent: 'SignIn', captchaToken: token }, 422, 'session.captcha_failed');
  });

  describe('fake provider scripts', () => {
    async function loadScript(src: string): Promise<void> {
      await new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`${src} did not load`));
        document.head.append(script);
      });
    }
    interface Turnstile {
      render(container: HTMLElement, options: Record<string, unknown>): string;
      getResponse(id: string): string | undefined;
      remove(id: string): void;
    }
    const win = window as unknown as {
      turnstile: Turnstile;
      grecaptcha: { enterprise: { ready(cb: () => void): void; execute(key: string, options: { action: string }): Promise<string> } };
      __emulatedCaptcha: { expire(): void };
    };

    before(async () => {
      await loadScript('/__emulator/captcha/turnstile.js');
      await loadScript('/__emulator/captcha/recaptcha-enterprise.js');
    });

    it('Turnstile: an accessible box, a token the server accepts, error and expiry callbacks', async () => {
      const container = document.createElement('div');
      document.body.append(container);
      const token = await new Promise<string>((resolve, reject) => {
        win.turnstile.render(container, { sitekey: SITE_KEY, callback: resolve, 'error-callback': reject });
      });
      const box = container.querySelector('[role="status"]');
      expect(box?.textContent).to.contain('Verified — emulated CAPTCHA');
      const client = await Client.start(CAPTCHA);
      await client.expectOk('PUT', '', { interactionEvent: 'SignIn', captchaToken: token });

      const failing = document.createElement('div');
      document.body.append(failing);
      const error = await new Promise<string>((resolve) => {
        win.turnstile.render(failing, { sitekey: 'sitekey-that-should-fail', callback: () => resolve('called back'), 'error-callback': resolve });
      });
      expect(error).to.equal('emulated-failure');

      const expiring = document.createElement('div');
      document.body.append(expiring);
      let expired = false;
      const id = await new Promise<string>((resolve) => {
        const widget = win.turnstile.render(expiring, {
          sitekey: SITE_KEY,
          callback: () => resolve(widget),
          'expired-callback': () => (expired = true),
        });
      });
      const stale = win.turnstile.getResponse(id) ?? '';
      win.__emulatedCaptcha.expire();
      expect(expired).to.equal(true);
      expect(win.turnstile.getResponse(id)).to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client.expectError('PUT', '', { interactionEvent: 'SignIn', captchaToken: stale }, 422, 'session.captcha_failed');
      win.turnstile.remove(id);
      expect(expiring.children).to.have.length(0);
      container.remove();
      failing.remove();
      expiring.remove();
    });

    it('both widgets work under a strict CSP with Trusted Types (the demo page)', async () => {
      const frame = document.createElement('iframe');
      frame.src = `/__emulator/captcha/demo?siteKey=${SITE_KEY}`;
      document.body.append(frame);
      const deadline = Date.now() + 5000;
      let result: HTMLElement | null | undefined;
      while (Date.now() < deadline) {
        result = frame.contentDocument?.getElementById('result');
        if (result?.dataset.token && result.dataset.recaptcha) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const page = frame.contentWindow as unknown as { __violations: string[] };
      expect(page.__violations).to.deep.equal([]);
      expect(result?.dataset.token).to.match(/^emulated\./);
      const boxes = [...(frame.contentDocument?.querySelectorAll('[role="status"]') ?? [])].map((box) => box.textContent);
      expect(boxes).to.deep.equal(['Verified — emulated CAPTCHA', 'Verified — emulated CAPTCHA']);
      frame.remove();
    });

    it('reCAPTCHA Enterprise: execute resolves to a token the server accepts', async () => {
      await new Promise<void>((resolve) => win.grecaptcha.enterprise.ready(resolve));
      const token = await win.grecaptcha.enterprise.execute(SITE_KEY, { action: 'interaction' });
      const client = await Client.start({ ...CAPTCHA, captchaConfig: { type: 'RecaptchaEnterprise', siteKey: SITE_KEY } });
      await client.expectOk('PUT', '', { interactionEvent: 'SignIn', captchaToken: token });
      let failed = false;
      await win.grecaptcha.enterprise.execute('fail-key', { action: 'interaction' }).catch(() => (failed = true));
      expect(failed).to.equal(true);
    });
  });
});

describe("emulator: its own password policy (Logto's rules)", () => {
  const policy = { length: { min: 10, max: 20 }, characterTypes: { min: 1 } };
  // No sequences, repetitions or user info: only the length decides.
  const SOURCE = 'Qm7#vX2p!Lr9$tK4w&Zc8Hb';
  const ofLength = (length: number) => SOURCE.slice(0, length);

  it('length boundaries: min-1, min, max, max+1', () => {
    expect(checkPassword(ofLength(9), policy)).to.deep.equal([{ code: 'password_rejected.too_short', interpolation: { min: 10 } }]);
    expect(checkPassword(ofLength(10), policy)).to.deep.equal([]);
    expect(checkPassword(ofLength(20), policy)).to.deep.equal([]);
    expect(checkPassword(ofLength(21), policy)).to.deep.equal([{ code: 'password_rejected.too_long', interpolation: { max: 20 } }]);
  });

  it('defaults (8..256), character types, restricted phrases as Logto reports them', () => {
    expect(checkPassword('123', undefined)).to.deep.equal([
      { code: 'password_rejected.too_short', interpolation: { min: 8 } },
      { code: 'password_rejected.restricted.sequence' },
    ]);
    expect(checkPassword(ofLength(7), {})).to.deep.equal([{ code: 'password_rejected.too_short', interpolation: { min: 8 } }]);
    expect(checkPassword(ofLength(8), {})).to.deep.equal([]);
    expect(checkPassword('abcdefghij', { characterTypes: { min: 2 } })).to.deep.include({
      code: 'password_rejected.character_types',
      interpolation: { min: 2 },
    });
    expect(checkPassword('aaaaaaaa1', {})).to.deep.equal([{ code: 'password_rejected.restricted.repetition' }]);
    expect(checkPassword('Pässwort12', {})).to.deep.equal([{ code: 'password_rejected.unsupported_characters' }]);
    expect(checkPassword('alicebob1', {}, { username: 'alicebob' })).to.deep.equal([{ code: 'password_rejected.restricted.user_info' }]);
    expect(checkPassword('Qm7#vX2p!', {}, { username: 'alicebob' })).to.deep.equal([]);
    expect(checkPassword('letmein99', { rejects: { words: ['letmein'] } })).to.deep.equal([{ code: 'password_rejected.restricted.words' }]);
  });

  it('the emulator applies it at sign-up, with the boundaries of the tenant policy', async () => {
    const client = await Client.start({ passwordPolicy: policy });
    for (const [length, ok] of [[9, false], [10, true], [20, true], [21, false]] as const) {
      await client.expectOk('PUT', '', { interactionEvent: 'Register' });
      const reply = await client.call('POST', '/verification/new-password-identity', {
        identifier: { type: 'username', value: uniqueName('len') },
        password: ofLength(length),
      });
      expect(reply.status, `length ${length}`).to.equal(ok ? 200 : 422);
      if (!ok) expect(reply.json?.code).to.equal('password.rejected');
    }
  });
});
