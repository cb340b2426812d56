/**
 * URLs from the server that are not http(s): the kit must never load, link to or follow them.
 *
 * - Logos (light and dark), the favicon and social-connector logos set to javascript:, data:text/html,
 *   vbscript:, ftp:, file:, blob: and friends (also disguised: mixed case, leading spaces, a tab
 *   inside the scheme) render no element that points at them. `data:image/…` stays allowed, as the
 *   strict policy allows it for images, and a normal logo still shows (so the check can see one).
 * - A submit whose `redirectTo` is such a URL, and a social `authorizationUri` likewise, are
 *   refused with a sentence: no `si-success`, no navigation, no script run, the form left as it was.
 */
import { expect, waitUntil } from '@open-wc/testing';

import '../../src/define.js';
import { ExperienceClient, type SignInForm } from '../../src/index.js';
import { addUser, PASSWORD_ONLY, registerApp, startApp, uniqueName } from '../helpers/emulator.js';
import {
  armFaults,
  disarmAll,
  forgetKitStorage,
  type Endpoint,
  ENDPOINTS,
  kitSentences,
  matchesTemplate,
  NavigationGuard,
  nextKitEvent,
  rule,
  SERVER_PROBLEM_IDS,
  sentenceProblem,
  visibleAlerts,
} from '../helpers/faults.js';
import { FormHarness } from '../helpers/harness.js';
import { HostedWindow, until } from '../helpers/social.js';

/** Sets `__siPwned` in whatever window runs it: proof that a URL was followed as script. */
const PAYLOAD = 'window.__siPwned=1';

const UNSAFE = [
  `javascript:${PAYLOAD}`,
  `JaVaScRiPt:${PAYLOAD}`,
  `  javascript:${PAYLOAD}`,
  `java\tscript:${PAYLOAD}`,
  `\u0001javascript:${PAYLOAD}`,
  `data:text/html,<script>${PAYLOAD}</script>`,
  `data:text/html;base64,${btoa(`<script>${PAYLOAD}</script>`)}`,
  'data:application/javascript,window.__siPwned=1',
  'vbscript:msgbox(1)',
  'ftp://example.com/logo.png',
  'file:///etc/passwd',
  'blob:https://evil.example/0b1f6e3c-8d4e-4d5e-9a39-1f2a3b4c5d6e',
  'chrome://settings',
];

const SAFE_LOGO = '/__emulator/assets/logo.svg';
const DATA_IMAGE = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';


const figures = { logoCases: 0, redirectCases: 0, refused: 0 };

/** Every URL an element in `root` (and in the shadow roots inside it) loads or links to. */
function urlsIn(root: Document | ShadowRoot | Element): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  const attributes: [string, string][] = [
    ['img', 'src'],
    ['img', 'srcset'],
    ['source', 'srcset'],
    ['link', 'href'],
    ['a', 'href'],
    ['iframe', 'src'],
    ['image', 'href'],
    ['use', 'href'],
    ['object', 'data'],
    ['embed', 'src'],
  ];
  const visit = (node: Document | ShadowRoot | Element) => {
    for (const [tag, attribute] of attributes) {
      for (const element of node.querySelectorAll(`${tag}[${attribute}]`)) {
        out.push({ where: `<${tag} ${attribute}>`, url: element.getAttribute(attribute) ?? '' });
      }
    }
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(root);
  return out;
}

/** Only http(s) (absolute or relative), `mailto:`, and data: images are acceptable targets. */
function unsafe(url: string): boolean {
  const trimmed = url.trim();
  // The page's own placeholder favicon (index.html): an empty data URL, which loads nothing.
  if (trimmed === 'data:,') return false;
  if (/^data:image\/(png|gif|jpe?g|webp|avif|svg\+xml)[;,]/i.test(trimmed)) return false;
  if (/^mailto:/i.test(trimmed)) return false;
  try {
    const parsed = new URL(trimmed, location.href);
    return parsed.protocol !== 'http:' && parsed.protocol !== 'https:';
  } catch {
    return true;
  }
}

function pwned(win: Window = window): boolean {
  return Boolean((win as Window & { __siPwned?: unknown }).__siPwned);
}

const mounted: SignInForm[] = [];

async function mountFor(appId: string, theme: 'light' | 'dark'): Promise<FormHarness> {
  const element = document.createElement('sign-in-form');
  element.setAttribute('app-id', appId);
  element.setAttribute('theme', theme);
  document.body.append(element);
  mounted.push(element);
  return new FormHarness(element).ready('input[name="identifier"]');
}

describe('URLs that are not http(s)', function () {
  this.timeout(30_000);
  const guard = new NavigationGuard();
  let allowedSentences: string[] = [];

  before(async () => {
    guard.install();
    const sentences = await kitSentences('de');
    allowedSentences = SERVER_PROBLEM_IDS.map((id) => sentences.get(id)?.en ?? '').filter(Boolean);
  });
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
    HostedWindow.closeAll();
  });
  after(async () => {
    await disarmAll();
    forgetKitStorage();
    guard.remove();
    console.log(
      `unsafe urls: ${figures.logoCases} logo/link configs and ${figures.redirectCases} redirects tried, ` +
        `${figures.refused} redirects refused without navigating, ${guard.attempts.length} navigations of the test page`,
    );
  });

  describe('logos and links from the config', () => {
    it('renders a normal logo and a data: image logo (so the check can see a logo at all)', async () => {
      const controls: [string, string][] = [
        [SAFE_LOGO, new URL(SAFE_LOGO, location.origin).href],
        [DATA_IMAGE, DATA_IMAGE],
      ];
      for (const [logo, expected] of controls) {
        const appId = await registerApp({ branding: { logoUrl: logo, darkLogoUrl: logo } });
        const harness = await mountFor(appId, 'light');
        const img = harness.element.shadowRoot?.querySelector<HTMLImageElement>('[part="logo"] img');
        expect(img?.getAttribute('src'), `logo ${logo.slice(0, 40)}`).to.equal(expected);
      }
    });

    it(`renders no element pointing at any of ${UNSAFE.length} unsafe logo, favicon, connector-logo or terms URLs, light or dark`, async () => {
      const problems: string[] = [];
      for (const url of UNSAFE) {
        const appId = await registerApp({
          branding: { logoUrl: url, darkLogoUrl: url, favicon: url },
          termsOfUseUrl: url,
          privacyPolicyUrl: url,
          socialConnectors: [
            { id: 'unsafe-logo', target: 'unsafe', name: { en: 'Unsafe' }, logo: url, logoDark: url, platform: 'Web', isStandard: true },
          ],
        });
        for (const theme of ['light', 'dark'] as const) {
          const harness = await mountFor(appId, theme);
          await waitUntil(() => harness.element.querySelector('social-buttons')?.shadowRoot?.querySelector('button'), 'no social button rendered');
          for (const found of urlsIn(harness.element)) {
            if (unsafe(found.url)) problems.push(`${theme}: ${found.where} = ${JSON.stringify(found.url)} (config ${JSON.stringify(url)})`);
          }
          figures.logoCases += 1;
        }
      }
      expect(pwned(), 'a URL ran as script').to.equal(false);
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });

    it('the hosted page sets no unsafe favicon and shows no unsafe logo', async () => {
      const problems: string[] = [];
      for (const url of [UNSAFE[0]!, UNSAFE[3]!, UNSAFE[5]!, UNSAFE[9]!]) {
        const appId = await registerApp({ branding: { logoUrl: url, darkLogoUrl: url, favicon: url } });
        const page = await HostedWindow.start(appId);
        for (const found of urlsIn(page.doc)) {
          if (unsafe(found.url)) problems.push(`${found.where} = ${JSON.stringify(found.url)} (config ${JSON.stringify(url)})`);
        }
        if (pwned(page.win)) problems.push(`${JSON.stringify(url)} ran as script in the page`);
        figures.logoCases += 1;
        HostedWindow.closeAll();
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  });

  describe('where the kit sends the browser', () => {
    const password = 'Redirect-pass-42';

    /** A form on its first step with `typed` typed in; rebuilt after a case that left it unusable. */
    class Bench {
      element!: SignInForm;
      harness!: FormHarness;
      constructor(
        readonly appId: string,
        readonly typed: Record<string, string>,
      ) {}

      async build(): Promise<this> {
        this.element?.remove();
        this.element = document.createElement('sign-in-form');
        this.element.client = new ExperienceClient({ appId: this.appId });
        document.body.append(this.element);
        mounted.push(this.element);
        this.harness = await new FormHarness(this.element).ready(`input[name="${Object.keys(this.typed).at(-1)!}"]`);
        for (const [name, value] of Object.entries(this.typed)) await this.harness.type(name, value);
        return this;
      }
    }

    /**
     * Runs `trigger` with the endpoint answering `body`. Reports, separately, whether the URL was
     * refused (no si-success, no navigation, no script, a clear sentence) and whether the user can
     * go on afterwards (back on the first step, input kept, a submit button that is not stuck).
     */
    async function refused(
      bench: Bench,
      endpoint: Endpoint,
      body: Record<string, string>,
      trigger: () => void,
    ): Promise<{ refusal: string[]; recovery: string[] }> {
      const problems: string[] = [];
      const recovery: string[] = [];
      const { harness } = bench;
      const navigations = guard.attempts.length;
      let succeeded = false;
      const onSuccess = (event: Event) => {
        succeeded = true;
        event.preventDefault();
      };
      document.addEventListener('si-success', onSuccess, true);
      try {
        await armFaults(bench.appId, [rule(endpoint, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })]);
        const outcome = nextKitEvent(document, { types: ['si-error', 'si-success'] });
        trigger();
        const event = await outcome;
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (succeeded || (event !== 'timeout' && event !== 'settled' && event.type === 'si-success')) problems.push('si-success was fired');
        if (event === 'timeout') problems.push('no si-error');
        if (guard.attempts.length > navigations) problems.push(`the page tried to navigate to ${guard.attempts.slice(navigations).join(', ')}`);
        if (pwned()) problems.push('the URL ran as script in the page');
        for (const link of urlsIn(harness.element)) if (unsafe(link.url)) problems.push(`${link.where} = ${link.url}`);
        let shown: string[] = [];
        try {
          await waitUntil(() => (shown = visibleAlerts(harness.form)).some((text) => allowedSentences.some((t) => matchesTemplate(text, t))), '', {
            timeout: 600,
          });
        } catch {
          problems.push(`no clear message (alerts: ${JSON.stringify(shown)}, heading: "${harness.heading() ?? ''}")`);
        }
        for (const text of shown) {
          const problem = sentenceProblem(text);
          if (problem) problems.push(`"${text}": ${problem}`);
        }
        // The user must be able to go on: back on the first step, with what they typed, and a
        // submit button that is not stuck on its busy label.
        if (harness.element.step?.name !== 'sign-in') recovery.push(`the form stays on its "${harness.element.step?.name ?? 'no'}" step`);
        for (const [name, value] of Object.entries(bench.typed)) {
          const input = harness.form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
          if (input?.value !== value) recovery.push(`the ${name} field no longer holds what was typed`);
        }
        const button = harness.form.querySelector<HTMLButtonElement>('button[type="submit"]');
        if (button?.getAttribute('aria-disabled') === 'true') recovery.push(`the submit button stays busy ("${button.textContent?.trim() ?? ''}")`);
      } finally {
        document.removeEventListener('si-success', onSuccess, true);
        await armFaults(bench.appId, []);
      }
      // The next case starts from a usable form.
      if (recovery.length > 0) await bench.build();
      return { refusal: problems, recovery };
    }

    const stuck: { redirect: string[]; social: string[] } = { redirect: [], social: [] };

    it(`refuses ${UNSAFE.length} unsafe redirectTo values at the end of a sign-in: a sentence, no success event, no navigation`, async () => {
      const app = await startApp(PASSWORD_ONLY);
      const username = uniqueName('redirect');
      await addUser({ username, password });
      const bench = await new Bench(app.appId, { identifier: username, password }).build();
      const problems: string[] = [];
      for (const url of UNSAFE) {
        const { refusal, recovery } = await refused(bench, ENDPOINTS.submit, { redirectTo: url }, () => bench.harness.submitButton().click());
        figures.redirectCases += 1;
        if (!refusal.some((problem) => /si-success|navigate|script/.test(problem))) figures.refused += 1;
        problems.push(...refusal.map((problem) => `${JSON.stringify(url)}: ${problem}`));
        stuck.redirect.push(...recovery.map((problem) => `${JSON.stringify(url)}: ${problem}`));
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });

    it('after a refused redirectTo, the form lets the user sign in again', () => {
      expect(stuck.redirect, stuck.redirect.join('\n')).to.deep.equal([]);
    });

    /** Every other unsafe URL, alternately for a redirecting provider and one shown in the QR panel. */
    const SOCIAL_UNSAFE = UNSAFE.filter((_, index) => index % 2 === 0);

    it(`refuses ${SOCIAL_UNSAFE.length} unsafe social authorization URIs: a sentence, no navigation, no unsafe frame or link`, async () => {
      const app = await startApp();
      const bench = await new Bench(app.appId, { identifier: 'alice' }).build();
      const problems: string[] = [];
      for (const [index, url] of SOCIAL_UNSAFE.entries()) {
        const connector = index % 2 === 0 ? 'oauth2-demo' : 'wechat-web';
        const { refusal, recovery } = await refused(bench, ENDPOINTS.socialUri, { authorizationUri: url, verificationId: 'unsafe-verification' }, () => {
          const button = bench.element
            .querySelector('social-buttons')
            ?.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-connector="${connector}"]`);
          if (!button) throw new Error(`no ${connector} button`);
          button.click();
        });
        figures.redirectCases += 1;
        if (!refusal.some((problem) => /si-success|navigate|script/.test(problem))) figures.refused += 1;
        problems.push(...refusal.map((problem) => `${connector} ${JSON.stringify(url)}: ${problem}`));
        stuck.social.push(...recovery.map((problem) => `${connector} ${JSON.stringify(url)}: ${problem}`));
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });

    it('after a refused authorization URI, the sign-in form is back', () => {
      expect(stuck.social, stuck.social.join('\n')).to.deep.equal([]);
    });

    it('the hosted page refuses a javascript: and a data: redirectTo, stays on /sign-in and says why', async () => {
      const hostedApp = await registerApp(PASSWORD_ONLY);
      const hostedUser = uniqueName('hostedredirect');
      await addUser({ username: hostedUser, password });
      for (const url of [UNSAFE[0]!, UNSAFE[5]!]) {
        const page = await HostedWindow.start(hostedApp);
        await armFaults(hostedApp, [
          rule(ENDPOINTS.submit, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ redirectTo: url }) }),
        ]);
        // Password-only tenant: identifier and password on one screen.
        page.fill('identifier', hostedUser);
        page.fill('password', password);
        page.form!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        const text = await until(
          () => page.alertText() && allowedSentences.some((t) => matchesTemplate(page.alertText()!, t)) && page.alertText(),
          () => `no clear message on the page (alert: "${page.alertText() ?? ''}", at ${page.safeHref()})`,
          5000,
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(page.win.location.pathname, `after ${JSON.stringify(url)}`).to.match(/^\/sign-in/);
        expect(pwned(page.win), `${JSON.stringify(url)} ran as script`).to.equal(false);
        expect(sentenceProblem(text)).to.equal(undefined);
        figures.redirectCases += 1;
        figures.refused += 1;
        await armFaults(hostedApp, []);
        HostedWindow.closeAll();
      }
    });
  });
});
