/**
 * Consent for a third-party app, against what Logto 1.42 answered in the recording
 * j14-consent-third-party (copied from the shared recordings into test/fixtures): the same app
 * settings (user scopes profile, email and organizations; organization scope read:projects), a user
 * in two organizations, the same authorization request (no `resource`, so read:projects is not
 * granted), then the resume redirect to `/consent`, `GET /api/interaction/consent` (every key, the
 * organizations and the scopes in full), the membership error, the consent, and the code.
 */
import { expect } from '@open-wc/testing';

import { addUser, uniqueName } from '../helpers/emulator.js';

const FIXTURES = '/test/fixtures/logto-1.42/j14-consent-third-party';

interface Recording {
  request: { url: string; body: unknown };
  response: { status: number; headers: Record<string, string>; body: Record<string, unknown> };
}

async function load(step: string): Promise<Recording> {
  return (await (await fetch(`${FIXTURES}/${step}.json`)).json()) as Recording;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const keysOf = (value: unknown) => Object.keys(value as object).sort();

describe('emulator: consent for a third-party app (Logto 1.42, j14-consent-third-party)', () => {
  it('redirects to /consent and answers the consent calls as recorded', async () => {
    const recordedInfo = (await load('10-get-consent-info')).response.body;
    const username = uniqueName('orguser');
    await addUser({ username, password: 'Org-User-Pa55!', email: `${username}@example.com` });
    const appId = `j14-${username}`;
    const [orgB, orgA] = recordedInfo.organizations as { id: string; name: string }[];
    const organizations = [orgB!, orgA!].map(({ id, name }) => ({ id: `${id}-${username}`, name, members: [username] }));
    const registered = await post('/__emulator/apps', {
      appId,
      signInExperience: { signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] } },
      thirdParty: {
        name: 'QA Rec Third-party',
        isThirdParty: true,
        userScopes: ['profile', 'email', 'urn:logto:scope:organizations'],
        organizationScopes: [{ name: 'read:projects', description: null }],
      },
      organizations,
    });
    expect(registered.status).to.equal(200);

    // The recorded authorization request (scopes, state), for this app and this origin.
    const query = new URLSearchParams({
      client_id: appId,
      redirect_uri: `${location.origin}/demo/callback`,
      response_type: 'code',
      scope: 'openid profile email urn:logto:scope:organizations read:projects',
      state: 'st-83940937',
    });
    await fetch(`/oidc/auth?${query.toString()}`, { redirect: 'manual' });
    const headers = { 'logto-app-id': appId };
    await fetch('/api/experience', { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: '{"interactionEvent":"SignIn"}' });
    const verification = (await (
      await post('/api/experience/verification/password', { identifier: { type: 'username', value: username }, password: 'Org-User-Pa55!' }, headers)
    ).json()) as { verificationId: string };
    await post('/api/experience/identification', { verificationId: verification.verificationId }, headers);
    const { redirectTo } = (await (await fetch('/api/experience/submit', { method: 'POST', headers })).json()) as { redirectTo: string };

    // 08: the resume URL of a third-party app's interaction goes to the consent page.
    const recordedResume = await load('08-follow-1');
    expect(recordedResume.response.status).to.equal(303);
    expect(recordedResume.response.headers.location).to.equal('/consent?app_id=kxxknme9rbcfedyu3ng4z');
    const landed = await fetch(redirectTo, { headers: { accept: 'text/html' } });
    expect(landed.redirected).to.equal(true);
    expect(new URL(landed.url).pathname + new URL(landed.url).search).to.equal(`/consent?app_id=${appId}`);

    // 10: the consent info, key by key.
    const info = (await (await fetch('/api/interaction/consent', { headers })).json()) as Record<string, unknown>;
    expect(keysOf(info)).to.deep.equal(keysOf(recordedInfo));
    expect(keysOf(info.application)).to.deep.equal(keysOf(recordedInfo.application));
    expect(info.application).to.deep.equal({ id: appId, name: 'QA Rec Third-party' });
    expect(keysOf(info.user)).to.deep.equal(keysOf(recordedInfo.user));
    expect(info.user).to.include({ name: null, avatar: null, username, primaryEmail: `${username}@example.com`, primaryPhone: null });
    expect(info.organizations).to.deep.equal(organizations.map(({ id, name }) => ({ id, name, missingResourceScopes: [] })));
    expect(info.missingOIDCScope).to.deep.equal(recordedInfo.missingOIDCScope);
    expect(info.missingResourceScopes).to.deep.equal(recordedInfo.missingResourceScopes);
    expect(info.redirectUri).to.equal(`${location.origin}/demo/callback`);

    // 11: an organization the user is not a member of.
    const recordedBad = (await load('11-post-consent-bad-org')).response;
    const bad = await post('/api/interaction/consent', { organizationIds: ['not-a-member-org'] }, headers);
    expect(bad.status).to.equal(recordedBad.status);
    expect(await bad.json()).to.deep.equal(recordedBad.body);

    // 12 and 13: consent for one organization, then the code at the app.
    const recordedConsent = (await load('12-post-consent')).response;
    const consent = await post('/api/interaction/consent', { organizationIds: [organizations[1]!.id] }, headers);
    expect(consent.status).to.equal(recordedConsent.status);
    const body = (await consent.json()) as { redirectTo: string };
    expect(keysOf(body)).to.deep.equal(keysOf(recordedConsent.body));
    expect(body.redirectTo).to.match(new RegExp(`^${location.origin}/oidc/auth/\\w+$`));
    const app = new URL((await fetch(body.redirectTo)).url);
    expect(app.pathname).to.equal('/demo/callback');
    expect(app.searchParams.get('code')).to.be.a('string');
    expect(app.searchParams.get('state')).to.equal('st-83940937');
    const recordedCallback = new URL((await load('13-follow-1')).response.headers.location!);
    expect([...recordedCallback.searchParams.keys()].filter((key) => key !== 'iss')).to.deep.equal([...app.searchParams.keys()]);
  });
});
