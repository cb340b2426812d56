/**
 * Replay of the security journeys recorded from a real Logto 1.42 (test/fixtures/logto-1.42,
 * copies of the shared recordings): CAPTCHA (j08), TOTP verification (j09), mandatory binding of
 * TOTP + backup codes (j10), backup-code verification (j11), the optional-MFA skip (j12) and
 * WebAuthn as a factor (j17). Every recorded Experience API step is sent again to the emulator;
 * it must answer with the recorded status, error code, body keys (one level deeper for success
 * bodies) and, for the MFA conditions a client dispatches on, the same `data`.
 *
 * What only existed on the recording server is substituted: app id, user names (unique per run),
 * verification ids, TOTP codes (computed here with otpauth from the secret in play) and the
 * WebAuthn credential (created and asserted by a virtual authenticator in this Chromium, through
 * @simplewebauthn/browser, as the React UI does).
 */
import { expect } from '@open-wc/testing';
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { Secret, TOTP } from 'otpauth';

import { addVirtualAuthenticator, removeVirtualAuthenticator } from '../helpers/webauthn.js';

const FIXTURES = '/test/fixtures/logto-1.42';
const RECORDED_APP_ID = '0tncrgj14vyy3n1p0gy6u';
const RECORDED_ORIGINS = ['http://127.0.0.1:3001', 'http://localhost:3001'];
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

interface Recording {
  request: { method: string; url: string; headers: Record<string, string>; cookie: string | null; body: unknown };
  response: { status: number; body: unknown };
}

interface JourneyIndex {
  steps: { file: string; method: string; path: string }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function totpCode(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** A six-digit code that is none of the codes accepted now (±1 step). */
function wrongTotp(secret: string): string {
  const accepted = new Set([-1, 0, 1].map((step) => totpCode(secret, step)));
  let candidate = Number(totpCode(secret));
  do candidate = (candidate + 123_457) % 1_000_000;
  while (accepted.has(String(candidate).padStart(6, '0')));
  return String(candidate).padStart(6, '0');
}

function keyDiff(what: string, recorded: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const missing = Object.keys(recorded).filter((key) => !(key in actual));
  const extra = Object.keys(actual).filter((key) => !(key in recorded));
  return missing.length || extra.length ? [`${what}: emulator lacks [${missing.join(', ')}], has extra [${extra.join(', ')}]`] : [];
}

/** Payloads a client dispatches on: compared in full. */
const DATA_COMPARED = ['session.mfa.require_mfa_verification', 'user.missing_mfa', 'user.suggest_mfa', 'session.mfa.backup_code_required'];

function differences(recorded: Recording['response'], status: number, body: unknown, path: string): string[] {
  const diffs: string[] = [];
  if (status !== recorded.status) diffs.push(`status: recorded ${recorded.status}, emulator ${status}`);
  const expected = recorded.body;
  if (expected === null || expected === undefined) {
    if (body !== '') diffs.push(`body: recorded none, emulator ${JSON.stringify(body)}`);
    return diffs;
  }
  if (!isObject(expected) || !isObject(body)) return [...diffs, `body: emulator ${JSON.stringify(body)}`];
  if (typeof expected.code === 'string') {
    if (body.code !== expected.code) diffs.push(`code: recorded ${expected.code}, emulator ${String(body.code)}`);
    diffs.push(...keyDiff('error keys', expected, body));
    if (DATA_COMPARED.includes(expected.code) && JSON.stringify(body.data) !== JSON.stringify(expected.data)) {
      diffs.push(`data: recorded ${JSON.stringify(expected.data)}, emulator ${JSON.stringify(body.data)}`);
    }
    return diffs;
  }
  diffs.push(...keyDiff('body keys', expected, body));
  if (path.startsWith('/api/.well-known/')) return diffs;
  for (const [key, value] of Object.entries(expected)) {
    const other = body[key];
    // signInContext depends on the client (the recorder sent no user agent).
    if (key !== 'signInContext' && isObject(value) && isObject(other)) diffs.push(...keyDiff(`keys of ${key}`, value, other));
    if (Array.isArray(value) && Array.isArray(other) && value.length !== other.length) {
      diffs.push(`${key}: recorded ${value.length} entries, emulator ${other.length}`);
    }
  }
  if ('secretQrCode' in expected && !String(body.secretQrCode).startsWith('data:image/png;base64,')) {
    diffs.push('secretQrCode is not a PNG data: URL');
  }
  if (Array.isArray(expected.codes) && !(body.codes as unknown[]).every((code) => /^[0-9a-f]{10}$/.test(String(code)))) {
    diffs.push(`codes: ${JSON.stringify(body.codes)}`);
  }
  return diffs;
}

interface Plan {
  folder: string;
  steps: string[];
  names: Record<string, string>;
  users: Record<string, unknown>[];
  /** Steps before which the recording started a new authorization request. */
  restartBefore?: string[];
}

class SecurityReplay {
  appId = '';
  readonly #subs = new Map<string, string>();
  /** The TOTP secret in play: the seeded one, then the one `totp/secret` returned. */
  totpSecret: string | undefined;
  #assertion: Record<string, unknown> | undefined;

  constructor(readonly plan: Plan) {}

  async prepare(totpSecret?: string): Promise<void> {
    this.totpSecret = totpSecret;
    for (const origin of RECORDED_ORIGINS) this.#subs.set(origin, location.origin);
    for (const [recorded, value] of Object.entries(this.plan.names)) this.#subs.set(recorded, value);
    const sie = (await this.load('03-well-known-sign-in-exp')).response.body as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const field of ['signIn', 'signUp', 'signInMode', 'passwordPolicy', 'forgotPassword', 'mfa', 'captchaPolicy', 'passkeySignIn', 'captchaConfig']) {
      if (field in sie) patch[field] = sie[field];
    }
    const registered = await postJson('/__emulator/apps', { signInExperience: patch });
    expect(registered.status, 'POST /__emulator/apps').to.equal(200);
    this.appId = ((await registered.json()) as { appId: string }).appId;
    for (const user of this.plan.users) expect((await postJson('/__emulator/users', user)).status, 'add user').to.equal(200);
    await this.authorize();
  }

  async authorize(): Promise<void> {
    const started = await fetch(`/oidc/auth?client_id=${encodeURIComponent(this.appId)}`, { redirect: 'manual' });
    expect(started.type, '/oidc/auth redirects').to.equal('opaqueredirect');
  }

  load(step: string): Promise<Recording> {
    return getJson<Recording>(`${FIXTURES}/${this.plan.folder}/${step}.json`);
  }

  async run(step: string, recording: Recording): Promise<{ status: number; body: unknown; path: string }> {
    if (this.plan.restartBefore?.includes(step)) await this.authorize();
    const { request } = recording;
    const url = new URL(request.url);
    const path = this.#substitute(url.pathname + url.search);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.toLowerCase() === 'origin') continue;
      headers[name] = name.toLowerCase() === 'logto-app-id' && value === RECORDED_APP_ID ? this.appId : value;
    }
    const body =
      request.body === null || request.body === undefined
        ? undefined
        : JSON.stringify(await this.#rewrite(path, recording, this.#substitute(request.body)));
    const response = await fetch(path, { method: request.method, headers, body });
    const text = await response.text();
    const parsed: unknown = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    const recorded = recording.response.body;
    if (isObject(recorded) && isObject(parsed)) {
      if (typeof recorded.verificationId === 'string' && typeof parsed.verificationId === 'string') {
        this.#subs.set(recorded.verificationId, parsed.verificationId);
      }
      if (typeof parsed.secret === 'string') this.totpSecret = parsed.secret;
    }
    return { status: response.status, body: parsed, path: url.pathname };
  }

  async #rewrite(path: string, recording: Recording, body: unknown): Promise<unknown> {
    if (!isObject(body)) return body;
    const ok = recording.response.status === 200;
    if (path.endsWith('/verification/totp/verify')) {
      if (!this.totpSecret) throw new Error('no TOTP secret in play');
      return { ...body, code: ok ? totpCode(this.totpSecret) : wrongTotp(this.totpSecret) };
    }
    if (path.endsWith('/web-authn/registration/verify')) {
      const options = this.#previousBody('web-authn-registration', 'registrationOptions');
      const credential = await startRegistration({ optionsJSON: options as never });
      return { ...body, payload: { ...credential, type: 'WebAuthn' } };
    }
    if (path.endsWith('/web-authn/authentication/verify')) {
      if (!this.#assertion) {
        const options = this.#previousBody('web-authn-authentication', 'authenticationOptions');
        this.#assertion = { ...(await startAuthentication({ optionsJSON: options as never })), type: 'WebAuthn' };
      }
      const assertion = this.#assertion;
      if (ok) return { ...body, payload: assertion };
      return { ...body, payload: tamperSignature(assertion) };
    }
    return body;
  }

  /** Options the emulator sent in an earlier step (kept from its answer). */
  readonly answers = new Map<string, Record<string, unknown>>();

  #previousBody(stepSuffix: string, field: string): unknown {
    for (const [step, answer] of this.answers) if (step.endsWith(stepSuffix)) return answer[field];
    throw new Error(`no ${field} from a ${stepSuffix} step`);
  }

  #substitute<T>(value: T): T {
    if (typeof value === 'string') {
      let out: string = value;
      for (const [recorded, replacement] of this.#subs) out = out.split(recorded).join(replacement);
      return out as T;
    }
    if (Array.isArray(value)) return value.map((item: unknown) => this.#substitute(item)) as T;
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, this.#substitute(item)])) as T;
    return value;
  }
}

/** The same assertion with the last signature bytes changed: the signature no longer verifies. */
function tamperSignature(assertion: Record<string, unknown>): Record<string, unknown> {
  const response = assertion.response as Record<string, string>;
  const signature = response.signature ?? '';
  const flipped = signature.slice(0, -4) + (signature.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  return { ...assertion, response: { ...response, signature: flipped } };
}

const unique = (base: string) => `${base}_${RUN}`;
const J10_BACKUP_CODES = ['19bba37989', '13d214d687', 'fd296adaa0', '52a6e828ff', '8ca3a862e9', 'b005225d1b', '6074b10f81', '2e6a68f485', '23d89718e5', 'a0912d1090'];
const J09_SECRET = 'D7E4VNI7ND4B3SI2U2IODYAJ7TYQ4LPG';
const J10_SECRET = 'IVQSKMBWOYFA4XJOKFHB4QJGEBFBIVKS';

const PLANS: (Plan & { secret?: string; webauthn?: boolean })[] = [
  {
    folder: 'j08-sign-in-exp-full',
    steps: ['03-well-known-sign-in-exp', '04-init-signin-no-captcha-token', '05-verification-password', '06-identification', '07-submit-captcha-required', '08-init-signin-fake-captcha-token', '09-get-interaction'],
    names: { rec_alice: unique('rec_alice') },
    users: [{ username: unique('rec_alice'), password: 'Rec-Alice-Pa55!' }],
  },
  {
    folder: 'j09-mfa-totp-verify',
    steps: ['03-well-known-sign-in-exp', '04-init-signin', '05-verification-password', '06-identification', '07-submit-mfa-required', '08-get-interaction', '09-totp-verify-wrong', '10-totp-verify', '11-submit'],
    names: { mfa_totp_c1d7: unique('mfa_totp') },
    users: [{ username: unique('mfa_totp'), password: 'Mfa-Totp-Pa55!', mfa: { totp: J09_SECRET } }],
    secret: J09_SECRET,
  },
  {
    folder: 'j10-mfa-binding-mandatory',
    steps: [
      '03-well-known-sign-in-exp', '04-init-signin', '05-verification-password', '06-identification', '07-submit-missing-mfa',
      '08-mfa-skipped-not-allowed', '09-totp-secret', '10-totp-verify-wrong', '11-totp-verify', '12-submit-before-bind',
      '13-profile-mfa-totp', '14-submit-backup-code-required', '15-backup-code-generate', '16-profile-mfa-backup-code',
      '17-get-interaction', '18-submit',
    ],
    names: { mfa_bind_c1d7: unique('mfa_bind') },
    users: [{ username: unique('mfa_bind'), password: 'Mfa-Bind-Pa55!' }],
  },
  {
    folder: 'j11-mfa-backup-code-verify',
    steps: ['03-well-known-sign-in-exp', '04-init-signin', '05-verification-password', '06-identification', '07-submit-mfa-required', '08-backup-code-verify-wrong', '09-backup-code-verify', '10-submit'],
    names: { mfa_bind_c1d7: unique('mfa_bind_j11') },
    users: [{ username: unique('mfa_bind_j11'), password: 'Mfa-Bind-Pa55!', mfa: { totp: J10_SECRET, backupCodes: J10_BACKUP_CODES } }],
  },
  {
    folder: 'j12-mfa-optional-skip',
    steps: ['03-well-known-sign-in-exp', '04-init-signin', '05-verification-password', '06-identification', '07-submit-missing-mfa-skippable', '08-mfa-suggestion-skipped', '09-submit-still-missing', '10-mfa-skipped', '11-submit'],
    names: { mfa_opt_ff13: unique('mfa_opt') },
    users: [{ username: unique('mfa_opt'), password: 'Mfa-Opt-Pa55!' }],
  },
  {
    folder: 'j17-webauthn-mfa',
    steps: [
      '03-well-known-sign-in-exp', '04-init-signin', '05-verification-password', '06-identification', '07-submit-missing-mfa',
      '08-web-authn-registration', '09-web-authn-registration-verify', '10-profile-mfa-webauthn', '11-submit',
      '16-init-signin-2', '17-verification-password-2', '18-identification-2', '19-submit-mfa-required',
      '20-web-authn-authentication', '21-web-authn-authentication-verify-bad-signature', '22-web-authn-authentication-verify', '23-submit-2',
    ],
    names: { webauthn_684b: unique('webauthn') },
    users: [{ username: unique('webauthn'), password: 'Web-Authn-Pa55!' }],
    restartBefore: ['16-init-signin-2'],
    webauthn: true,
  },
];

describe('emulator: replay of the Logto 1.42 security recordings', () => {
  it('serves test pages on localhost (WebAuthn refuses IP-address origins)', () => {
    expect(location.hostname).to.equal('localhost');
  });

  for (const plan of PLANS) {
    describe(plan.folder, () => {
      const replay = new SecurityReplay(plan);
      let authenticator: string | undefined;

      before(async () => {
        if (plan.webauthn) authenticator = await addVirtualAuthenticator();
        await replay.prepare(plan.secret);
      });
      after(async () => {
        if (authenticator) await removeVirtualAuthenticator(authenticator);
      });

      it('replays every recorded Experience API and well-known step', async () => {
        const index = await getJson<JourneyIndex>(`${FIXTURES}/${plan.folder}/_index.json`);
        const recorded = index.steps
          .filter((step) => /^\/api\/(experience|\.well-known\/)/.test(new URL(step.path, 'http://x').pathname))
          .map((step) => step.file.split('/').pop()?.replace(/\.json$/, ''));
        expect(plan.steps).to.deep.equal(recorded);
      });

      for (const step of plan.steps) {
        it(step, async () => {
          const recording = await replay.load(step);
          const answer = await replay.run(step, recording);
          if (isObject(answer.body)) replay.answers.set(step, answer.body);
          const summary = `${recording.request.method} ${answer.path} (recorded ${recording.response.status})`;
          expect(differences(recording.response, answer.status, answer.body, answer.path), summary).to.deep.equal([]);
        });
      }
    });
  }
});
