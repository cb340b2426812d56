import { expect, waitUntil } from '@open-wc/testing';
import logtoPhrases from '@logto/phrases-experience';

import { logtoPhraseDefaults } from '../../src/generated/logto-phrase-defaults.js';
import { allLocales } from '../../src/generated/locale-codes.js';
import { templates as germanTemplates } from '../../src/generated/locales/de.js';
import { customPhrases, phraseHash, TENANT_PHRASE_KEYS } from '../../src/i18n/tenant-phrases.js';
import { PASSWORD_ONLY, registerApp } from '../helpers/emulator.js';
import { armFaults, disarmAll, type FaultRule, faultLog } from '../helpers/faults.js';
import { clearPageStorage, HostedFrame } from '../helpers/journeys.js';

/**
 * Tenant custom phrases on the hosted page: Logto's `/api/.well-known/phrases` carries the
 * tenant's row for a language, and the phrases that differ from Logto's own wording replace the
 * kit's where a kit message means the same (src/i18n/tenant-phrases.ts).
 */

type PhraseTree = { [key: string]: string | PhraseTree };
const builtIn = logtoPhrases as unknown as Record<string, { translation: PhraseTree }>;

function logtoDefault(locale: string, key: string): string {
  let node: string | PhraseTree | undefined = builtIn[locale]?.translation;
  for (const segment of key.split('.')) node = typeof node === 'object' ? node[segment] : undefined;
  if (typeof node !== 'string') throw new Error(`Logto has no ${locale} phrase ${key}`);
  return node;
}

const PHRASES = '/api/.well-known/phrases';

/**
 * The hosted page for a new app with these custom phrases (by language), its API requests logged
 * (test/tools/fault-middleware.mjs); `faults` answer some of them instead of the emulator.
 */
async function openPage(
  customPhrasesByLanguage: Record<string, PhraseTree> | undefined,
  uiLocales = 'en',
  faults: FaultRule[] = [],
): Promise<{ page: HostedFrame; phraseRequests: () => Promise<number> }> {
  const appId = await registerApp({ ...PASSWORD_ONLY, ...(customPhrasesByLanguage ? { customPhrases: customPhrasesByLanguage } : {}) });
  await armFaults(appId, faults);
  const page = await HostedFrame.open(`/oidc/auth?client_id=${appId}&ui_locales=${uiLocales}`);
  // The test server serves every module on its own: keep the timing of all of them.
  page.window.performance.setResourceTimingBufferSize(100_000);
  await page.form();
  const phraseRequests = async () => (await faultLog(appId)).filter((entry) => entry.method === 'GET' && entry.path === PHRASES).length;
  return { page, phraseRequests };
}

const text = (page: HostedFrame, selector: string) => page.doc.querySelector(selector)?.textContent?.trim();
const submit = (page: HostedFrame) => text(page, 'sign-in-form button[type="submit"]');
const heading = (page: HostedFrame) => text(page, 'sign-in-form form[data-si-fields] h1');

/** Resolves once the page has asked for phrases `count` times and had a moment to apply the answer. */
async function phrasesAsked(phraseRequests: () => Promise<number>, count: number): Promise<void> {
  await waitUntil(async () => (await phraseRequests()) >= count, `the page asked for phrases fewer than ${count} times`, { timeout: 8000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function chooseLanguage(page: HostedFrame, locale: string): Promise<void> {
  const select = page.doc.querySelector<HTMLSelectElement>('#page-language')!;
  select.value = locale;
  select.dispatchEvent(new Event('change'));
  await waitUntil(() => page.doc.documentElement.lang === locale, `the page did not switch to ${locale}`, { timeout: 8000 });
}

describe('tenant custom phrases', () => {
  afterEach(async () => {
    HostedFrame.closeAll();
    clearPageStorage();
    await disarmAll();
  });

  describe('the map and the table of Logto defaults', () => {
    it('matches what the installed @logto/phrases-experience gives (npm run generate:phrase-defaults)', () => {
      const keys = [...new Set(Object.values(TENANT_PHRASE_KEYS))].sort();
      expect(Object.keys(logtoPhraseDefaults).sort()).to.deep.equal([...allLocales].sort());
      for (const locale of allLocales) {
        const expected: Record<string, string> = {};
        for (const key of keys) expected[key] = phraseHash(logtoDefault(builtIn[locale] ? locale : 'en', key));
        expect(logtoPhraseDefaults[locale], locale).to.deep.equal(expected);
      }
    });

    it('maps plain kit messages to Logto phrases without interpolation', () => {
      for (const [id, key] of Object.entries(TENANT_PHRASE_KEYS)) {
        expect(typeof (germanTemplates as Record<string, unknown>)[id], id).to.equal('string');
        expect(logtoDefault('en', key), key).not.to.include('{{');
      }
    });

    it("keeps only phrases that differ from Logto's wording, trimmed", () => {
      const translation = {
        action: { sign_in: ' Log in ', create_account: logtoDefault('en', 'action.create_account'), continue: '' },
        description: { no_account: 'New here?' },
      };
      expect(customPhrases(translation, logtoPhraseDefaults.en)).to.deep.equal({
        'signIn.submit': 'Log in',
        'register.signIn': 'Log in',
        'signIn.noAccount': 'New here?',
      });
    });
  });

  describe('on the hosted page', () => {
    it("shows the tenant's English phrases after load, as text, and keeps the kit's wording for Logto's own", async () => {
      const { page } = await openPage({
        en: {
          action: { sign_in: 'Log in <b>now</b>' },
          description: {
            // Logto's own wording for the sign-in title: the kit's "Sign in" stays.
            sign_in_to_your_account: logtoDefault('en', 'description.sign_in_to_your_account'),
            no_account: 'New here?',
          },
        },
      });
      await waitUntil(() => submit(page) === 'Log in <b>now</b>', `the submit button reads "${submit(page)}"`, { timeout: 8000 });
      expect(page.doc.querySelector('sign-in-form button[type="submit"] b')).to.equal(null);
      expect(text(page, 'sign-in-form .si-switch')).to.match(/^New here\?\s+Create account$/);
      expect(heading(page)).to.equal('Sign in');
      expect(page.doc.documentElement.lang).to.equal('en');
    });

    it("shows the tenant's German phrases, on the first screen and on a later step", async () => {
      const { page } = await openPage(
        {
          de: {
            action: { sign_in: 'Jetzt einloggen' },
            description: {
              create_your_account: 'Werden Sie Mitglied',
              sign_in_to_your_account: logtoDefault('de', 'description.sign_in_to_your_account'),
            },
          },
        },
        'de',
      );
      await waitUntil(() => submit(page) === 'Jetzt einloggen', `the submit button reads "${submit(page)}"`, { timeout: 8000 });
      expect(heading(page)).to.equal('Anmelden');
      // The step's strings arrive after the first screen; the tenant's phrase still wins.
      page.doc.querySelector<HTMLButtonElement>('sign-in-form .si-switch button')!.click();
      await waitUntil(() => heading(page) === 'Werden Sie Mitglied', `the register title reads "${heading(page)}"`, { timeout: 8000 });
    });

    it('changes nothing for a tenant without custom phrases, and the English page never fetches the localization runtime', async () => {
      const { page, phraseRequests } = await openPage(undefined);
      await phrasesAsked(phraseRequests, 1);
      expect(submit(page)).to.equal('Sign in');
      expect(heading(page)).to.equal('Sign in');
      // The test server serves modules one by one: the kit's runtime module is src/i18n/runtime.ts.
      const paths = (page.window.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => new URL(entry.name).pathname);
      expect(paths.filter((path) => path.startsWith('/src/i18n/runtime.'))).to.deep.equal([]);
      // Asked after the first screen was painted, never before it.
      const painted = page.window.performance.getEntriesByName('first-contentful-paint')[0];
      const asked = paths.indexOf(PHRASES);
      if (painted && asked >= 0) {
        expect(page.window.performance.getEntriesByType('resource')[asked]!.startTime).to.be.greaterThan(painted.startTime);
      }
    });

    it("keeps the kit's wording when the phrases cannot be had", async () => {
      const { page, phraseRequests } = await openPage({ en: { action: { sign_in: 'Log in' } } }, 'en', [
        { method: 'GET', path: PHRASES, response: { status: 503, body: 'unavailable' } },
      ]);
      await phrasesAsked(phraseRequests, 1);
      expect(submit(page)).to.equal('Sign in');
      expect(page.doc.querySelector('sign-in-form .si-error, sign-in-form [role="alert"]:not(:empty)')).to.equal(null);
    });

    it("shows each language's phrases when the language changes, and English again after it", async function () {
      this.timeout(30_000);
      const { page, phraseRequests } = await openPage({
        en: { action: { sign_in: 'Log in' } },
        de: { action: { sign_in: 'Einloggen' } },
      });
      await waitUntil(() => submit(page) === 'Log in', `the submit button reads "${submit(page)}"`, { timeout: 8000 });

      await chooseLanguage(page, 'de');
      await waitUntil(() => submit(page) === 'Einloggen', `the submit button reads "${submit(page)}"`, { timeout: 8000 });
      expect(heading(page)).to.equal('Anmelden');

      await chooseLanguage(page, 'fr');
      await phrasesAsked(phraseRequests, 3);
      expect(submit(page)).to.equal('Se connecter');

      await chooseLanguage(page, 'en');
      await waitUntil(() => submit(page) === 'Log in', `the submit button reads "${submit(page)}"`, { timeout: 8000 });
      expect(heading(page)).to.equal('Sign in');
      // Once per language: English, German, French.
      expect(await phraseRequests()).to.equal(3);
    });
  });
});
