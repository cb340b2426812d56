/**
 * Contract: driven step by step through each recorded journey, `ExperienceClient` sends what the
 * real Logto 1.42 server received, and turns what the server answered into the documented results.
 *
 * An injected `fetch` records each outgoing request and answers with the recorded status,
 * content type and body. Recordings: test/fixtures/logto-1.42 (byte-identical copies).
 */
import { expect } from '@open-wc/testing';

import { ExperienceClient, type ExperienceClientOptions } from '../../src/api/client.js';
import { ApiError, ClientErrorCode } from '../../src/api/errors.js';
import type {
  CodeIdentifierPayload,
  IdentifierPayload,
  InteractionEvent,
  InteractionState,
  Phrases,
  ProfilePayload,
  SignInExperience,
} from '../../src/api/schemas.js';

// ----- recordings ------------------------------------------------------------------------------

const FIXTURES = '/test/fixtures/logto-1.42';
const ORIGIN = 'http://localhost:3001';
const APP_ID = 'dsq5lnvyk3um8815zetqt';

interface Recording {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

interface JourneyIndex {
  steps: { file: string; path: string }[];
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
}

/** Header lookup that ignores the recorded spelling (`Logto-App-Id`, `content-type`). */
function recordedHeader(headers: Record<string, string>, name: string): string | null {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (headers[key] ?? null);
}

/** The recorded answer as the browser's `fetch` would have delivered it. */
function replay(recording: Recording): Response {
  const { status, headers, body } = recording.response;
  const contentType = recordedHeader(headers, 'content-type');
  const init: ResponseInit = { status, headers: contentType ? { 'content-type': contentType } : {} };
  if (body === null || body === undefined) return new Response(null, init);
  if (typeof body === 'string') return new Response(body, init);
  return new Response(JSON.stringify(body), init);
}

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

// ----- transport double ------------------------------------------------------------------------

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
}

/** A `fetch` that answers every call with the recording it was last primed with. */
class RecordedServer {
  readonly sent: Sent[] = [];
  #answer: Recording | undefined;

  prime(recording: Recording): void {
    this.sent.length = 0;
    this.#answer = recording;
  }

  readonly fetch: typeof fetch = (input, init) => {
    const body = init?.body;
    if (body != null && typeof body !== 'string') throw new TypeError('the client should send JSON text');
    this.sent.push({
      url: urlOf(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: body ?? undefined,
      credentials: init?.credentials,
    });
    if (!this.#answer) return Promise.reject(new TypeError('no recording primed'));
    return Promise.resolve(replay(this.#answer));
  };
}

// ----- journey scripts -------------------------------------------------------------------------

/** What a step can use: the journey's client, the recorded request body, and ids learned so far. */
interface StepEnv {
  client: ExperienceClient;
  /** A client configured differently (for the steps recorded with another or no `Logto-App-Id`). */
  clientWith: (options: Pick<ExperienceClientOptions, 'appId'>) => ExperienceClient;
  /** The recorded request body (what the UI typed, what the IdP returned). */
  body: Record<string, unknown>;
  recording: Recording;
  /** Values the client returned in earlier steps of this journey. */
  memo: Record<string, unknown>;
}

interface Step {
  file: string;
  call: (env: StepEnv) => Promise<unknown>;
  /** Checks the resolved value of a success step (default: resolves to `undefined`). */
  returns?: (value: unknown, env: StepEnv) => void;
  /** Query the client sends for a GET, when it is not the recorded one. */
  query?: Record<string, string>;
  /** Why the recorded body cannot come out of the typed client (it is then not compared). */
  bodyNotReproducible?: string;
}

interface Journey {
  name: string;
  /** Client options matching what the journey's recorded requests carried. */
  options: Pick<ExperienceClientOptions, 'appId' | 'language'>;
  steps: Step[];
  /** Recorded API steps with no client method, and why. */
  notDriven?: Record<string, string>;
}

const str = (value: unknown) => value as string;
const recordedVerificationId = (env: StepEnv) =>
  (env.recording.response.body as { verificationId: string }).verificationId;
const recordedRedirect = (env: StepEnv) => (env.recording.response.body as { redirectTo: string }).redirectTo;

const expectVerificationId = (value: unknown, env: StepEnv) => {
  expect(value, 'verificationId returned').to.equal(recordedVerificationId(env));
};
const expectRedirect = (value: unknown, env: StepEnv) => {
  expect(value, 'redirectTo returned').to.equal(recordedRedirect(env));
};

const signInExperienceStep = (file: string, query: Record<string, string>): Step => ({
  file,
  call: ({ client }) => client.getSignInExperience(),
  query,
  returns: (value, env) => {
    const sie = value as SignInExperience;
    const recorded = env.recording.response.body as SignInExperience;
    expect(sie.color).to.deep.equal(recorded.color);
    expect(sie.signIn.methods).to.deep.equal(recorded.signIn.methods);
    expect(sie.signUp.identifiers).to.deep.equal(recorded.signUp.identifiers);
    expect(sie.signInMode).to.equal(recorded.signInMode);
    expect(sie.socialConnectors.map((c) => c.id)).to.deep.equal(recorded.socialConnectors.map((c) => c.id));
    env.memo.signInExperience = sie;
  },
});

const start = (file: string): Step => ({
  file,
  call: ({ client, body }) =>
    client.startInteraction(body.interactionEvent as InteractionEvent, body.captchaToken as string | undefined),
});

const submit = (file: string, returns: Step['returns'] = expectRedirect): Step => ({
  file,
  call: ({ client }) => client.submit(),
  returns,
});

const verifyPassword = (file: string): Step => ({
  file,
  call: ({ client, body }) => client.verifyPassword(body.identifier as IdentifierPayload, str(body.password)),
  returns: (value, env) => {
    expectVerificationId(value, env);
    env.memo.verificationId = value;
  },
});

const sendCode = (file: string): Step => ({
  file,
  call: ({ client, body }) =>
    client.sendVerificationCode(body.identifier as CodeIdentifierPayload, body.interactionEvent as InteractionEvent),
  returns: (value, env) => {
    expectVerificationId(value, env);
    env.memo.verificationId = value;
  },
});

/** Verifies the code against the id the client returned when the code was sent. */
const verifyCode = (file: string): Step => ({
  file,
  call: ({ client, body, memo }) =>
    client.verifyVerificationCode(
      body.identifier as CodeIdentifierPayload,
      str(memo.verificationId),
      str(body.code),
    ),
  returns: expectVerificationId,
});

/** Identifies with the id the client returned in an earlier step. */
const identifyWithMemo = (file: string): Step => ({
  file,
  call: ({ client, memo }) => client.identify({ verificationId: str(memo.verificationId) }),
});

const profile = (file: string): Step => ({
  file,
  call: ({ client, body }) => client.updateProfile(body as ProfilePayload),
});

const newPasswordIdentity = (file: string): Step => ({
  file,
  call: ({ client, body }) =>
    client.createNewPasswordIdentity(str((body.identifier as { value: unknown }).value), str(body.password)),
  returns: (value, env) => {
    expectVerificationId(value, env);
    env.memo.verificationId = value;
  },
});

const withAppIdQuery = { appId: APP_ID };

const JOURNEYS: Journey[] = [
  {
    name: 'j00-discovery',
    // Recorded without Logto-App-Id or Accept-Language: a client given neither.
    options: {},
    steps: [
      signInExperienceStep('03-sign-in-exp.json', {}),
      {
        file: '04-phrases-en.json',
        call: ({ client }) => client.getPhrases('en'),
        returns: (value, env) => {
          const phrases = value as Phrases;
          expect(phrases.translation).to.deep.equal((env.recording.response.body as Phrases).translation);
        },
      },
    ],
  },
  {
    name: 'j01-register-username-password-profile',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-init-register.json'),
      profile('05-profile-username.json'),
      profile('06-profile-password.json'),
      {
        file: '07-get-interaction.json',
        call: ({ client }) => client.getInteraction(),
        returns: (value) => {
          const state = value as InteractionState;
          expect(state.interactionEvent).to.equal('Register');
          expect(state.profile).to.deep.equal({ username: 'alice_061126' });
          expect(state.verificationRecords).to.deep.equal([]);
        },
      },
      // Register without a verification record: the client's default `{}` body, answered 201 "Created".
      { file: '08-identification.json', call: ({ client }) => client.identify() },
      submit('09-submit.json'),
    ],
  },
  {
    name: 'j02-register-new-password-identity',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-init-register.json'),
      newPasswordIdentity('05-verification-new-password-identity.json'),
      identifyWithMemo('06-identification.json'),
      submit('07-submit.json'),
    ],
  },
  {
    name: 'j03-signin-username-password',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-init-signin.json'),
      verifyPassword('05-verification-password.json'),
      identifyWithMemo('06-identification.json'),
      submit('07-submit.json'),
    ],
  },
  {
    name: 'j04-signin-email-verification-code',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-init-signin.json'),
      sendCode('05-send-code.json'),
      verifyCode('06-verify-code-wrong.json'),
      verifyCode('07-verify-code.json'),
      identifyWithMemo('08-identification.json'),
      submit('09-submit.json'),
    ],
  },
  {
    name: 'j05-forgot-password-email',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-init-forgot.json'),
      sendCode('05-send-code.json'),
      verifyCode('06-verify-code.json'),
      identifyWithMemo('07-identification.json'),
      {
        file: '08-reset-password-same-as-old.json',
        call: ({ client, body }) => client.resetPassword(str(body.password)),
      },
      { file: '09-reset-password.json', call: ({ client, body }) => client.resetPassword(str(body.password)) },
      // ForgotPassword submit answers 204 with no body: the client resolves to undefined.
      submit('10-submit.json', (value) => {
        expect(value, 'ForgotPassword submit result').to.equal(undefined);
      }),
      start('11-init-signin.json'),
      verifyPassword('12-verification-password-new.json'),
      identifyWithMemo('13-identification.json'),
      submit('14-submit-signin.json'),
    ],
  },
  {
    name: 'j06-social-oauth2-register',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-init-signin.json'),
      {
        file: '05-social-authorization-uri.json',
        // The connector id comes from the sign-in experience the client returned in step 03.
        call: ({ client, body, memo }) => {
          const connector = (memo.signInExperience as SignInExperience).socialConnectors[0];
          expect(connector, 'a social connector in the sign-in experience').to.not.equal(undefined);
          memo.connectorId = connector?.id;
          return client.getSocialAuthorizationUri(str(memo.connectorId), {
            state: str(body.state),
            redirectUri: str(body.redirectUri),
          });
        },
        returns: (value, env) => {
          expect(value).to.deep.equal(env.recording.response.body);
          env.memo.verificationId = (value as { verificationId: string }).verificationId;
        },
      },
      {
        file: '07-social-verify.json',
        // The recorded connectorData carries `state` as well as `code` and `redirectUri`; it is passed as is.
        call: ({ client, body, memo }) =>
          client.verifySocial(str(memo.connectorId), {
            connectorData: body.connectorData as Record<string, unknown>,
            verificationId: str(memo.verificationId),
          }),
        returns: expectVerificationId,
      },
      identifyWithMemo('08-identification-signin-unknown.json'),
      {
        file: '09-switch-to-register.json',
        call: ({ client, body }) => client.setInteractionEvent(body.interactionEvent as InteractionEvent),
      },
      identifyWithMemo('10-identification-register.json'),
      profile('11-profile-username.json'),
      { file: '12-identification-register-2.json', call: ({ client }) => client.identify() },
      submit('13-submit.json'),
    ],
  },
  {
    name: 'j07-errors',
    options: { appId: APP_ID, language: () => 'en' },
    steps: [
      signInExperienceStep('03-well-known-sign-in-exp.json', withAppIdQuery),
      start('04-no-cookie-put-experience.json'),
      { file: '05-no-cookie-get-interaction.json', call: ({ client }) => client.getInteraction() },
      verifyPassword('06-no-cookie-verification-password.json'),
      {
        file: '07-wrong-app-id-header.json',
        call: ({ clientWith, body }) =>
          clientWith({ appId: 'not-the-app' }).startInteraction(body.interactionEvent as InteractionEvent),
      },
      {
        file: '08-no-app-id-header.json',
        call: ({ clientWith }) => clientWith({ appId: undefined }).getInteraction(),
      },
      {
        file: '09-malformed-json.json',
        call: ({ client }) => client.startInteraction('SignIn'),
        bodyNotReproducible: 'the recorded body is truncated JSON; the client always serializes valid JSON',
      },
      start('10-invalid-event.json'),
      start('11-missing-body.json'),
      submit('12-submit-before-init.json'),
      start('13-init-signin.json'),
      verifyPassword('14-wrong-password.json'),
      verifyPassword('15-unknown-user.json'),
      verifyPassword('16-password-bad-identifier-type.json'),
      verifyPassword('17-password-missing-password.json'),
      {
        file: '18-identification-unknown-verification.json',
        call: ({ client, body }) => client.identify({ verificationId: str(body.verificationId) }),
      },
      { file: '19-identification-empty-signin.json', call: ({ client }) => client.identify() },
      submit('20-submit-not-identified.json'),
      sendCode('21-code-unknown-email-signin.json'),
      start('22-init-register.json'),
      newPasswordIdentity('23-register-existing-username.json'),
      newPasswordIdentity('24-register-weak-password.json'),
      newPasswordIdentity('25-register-invalid-username.json'),
      profile('26-profile-username-taken.json'),
    ],
    notDriven: { '27-unknown-route.json': 'GET /api/experience/nope has no client method' },
  },
];

// ----- assertions ------------------------------------------------------------------------------

/** The keys of a JSON value, recursively, with leaf types: two bodies of the same shape match. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shapeOf(inner)]),
    );
  }
  return value === null ? 'null' : typeof value;
}

function expectSameRequest(sent: Sent, step: Step, recording: Recording, label: string): void {
  const { request } = recording;
  expect(sent.method, `${label}: method`).to.equal(request.method);

  const got = new URL(sent.url);
  const want = new URL(request.url);
  expect(got.origin + got.pathname, `${label}: URL path`).to.equal(want.origin + want.pathname);
  const expectedQuery = step.query ?? Object.fromEntries(want.searchParams);
  expect(Object.fromEntries(got.searchParams), `${label}: query`).to.deep.equal(expectedQuery);

  expect(sent.headers.get('logto-app-id'), `${label}: Logto-App-Id`).to.equal(
    recordedHeader(request.headers, 'logto-app-id'),
  );
  expect(sent.headers.get('accept-language'), `${label}: Accept-Language`).to.equal(
    recordedHeader(request.headers, 'accept-language'),
  );
  expect(sent.credentials, `${label}: credentials`).to.equal('same-origin');

  if (request.body === null) {
    expect(sent.body, `${label}: no body`).to.equal(undefined);
    expect(sent.headers.get('content-type'), `${label}: no content-type without a body`).to.equal(null);
    return;
  }
  expect(sent.headers.get('content-type'), `${label}: content-type`).to.equal('application/json');
  expect(recordedHeader(request.headers, 'content-type'), `${label}: recorded content-type`).to.equal(
    'application/json',
  );
  expect(sent.body, `${label}: a body is sent`).to.be.a('string');
  const sentBody: unknown = JSON.parse(sent.body ?? 'null');
  if (step.bodyNotReproducible) {
    expect(request.body, `${label}: recorded body is raw text`).to.be.a('string');
    expect(sentBody, `${label}: the client sends an object`).to.be.an('object');
    return;
  }
  expect(shapeOf(sentBody), `${label}: body shape`).to.deep.equal(shapeOf(request.body));
  expect(sentBody, `${label}: body values`).to.deep.equal(request.body);
}

/** What the client must reject with for a recorded error answer. */
function expectedError(recording: Recording): { status: number; code: string; message?: string; data?: unknown } {
  const { status, body } = recording.response;
  if (typeof body !== 'object' || body === null) {
    return { status, code: ClientErrorCode.nonJson };
  }
  const { code, message, data } = body as { code?: string; message?: string; data?: unknown };
  return { status, code: code ?? ClientErrorCode.unknown, message, data };
}

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown; ok: boolean }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

// ----- the journeys ----------------------------------------------------------------------------

describe('ExperienceClient ⇄ recorded Logto 1.42 journeys', () => {
  for (const journey of JOURNEYS) {
    describe(journey.name, () => {
      const server = new RecordedServer();
      const recordings = new Map<string, Recording>();
      const memo: Record<string, unknown> = {};
      const options: ExperienceClientOptions = { ...journey.options, baseUrl: ORIGIN, fetch: server.fetch };
      const client = new ExperienceClient(options);
      let apiSteps: string[] = [];

      before(async () => {
        const index = (await getJson(`${FIXTURES}/${journey.name}/_index.json`)) as JourneyIndex;
        apiSteps = index.steps
          .filter((s) => s.path.startsWith('/api/experience') || s.path.startsWith('/api/.well-known'))
          .map((s) => s.file.slice(journey.name.length + 1));
        for (const step of journey.steps) {
          recordings.set(step.file, (await getJson(`${FIXTURES}/${journey.name}/${step.file}`)) as Recording);
        }
      });

      it('drives every recorded Experience API / well-known step, in the recorded order', () => {
        const expected = apiSteps.filter((file) => !(file in (journey.notDriven ?? {})));
        expect(journey.steps.map((s) => s.file)).to.deep.equal(expected);
        expect(expected.length).to.be.greaterThan(1);
      });

      for (const step of journey.steps) {
        it(step.file, async () => {
          const recording = recordings.get(step.file);
          if (!recording) throw new Error(`${step.file} not loaded`);
          const label = `${journey.name}/${step.file}`;
          const env: StepEnv = {
            client,
            clientWith: (extra) => new ExperienceClient({ ...options, ...extra }),
            body: (recording.request.body ?? {}) as Record<string, unknown>,
            recording,
            memo,
          };

          server.prime(recording);
          const outcome = await settle(step.call(env));

          expect(server.sent.length, `${label}: exactly one request`).to.equal(1);
          expectSameRequest(server.sent[0] as Sent, step, recording, label);

          if (recording.response.status >= 400) {
            expect(outcome.ok, `${label}: rejects`).to.equal(false);
            expect(outcome.error, `${label}: an ApiError`).to.be.instanceOf(ApiError);
            const error = outcome.error as ApiError;
            const want = expectedError(recording);
            expect(error.status, `${label}: status`).to.equal(want.status);
            expect(error.code, `${label}: code`).to.equal(want.code);
            if (want.message !== undefined) expect(error.message, `${label}: message`).to.equal(want.message);
            expect(error.data, `${label}: data passed through`).to.deep.equal(want.data);
            expect(error.retryAfter, `${label}: retryAfter`).to.equal(undefined);
            return;
          }

          if (!outcome.ok) throw outcome.error;
          if (step.returns) step.returns(outcome.value, env);
          else expect(outcome.value, `${label}: resolves to undefined`).to.equal(undefined);
        });
      }
    });
  }

  // Spot checks on the error steps the UI branches on, stated literally so they read as the contract.
  describe('error details the UI depends on', () => {
    const run = async (journey: string, file: string, call: (client: ExperienceClient) => Promise<unknown>) => {
      const server = new RecordedServer();
      server.prime((await getJson(`${FIXTURES}/${journey}/${file}`)) as Recording);
      const client = new ExperienceClient({ baseUrl: ORIGIN, appId: APP_ID, fetch: server.fetch });
      const outcome = await settle(call(client));
      expect(outcome.error).to.be.instanceOf(ApiError);
      return outcome.error as ApiError;
    };

    it('password.rejected passes the issue list through as data', async () => {
      const error = await run('j07-errors', '24-register-weak-password.json', (c) =>
        c.createNewPasswordIdentity('weak_061126', '123'),
      );
      expect([error.status, error.code]).to.deep.equal([422, 'password.rejected']);
      expect(error.data).to.deep.equal([
        { code: 'password_rejected.too_short', interpolation: { min: 8 } },
        { code: 'password_rejected.restricted.sequence' },
      ]);
    });

    it('user.missing_profile passes missingProfile through as data', async () => {
      const error = await run('j06-social-oauth2-register', '10-identification-register.json', (c) =>
        c.identify({ verificationId: 'hpt8fvg26mdc6qbod985z' }),
      );
      expect([error.status, error.code]).to.deep.equal([422, 'user.missing_profile']);
      expect(error.data).to.deep.equal({ missingProfile: ['username'] });
    });

    it('malformed-JSON 400 (message only, no code) becomes client.unknown_error with the server message', async () => {
      const error = await run('j07-errors', '09-malformed-json.json', (c) => c.startInteraction('SignIn'));
      expect([error.status, error.code, error.message]).to.deep.equal([
        400,
        'client.unknown_error',
        'Unexpected end of JSON input',
      ]);
    });

    it('OIDC-style session.not_found keeps its Logto code and message', async () => {
      const error = await run('j07-errors', '04-no-cookie-put-experience.json', (c) => c.startInteraction('SignIn'));
      expect([error.status, error.code, error.message]).to.deep.equal([
        400,
        'session.not_found',
        'Session not found. Please go back and sign in again.',
      ]);
    });

    it('SignIn identification without verificationId is 400 guard.invalid_input', async () => {
      const error = await run('j07-errors', '19-identification-empty-signin.json', (c) => c.identify());
      expect([error.status, error.code, error.data]).to.deep.equal([400, 'guard.invalid_input', undefined]);
    });
  });
});
