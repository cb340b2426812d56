/**
 * The enterprise journeys of the emulator against Logto 1.42: replays of the recorded one-time
 * token (j13) and enterprise SSO (j16) journeys and of the phrases request (j00), then the behaviour
 * the recordings do not show: the fake enterprise IdP, SSO registration and linking, magic links
 * from `POST /__emulator/one-time-tokens`, the `/oidc/auth` hand-offs (`first_screen`,
 * `direct_sign_in`, forwarded params), suspended accounts and tenant custom phrases.
 *
 * The replays send every recorded Experience API and well-known step again and compare status,
 * error code and body keys (the `session.sso_enabled` connector rows key by key, without the
 * client secret the real server leaked). Substituted: app ids, emails and names (unique per run),
 * verification ids, the one-time tokens (issued by the dev endpoint) and the IdP's authorization
 * code (the recording's IdP was a second Logto app; here it is the emulator's fake IdP page).
 */
import { expect } from '@open-wc/testing';

const FIXTURES = '/test/fixtures/logto-1.42';
const RECORDED_ORIGINS = ['http://127.0.0.1:3001', 'http://localhost:3001'];
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
let serial = 0;
const unique = (base: string) => `${base}_${RUN}${++serial}`;
const uniqueEmail = (base: string, domain = 'example.com') => `${unique(base)}@${domain}`;

interface Recording {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; body: unknown };
}

interface Reply {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  headers: Headers;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function toReply(response: Response): Promise<Reply> {
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  return { status: response.status, text, json, headers: response.headers };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function postJson(url: string, body: unknown): Promise<Reply> {
  return toReply(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

async function registerApp(signInExperience: Record<string, unknown> = {}): Promise<string> {
  const reply = await postJson('/__emulator/apps', { signInExperience });
  expect(reply.status, `POST /__emulator/apps: ${reply.text}`).to.equal(200);
  return String(reply.json?.appId);
}

async function addUser(user: Record<string, unknown>): Promise<void> {
  const reply = await postJson('/__emulator/users', user);
  expect(reply.status, `POST /__emulator/users: ${reply.text}`).to.equal(200);
}

async function issueToken(body: Record<string, unknown>): Promise<{ token: string; link: string }> {
  const reply = await postJson('/__emulator/one-time-tokens', body);
  expect(reply.status, `POST /__emulator/one-time-tokens: ${reply.text}`).to.equal(200);
  return reply.json as { token: string; link: string };
}

/** Where a navigation to `url` ends (the dev server 404s most page paths; the final URL is what counts). */
async function landing(url: string): Promise<URL> {
  return new URL((await fetch(url)).url);
}

/** One app's interaction, started at `/oidc/auth`; every call carries its app id. */
class Client {
  constructor(readonly appId: string) {}

  static async start(signInExperience: Record<string, unknown> = {}): Promise<Client> {
    const client = new Client(await registerApp(signInExperience));
    await client.authorize();
    return client;
  }

  async authorize(extra = ''): Promise<URL> {
    return landing(`/oidc/auth?client_id=${encodeURIComponent(this.appId)}&redirect_uri=${encodeURIComponent(`${location.origin}/demo/callback`)}${extra}`);
  }

  async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { 'Logto-App-Id': this.appId };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return toReply(await fetch(`/api/experience${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  }

  async init(interactionEvent: 'SignIn' | 'Register' | 'ForgotPassword'): Promise<void> {
    expectStatus(await this.call('PUT', '', { interactionEvent }), 204);
  }

  async verifyPassword(identifier: { type: string; value: string }, password: string): Promise<string> {
    const reply = await this.call('POST', '/verification/password', { identifier, password });
    expectStatus(reply, 200);
    return String(reply.json?.verificationId);
  }

  /** `authorization-uri`, the fake IdP's page, its approval; returns the verification id and the callback URL. */
  async signInAtIdp(connectorId: string, account: { email: string; name?: string; sub?: string; decision?: string }): Promise<{ verificationId: string; callback: URL }> {
    const redirectUri = `${location.origin}/callback/${connectorId}`;
    const state = unique('st');
    const started = await this.call('POST', `/verification/sso/${connectorId}/authorization-uri`, { state, redirectUri });
    expectStatus(started, 200);
    const authorize = new URL(String(started.json?.authorizationUri));
    expect(authorize.origin).to.equal(location.origin);
    expect(authorize.pathname).to.equal(`/__emulator/sso/${connectorId}/authorize`);
    expect(Object.fromEntries(authorize.searchParams), 'authorization request').to.include({ state, redirect_uri: redirectUri, response_type: 'code' });
    const page = await fetch(authorize.href);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.include(`action="/__emulator/sso/${connectorId}/approve"`);

    const approve = new URL(`/__emulator/sso/${connectorId}/approve`, location.origin);
    approve.search = new URLSearchParams({
      redirect_uri: redirectUri,
      state,
      email: account.email,
      name: account.name ?? 'SSO User',
      sub: account.sub ?? '',
      decision: account.decision ?? 'allow',
    }).toString();
    const callback = await landing(approve.href);
    expect(callback.pathname).to.equal(`/callback/${connectorId}`);
    expect(callback.searchParams.get('state')).to.equal(state);
    return { verificationId: String(started.json?.verificationId), callback };
  }

  async verifySso(connectorId: string, verificationId: string, callback: URL): Promise<Reply> {
    const connectorData = { ...Object.fromEntries(callback.searchParams), redirectUri: `${location.origin}/callback/${connectorId}` };
    return this.call('POST', `/verification/sso/${connectorId}/verify`, { verificationId, connectorData });
  }

  /** `POST /submit`, then the browser's navigation to `redirectTo`: the demo app's callback page. */
  async submitAndLand(): Promise<string> {
    const submitted = await this.call('POST', '/submit');
    expectStatus(submitted, 200);
    const page = await fetch(String(submitted.json?.redirectTo));
    expect(new URL(page.url).pathname).to.equal('/demo/callback');
    return page.text();
  }
}

function expectStatus(reply: Reply, status: number): void {
  expect(reply.status, `HTTP ${reply.status} ${reply.text}`).to.equal(status);
}

function expectError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.json?.code }, reply.text).to.deep.equal({ status, code });
}

// ----- replays ---------------------------------------------------------------------------------

function keyDiff(what: string, recorded: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const missing = Object.keys(recorded).filter((key) => !(key in actual));
  const extra = Object.keys(actual).filter((key) => !(key in recorded));
  return missing.length || extra.length ? [`${what}: emulator lacks [${missing.join(', ')}], has extra [${extra.join(', ')}]`] : [];
}

/** Every value in a JSON tree, as strings. */
function leaves(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (isObject(value)) return Object.values(value).flatMap(leaves);
  return [String(value)];
}

function differences(recorded: Recording['response'], reply: Reply, path: string): string[] {
  const diffs: string[] = [];
  if (reply.status !== recorded.status) diffs.push(`status: recorded ${recorded.status}, emulator ${reply.status}`);
  const expected = recorded.body;
  const body = reply.json;
  if (expected === null || expected === undefined) {
    if (reply.text !== '') diffs.push(`body: recorded none, emulator ${reply.text}`);
    return diffs;
  }
  if (!isObject(expected) || !body) return [...diffs, `body: emulator ${reply.text}`];
  diffs.push(...keyDiff('body keys', expected, body));
  if (expected.code === 'session.sso_enabled') {
    // Logto answers the connector rows; the real one leaked the IdP client secret, which the emulator never sends.
    const recordedRows = (expected.data as { ssoConnectors: Record<string, unknown>[] }).ssoConnectors;
    const rows = (body.data as { ssoConnectors?: Record<string, unknown>[] } | undefined)?.ssoConnectors ?? [];
    if (rows.length !== recordedRows.length) diffs.push(`ssoConnectors: recorded ${recordedRows.length}, emulator ${rows.length}`);
    for (const [index, row] of rows.entries()) {
      const recordedRow = recordedRows[index] ?? {};
      diffs.push(...keyDiff(`ssoConnectors[${index}]`, recordedRow, row));
      const { clientSecret: _secret, ...publicConfig } = recordedRow.config as Record<string, unknown>;
      diffs.push(...keyDiff(`ssoConnectors[${index}].config`, publicConfig, row.config as Record<string, unknown>));
      if (row.id !== recordedRow.id) diffs.push(`ssoConnectors[${index}].id: ${String(row.id)}`);
    }
    if (leaves(body).some((value) => /secret|redacted/i.test(value))) diffs.push('data carries a secret');
    return diffs;
  }
  if (typeof expected.code === 'string') {
    if (body.code !== expected.code) diffs.push(`code: recorded ${expected.code}, emulator ${String(body.code)}`);
    return diffs;
  }
  if (path.endsWith('/sign-in-exp') && Array.isArray(expected.ssoConnectors)) {
    const served = body.ssoConnectors as Record<string, unknown>[];
    if (served.length !== expected.ssoConnectors.length) diffs.push(`ssoConnectors: emulator ${JSON.stringify(served)}`);
    for (const [index, item] of served.entries()) diffs.push(...keyDiff(`ssoConnectors[${index}]`, expected.ssoConnectors[index] as Record<string, unknown>, item));
    if (body.singleSignOnEnabled !== expected.singleSignOnEnabled) diffs.push('singleSignOnEnabled differs');
  }
  return diffs;
}

interface Plan {
  folder: string;
  steps: string[];
  /** Recorded value → this run's value, applied to paths and bodies. */
  names: Record<string, string>;
  /** Steps before which the recording started a new authorization request (for the app or the IdP app). */
  restartBefore?: Record<string, 'app' | 'idp'>;
  /** Steps sent as the IdP app (the recording's second app). */
  idpSteps?: string[];
}

class Replay {
  readonly #subs = new Map<string, string>();
  appId = '';
  idpAppId = '';
  /** Runs before a step (the fake IdP sign-in before j16's verify). */
  readonly before = new Map<string, (replay: Replay) => Promise<void>>();

  constructor(readonly plan: Plan) {}

  substitute(recorded: string, value: string): void {
    this.#subs.set(recorded, value);
  }

  load(step: string): Promise<Recording> {
    return getJson<Recording>(`${FIXTURES}/${this.plan.folder}/${step}.json`);
  }

  async prepare(patch: (sie: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
    for (const origin of RECORDED_ORIGINS) this.#subs.set(origin, location.origin);
    for (const [recorded, value] of Object.entries(this.plan.names)) this.#subs.set(recorded, value);
    const sie = (await this.load('03-well-known-sign-in-exp')).response.body as Record<string, unknown>;
    const config = patch(sie);
    this.appId = await registerApp(config);
    if (this.plan.idpSteps) this.idpAppId = await registerApp(config);
    await this.authorize('app');
  }

  async authorize(which: 'app' | 'idp'): Promise<void> {
    const appId = which === 'app' ? this.appId : this.idpAppId;
    const started = await fetch(`/oidc/auth?client_id=${encodeURIComponent(appId)}`, { redirect: 'manual' });
    expect(started.type, '/oidc/auth redirects').to.equal('opaqueredirect');
  }

  async run(step: string, recording: Recording): Promise<{ reply: Reply; path: string }> {
    const restart = this.plan.restartBefore?.[step];
    if (restart) await this.authorize(restart);
    await this.before.get(step)?.(this);
    const url = new URL(recording.request.url);
    const path = this.#substituted(url.pathname + url.search);
    const appId = this.plan.idpSteps?.includes(step) ? this.idpAppId : this.appId;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(recording.request.headers)) {
      headers[name] = name.toLowerCase() === 'logto-app-id' ? appId : value;
    }
    const body = recording.request.body === null ? undefined : JSON.stringify(this.#substituted(recording.request.body));
    const reply = await toReply(await fetch(path, { method: recording.request.method, headers, body }));
    const recorded = recording.response.body;
    if (isObject(recorded) && typeof recorded.verificationId === 'string' && typeof reply.json?.verificationId === 'string') {
      this.#subs.set(recorded.verificationId, reply.json.verificationId);
    }
    return { reply, path: url.pathname };
  }

  #substituted<T>(value: T): T {
    if (typeof value === 'string') {
      let out: string = value;
      for (const [recorded, replacement] of this.#subs) out = out.split(recorded).join(replacement);
      return out as T;
    }
    if (Array.isArray(value)) return value.map((item: unknown) => this.#substituted(item)) as T;
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.#substituted(item)])) as T;
    return value;
  }
}

function defineReplay(replay: Replay, prepare: () => Promise<void>): void {
  const { plan } = replay;
  describe(plan.folder, () => {
    before(prepare);

    it('replays every recorded Experience API and well-known step', async () => {
      const index = await getJson<{ steps: { file: string; path: string }[] }>(`${FIXTURES}/${plan.folder}/_index.json`);
      const recorded = index.steps
        .filter((step) => /^\/api\/(experience|\.well-known\/)/.test(new URL(step.path, 'http://x').pathname))
        .map((step) => step.file.split('/').pop()?.replace(/\.json$/, ''));
      expect(plan.steps).to.deep.equal(recorded);
    });

    for (const step of plan.steps) {
      it(step, async () => {
        const recording = await replay.load(step);
        const { reply, path } = await replay.run(step, recording);
        const summary = `${recording.request.method} ${path} (recorded ${recording.response.status})`;
        expect(differences(recording.response, reply, path), summary).to.deep.equal([]);
      });
    }
  });
}

/** The recording tenant's sign-in rules, as an app config for the emulator. */
function rulesOf(sie: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of ['signIn', 'signUp', 'signInMode', 'forgotPassword', 'mfa', 'captchaPolicy', 'passkeySignIn', 'singleSignOnEnabled']) {
    if (field in sie) patch[field] = sie[field];
  }
  return patch;
}

describe('emulator: replay of the Logto 1.42 enterprise recordings', () => {
  // j13: a magic link's token, wrong / expired / for another email / good / consumed.
  const ottEmail = uniqueEmail('ott');
  const ottReplay = new Replay({
    folder: 'j13-one-time-token',
    steps: [
      '03-well-known-sign-in-exp', '04-init-signin', '05-one-time-token-verify-wrong', '06-one-time-token-verify-expired',
      '07-one-time-token-verify-email-mismatch', '08-one-time-token-verify', '09-identification', '10-submit',
      '17-init-signin-2', '18-one-time-token-verify-consumed',
    ],
    names: { 'ott_ecb9@example.com': ottEmail, 'ott_exp_ecb9@example.com': uniqueEmail('ott_exp') },
    restartBefore: { '17-init-signin-2': 'app' },
  });
  defineReplay(ottReplay, async () => {
    await ottReplay.prepare(rulesOf);
    await addUser({ username: unique('ott'), password: 'Ott-User-Pa55!', email: ottEmail });
    const good = await issueToken({ email: ottEmail, expiresIn: 600 });
    // Created already expired, where the recording waited 2.5 s for a 1 s token.
    const expired = await issueToken({ email: ottReplay.plan.names['ott_exp_ecb9@example.com'], expiresIn: 0 });
    ottReplay.substitute('pDXEnBgILo49DbMxmuEgCjVEaqtKiEKF', good.token);
    ottReplay.substitute('S5L2Goin3mfZNubDRj0EUFy3WUqQRkAd', expired.token);
  });

  // j16: SSO lookup, the sso_enabled guard, the authorization URI, the IdP side, verify, identification, submit.
  const ssoLocal = uniqueEmail('local', 'sso-example.com');
  const idpEmail = uniqueEmail('idp', 'sso-example.com');
  const ssoReplay = new Replay({
    folder: 'j16-sso',
    steps: [
      '03-well-known-sign-in-exp', '04-init-signin', '05-sso-connectors-match', '06-sso-connectors-no-match',
      '07-verification-password-sso-email', '08-identification-sso-email', '09-sso-authorization-uri',
      '12-idp-init-signin', '13-idp-verification-password', '14-idp-identification', '15-idp-submit',
      '20-sso-verify', '21-identification', '22-submit',
    ],
    names: { 'local_ba88@sso-example.com': ssoLocal, idp_user_ba88: unique('idp_user') },
    restartBefore: { '12-idp-init-signin': 'idp' },
    idpSteps: ['12-idp-init-signin', '13-idp-verification-password', '14-idp-identification', '15-idp-submit'],
  });
  defineReplay(ssoReplay, async () => {
    await ssoReplay.prepare((sie) => {
      const [connector] = sie.ssoConnectors as Record<string, unknown>[];
      return { ...rulesOf(sie), ssoConnectors: [{ ...connector, domains: ['sso-example.com'] }] };
    });
    await addUser({ username: unique('sso_local'), password: 'Sso-Local-Pa55!', email: ssoLocal });
    const idpUser = (await ssoReplay.load('13-idp-verification-password')).request.body as { password: string };
    await addUser({ username: ssoReplay.plan.names.idp_user_ba88, password: idpUser.password, email: idpEmail, name: 'IdP User' });
    // The recording's IdP was this same Logto; the IdP user's email belongs to an account of the tenant.
    ssoReplay.before.set('20-sso-verify', async (replay) => {
      const authorize = (await replay.load('09-sso-authorization-uri')).request.body as { state: string; redirectUri: string };
      const approve = new URL('/__emulator/sso/wtdr5jqhmsae/approve', location.origin);
      approve.search = new URLSearchParams({
        redirect_uri: authorize.redirectUri.replace(RECORDED_ORIGINS[0] ?? '', location.origin),
        state: authorize.state,
        email: idpEmail,
        name: 'IdP User',
      }).toString();
      const callback = await landing(approve.href);
      replay.substitute('opoCgQ17_LXf1gjx9m4T4_DeFUOyYVvwV6jnFz7xvNc', callback.searchParams.get('code') ?? '');
    });
  });

  // j00: the phrases of a language without custom phrases are `{translation}` only.
  describe('j00-discovery phrases', () => {
    it('04-phrases-en: same body keys, Content-Language en', async () => {
      const recording = await getJson<Recording>(`${FIXTURES}/j00-discovery/04-phrases-en.json`);
      const appId = await registerApp({ customPhrases: { fr: { action: { sign_in: 'Se connecter' } } } });
      const reply = await toReply(await fetch('/api/.well-known/phrases?lng=en', { headers: { 'Logto-App-Id': appId } }));
      expect(differences(recording.response, reply, '/api/.well-known/phrases')).to.deep.equal([]);
      expect(reply.headers.get('content-language')).to.equal('en');
    });
  });
});

// ----- enterprise SSO ----------------------------------------------------------------------------

const SSO_ON = { singleSignOnEnabled: true };

describe('emulator: enterprise SSO', () => {
  it('sign-in-exp lists the connectors without their domains only while SSO is on; the demo tenant keeps it off', async () => {
    const demo = await getJson<Record<string, unknown>>('/api/.well-known/sign-in-exp');
    expect({ enabled: demo.singleSignOnEnabled, connectors: demo.ssoConnectors }).to.deep.equal({ enabled: false, connectors: [] });
    const appId = await registerApp(SSO_ON);
    const served = await getJson<Record<string, unknown>>(`/api/.well-known/sign-in-exp?appId=${appId}`);
    expect(served.singleSignOnEnabled).to.equal(true);
    expect(served.ssoConnectors).to.deep.equal([
      {
        id: 'sso-demo',
        connectorName: 'Example Corp',
        logo: `${location.origin}/__emulator/assets/sso.svg`,
        darkLogo: `${location.origin}/__emulator/assets/sso-dark.svg`,
      },
    ]);
    const logo = await fetch('/__emulator/assets/sso.svg');
    expect(logo.headers.get('content-type')).to.equal('image/svg+xml');
    // A connector without domains is not offered, as in Logto.
    const noDomains = await registerApp({ ...SSO_ON, ssoConnectors: [{ id: 'bare', connectorName: 'Bare', domains: [] }] });
    expect((await getJson<Record<string, unknown>>(`/api/.well-known/sign-in-exp?appId=${noDomains}`)).ssoConnectors).to.deep.equal([]);
  });

  it('the tenant file is validated: a connector needs domains', async () => {
    const reply = await postJson('/__emulator/apps', { signInExperience: { ssoConnectors: [{ id: 'x', connectorName: 'X' }] } });
    expect(reply.status).to.equal(400);
    expect(reply.json?.message).to.equal('signInExperience.ssoConnectors.0.domains is missing or invalid');
  });

  it('sso-connectors: by domain (any case), [] while SSO is off, 400 for a malformed email, no PUT needed', async () => {
    const client = await Client.start(SSO_ON);
    const lookup = (email: string) => client.call('GET', `/sso-connectors?email=${encodeURIComponent(email)}`);
    expect((await lookup('Someone@SSO.Example.com')).json).to.deep.equal({ connectorIds: ['sso-demo'] });
    expect((await lookup('someone@example.com')).json).to.deep.equal({ connectorIds: [] });
    expectError(await lookup('someone'), 400, 'guard.invalid_input');
    const off = await Client.start();
    expect((await off.call('GET', '/sso-connectors?email=a%40sso.example.com')).json).to.deep.equal({ connectorIds: [] });
  });

  it('a new SSO identity: 404 sso_identity_not_exist, then Register creates the account (no mandatory profile), linked for next time', async () => {
    const email = uniqueEmail('newbie', 'sso.example.com');
    const client = await Client.start(SSO_ON);
    await client.init('SignIn');
    const { verificationId, callback } = await client.signInAtIdp('sso-demo', { email, name: 'New Bie' });
    expect(callback.searchParams.get('iss')).to.equal(`${location.origin}/__emulator/sso/sso-demo`);
    expectStatus(await client.verifySso('sso-demo', verificationId, callback), 200);
    expectError(await client.call('POST', '/identification', { verificationId }), 404, 'user.sso_identity_not_exist');
    expectStatus(await client.call('PUT', '/interaction-event', { interactionEvent: 'Register' }), 204);
    expectStatus(await client.call('POST', '/identification', { verificationId }), 201);
    expect(await client.submitAndLand()).to.include('New Bie');

    // The same IdP subject signs in to the account it created.
    await client.authorize();
    await client.init('SignIn');
    const again = await client.signInAtIdp('sso-demo', { email, name: 'New Bie' });
    expectStatus(await client.verifySso('sso-demo', again.verificationId, again.callback), 200);
    expectStatus(await client.call('POST', '/identification', { verificationId: again.verificationId }), 204);
    expect(await client.submitAndLand()).to.include('New Bie');
  });

  it('an account with the IdP email is signed in and linked; SSO skips MFA verification and the MFA policy', async () => {
    const email = uniqueEmail('linked', 'sso.example.com');
    const username = unique('linked');
    await addUser({ username, password: 'Linked-Pa55!', email, mfa: { totp: 'JBSWY3DPEHPK3PXP' } });
    const client = await Client.start({ ...SSO_ON, mfa: { factors: ['Totp'], policy: 'Mandatory' } });
    await client.init('SignIn');
    const sub = unique('sub');
    const first = await client.signInAtIdp('sso-demo', { email, sub });
    expectStatus(await client.verifySso('sso-demo', first.verificationId, first.callback), 200);
    expectStatus(await client.call('POST', '/identification', { verificationId: first.verificationId }), 204);
    expect(await client.submitAndLand()).to.include(username);

    // Linked: the subject finds the account even when the IdP reports another email.
    await client.authorize();
    await client.init('SignIn');
    const second = await client.signInAtIdp('sso-demo', { email: uniqueEmail('renamed', 'sso.example.com'), sub });
    expectStatus(await client.verifySso('sso-demo', second.verificationId, second.callback), 200);
    expectStatus(await client.call('POST', '/identification', { verificationId: second.verificationId }), 204);
    expect(await client.submitAndLand()).to.include(username);
  });

  it('verify: an IdP cancel (no code) is 500 connector.invalid_request_parameters; the session is read once; wrong ids are 404', async () => {
    const client = await Client.start(SSO_ON);
    await client.init('SignIn');
    const cancelled = await client.signInAtIdp('sso-demo', { email: uniqueEmail('c', 'sso.example.com'), decision: 'deny' });
    expect(cancelled.callback.searchParams.get('error')).to.equal('access_denied');
    expectError(await client.verifySso('sso-demo', cancelled.verificationId, cancelled.callback), 500, 'connector.invalid_request_parameters');
    expectError(await client.verifySso('sso-demo', cancelled.verificationId, cancelled.callback), 400, 'session.connector_validation_session_not_found');

    const { verificationId, callback } = await client.signInAtIdp('sso-demo', { email: uniqueEmail('w', 'sso.example.com') });
    expectError(await client.verifySso('other', verificationId, callback), 404, 'session.verification_session_not_found');
    expectError(await client.call('POST', '/verification/sso/sso-demo/verify', { verificationId: 'nope', connectorData: {} }), 404, 'session.verification_session_not_found');
    const forged = new URL(callback.href);
    forged.searchParams.set('code', 'forged');
    expectError(await client.verifySso('sso-demo', verificationId, forged), 500, 'connector.authorization_failed');
    expectError(await client.call('POST', '/verification/sso/unknown/authorization-uri', { state: 's', redirectUri: `${location.origin}/callback/unknown` }), 404, 'connector.not_found');
    expectError(await client.call('POST', '/verification/sso/sso-demo/authorization-uri', { state: '', redirectUri: 'x' }), 400, 'guard.invalid_input');
  });

  it('identification by SSO needs SSO on (422 user.sign_in_method_not_enabled); verification codes for an SSO domain are refused', async () => {
    const off = await Client.start();
    await off.init('SignIn');
    const { verificationId, callback } = await off.signInAtIdp('sso-demo', { email: uniqueEmail('off', 'sso.example.com') });
    expectStatus(await off.verifySso('sso-demo', verificationId, callback), 200);
    expectError(await off.call('POST', '/identification', { verificationId }), 422, 'user.sign_in_method_not_enabled');

    const email = uniqueEmail('coded', 'sso.example.com');
    const client = await Client.start(SSO_ON);
    await client.init('Register');
    const identifier = { type: 'email', value: email };
    const sent = await client.call('POST', '/verification/verification-code', { identifier, interactionEvent: 'Register' });
    const code = (await getJson<{ code: string }>(`/__emulator/codes/latest?to=${encodeURIComponent(email)}`)).code;
    const codeId = String(sent.json?.verificationId);
    expectStatus(await client.call('POST', '/verification/verification-code/verify', { identifier, verificationId: codeId, code }), 200);
    const refused = await client.call('POST', '/identification', { verificationId: codeId });
    expectError(refused, 422, 'session.sso_enabled');
    expect((refused.json?.data as { ssoConnectors: { id: string }[] }).ssoConnectors.map(({ id }) => id)).to.deep.equal(['sso-demo']);
  });
});

// ----- one-time tokens -----------------------------------------------------------------------------

describe('emulator: one-time tokens (magic links)', () => {
  it('the dev endpoint issues a token and a link that starts an interaction on the first screen with both params', async () => {
    const appId = await registerApp();
    const email = uniqueEmail('link');
    const { token, link } = await issueToken({ email, appId });
    expect(token).to.match(/^[a-z0-9]{32}$/);
    const url = new URL(link);
    expect(url.pathname).to.equal('/oidc/auth');
    expect(Object.fromEntries(url.searchParams)).to.include({ client_id: appId, one_time_token: token, login_hint: email });
    const landed = await landing(link);
    expect(landed.pathname).to.equal('/sign-in');
    expect([...landed.searchParams]).to.deep.equal([['app_id', appId], ['one_time_token', token], ['login_hint', email]]);

    for (const bad of [{}, { email: 'nope' }, { email, expiresIn: -1 }, { email, appId: 'no-such-app' }, { email, interactionEvent: 'Other' }]) {
      expect((await postJson('/__emulator/one-time-tokens', bad)).status, JSON.stringify(bad)).to.equal(400);
    }
  });

  it('an unknown email: user_not_exist, then Register even in a sign-in-only tenant, then submit', async () => {
    const client = await Client.start({ signInMode: 'SignIn', signUp: { identifiers: ['email'], password: false, verify: true } });
    const email = uniqueEmail('fresh');
    const { token } = await issueToken({ email, appId: client.appId });
    await client.init('SignIn');
    // Without a verified token, a sign-in-only tenant refuses Register.
    expectError(await client.call('PUT', '/interaction-event', { interactionEvent: 'Register' }), 403, 'auth.forbidden');
    const verified = await client.call('POST', '/verification/one-time-token/verify', { token, identifier: { type: 'email', value: email } });
    expectStatus(verified, 200);
    const verificationId = String(verified.json?.verificationId);
    const missing = await client.call('POST', '/identification', { verificationId });
    expectError(missing, 404, 'user.user_not_exist');
    expect(missing.json?.data).to.deep.equal({ identifier: email });
    expectStatus(await client.call('PUT', '/interaction-event', { interactionEvent: 'Register' }), 204);
    expectStatus(await client.call('POST', '/identification', { verificationId }), 201);
    expect(await client.submitAndLand()).to.include(email);
  });

  it('a token scoped to ForgotPassword: its link opens /reset-password; SignIn refuses it; ForgotPassword identifies with it', async () => {
    const email = uniqueEmail('reset');
    await addUser({ username: unique('reset'), password: 'Reset-Me-Pa55!', email });
    const client = await Client.start();
    const { token, link } = await issueToken({ email, appId: client.appId, interactionEvent: 'ForgotPassword' });
    expect((await landing(link)).pathname).to.equal('/reset-password');
    await client.init('SignIn');
    const identifier = { type: 'email', value: email };
    expectError(await client.call('POST', '/verification/one-time-token/verify', { token, identifier }), 400, 'one_time_token.interaction_event_mismatch');
    await client.init('ForgotPassword');
    const verified = await client.call('POST', '/verification/one-time-token/verify', { token, identifier });
    expectStatus(verified, 200);
    expectStatus(await client.call('POST', '/identification', { verificationId: verified.json?.verificationId }), 204);
  });

  it('a verified token is not held to the SSO-only rule, and skips the CAPTCHA', async () => {
    const email = uniqueEmail('ottsso', 'sso.example.com');
    await addUser({ username: unique('ottsso'), password: 'Ott-Sso-Pa55!', email });
    const client = await Client.start({ ...SSO_ON, captchaPolicy: { enabled: true }, captchaConfig: { type: 'Turnstile', siteKey: 'emulated-site-key' } });
    const { token } = await issueToken({ email, appId: client.appId });
    await client.init('SignIn');
    const verified = await client.call('POST', '/verification/one-time-token/verify', { token, identifier: { type: 'email', value: email } });
    expectStatus(await client.call('POST', '/identification', { verificationId: verified.json?.verificationId }), 204);
    expect(((await client.call('GET', '/interaction')).json?.captcha as { skipped: boolean }).skipped).to.equal(true);
    await client.submitAndLand();
  });
});

// ----- /oidc/auth hand-offs --------------------------------------------------------------------

describe('emulator: /oidc/auth hand-offs', () => {
  let client: Client;
  before(async () => {
    client = new Client(await registerApp());
  });

  const target = (url: URL) => `${url.pathname}${url.search}`;

  it('first_screen picks the page, as Logto maps it', async () => {
    const expected: Record<string, string> = {
      sign_in: '/sign-in',
      register: '/register',
      reset_password: '/reset-password',
      'identifier:sign_in': '/identifier-sign-in',
      'identifier:register': '/identifier-register',
      single_sign_on: '/single-sign-on',
      signIn: '/sign-in',
    };
    for (const [firstScreen, path] of Object.entries(expected)) {
      expect(target(await client.authorize(`&first_screen=${encodeURIComponent(firstScreen)}`)), firstScreen).to.equal(`${path}?app_id=${client.appId}`);
    }
    expect(target(await client.authorize('&interaction_mode=signUp'))).to.equal(`/register?app_id=${client.appId}`);
    expect(target(await client.authorize('&interaction_mode=signUp&first_screen=reset_password'))).to.equal(`/reset-password?app_id=${client.appId}`);
  });

  it('forwards organization_id, ui_locales, one_time_token, login_hint and identifier in Logto\'s order', async () => {
    const landed = await client.authorize('&identifier=email%20phone&login_hint=a%40b.c&ui_locales=fr&one_time_token=tok&organization_id=org1&first_screen=identifier:sign_in');
    expect(landed.pathname).to.equal('/identifier-sign-in');
    expect([...landed.searchParams]).to.deep.equal([
      ['app_id', client.appId], ['organization_id', 'org1'], ['ui_locales', 'fr'], ['one_time_token', 'tok'], ['login_hint', 'a@b.c'], ['identifier', 'email phone'],
    ]);
  });

  it('an unknown first_screen makes Logto ignore every extra param', async () => {
    expect(target(await client.authorize('&first_screen=bogus&ui_locales=fr&login_hint=x'))).to.equal(`/sign-in?app_id=${client.appId}`);
  });

  it('direct_sign_in goes to /direct/<method>/<target> with the first screen as fallback', async () => {
    const sso = await client.authorize('&direct_sign_in=sso:sso-demo&first_screen=single_sign_on&login_hint=a%40sso.example.com');
    expect(sso.pathname).to.equal('/direct/sso/sso-demo');
    expect([...sso.searchParams]).to.deep.equal([['app_id', client.appId], ['login_hint', 'a@sso.example.com'], ['fallback', 'single-sign-on']]);
    expect(target(await client.authorize('&direct_sign_in=social:wechat'))).to.equal(`/direct/social/wechat?app_id=${client.appId}&fallback=sign-in`);
  });

  it('the demo start (GET / on the dev server, /demo/sign-in everywhere) forwards direct_sign_in, identifier and one_time_token', async () => {
    const landed = await landing('/demo/sign-in?direct_sign_in=sso:sso-demo&identifier=email&one_time_token=tok&login_hint=z%40sso.example.com');
    expect(landed.pathname).to.equal('/direct/sso/sso-demo');
    expect(Object.fromEntries(landed.searchParams)).to.deep.equal({
      app_id: 'demo-app', one_time_token: 'tok', login_hint: 'z@sso.example.com', identifier: 'email', fallback: 'sign-in',
    });
    expect(target(await landing('/demo/sign-in?first_screen=single_sign_on'))).to.equal('/single-sign-on?app_id=demo-app');
  });
});

// ----- suspended accounts --------------------------------------------------------------------------

describe('emulator: suspended accounts', () => {
  it('the seeded dave: the password is right, identification answers 401 user.suspended', async () => {
    const client = await Client.start();
    await client.init('SignIn');
    const verificationId = await client.verifyPassword({ type: 'username', value: 'dave' }, 'Passw0rd!');
    const refused = await client.call('POST', '/identification', { verificationId });
    expectError(refused, 401, 'user.suspended');
    expect(refused.json?.message).to.equal('This account is suspended.');
    expectError(await client.call('POST', '/submit'), 404, 'session.identifier_not_found');
  });

  it('a suspended user added through /__emulator/users is refused by magic link and by SSO too', async () => {
    const email = uniqueEmail('frozen', 'sso.example.com');
    await addUser({ username: unique('frozen'), password: 'Frozen-Pa55!', email, suspended: true });
    const client = await Client.start(SSO_ON);
    const { token } = await issueToken({ email, appId: client.appId });
    await client.init('SignIn');
    const verified = await client.call('POST', '/verification/one-time-token/verify', { token, identifier: { type: 'email', value: email } });
    expectError(await client.call('POST', '/identification', { verificationId: verified.json?.verificationId }), 401, 'user.suspended');
    const { verificationId, callback } = await client.signInAtIdp('sso-demo', { email });
    expectStatus(await client.verifySso('sso-demo', verificationId, callback), 200);
    expectError(await client.call('POST', '/identification', { verificationId }), 401, 'user.suspended');
  });
});

// ----- custom phrases ------------------------------------------------------------------------------

describe('emulator: tenant custom phrases', () => {
  const phrases = async (appId: string, query: string, headers: Record<string, string> = {}) =>
    toReply(await fetch(`/api/.well-known/phrases${query}`, { headers: { 'Logto-App-Id': appId, ...headers } }));

  it('served for the negotiated language, merged like Logto (empty strings dropped, the row\'s keys beside translation)', async () => {
    const appId = await registerApp({
      tenantId: 'acme',
      customPhrases: { en: { action: { sign_in: 'Log in', create_account: '' }, description: { email: 'work email' } }, 'fr-CA': { action: { sign_in: 'Connexion' } } },
    });
    const en = await phrases(appId, '?lng=en');
    expect(en.headers.get('content-language')).to.equal('en');
    expect(en.json).to.deep.equal({
      translation: { action: { sign_in: 'Log in' }, description: { email: 'work email' } },
      tenantId: 'acme',
      id: 'phrase-en',
      languageTag: 'en',
    });
    const custom = await phrases(appId, '?lng=fr-CA');
    expect([custom.headers.get('content-language'), custom.json?.translation]).to.deep.equal(['fr-CA', { action: { sign_in: 'Connexion' } }]);
    // fr-BE: no exact match; the built-in fr shares its base and wins over the custom fr-CA.
    const base = await phrases(appId, '?lng=fr-BE');
    expect([base.headers.get('content-language'), base.json]).to.deep.equal(['fr', { translation: {} }]);
    expect((await phrases(appId, '?lng=zh')).headers.get('content-language')).to.equal('zh-CN');
    // The sign-in-exp payload never carries them.
    expect(await getJson<Record<string, unknown>>(`/api/.well-known/sign-in-exp?appId=${appId}`)).not.to.have.property('customPhrases');
  });

  it('without lng: Accept-Language when languageInfo.autoDetect, else the fallback language', async () => {
    const auto = await registerApp({ languageInfo: { autoDetect: true, fallbackLanguage: 'de' } });
    const accept = { 'accept-language': 'xx;q=0.9, ja;q=0.8, ko;q=0.1' };
    expect((await phrases(auto, '', accept)).headers.get('content-language')).to.equal('ja');
    expect((await phrases(auto, '?lng=xx', { 'accept-language': 'xx' })).headers.get('content-language')).to.equal('de');
    const fixed = await registerApp({ languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } });
    expect((await phrases(fixed, '', accept)).headers.get('content-language')).to.equal('ko');
  });

  it('a bad customPhrases entry is refused by /__emulator/apps', async () => {
    for (const customPhrases of [{ 'not a tag!': {} }, { en: { action: { sign_in: 3 } } }]) {
      const reply = await postJson('/__emulator/apps', { signInExperience: { customPhrases } });
      expect(reply.status, JSON.stringify(customPhrases)).to.equal(400);
    }
  });
});
