/**
 * Contract: every body a real Logto 1.42 server sent in the recorded journeys parses with the schema
 * the kit uses for it, unknown fields are tolerated, and fields the kit relies on are enforced.
 *
 * The recordings are byte-identical copies in test/fixtures/logto-1.42 (see /work/shared/fixtures).
 * Only the Experience API and `/api/.well-known` steps were copied; each journey's `_index.json`
 * lists every step, and the steps on those two prefixes are the ones checked here.
 */
import { expect } from '@open-wc/testing';
import { parse, safeParse, type z } from 'zod/mini';

import {
  identityNotExistDataSchema,
  interactionStateSchema,
  missingProfileDataSchema,
  passwordIssuesSchema,
  phrasesSchema,
  socialAuthorizationResponseSchema,
  submitResponseSchema,
  verificationIdResponseSchema,
} from '../../src/api/experience-schemas.js';
import { errorBodySchema, signInExperienceSchema } from '../../src/api/schemas.js';
import { laterSettings } from '../../src/api/later-settings.js';

// ----- recordings ------------------------------------------------------------------------------

const FIXTURES = '/test/fixtures/logto-1.42';

const JOURNEYS = [
  'j00-discovery',
  'j01-register-username-password-profile',
  'j02-register-new-password-identity',
  'j03-signin-username-password',
  'j04-signin-email-verification-code',
  'j05-forgot-password-email',
  'j06-social-oauth2-register',
  'j07-errors',
] as const;

interface Recording {
  /** Path of the recording inside the fixture folder, e.g. `j03-…/05-verification-password.json`. */
  file: string;
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

interface JourneyIndex {
  steps: { file: string; method: string; path: string; status: number }[];
}

const isApiPath = (path: string) =>
  path.startsWith('/api/experience') || path.startsWith('/api/.well-known');

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
}

async function loadJourney(journey: string): Promise<Recording[]> {
  const index = (await getJson(`${FIXTURES}/${journey}/_index.json`)) as JourneyIndex;
  const steps = index.steps.filter((step) => isApiPath(step.path));
  return Promise.all(
    steps.map(async (step) => {
      const data = (await getJson(`${FIXTURES}/${step.file}`)) as Omit<Recording, 'file'>;
      // The index and the recording must agree, or the mapping below would be checking the wrong thing.
      expect(data.request.method, step.file).to.equal(step.method);
      expect(data.response.status, step.file).to.equal(step.status);
      return { ...data, file: step.file };
    }),
  );
}

// ----- mapping recorded path → schema ----------------------------------------------------------

type SchemaName =
  | 'signInExperience'
  | 'phrases'
  | 'interactionState'
  | 'verificationId'
  | 'socialAuthorization'
  | 'submit'
  | 'errorBody'
  | 'missingProfileData'
  | 'passwordIssues'
  | 'identityNotExistData';

const SCHEMAS: Record<SchemaName, z.core.$ZodType> = {
  signInExperience: signInExperienceSchema,
  phrases: phrasesSchema,
  interactionState: interactionStateSchema,
  verificationId: verificationIdResponseSchema,
  socialAuthorization: socialAuthorizationResponseSchema,
  submit: submitResponseSchema,
  errorBody: errorBodySchema,
  missingProfileData: missingProfileDataSchema,
  passwordIssues: passwordIssuesSchema,
  identityNotExistData: identityNotExistDataSchema,
};

/** The schema for a success body, chosen from the recorded method and path alone. */
function successSchemaFor(method: string, path: string): SchemaName | undefined {
  if (method === 'GET' && path === '/api/.well-known/sign-in-exp') return 'signInExperience';
  if (method === 'GET' && path === '/api/.well-known/phrases') return 'phrases';
  if (method === 'GET' && path === '/api/experience/interaction') return 'interactionState';
  if (method === 'POST' && path === '/api/experience/submit') return 'submit';
  if (method === 'POST' && /^\/api\/experience\/verification\/social\/[^/]+\/authorization-uri$/.test(path)) {
    return 'socialAuthorization';
  }
  if (method === 'POST' && path.startsWith('/api/experience/verification/')) return 'verificationId';
  return undefined;
}

/** The schema for an error's `data`, by error code. */
const DATA_SCHEMA_BY_CODE: Record<string, SchemaName> = {
  'user.missing_profile': 'missingProfileData',
  'password.rejected': 'passwordIssues',
  'user.identity_not_exist': 'identityNotExistData',
};

function describeIssues(result: { success: boolean; error?: { issues: readonly unknown[] } }): string {
  return result.success ? '' : JSON.stringify(result.error?.issues);
}

type Tally = Record<SchemaName | 'noJsonBody', number>;

const emptyTally = (): Tally => ({
  signInExperience: 0,
  phrases: 0,
  interactionState: 0,
  verificationId: 0,
  socialAuthorization: 0,
  submit: 0,
  errorBody: 0,
  missingProfileData: 0,
  passwordIssues: 0,
  identityNotExistData: 0,
  noJsonBody: 0,
});

function parseWith(name: SchemaName, value: unknown, label: string): unknown {
  const result = safeParse(SCHEMAS[name], value);
  expect(result.success, `${label} should parse with ${name}: ${describeIssues(result)}`).to.equal(true);
  return result.data;
}

/** Checks one recording's response body against its schema(s) and counts what was checked. */
function checkRecording(recording: Recording, tally: Tally): void {
  const { file, request, response } = recording;
  const path = new URL(request.url).pathname;
  const body = response.body;
  const isJson = (response.headers['content-type'] ?? '').startsWith('application/json');

  if (!isJson) {
    // 204 (no body), 201 "Created" and the unknown route's 404 "Not Found" are not JSON.
    expect(typeof body === 'object' && body !== null, `${file} has a JSON-looking body`).to.equal(false);
    tally.noJsonBody++;
    return;
  }
  expect(body, `${file}: JSON body`).to.be.an('object');

  if (response.status >= 400) {
    const parsed = parseWith('errorBody', body, file) as { code?: string; data?: unknown };
    tally.errorBody++;
    // The schema must not drop the fields the client reads.
    expect(parsed.code, `${file}: code survives parsing`).to.equal((body as { code?: string }).code);
    const dataSchema = parsed.code ? DATA_SCHEMA_BY_CODE[parsed.code] : undefined;
    if (dataSchema) {
      expect(parsed.data, `${file}: ${parsed.code} carries data`).to.not.equal(undefined);
      parseWith(dataSchema, parsed.data, `${file} data`);
      tally[dataSchema]++;
    }
    return;
  }

  expect(response.status, `${file}: JSON success status`).to.equal(200);
  const schema = successSchemaFor(request.method, path);
  expect(schema, `${file}: no schema mapped for ${request.method} ${path}`).to.be.a('string');
  parseWith(schema as SchemaName, body, file);
  tally[schema as SchemaName]++;
}

// ----- the recorded bodies ---------------------------------------------------------------------

describe('schemas ⇄ recorded Logto 1.42 bodies', () => {
  const recordings = new Map<string, Recording[]>();

  before(async () => {
    for (const journey of JOURNEYS) recordings.set(journey, await loadJourney(journey));
  });

  for (const journey of JOURNEYS) {
    it(`${journey}: every success and error body parses with its schema`, () => {
      const list = recordings.get(journey) ?? [];
      expect(list.length, `${journey} has API steps`).to.be.greaterThan(0);
      const tally = emptyTally();
      for (const recording of list) checkRecording(recording, tally);
    });
  }

  it('checks the expected number of bodies (no vacuous pass)', () => {
    const all = [...recordings.values()].flat();
    expect(all.length, 'API steps across all journeys').to.equal(73);
    const tally = emptyTally();
    for (const recording of all) checkRecording(recording, tally);
    expect(tally).to.deep.equal({
      signInExperience: 8,
      phrases: 1,
      interactionState: 1,
      verificationId: 9,
      socialAuthorization: 1,
      submit: 6,
      errorBody: 24,
      missingProfileData: 1,
      passwordIssues: 1,
      identityNotExistData: 1,
      // 19 × 204, 3 × 201 "Created", 1 × 404 "Not Found"
      noJsonBody: 23,
    });
  });

  it('keeps the values the kit reads from the recorded sign-in experience', () => {
    const recording = recordings.get('j00-discovery')?.find((r) => r.file.endsWith('03-sign-in-exp.json'));
    expect(recording, 'j00 sign-in-exp recording').to.not.equal(undefined);
    const parsed = parse(signInExperienceSchema, recording?.response.body);
    expect(parsed.color).to.deep.equal({
      primaryColor: '#6139F6',
      isDarkModeEnabled: false,
      darkPrimaryColor: '#8768F8',
    });
    expect(parsed.signIn.methods.map((m) => m.identifier)).to.deep.equal(['username', 'email']);
    expect(parsed.signUp.identifiers).to.deep.equal(['username']);
    expect(parsed.socialConnectors.map((c) => [c.id, c.target, c.platform])).to.deep.equal([
      ['ov8uaa2pl8kl', 'fake-idp', 'Universal'],
    ]);
    expect(parsed.signInMode).to.equal('SignInAndRegister');
    expect(parsed.forgotPassword).to.deep.equal({ phone: false, email: true });
    // Read by the later steps, through their own check.
    const later = laterSettings(parsed);
    expect(later.passwordPolicy?.length).to.deep.equal({ min: 8, max: 256 });
    expect(later.socialSignIn).to.deep.equal({});
  });

  it('a malformed later field counts as absent and leaves the others and the first screen alone', () => {
    const recording = recordings.get('j00-discovery')?.find((r) => r.file.endsWith('03-sign-in-exp.json'));
    const body = { ...(recording?.response.body as Record<string, unknown>), passwordPolicy: { length: { min: 'eight' } } };
    const parsed = parse(signInExperienceSchema, body);
    const later = laterSettings(parsed);
    expect(later.passwordPolicy).to.equal(undefined);
    expect(later.socialSignIn).to.deep.equal({});
  });
});

// ----- tolerance and strictness ----------------------------------------------------------------

type Json = Record<string, unknown>;
type PathKey = string | number;

/** A deep copy of `value` with `mutate` applied at `path` (the last key is handed to `mutate`). */
function edit(value: unknown, path: PathKey[], mutate: (parent: Json, key: PathKey) => void): unknown {
  const copy = structuredClone(value);
  let parent = copy as Json;
  for (const key of path.slice(0, -1)) parent = parent[key as string] as Json;
  mutate(parent, path[path.length - 1] as PathKey);
  return copy;
}

const without = (value: unknown, path: PathKey[]) =>
  edit(value, path, (parent, key) => {
    expect(parent, `${path.join('.')} exists before removal`).to.have.property(String(key));
    delete parent[key as string];
  });

const withValue = (value: unknown, path: PathKey[], next: unknown) =>
  edit(value, path, (parent, key) => {
    parent[key as string] = next;
  });

function expectFailsAt(name: SchemaName, value: unknown, path: PathKey[]): void {
  const result = safeParse(SCHEMAS[name], value);
  expect(result.success, `${name} should reject a body with ${path.join('.')} broken`).to.equal(false);
  const paths = (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
  expect(paths, 'the issue names the broken field').to.include(path.join('.'));
}

describe('schemas: unknown fields are tolerated, required fields are enforced', () => {
  let signInExperience: unknown;
  let interaction: unknown;
  let socialAuthorization: unknown;
  let missingProfile: unknown;
  let passwordRejected: unknown;

  const body = async (file: string) => ((await getJson(`${FIXTURES}/${file}`)) as Recording).response.body;

  before(async () => {
    signInExperience = await body('j00-discovery/03-sign-in-exp.json');
    interaction = await body('j01-register-username-password-profile/07-get-interaction.json');
    socialAuthorization = await body('j06-social-oauth2-register/05-social-authorization-uri.json');
    missingProfile = await body('j06-social-oauth2-register/10-identification-register.json');
    passwordRejected = await body('j07-errors/24-register-weak-password.json');
  });

  it('the unmodified recorded sign-in experience parses (baseline for the cases below)', () => {
    expect(safeParse(signInExperienceSchema, signInExperience).success).to.equal(true);
  });

  const additions: PathKey[][] = [
    ['futureTopLevelField'],
    ['color', 'futureShade'],
    ['branding', 'futureLogo'],
    ['signIn', 'futureSignInFlag'],
    ['signIn', 'methods', 0, 'passkey'],
    ['signUp', 'futureSignUpFlag'],
    ['socialConnectors', 0, 'futureConnectorFlag'],
    ['passwordPolicy', 'rejects', 'futureRule'],
    ['forgotPassword', 'sms'],
  ];
  for (const path of additions) {
    it(`sign-in-exp with an extra field at ${path.join('.')} still parses`, () => {
      const mutated = withValue(signInExperience, path, { any: ['thing'] });
      const result = safeParse(signInExperienceSchema, mutated);
      expect(result.success, describeIssues(result)).to.equal(true);
    });
  }

  it('other bodies with extra fields still parse', () => {
    const cases: [SchemaName, unknown][] = [
      ['interactionState', withValue(interaction, ['futureState'], 1)],
      ['interactionState', withValue(interaction, ['verificationRecords'], [{ id: 'v1', type: 'Password', extra: true }])],
      ['verificationId', { verificationId: 'abc', expiresAt: 123 }],
      ['socialAuthorization', withValue(socialAuthorization, ['futureField'], 'x')],
      ['submit', { redirectTo: 'http://localhost:3001/oidc/auth/x', futureField: true }],
      ['errorBody', withValue(missingProfile, ['error_uri'], 'https://example.com/e')],
      ['missingProfileData', { missingProfile: ['username'], futureHint: 'x' }],
      ['passwordIssues', [{ code: 'password_rejected.too_short', interpolation: { min: 8 }, extra: 1 }]],
      ['identityNotExistData', { relatedUser: { type: 'email', value: 'a@b.c', extra: 1 }, other: 2 }],
    ];
    for (const [name, value] of cases) {
      const result = safeParse(SCHEMAS[name], value);
      expect(result.success, `${name}: ${describeIssues(result)}`).to.equal(true);
    }
  });

  const removals: PathKey[][] = [
    ['color'],
    ['color', 'primaryColor'],
    ['color', 'darkPrimaryColor'],
    ['color', 'isDarkModeEnabled'],
    ['branding'],
    ['languageInfo', 'fallbackLanguage'],
    ['signIn'],
    ['signIn', 'methods'],
    ['signIn', 'methods', 0, 'identifier'],
    ['signIn', 'methods', 0, 'password'],
    ['signUp', 'identifiers'],
    ['signUp', 'password'],
    ['socialConnectors'],
    ['socialConnectors', 0, 'id'],
    ['socialConnectors', 0, 'name'],
    ['socialConnectors', 0, 'logo'],
    ['signInMode'],
    ['forgotPassword'],
    ['forgotPassword', 'email'],
  ];
  for (const path of removals) {
    it(`sign-in-exp without ${path.join('.')} fails`, () => {
      expectFailsAt('signInExperience', without(signInExperience, path), path);
    });
  }

  it('sign-in-exp with mistyped fields the kit relies on fails', () => {
    const cases: [PathKey[], unknown][] = [
      [['color', 'primaryColor'], 'purple'],
      [['color', 'primaryColor'], '#12345'],
      [['socialConnectors', 0, 'id'], ''],
      [['socialConnectors', 0, 'platform'], 'Desktop'],
      [['signIn', 'methods', 0, 'identifier'], 'nickname'],
      [['signInMode'], 'Everything'],
      [['signUp', 'identifiers'], 'username'],
    ];
    for (const [path, value] of cases) {
      expectFailsAt('signInExperience', withValue(signInExperience, path, value), path);
    }
  });

  it('other bodies without the fields the client reads fail', () => {
    expectFailsAt('verificationId', {}, ['verificationId']);
    expectFailsAt('verificationId', { verificationId: '' }, ['verificationId']);
    expectFailsAt('socialAuthorization', without(socialAuthorization, ['authorizationUri']), ['authorizationUri']);
    expectFailsAt('socialAuthorization', without(socialAuthorization, ['verificationId']), ['verificationId']);
    expectFailsAt('submit', {}, ['redirectTo']);
    expectFailsAt('interactionState', without(interaction, ['interactionEvent']), ['interactionEvent']);
    expectFailsAt('errorBody', { code: 42, message: 'x' }, ['code']);
    const missing = (missingProfile as { data: unknown }).data;
    expectFailsAt('missingProfileData', without(missing, ['missingProfile']), ['missingProfile']);
    const issues = (passwordRejected as { data: unknown }).data;
    expectFailsAt('passwordIssues', without(issues, [0, 'code']), ['0', 'code']);
    expectFailsAt('identityNotExistData', { relatedUser: { type: 'username', value: 'x' } }, [
      'relatedUser',
      'type',
    ]);
  });
});
