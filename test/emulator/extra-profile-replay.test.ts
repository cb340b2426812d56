/**
 * Custom profile fields: the registration recorded from a real Logto 1.42 (j15-extra-profile,
 * copied from the shared recordings into test/fixtures) replayed against the emulator, step by
 * step: the same status, error code, body keys and `missingProfile`, and the staged profile of `GET
 * /interaction` in full. Then what the recording does not cover, from Logto's source: the other
 * reserved keys, malformed values, a fullname's parts, `signUpProfileFields: null`, sign-in, and
 * where the values end up (the user's name, profile and custom data).
 */
import { expect } from '@open-wc/testing';

import { addUser, uniqueName } from '../helpers/emulator.js';

const FIXTURES = '/test/fixtures/logto-1.42/j15-extra-profile';
const RECORDED_USERNAME = 'extra_ba88';

interface Recording {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; body: unknown };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The recording tenant's sign-in experience: its sign-up rules and custom profile fields, as served. */
async function recordedTenant(): Promise<Record<string, unknown>> {
  const recording = await getJson<Recording>(`${FIXTURES}/03-well-known-sign-in-exp.json`);
  const body = recording.response.body as Record<string, unknown>;
  const keys = ['signIn', 'signUp', 'signInMode', 'passwordPolicy', 'signUpProfileFields', 'customProfileFieldCatalog', 'customProfileFields'];
  return Object.fromEntries(keys.map((key) => [key, body[key]]));
}

/** Registers an app with `signInExperience` and starts an interaction for it; returns a caller of its API. */
async function startApp(signInExperience: Record<string, unknown>, firstScreen = 'register') {
  const appId = `xp-${uniqueName('app')}`;
  expect((await post('/__emulator/apps', { appId, signInExperience })).status, 'POST /__emulator/apps').to.equal(200);
  const query = new URLSearchParams({
    client_id: appId,
    redirect_uri: `${location.origin}/demo/callback`,
    response_type: 'code',
    scope: 'openid profile',
    first_screen: firstScreen,
  });
  await fetch(`/oidc/auth?${query.toString()}`, { redirect: 'manual' });
  return {
    appId,
    async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
      const response = await fetch(`/api/experience${path}`, {
        method,
        headers: { 'logto-app-id': appId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      return { status: response.status, body: parsed };
    },
  };
}

/** Follows a submit's `redirectTo` to the demo app's page and returns that page. */
async function landOnApp(redirectTo: string): Promise<Document> {
  const response = await fetch(redirectTo);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

describe('emulator: custom profile fields (Logto 1.42, j15-extra-profile)', () => {
  const STEPS = [
    '03-well-known-sign-in-exp',
    '04-init-register',
    '05-profile-username',
    '06-profile-password',
    '07-identification-missing-extra-profile',
    '08-profile-extra-identifier-conflict',
    '09-profile-extra-name-not-string',
    '10-profile-extra-without-required',
    '11-identification-still-missing',
    '12-profile-extra-too-long',
    '13-profile-extra',
    '14-get-interaction',
    '15-identification',
    '16-submit',
  ];

  it('replays every recorded Experience API and well-known step with the recorded answer', async () => {
    const index = await getJson<{ steps: { file: string; path: string }[] }>(`${FIXTURES}/_index.json`);
    const replayed = index.steps
      .filter((step) => /^\/api\/(experience|\.well-known)/.test(step.path))
      .map((step) => step.file.split('/').pop()!.replace(/\.json$/, ''));
    expect(replayed).to.deep.equal(STEPS);

    const username = uniqueName('extra');
    const app = await startApp(await recordedTenant());
    let redirectTo = '';
    for (const step of STEPS) {
      const recording = await getJson<Recording>(`${FIXTURES}/${step}.json`);
      const url = new URL(recording.request.url);
      const body = recording.request.body === null ? undefined : JSON.parse(JSON.stringify(recording.request.body).split(RECORDED_USERNAME).join(username));
      const answer = url.pathname.startsWith('/api/.well-known/')
        ? await (async () => {
            const response = await fetch(`${url.pathname}?appId=${app.appId}`);
            return { status: response.status, body: (await response.json()) as unknown };
          })()
        : await app.call(recording.request.method, url.pathname.slice('/api/experience'.length), body);
      const expected = recording.response;
      const what = `${step}: ${recording.request.method} ${url.pathname}`;
      expect(answer.status, what).to.equal(expected.status);
      if (isObject(expected.body)) {
        expect(isObject(answer.body), `${what}: a JSON object`).to.equal(true);
        const got = answer.body as Record<string, unknown>;
        expect(Object.keys(got).sort(), `${what}: body keys`).to.deep.equal(Object.keys(expected.body).sort());
        if ('code' in expected.body) expect(got.code, `${what}: code`).to.equal(expected.body.code);
        if (expected.body.code === 'user.missing_profile') expect(got.data, `${what}: data`).to.deep.equal(expected.body.data);
        if (step.startsWith('03-')) {
          for (const key of ['signUpProfileFields', 'customProfileFieldCatalog', 'customProfileFields']) {
            expect(got[key], `${what}: ${key}`).to.deep.equal(expected.body[key]);
          }
        }
        if (step === '14-get-interaction') {
          const profile = JSON.parse(JSON.stringify(expected.body.profile).split(RECORDED_USERNAME).join(username)) as unknown;
          expect(got.profile, `${what}: the staged profile`).to.deep.equal(profile);
        }
        if (typeof expected.body.redirectTo === 'string') redirectTo = String(got.redirectTo);
      }
    }
    // Not in the recording's API steps: the values are the new user's custom data.
    const page = await landOnApp(redirectTo);
    expect(page.querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal(username);
    expect(page.querySelector('[data-testid="custom-data"]')?.textContent).to.equal('{"company":"ACME Inc.","newsletter":true}');
  });
});

describe('emulator: custom profile fields beyond the recording', () => {
  const PASSWORD = 'Extra-Prof-Pa55!';
  /** Text (required), Fullname (givenName required), Address, Checkbox, Select; no `signUpProfileFields` choice. */
  const CATALOG = [
    { name: 'company', type: 'Text', label: 'Company', description: null, required: true, config: { maxLength: 64 } },
    {
      name: 'fullname',
      type: 'Fullname',
      label: 'Full name',
      description: null,
      required: true,
      config: {
        parts: [
          { enabled: true, name: 'givenName', type: 'Text', required: true },
          { enabled: true, name: 'familyName', type: 'Text', required: false },
        ],
      },
    },
    {
      name: 'address',
      type: 'Address',
      label: 'Address',
      description: null,
      required: false,
      config: { parts: [{ enabled: true, name: 'country', type: 'Text', required: true }] },
    },
    { name: 'newsletter', type: 'Checkbox', label: 'Newsletter', description: null, required: false, config: {} },
    { name: 'plan', type: 'Select', label: 'Plan', description: null, required: false, config: { options: [{ value: 'free' }, { value: 'pro' }] } },
  ];
  const TENANT = {
    signUp: { identifiers: ['username'], password: true, verify: false },
    customProfileFieldCatalog: CATALOG,
    signUpProfileFields: null,
  };

  async function registering(tenant: Record<string, unknown> = TENANT) {
    const app = await startApp(tenant);
    const username = uniqueName('xp');
    expect((await app.call('PUT', '', { interactionEvent: 'Register' })).status).to.equal(204);
    expect((await app.call('POST', '/profile', { type: 'username', value: username })).status).to.equal(204);
    expect((await app.call('POST', '/profile', { type: 'password', value: PASSWORD })).status).to.equal(204);
    return { ...app, username };
  }

  const extra = (values: unknown) => ({ type: 'extraProfile', values });
  const codeOf = (answer: { body: unknown }) => (answer.body as { code?: string }).code;

  it('refuses reserved keys with the code Logto uses, and malformed values with a 400 or a 500', async () => {
    const app = await registering();
    const cases: [unknown, number, string | undefined][] = [
      [{ preferredUsername: 'x' }, 400, 'custom_profile_fields.name_conflict_built_in_prop'],
      [{ primaryEmail: 'a@example.com', phone: null }, 400, 'custom_profile_fields.name_conflict_sign_in_identifier'],
      [{ onboarding: 'x' }, 400, 'custom_profile_fields.name_conflict_custom_data'],
      [{ 'not-a-key': 1 }, 400, 'guard.invalid_input'],
      [['company'], 400, 'guard.invalid_input'],
      [{ username: 42 }, 500, undefined],
      [{ givenName: 1 }, 500, undefined],
      [{ address: 'Main Street' }, 500, undefined],
      [{ avatar: 'not a url' }, 500, undefined],
    ];
    for (const [values, status, code] of cases) {
      const answer = await app.call('POST', '/profile', extra(values));
      expect([answer.status, codeOf(answer)], JSON.stringify(values)).to.deep.equal([status, code]);
    }
    const message = (await app.call('POST', '/profile', extra({ username: 'x', email: 'y' }))).body as { message: string };
    expect(message.message).to.equal('Invalid field name. Reserved sign-in identifier key(s): username, email.');
  });

  it('asks for every field until the form is submitted, then only for the required ones (a fullname by its parts)', async () => {
    const app = await registering();
    const missing = async () => {
      const answer = await app.call('POST', '/identification', {});
      return answer.status === 422 ? (answer.body as { data: unknown }).data : answer.status;
    };
    expect(await missing()).to.deep.equal({ missingProfile: ['extraProfile'] });
    // Submitted without the required fullname part: still missing.
    expect((await app.call('POST', '/profile', extra({ company: 'ACME', familyName: 'Liddell' }))).status).to.equal(204);
    expect(await missing()).to.deep.equal({ missingProfile: ['extraProfile'] });
    // An empty string counts as given, as in Logto (the form checks required fields itself).
    expect((await app.call('POST', '/profile', extra({ company: '', givenName: 'Alice', familyName: 'Liddell' }))).status).to.equal(204);
    expect(await missing()).to.equal(201);
  });

  it('puts name and profile claims on the user and the rest in custom data; the last submission wins', async () => {
    const app = await registering();
    await app.call('POST', '/profile', extra({ company: 'Old Co', newsletter: false, nickname: 'old' }));
    const values = {
      name: 'Alice Liddell',
      givenName: 'Alice',
      familyName: 'Liddell',
      address: { country: 'UK', ignored: 'x' },
      company: 'ACME Inc.',
      plan: 'pro',
      newsletter: true,
    };
    expect((await app.call('POST', '/profile', extra(values))).status).to.equal(204);
    const state = (await app.call('GET', '/interaction')).body as { profile: Record<string, unknown> };
    expect(state.profile).to.deep.equal({
      username: app.username,
      name: 'Alice Liddell',
      profile: { givenName: 'Alice', familyName: 'Liddell', address: { country: 'UK' } },
      customData: { company: 'ACME Inc.', plan: 'pro', newsletter: true },
    });
    expect((await app.call('POST', '/identification', {})).status).to.equal(201);
    const submitted = await app.call('POST', '/submit');
    const page = await landOnApp((submitted.body as { redirectTo: string }).redirectTo);
    expect(page.querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal('Alice Liddell');
    expect(JSON.parse(page.querySelector('[data-testid="user-profile"]')?.textContent ?? '{}')).to.deep.equal({
      givenName: 'Alice',
      familyName: 'Liddell',
      address: { country: 'UK' },
    });
    expect(page.querySelector('[data-testid="custom-data"]')?.textContent).to.equal('{"company":"ACME Inc.","plan":"pro","newsletter":true}');
  });

  it('signUpProfileFields picks and orders the sign-up fields; fields outside it are not asked for', async () => {
    const app = await registering({ ...TENANT, signUpProfileFields: [{ name: 'newsletter' }] });
    // Only the optional newsletter is a sign-up field: asked for until the form is submitted.
    expect((await app.call('POST', '/identification', {})).status).to.equal(422);
    expect((await app.call('POST', '/profile', extra({}))).status).to.equal(204);
    expect((await app.call('POST', '/identification', {})).status).to.equal(201);
  });

  it('in a sign-in, needs an identified user first, and then is never required', async () => {
    const username = uniqueName('xpin');
    await addUser({ username, password: PASSWORD });
    const app = await startApp(TENANT, 'sign_in');
    await app.call('PUT', '', { interactionEvent: 'SignIn' });
    const early = await app.call('POST', '/profile', extra({ company: 'ACME' }));
    expect([early.status, codeOf(early)]).to.deep.equal([404, 'session.identifier_not_found']);
    const verified = await app.call('POST', '/verification/password', { identifier: { type: 'username', value: username }, password: PASSWORD });
    await app.call('POST', '/identification', { verificationId: (verified.body as { verificationId: string }).verificationId });
    expect((await app.call('POST', '/profile', extra({ company: 'Signed In Co' }))).status).to.equal(204);
    const submitted = await app.call('POST', '/submit');
    expect(submitted.status).to.equal(200);
    const page = await landOnApp((submitted.body as { redirectTo: string }).redirectTo);
    expect(page.querySelector('[data-testid="custom-data"]')?.textContent).to.equal('{"company":"Signed In Co"}');
  });

  it('is not allowed in a forgot-password interaction', async () => {
    const app = await startApp(TENANT, 'reset_password');
    await app.call('PUT', '', { interactionEvent: 'ForgotPassword' });
    const answer = await app.call('POST', '/profile', extra({ company: 'x' }));
    expect([answer.status, codeOf(answer)]).to.deep.equal([400, 'session.not_supported_for_forgot_password']);
  });
});
