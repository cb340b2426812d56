/**
 * The first screen paints before the form's controller (controller.ts) has arrived. A user who
 * acts in that moment must not lose anything: a submit waits for it and is sent once; when it
 * cannot be fetched at all, a sentence says so, what was typed stays, and the next try works.
 * Its own file: the page's module state must be fresh (the controller is fetched once per page).
 */
import { expect, waitUntil } from '@open-wc/testing';

import '../../src/define.js';
import { ExperienceClient, type SignInForm } from '../../src/index.js';
import { startApp } from '../helpers/emulator.js';
import { armFaults, ASSET_FAULTS, CrashWatch, disarmAll, forgetKitStorage, kitSentences, matchesTemplate, OFFLINE_SENTENCE_IDS, visibleAlerts } from '../helpers/faults.js';
import { FormHarness } from '../helpers/harness.js';

const PASSWORD_ONLY = {
  signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
  signUp: { identifiers: ['username'], password: true },
};
const CONTROLLER = '/src/components/sign-in-form/controller.ts';

describe('the form acts before its controller has arrived', function () {
  this.timeout(15_000);
  const crashes = new CrashWatch();
  let element: SignInForm | undefined;

  before(() => crashes.install());
  after(async () => {
    crashes.remove();
    element?.remove();
    await disarmAll();
    forgetKitStorage();
  });

  it('offline: says so and keeps the input; later, a slow arrival sends a double-clicked submit once', async () => {
    const sentences = await kitSentences('de');
    const offline = OFFLINE_SENTENCE_IDS.map((id) => sentences.get(id)?.en ?? '');
    const app = await startApp(PASSWORD_ONLY);
    const sent: string[] = [];
    const client = new ExperienceClient({
      appId: app.appId,
      fetch: (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        sent.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
        return fetch(input, init);
      },
    });
    await armFaults(ASSET_FAULTS, [{ prefix: CONTROLLER, response: { status: 503, headers: { 'content-type': 'text/plain' }, body: 'offline' } }]);

    element = document.createElement('sign-in-form');
    element.client = client;
    document.body.append(element);
    const harness = new FormHarness(element);
    await harness.ready('input[name="identifier"]');
    await harness.type('identifier', 'alice');
    await harness.type('password', 'not-her-password');
    harness.submitButton().click();

    await waitUntil(() => visibleAlerts(harness.form).length > 0, 'pressing Sign in showed nothing', { timeout: 4000 });
    const shown = visibleAlerts(harness.form);
    expect(shown.some((text) => offline.some((template) => matchesTemplate(text, template))), shown.join(' | ')).to.equal(true);
    expect(harness.input('identifier').value).to.equal('alice');
    expect(harness.input('password').value).to.equal('not-her-password');
    expect(sent.filter((line) => line.startsWith('POST')), 'nothing is sent without the controller').to.deep.equal([]);

    // Back online, but the controller takes its time: the button is busy and a second press is ignored.
    await armFaults(ASSET_FAULTS, [{ prefix: CONTROLLER, response: { delayMs: 700, passThrough: true } }]);
    harness.submitButton().click();
    await waitUntil(() => harness.submitButton().getAttribute('aria-disabled') === 'true', 'the button did not turn busy', { timeout: 1000 });
    expect(visibleAlerts(harness.form), 'the old alert is gone while waiting').to.deep.equal([]);
    harness.submitButton().click();
    await waitUntil(() => harness.fieldError('password') ?? false, 'the wrong password was not reported', { timeout: 6000 });
    expect(harness.fieldError('password')).to.equal('The account or password is incorrect. Check them and try again.');
    expect(sent.filter((line) => line.endsWith('/api/experience/verification/password'))).to.have.length(1);
    expect(harness.input('identifier').value).to.equal('alice');
    expect(crashes.crashes, 'nothing uncaught').to.deep.equal([]);
  });
});
