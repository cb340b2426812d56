/**
 * Emulator behaviour the kit relies on beyond what the Logto 1.42 recordings show: the cookie and
 * per-app interactions, the missing-profile, verification-code, forgot-password and social flows,
 * event switching, the send rate limit, and the dev endpoints (app registration, served config).
 *
 * Every test registers its own app (`POST /__emulator/apps`), starts its own interaction at
 * `/oidc/auth` and sends `Logto-App-Id`, so tests never share an interaction; users and addresses
 * are unique per run because the emulator keeps them for the whole test-server session.
 */
import { expect } from '@open-wc/testing';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
let serial = 0;
const uniqueName = (base: string) => `${base}_${RUN}${++serial}`;
const uniqueEmail = (base: string) => `${uniqueName(base)}@example.com`;

// ----- talking to the emulator as a client would ---------------------------------------------------

interface Reply {
  status: number;
  contentType: string | null;
  text: string;
  /** The parsed body when it is JSON, else `undefined`. */
  json: Record<string, unknown> | undefined;
}

async function toReply(response: Response): Promise<Reply> {
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  let json: Record<string, unknown> | undefined;
  if (contentType?.startsWith('application/json')) json = JSON.parse(text) as Record<string, unknown>;
  return { status: response.status, contentType, text, json };
}

async function postJson(url: string, body: unknown): Promise<Reply> {
  return toReply(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

async function registerApp(signInExperience: Record<string, unknown> = {}): Promise<string> {
  const reply = await postJson('/__emulator/apps', { signInExperience });
  expect(reply.status, `POST /__emulator/apps: ${reply.text}`).to.equal(200);
  return String(reply.json?.appId);
}

async function addUser(user: { username?: string; password?: string; email?: string; name?: string }): Promise<void> {
  const reply = await postJson('/__emulator/users', user);
  expect(reply.status, 'POST /__emulator/users').to.equal(200);
}

async function latestCode(to: string): Promise<{ code: string; to: string; event: string }> {
  const response = await fetch(`/__emulator/codes/latest?to=${encodeURIComponent(to)}`);
  expect(response.status, `a code was sent to ${to}`).to.equal(200);
  return (await response.json()) as { code: string; to: string; event: string };
}

/** One app's sign-in: its interaction is started at `/oidc/auth`, every call carries its app id. */
class Client {
  constructor(readonly appId: string) {}

  static async start(signInExperience: Record<string, unknown> = {}): Promise<Client> {
    const client = new Client(await registerApp(signInExperience));
    await client.startInteraction();
    return client;
  }

  async startInteraction(): Promise<void> {
    const params = new URLSearchParams({
      client_id: this.appId,
      redirect_uri: `${location.origin}/demo/callback`,
      response_type: 'code',
      scope: 'openid profile',
      state: `st-${RUN}`,
    });
    const response = await fetch(`/oidc/auth?${params.toString()}`, { redirect: 'manual' });
    expect(response.type, '/oidc/auth redirects to the sign-in page').to.equal('opaqueredirect');
  }

  async call(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Reply> {
    const headers: Record<string, string> = { 'Logto-App-Id': this.appId };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`/api/experience${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      ...init,
    });
    return toReply(response);
  }

  async init(interactionEvent: 'SignIn' | 'Register' | 'ForgotPassword'): Promise<void> {
    expectStatus(await this.call('PUT', '', { interactionEvent }), 204);
  }

  /** Sends a code to `email` and verifies it with the code the emulator "mailed". */
  async verifyEmail(email: string, interactionEvent: 'SignIn' | 'Register' | 'ForgotPassword'): Promise<string> {
    const identifier = { type: 'email', value: email };
    const sent = await this.call('POST', '/verification/verification-code', { identifier, interactionEvent });
    expectStatus(sent, 200);
    const verificationId = String(sent.json?.verificationId);
    const { code } = await latestCode(email);
    expectStatus(await this.call('POST', '/verification/verification-code/verify', { identifier, verificationId, code }), 200);
    return verificationId;
  }

  /** Social authorization at the emulator's OAuth2 connector, approved at its fake provider. */
  async verifySocial(account: { login: string; name: string; email?: string }): Promise<string> {
    const redirectUri = `${location.origin}/callback/oauth2-demo`;
    const state = `soc-${RUN}`;
    const started = await this.call('POST', '/verification/social/oauth2-demo/authorization-uri', { state, redirectUri });
    expectStatus(started, 200);
    const verificationId = String(started.json?.verificationId);
    const authorize = new URL(String(started.json?.authorizationUri));
    expect(authorize.origin).to.equal(location.origin);
    expect(authorize.pathname).to.equal('/__emulator/oauth/oauth2-demo/authorize');
    expect(authorize.searchParams.get('state')).to.equal(state);

    const approve = new URL('/__emulator/oauth/oauth2-demo/approve', location.origin);
    approve.search = new URLSearchParams({
      decision: 'allow',
      login: account.login,
      name: account.name,
      email: account.email ?? '',
      redirect_uri: authorize.searchParams.get('redirect_uri') ?? '',
      state,
    }).toString();
    // The provider redirects to the callback (which 404s in the test server) with the code.
    const callback = new URL((await fetch(approve.href)).url);
    expect(callback.pathname).to.equal('/callback/oauth2-demo');
    expect(callback.searchParams.get('state')).to.equal(state);
    const code = callback.searchParams.get('code');
    expect(code, 'the fake provider returned a code').to.be.a('string');

    const verified = await this.call('POST', '/verification/social/oauth2-demo/verify', {
      verificationId,
      connectorData: { code, redirectUri },
    });
    expectStatus(verified, 200);
    return verificationId;
  }

  /** `POST /submit`, then follows `redirectTo` as the browser would; returns the landing page. */
  async submitAndFollow(): Promise<{ url: URL; status: number; html: string }> {
    const submitted = await this.call('POST', '/submit');
    expectStatus(submitted, 200);
    const redirectTo = String(submitted.json?.redirectTo);
    expect(redirectTo.startsWith(`${location.origin}/oidc/auth/`), `redirectTo ${redirectTo}`).to.equal(true);
    const landed = await fetch(redirectTo);
    return { url: new URL(landed.url), status: landed.status, html: await landed.text() };
  }
}

function expectStatus(reply: Reply, status: number): void {
  expect(reply.status, `HTTP ${reply.status} ${reply.text}`).to.equal(status);
}

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.contentType ?? '', `content type of ${reply.text}`).to.match(/^application\/json/);
  expect({ status: reply.status, code: reply.json?.code }).to.deep.equal({ status, code });
}

function expectEmpty(reply: Reply): void {
  expect({ status: reply.status, contentType: reply.contentType, text: reply.text }).to.deep.equal({
    status: 204,
    contentType: null,
    text: '',
  });
}

const PASSWORD = 'Vault-Keeper-42!';
const EMAIL_SIGN_UP = { signUp: { identifiers: ['email'], password: true, verify: true } };

// ----- tests -------------------------------------------------------------------------------------

describe('emulator behaviour', () => {
  describe('the interaction cookie', () => {
    it('is required: without it every Experience API call is 400 session.not_found', async () => {
      const client = await Client.start();
      const omit: RequestInit = { credentials: 'omit' };
      const calls: [string, string, unknown][] = [
        ['PUT', '', { interactionEvent: 'SignIn' }],
        ['GET', '/interaction', undefined],
        ['POST', '/verification/password', { identifier: { type: 'username', value: 'alice' }, password: 'Passw0rd!' }],
        ['POST', '/submit', undefined],
      ];
      for (const [method, path, body] of calls) {
        const reply = await client.call(method, path, body, omit);
        expectError(reply, 400, 'session.not_found');
        expect(reply.json?.error, `${method} ${path}`).to.equal('invalid_request');
      }
      // The same call with the cookie works: the interaction exists.
      await client.init('SignIn');
    });
  });

  describe('per-app isolation', () => {
    it('keeps one interaction per app in the same cookie', async () => {
      const username = uniqueName('iso');
      await addUser({ username, password: PASSWORD });
      const first = await Client.start();
      const second = await Client.start();
      await first.init('SignIn');
      await second.init('Register');

      expect((await first.call('GET', '/interaction')).json?.interactionEvent).to.equal('SignIn');
      expect((await second.call('GET', '/interaction')).json?.interactionEvent).to.equal('Register');

      const verified = await first.call('POST', '/verification/password', {
        identifier: { type: 'username', value: username },
        password: PASSWORD,
      });
      expectStatus(verified, 200);
      const verificationId = verified.json?.verificationId;
      // The other app's interaction does not know that verification…
      expectError(await second.call('POST', '/identification', { verificationId }), 404, 'session.verification_session_not_found');
      expect((await second.call('GET', '/interaction')).json?.verificationRecords).to.deep.equal([]);
      // …while the app that made it can use it.
      expectStatus(await first.call('POST', '/identification', { verificationId }), 204);
    });

    it('does not let an app without its own interaction use the latest one', async () => {
      const started = await Client.start();
      await started.init('SignIn');
      const notStarted = new Client(await registerApp());
      expectError(await notStarted.call('GET', '/interaction'), 400, 'oidc.invalid_request');
      expectError(await notStarted.call('PUT', '', { interactionEvent: 'SignIn' }), 400, 'oidc.invalid_request');
      // The started app's interaction is untouched.
      expect((await started.call('GET', '/interaction')).json?.interactionEvent).to.equal('SignIn');
    });

    it('serves each app its own sign-in experience', async () => {
      const usernameApp = await registerApp({ signUp: { identifiers: ['username'], password: true, verify: false } });
      const emailApp = await registerApp(EMAIL_SIGN_UP);
      const configOf = async (appId: string) =>
        (await (await fetch(`/api/.well-known/sign-in-exp?appId=${encodeURIComponent(appId)}`)).json()) as {
          signUp: { identifiers: string[] };
        };
      expect((await configOf(usernameApp)).signUp.identifiers).to.deep.equal(['username']);
      expect((await configOf(emailApp)).signUp.identifiers).to.deep.equal(['email']);
    });
  });

  describe('registration', () => {
    it('reports user.missing_profile [password] for email sign-up, then completes and signs in', async () => {
      const email = uniqueEmail('newcomer');
      const client = await Client.start(EMAIL_SIGN_UP);
      await client.init('Register');
      const verificationId = await client.verifyEmail(email, 'Register');

      const first = await client.call('POST', '/identification', { verificationId });
      expectError(first, 422, 'user.missing_profile');
      expect(first.json?.data).to.deep.equal({ missingProfile: ['password'] });

      expectEmpty(await client.call('POST', '/profile', { type: 'password', value: PASSWORD }));
      const created = await client.call('POST', '/identification', {});
      expect({ status: created.status, text: created.text }).to.deep.equal({ status: 201, text: 'Created' });

      const landing = await client.submitAndFollow();
      expect(landing.url.pathname).to.equal('/demo/callback');
      expect(landing.url.searchParams.get('code')).to.be.a('string').and.not.equal('');
      expect(landing.status).to.equal(200);
      expect(landing.html).to.contain('Signed in as');
      expect(landing.html).to.contain(email);
    });
  });

  describe('verification codes', () => {
    it('rejects a wrong code, accepts the mailed one once, then refuses it', async () => {
      const email = uniqueEmail('coder');
      await addUser({ username: uniqueName('coder'), email, password: PASSWORD, name: 'Code Person' });
      const client = await Client.start();
      await client.init('SignIn');
      const identifier = { type: 'email', value: email };

      const sent = await client.call('POST', '/verification/verification-code', { identifier, interactionEvent: 'SignIn' });
      expectStatus(sent, 200);
      const verificationId = sent.json?.verificationId;
      const mailed = await latestCode(email);
      expect(mailed).to.include({ to: email, event: 'SignIn' });
      expect(mailed.code).to.match(/^\d{6}$/);
      const wrong = mailed.code === '000000' ? '111111' : '000000';

      const verify = (code: string) => client.call('POST', '/verification/verification-code/verify', { identifier, verificationId, code });
      expectError(await verify(wrong), 400, 'verification_code.code_mismatch');
      const accepted = await verify(mailed.code);
      expectStatus(accepted, 200);
      expect(accepted.json).to.deep.equal({ verificationId });
      const reused = await verify(mailed.code);
      expectError(reused, 400, 'verification_code.not_found');

      expectEmpty(await client.call('POST', '/identification', { verificationId }));
      const landing = await client.submitAndFollow();
      expect(landing.html).to.contain('Code Person');
    });

    it('answers the 11th code to one address within 10 minutes with 429 request.message_rate_limited', async () => {
      const email = uniqueEmail('flood');
      const client = await Client.start(EMAIL_SIGN_UP);
      await client.init('Register');
      const send = () =>
        client.call('POST', '/verification/verification-code', {
          identifier: { type: 'email', value: email },
          interactionEvent: 'Register',
        });
      for (let i = 1; i <= 10; i++) expect((await send()).status, `send #${i}`).to.equal(200);
      expectError(await send(), 429, 'request.message_rate_limited');
      // Another address is not affected.
      const other = await client.call('POST', '/verification/verification-code', {
        identifier: { type: 'email', value: uniqueEmail('calm') },
        interactionEvent: 'Register',
      });
      expectStatus(other, 200);
    });

    it('replaces the earlier verification when a code is sent again', async () => {
      const email = uniqueEmail('resender');
      const client = await Client.start(EMAIL_SIGN_UP);
      await client.init('Register');
      const identifier = { type: 'email', value: email };
      const send = () => client.call('POST', '/verification/verification-code', { identifier, interactionEvent: 'Register' });
      const first = await send();
      const firstCode = (await latestCode(email)).code;
      const second = await send();
      const secondCode = (await latestCode(email)).code;
      expect(second.json?.verificationId).to.not.equal(first.json?.verificationId);

      const stale = await client.call('POST', '/verification/verification-code/verify', {
        identifier,
        verificationId: first.json?.verificationId,
        code: firstCode,
      });
      expectError(stale, 404, 'session.verification_session_not_found');
      const fresh = await client.call('POST', '/verification/verification-code/verify', {
        identifier,
        verificationId: second.json?.verificationId,
        code: secondCode,
      });
      expectStatus(fresh, 200);
    });

    it('answers a forgot-password code to an unknown address with 200 but sends nothing', async () => {
      const email = uniqueEmail('ghost');
      const client = await Client.start();
      await client.init('ForgotPassword');
      const identifier = { type: 'email', value: email };
      const sent = await client.call('POST', '/verification/verification-code', { identifier, interactionEvent: 'ForgotPassword' });
      expectStatus(sent, 200);
      expect(sent.json?.verificationId).to.be.a('string');
      expect((await fetch(`/__emulator/codes/latest?to=${encodeURIComponent(email)}`)).status).to.equal(404);
      const guessed = await client.call('POST', '/verification/verification-code/verify', {
        identifier,
        verificationId: sent.json?.verificationId,
        code: '123456',
      });
      expectError(guessed, 400, 'verification_code.code_mismatch');
    });

    it('reports user.user_not_exist when a code sign-in verifies an unknown email', async () => {
      const email = uniqueEmail('stranger');
      const client = await Client.start();
      await client.init('SignIn');
      const verificationId = await client.verifyEmail(email, 'SignIn');
      const reply = await client.call('POST', '/identification', { verificationId });
      expectError(reply, 404, 'user.user_not_exist');
      expect(reply.json?.data).to.deep.equal({ identifier: email });
    });
  });

  describe('forgot password', () => {
    it('resets the password, refusing the old one, and the new one signs in', async () => {
      const email = uniqueEmail('forgetful');
      const oldPassword = 'Old-Secret-73!';
      const newPassword = 'Fresh-Secret-91!';
      await addUser({ username: uniqueName('forgetful'), email, password: oldPassword, name: 'Forgetful Fay' });
      const client = await Client.start();
      await client.init('ForgotPassword');
      const verificationId = await client.verifyEmail(email, 'ForgotPassword');
      expectEmpty(await client.call('POST', '/identification', { verificationId }));

      expectError(await client.call('POST', '/submit'), 422, 'user.new_password_required_in_profile');
      expectError(await client.call('PUT', '/profile/password', { password: oldPassword }), 422, 'user.same_password');
      expectEmpty(await client.call('PUT', '/profile/password', { password: newPassword }));
      expectEmpty(await client.call('POST', '/submit'));

      // The OIDC interaction is still alive: sign in again in it.
      await client.init('SignIn');
      const identifier = { type: 'email', value: email };
      expectError(
        await client.call('POST', '/verification/password', { identifier, password: oldPassword }),
        422,
        'session.invalid_credentials',
      );
      const verified = await client.call('POST', '/verification/password', { identifier, password: newPassword });
      expectStatus(verified, 200);
      expectEmpty(await client.call('POST', '/identification', { verificationId: verified.json?.verificationId }));
      const landing = await client.submitAndFollow();
      expect(landing.url.pathname).to.equal('/demo/callback');
      expect(landing.html).to.contain('Forgetful Fay');
    });
  });

  describe('social sign-in', () => {
    it('reports user.identity_not_exist without relatedUser when no account has the IdP email', async () => {
      const login = uniqueName('lonely');
      const client = await Client.start();
      await client.init('SignIn');
      const verificationId = await client.verifySocial({ login, name: 'Lonely', email: `${login}@idp.example` });
      const reply = await client.call('POST', '/identification', { verificationId });
      expectError(reply, 404, 'user.identity_not_exist');
      expect(reply.json?.data).to.deep.equal({});
    });

    it('reports relatedUser for an account with the IdP email and links it with linkSocialIdentity', async () => {
      const email = uniqueEmail('linked');
      const login = uniqueName('linked');
      await addUser({ username: uniqueName('linked'), email, password: PASSWORD, name: 'Linda Linked' });

      const client = await Client.start();
      await client.init('SignIn');
      const verificationId = await client.verifySocial({ login, name: 'Linda at the IdP', email });
      const unknown = await client.call('POST', '/identification', { verificationId });
      expectError(unknown, 404, 'user.identity_not_exist');
      expect(unknown.json?.data).to.deep.equal({ relatedUser: { type: 'email', value: email } });

      expectEmpty(await client.call('POST', '/identification', { verificationId, linkSocialIdentity: true }));
      const landing = await client.submitAndFollow();
      expect(landing.html).to.contain('Linda Linked');

      // The next social sign-in with that IdP account identifies the linked user directly.
      const again = await Client.start();
      await again.init('SignIn');
      const secondId = await again.verifySocial({ login, name: 'Linda at the IdP', email });
      expectEmpty(await again.call('POST', '/identification', { verificationId: secondId }));
      expect((await again.submitAndFollow()).html).to.contain('Linda Linked');
    });
  });

  describe('switching SignIn ⇄ Register', () => {
    it('SignIn → Register keeps the verified email for the new account', async () => {
      const email = uniqueEmail('switcher');
      const client = await Client.start(EMAIL_SIGN_UP);
      await client.init('SignIn');
      const verificationId = await client.verifyEmail(email, 'SignIn');
      expectError(await client.call('POST', '/identification', { verificationId }), 404, 'user.user_not_exist');

      expectEmpty(await client.call('PUT', '/interaction-event', { interactionEvent: 'Register' }));
      expect((await client.call('GET', '/interaction')).json?.interactionEvent).to.equal('Register');
      const register = await client.call('POST', '/identification', { verificationId });
      expectError(register, 422, 'user.missing_profile');
      // Only the password is missing: the email came from the kept verification.
      expect(register.json?.data).to.deep.equal({ missingProfile: ['password'] });
      expectEmpty(await client.call('POST', '/profile', { type: 'password', value: PASSWORD }));
      expectStatus(await client.call('POST', '/identification', {}), 201);
      expect((await client.submitAndFollow()).html).to.contain(email);
    });

    it('Register → SignIn keeps the verified email to sign the existing account in', async () => {
      const email = uniqueEmail('returning');
      await addUser({ username: uniqueName('returning'), email, password: PASSWORD, name: 'Returning Rita' });
      const client = await Client.start(EMAIL_SIGN_UP);
      await client.init('Register');
      const verificationId = await client.verifyEmail(email, 'Register');
      expectError(await client.call('POST', '/identification', { verificationId }), 422, 'user.email_already_in_use');

      expectEmpty(await client.call('PUT', '/interaction-event', { interactionEvent: 'SignIn' }));
      expectEmpty(await client.call('POST', '/identification', { verificationId }));
      expect((await client.submitAndFollow()).html).to.contain('Returning Rita');
    });
  });

  describe('dev endpoints', () => {
    it('POST /__emulator/apps rejects an invalid patch with a message naming the field', async () => {
      const rejected = await postJson('/__emulator/apps', { signInExperience: { color: { primaryColor: 'red' } } });
      expect(rejected.status).to.equal(400);
      expect(String(rejected.json?.message)).to.contain('color.primaryColor');

      const accepted = await postJson('/__emulator/apps', { signInExperience: { color: { primaryColor: '#AA3355' } } });
      expect(accepted.status).to.equal(200);
      const config = (await (await fetch(`/api/.well-known/sign-in-exp?appId=${String(accepted.json?.appId)}`)).json()) as {
        color: { primaryColor: string };
      };
      expect(config.color.primaryColor).to.equal('#AA3355');
    });

    it('serves absolute http(s) logo URLs at sign-in-exp, and they load', async () => {
      const appId = await registerApp();
      const response = await fetch(`/api/.well-known/sign-in-exp?appId=${encodeURIComponent(appId)}`);
      expect(response.status).to.equal(200);
      const config = (await response.json()) as {
        branding: Record<string, string | null | undefined>;
        socialConnectors: { id: string; logo: string; logoDark: string | null }[];
      };
      const urls = [
        config.branding.logoUrl,
        config.branding.darkLogoUrl,
        ...config.socialConnectors.flatMap((connector) => [connector.logo, connector.logoDark]),
      ].filter((url): url is string => typeof url === 'string');
      expect(urls.length).to.be.greaterThan(2);
      for (const url of urls) expect(url, url).to.match(/^https?:\/\/[^/]/);

      const logo = await fetch(String(config.branding.logoUrl));
      expect(logo.status).to.equal(200);
      expect(logo.headers.get('content-type') ?? '').to.match(/^image\//);
    });
  });
});
