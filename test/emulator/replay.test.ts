/**
 * Replay: the Experience API and well-known requests recorded from a real Logto 1.42 server
 * (test/fixtures/logto-1.42, byte-identical copies of the shared recordings) are sent again, in the
 * recorded order, to the emulator mounted in the test server. For every step the emulator must
 * answer as the server did: same status, same content-type family (JSON, text, empty), same error
 * `code` and body keys, same success body keys.
 *
 * Values that only existed on the recording server are substituted: the app id (each journey
 * registers its own app whose config carries the recording tenant's sign-in rules), the
 * verification ids the emulator hands out, usernames and emails (unique per run, users seeded
 * through `/__emulator/users`), the codes the emulator "mailed" (`/__emulator/codes/latest`), the
 * social connector (`oauth2-demo`) and the authorization code of the fake OAuth provider.
 */
import { expect } from '@open-wc/testing';

// ----- recordings ------------------------------------------------------------------------------

const FIXTURES = '/test/fixtures/logto-1.42';
const RECORDED_ORIGIN = 'http://localhost:3001';
const RECORDED_APP_ID = 'dsq5lnvyk3um8815zetqt';
/** Makes names unique per run: the emulator keeps its users for the whole test-server session. */
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

interface Recording {
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    /** The Cookie header the recording client sent; `null` when it sent none. */
    cookie: string | null;
    body: unknown;
  };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

interface JourneyIndex {
  steps: { file: string; method: string; path: string; status: number }[];
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Only the calls a sign-in UI makes to Logto's API: the Experience API and the well-known config. */
function isReplayed(path: string): boolean {
  const pathname = new URL(path, RECORDED_ORIGIN).pathname;
  return pathname.startsWith('/api/experience') || pathname.startsWith('/api/.well-known/');
}

// ----- answers, as a client sees them ------------------------------------------------------------

type Family = 'json' | 'text' | 'html' | 'empty' | `other (${string})`;

interface Answer {
  status: number;
  family: Family;
  /** Parsed JSON for `json`, the text otherwise. */
  body: unknown;
}

function familyOf(contentType: string | null | undefined, text: string): Family {
  if (!contentType) return text === '' ? 'empty' : 'other (no content type)';
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (type === 'text/plain') return 'text';
  if (type === 'text/html') return 'html';
  return `other (${type})`;
}

function recordedAnswer(recording: Recording): Answer {
  const { status, headers, body } = recording.response;
  const text = body === null || body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, family: familyOf(headerOf(headers, 'content-type'), text), body: body ?? '' };
}

async function emulatorAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  const family = familyOf(response.headers.get('content-type'), text);
  let body: unknown = text;
  if (family === 'json') {
    try {
      body = JSON.parse(text);
    } catch {
      body = `(invalid JSON) ${text}`;
    }
  }
  return { status: response.status, family, body };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function keyDifference(what: string, recorded: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const missing = Object.keys(recorded).filter((key) => !(key in actual));
  const extra = Object.keys(actual).filter((key) => !(key in recorded));
  if (missing.length === 0 && extra.length === 0) return [];
  return [`${what}: emulator lacks [${missing.join(', ')}], has extra [${extra.join(', ')}]`];
}

/** Everything a client could tell apart between the recorded answer and the emulator's. */
function differences(recorded: Answer, actual: Answer, wellKnown: boolean): string[] {
  const diffs: string[] = [];
  if (actual.status !== recorded.status) diffs.push(`status: recorded ${recorded.status}, emulator ${actual.status}`);
  if (actual.family !== recorded.family) {
    diffs.push(`content type: recorded ${recorded.family}, emulator ${actual.family}`);
    return diffs;
  }
  if (recorded.family === 'text' && actual.body !== recorded.body) {
    diffs.push(`text body: recorded ${JSON.stringify(recorded.body)}, emulator ${JSON.stringify(actual.body)}`);
  }
  if (recorded.family !== 'json') return diffs;
  if (!isObject(recorded.body) || !isObject(actual.body)) {
    diffs.push(`body: recorded ${JSON.stringify(recorded.body)}, emulator ${JSON.stringify(actual.body)}`);
    return diffs;
  }
  const expected = recorded.body;
  const got = actual.body;
  if ('code' in expected && got.code !== expected.code) {
    diffs.push(`error code: recorded ${String(expected.code)}, emulator ${String(got.code)}`);
  }
  diffs.push(...keyDifference('body keys', expected, got));

  if (typeof expected.code === 'string') {
    // The payloads a client dispatches on.
    if (['user.missing_profile', 'user.identity_not_exist'].includes(expected.code)) {
      if (JSON.stringify(got.data) !== JSON.stringify(expected.data)) {
        diffs.push(`data: recorded ${JSON.stringify(expected.data)}, emulator ${JSON.stringify(got.data)}`);
      }
    }
    if (expected.code === 'password.rejected') {
      const codes = (data: unknown) => (Array.isArray(data) ? data.map((issue) => (issue as { code?: unknown }).code) : data);
      if (JSON.stringify(codes(got.data)) !== JSON.stringify(codes(expected.data))) {
        diffs.push(`password issues: recorded ${JSON.stringify(codes(expected.data))}, emulator ${JSON.stringify(codes(got.data))}`);
      }
    }
    return diffs;
  }

  if (wellKnown) return diffs;
  // Success bodies of the Experience API: one level deeper (profile, mfa, captcha, records).
  for (const [key, value] of Object.entries(expected)) {
    const other = got[key];
    if (isObject(value) && isObject(other)) diffs.push(...keyDifference(`keys of ${key}`, value, other));
    if (Array.isArray(value) && Array.isArray(other) && value.length !== other.length) {
      diffs.push(`${key}: recorded ${value.length} entries, emulator ${other.length}`);
    }
    if (key === 'interactionEvent' && other !== value) diffs.push(`interactionEvent: recorded ${String(value)}, emulator ${String(other)}`);
  }
  if (typeof expected.redirectTo === 'string') {
    const prefix = `${location.origin}/oidc/auth/`;
    if (typeof got.redirectTo !== 'string' || !got.redirectTo.startsWith(prefix)) {
      diffs.push(`redirectTo: expected an absolute ${prefix}<uid> URL, emulator ${String(got.redirectTo)}`);
    }
  }
  return diffs;
}

// ----- the emulator's dev endpoints --------------------------------------------------------------

interface SeedUser {
  username?: string;
  password?: string;
  email?: string;
  name?: string;
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function latestCode(to: string): Promise<string> {
  const sent = await getJson<{ code: string }>(`/__emulator/codes/latest?to=${encodeURIComponent(to)}`);
  return sent.code;
}

/** The recording tenant's rules that decide what the server answers (from its sign-in-exp). */
async function recordedTenantPatch(): Promise<Record<string, unknown>> {
  const recording = await getJson<Recording>(`${FIXTURES}/j01-register-username-password-profile/03-well-known-sign-in-exp.json`);
  const config = recording.response.body as Record<string, unknown>;
  const { signIn, signUp, signInMode, passwordPolicy, forgotPassword } = config;
  return { signIn, signUp, signInMode, passwordPolicy, forgotPassword };
}

// ----- replaying one journey ---------------------------------------------------------------------

interface JourneyPlan {
  folder: string;
  /** The recorded API steps (file names without `.json`), in recorded order. */
  steps: string[];
  /** Recorded literal → the value used in this run (names, emails, connector ids). */
  names?: Record<string, string>;
  /** Users the recording server already had. */
  users?: SeedUser[];
  /** What the fake OAuth provider reports about the signed-in social account. */
  socialAccount?: { login: string; name: string; email: string };
}

class Replay {
  appId = '';
  readonly #plan: JourneyPlan;
  /** Recorded literal → emulator value; grows with every verificationId the emulator returns. */
  readonly #substitutions = new Map<string, string>();
  #socialCode: string | undefined;

  constructor(plan: JourneyPlan) {
    this.#plan = plan;
  }

  async prepare(): Promise<void> {
    this.#substitutions.set(RECORDED_ORIGIN, location.origin);
    for (const [recorded, value] of Object.entries(this.#plan.names ?? {})) this.#substitutions.set(recorded, value);

    const registered = await postJson('/__emulator/apps', { signInExperience: await recordedTenantPatch() });
    expect(registered.status, 'POST /__emulator/apps').to.equal(200);
    this.appId = ((await registered.json()) as { appId: string }).appId;
    for (const user of this.#plan.users ?? []) {
      expect((await postJson('/__emulator/users', user)).status, 'POST /__emulator/users').to.equal(200);
    }
    // As the recording client did: start at /oidc/auth, which sets the _interaction cookie.
    const params = new URLSearchParams({
      client_id: this.appId,
      redirect_uri: `${location.origin}/demo/callback`,
      response_type: 'code',
      scope: 'openid profile email offline_access',
      state: `st-${RUN}`,
    });
    const started = await fetch(`/oidc/auth?${params.toString()}`, { redirect: 'manual' });
    expect(started.type, '/oidc/auth redirects').to.equal('opaqueredirect');
  }

  async load(step: string): Promise<Recording> {
    return getJson<Recording>(`${FIXTURES}/${this.#plan.folder}/${step}.json`);
  }

  /** Sends the recorded request (after substitution) and returns what a client would see. */
  async run(recording: Recording): Promise<Answer> {
    const { request } = recording;
    const recordedUrl = new URL(request.url);
    const path = this.#substitute(recordedUrl.pathname + recordedUrl.search);

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name] = name.toLowerCase() === 'logto-app-id' && value === RECORDED_APP_ID ? this.appId : value;
    }

    let body: string | undefined;
    if (typeof request.body === 'string') body = request.body; // sent as recorded (malformed JSON)
    else if (request.body !== null && request.body !== undefined) {
      body = JSON.stringify(await this.#rewriteBody(path, recording, this.#substitute(request.body)));
    }

    const response = await fetch(path, {
      method: request.method,
      headers,
      body,
      credentials: request.cookie ? 'same-origin' : 'omit',
    });
    const answer = await emulatorAnswer(response);

    // Learn the emulator's ids so later steps can refer to them as the recording did.
    const recordedBody = recording.response.body;
    if (isObject(recordedBody) && isObject(answer.body)) {
      if (typeof recordedBody.verificationId === 'string' && typeof answer.body.verificationId === 'string') {
        this.#substitutions.set(recordedBody.verificationId, answer.body.verificationId);
      }
      if (typeof answer.body.authorizationUri === 'string') await this.#approveAtProvider(answer.body.authorizationUri);
    }
    return answer;
  }

  /** Codes and the social authorization code come from the emulator, not from the recording. */
  async #rewriteBody(path: string, recording: Recording, body: unknown): Promise<unknown> {
    if (!isObject(body)) return body;
    if (path.endsWith('/verification/verification-code/verify')) {
      const identifier = body.identifier as { value: string };
      const real = await latestCode(identifier.value);
      // The recording's wrong-code step sent a code that was not the mailed one; keep it wrong.
      const wrong = real === '000000' ? '000001' : '000000';
      return { ...body, code: recording.response.status === 200 ? real : wrong };
    }
    if (/\/verification\/social\/[^/]+\/verify$/.test(path) && isObject(body.connectorData)) {
      if (!this.#socialCode) throw new Error('no authorization code from the fake provider yet');
      return { ...body, connectorData: { ...body.connectorData, code: this.#socialCode } };
    }
    return body;
  }

  /** The user approves at the fake provider, which redirects back to the callback with a code. */
  async #approveAtProvider(authorizationUri: string): Promise<void> {
    const account = this.#plan.socialAccount;
    if (!account) return;
    const authorize = new URL(authorizationUri);
    const approve = new URL(authorize.pathname.replace(/\/authorize$/, '/approve'), location.origin);
    approve.search = new URLSearchParams({
      decision: 'allow',
      login: account.login,
      name: account.name,
      email: account.email,
      redirect_uri: authorize.searchParams.get('redirect_uri') ?? '',
      state: authorize.searchParams.get('state') ?? '',
    }).toString();
    // The callback page itself 404s in the test server; the final URL carries the code.
    const landed = new URL((await fetch(approve.href)).url);
    this.#socialCode = landed.searchParams.get('code') ?? undefined;
  }

  #substitute<T>(value: T): T {
    if (typeof value === 'string') {
      let out: string = value;
      for (const [recorded, replacement] of this.#substitutions) out = out.split(recorded).join(replacement);
      return out as T;
    }
    if (Array.isArray(value)) return value.map((item: unknown) => this.#substitute(item)) as T;
    if (isObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.#substitute(item)])) as T;
    }
    return value;
  }
}

// ----- the journeys ------------------------------------------------------------------------------

const unique = (base: string, journey: string) => `${base}_${journey}${RUN}`;

const JOURNEYS: JourneyPlan[] = [
  {
    folder: 'j00-discovery',
    steps: ['03-sign-in-exp', '04-phrases-en'],
  },
  {
    folder: 'j01-register-username-password-profile',
    steps: [
      '03-well-known-sign-in-exp',
      '04-init-register',
      '05-profile-username',
      '06-profile-password',
      '07-get-interaction',
      '08-identification',
      '09-submit',
    ],
    names: { alice_061126: unique('alice', 'j01') },
  },
  {
    folder: 'j02-register-new-password-identity',
    steps: [
      '03-well-known-sign-in-exp',
      '04-init-register',
      '05-verification-new-password-identity',
      '06-identification',
      '07-submit',
    ],
    names: { bob_061126: unique('bob', 'j02') },
  },
  {
    folder: 'j03-signin-username-password',
    steps: ['03-well-known-sign-in-exp', '04-init-signin', '05-verification-password', '06-identification', '07-submit'],
    names: { alice_061126: unique('alice', 'j03') },
    users: [{ username: unique('alice', 'j03'), password: 'Alice-Pa55word!' }],
  },
  {
    folder: 'j04-signin-email-verification-code',
    steps: [
      '03-well-known-sign-in-exp',
      '04-init-signin',
      '05-send-code',
      '06-verify-code-wrong',
      '07-verify-code',
      '08-identification',
      '09-submit',
    ],
    names: { 'emailuser@example.com': `${unique('emailuser', 'j04')}@example.com` },
    users: [
      {
        username: unique('emailuser', 'j04'),
        email: `${unique('emailuser', 'j04')}@example.com`,
        password: 'Email-User-Pa55!',
        name: 'Email User',
      },
    ],
  },
  {
    folder: 'j05-forgot-password-email',
    steps: [
      '03-well-known-sign-in-exp',
      '04-init-forgot',
      '05-send-code',
      '06-verify-code',
      '07-identification',
      '08-reset-password-same-as-old',
      '09-reset-password',
      '10-submit',
      '11-init-signin',
      '12-verification-password-new',
      '13-identification',
      '14-submit-signin',
    ],
    names: { 'emailuser@example.com': `${unique('emailuser', 'j05')}@example.com` },
    users: [
      {
        username: unique('emailuser', 'j05'),
        email: `${unique('emailuser', 'j05')}@example.com`,
        password: 'Email-User-Pa55!',
        name: 'Email User',
      },
    ],
  },
  {
    folder: 'j06-social-oauth2-register',
    steps: [
      '03-well-known-sign-in-exp',
      '04-init-signin',
      '05-social-authorization-uri',
      '07-social-verify',
      '08-identification-signin-unknown',
      '09-switch-to-register',
      '10-identification-register',
      '11-profile-username',
      '12-identification-register-2',
      '13-submit',
    ],
    // The recording tenant's standard OAuth2 connector is the emulator's `oauth2-demo`.
    names: { ov8uaa2pl8kl: 'oauth2-demo', soc_061126: unique('soc', 'j06') },
    socialAccount: {
      login: unique('soc', 'j06'),
      name: `Social ${unique('soc', 'j06')}`,
      email: `${unique('soc', 'j06')}@idp.example`,
    },
  },
  {
    folder: 'j07-errors',
    steps: [
      '03-well-known-sign-in-exp',
      '04-no-cookie-put-experience',
      '05-no-cookie-get-interaction',
      '06-no-cookie-verification-password',
      '07-wrong-app-id-header',
      '08-no-app-id-header',
      '09-malformed-json',
      '10-invalid-event',
      '11-missing-body',
      '12-submit-before-init',
      '13-init-signin',
      '14-wrong-password',
      '15-unknown-user',
      '16-password-bad-identifier-type',
      '17-password-missing-password',
      '18-identification-unknown-verification',
      '19-identification-empty-signin',
      '20-submit-not-identified',
      '21-code-unknown-email-signin',
      '22-init-register',
      '23-register-existing-username',
      '24-register-weak-password',
      '25-register-invalid-username',
      '26-profile-username-taken',
      '27-unknown-route',
    ],
    names: {
      alice_061126: unique('alice', 'j07'),
      nobody_061126: unique('nobody', 'j07'),
      'nobody061126@example.com': `${unique('nobody', 'j07')}@example.com`,
      weak_061126: unique('weak', 'j07'),
    },
    users: [{ username: unique('alice', 'j07'), password: 'Alice-Pa55word!' }],
  },
];

describe('emulator: replay of the Logto 1.42 recordings', () => {
  for (const plan of JOURNEYS) {
    describe(plan.folder, () => {
      const replay = new Replay(plan);

      before(async () => {
        await replay.prepare();
      });

      it('replays every recorded Experience API and well-known step', async () => {
        const index = await getJson<JourneyIndex>(`${FIXTURES}/${plan.folder}/_index.json`);
        const recorded = index.steps
          .filter((step) => isReplayed(step.path))
          .map((step) => step.file.split('/').pop()?.replace(/\.json$/, ''));
        expect(plan.steps).to.deep.equal(recorded);
      });

      for (const step of plan.steps) {
        it(step, async () => {
          const recording = await replay.load(step);
          const answer = await replay.run(recording);
          const wellKnown = new URL(recording.request.url).pathname.startsWith('/api/.well-known/');
          const expected = recordedAnswer(recording);
          const summary = `${recording.request.method} ${new URL(recording.request.url).pathname} (recorded ${expected.status})`;
          expect(differences(expected, answer, wellKnown), summary).to.deep.equal([]);
        });
      }
    });
  }
});
