/**
 * A part of the kit that is fetched later (libphonenumber-js, for phone numbers) while the network
 * is gone: the test server fails the module's files (test/tools/fault-middleware.mjs, rules under
 * the key `*`). The user must get a sentence and a way to try again, never a button that silently
 * does nothing; nothing may go uncaught. Its own file: the page's module state must be fresh.
 */
import { expect, waitUntil } from '@open-wc/testing';

import '../../src/define.js';
import { ExperienceClient, type SignInForm } from '../../src/index.js';
import { startApp } from '../helpers/emulator.js';
import { armFaults, ASSET_FAULTS, CrashWatch, disarmAll, forgetKitStorage, kitSentences, matchesTemplate, OFFLINE_SENTENCE_IDS, sentenceProblem, visibleAlerts } from '../helpers/faults.js';
import { FormHarness } from '../helpers/harness.js';

const PHONE_CODE = {
  signIn: { methods: [{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] },
  signUp: { identifiers: ['phone'], password: false },
  forgotPassword: { email: false, phone: true },
};

describe('a lazily fetched part of the kit is unreachable', function () {
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

  it('phone numbers offline: a sentence instead of a silent button, nothing uncaught, and Continue works once back online', async () => {
    const sentences = await kitSentences('de');
    const allowed = OFFLINE_SENTENCE_IDS.map((id) => sentences.get(id)?.en ?? '').filter(Boolean);
    const app = await startApp(PHONE_CODE);
    await armFaults(ASSET_FAULTS, [
      { prefix: '/node_modules/libphonenumber-js/', response: { status: 503, headers: { 'content-type': 'text/plain' }, body: 'offline' } },
    ]);
    element = document.createElement('sign-in-form');
    element.client = new ExperienceClient({ appId: app.appId });
    document.body.append(element);
    const harness = new FormHarness(element);
    await harness.ready('input[name="identifier"]');
    await harness.type('identifier', '+86 139 0013 9000');
    harness.submitButton().click();

    let shown: string[] = [];
    try {
      await waitUntil(() => (shown = visibleAlerts(harness.form)).length > 0, '', { timeout: 3000 });
    } catch {
      // reported below
    }
    const problems: string[] = [];
    if (shown.length === 0) problems.push('pressing Continue showed nothing at all');
    else if (!shown.some((text) => allowed.some((template) => matchesTemplate(text, template)))) {
      problems.push(`the alert does not explain the connection problem: ${shown.map((text) => `"${text}"`).join(', ')}`);
    }
    for (const text of shown) {
      const problem = sentenceProblem(text);
      if (problem) problems.push(`"${text}": ${problem}`);
    }
    const uncaught = new Map<string, number>();
    for (const crash of crashes.crashes) uncaught.set(crash, (uncaught.get(crash) ?? 0) + 1);
    for (const [crash, count] of uncaught) problems.push(`${count} × ${crash}`);
    expect(harness.input('identifier').value, 'the typed number').to.equal('+86 139 0013 9000');

    await armFaults(ASSET_FAULTS, []);
    harness.submitButton().click();
    try {
      await waitUntil(() => element!.step?.name === 'verification-code', '', { timeout: 4000 });
    } catch {
      problems.push(`back online, Continue still does not send the code (step: ${element.step?.name ?? 'none'}, alert: "${harness.alertText() ?? visibleAlerts(harness.form).join(' ')}")`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
