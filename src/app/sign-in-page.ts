/**
 * The hosted sign-in page: what Logto serves as its custom sign-in UI. A thin shell around
 * `<sign-in-form>` that only uses the kit's public API: it reads the URL Logto redirected to, loads
 * the tenant config once, picks the language, applies favicon and custom CSS, and lays out the page.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';

import {
  allLocales,
  appIdForState,
  type EntryStep,
  type FirstScreen,
  type SignInForm,
  type SiStepChangeEvent,
  type Step,
  ConfigClient,
  defineConsent,
  getLocale,
  stepPath,
  type LocaleCode,
  negotiateLocale,
  resolveScheme,
  safeImageUrl,
  setLocale,
  setTenantCss,
  type SignInExperience,
  textDirection,
} from '../index.js';

const SESSION_KEYS = ['app_id', 'organization_id', 'ui_locales'] as const;

type PageParameters = Record<(typeof SESSION_KEYS)[number] | 'login_hint' | 'identifier', string | undefined>;

/**
 * The page parameters Logto puts in the URL, and a function that keeps them for the tab's lifetime
 * like Logto's own UI: the page calls it once the first screen is painted, and leaving the page
 * sooner (for a provider's page, from which the callback comes back without them) calls it too.
 */
function readParameters(): [PageParameters, keep: () => void] {
  const query = new URLSearchParams(location.search);
  const out: Record<string, string | undefined> = {
    login_hint: query.get('login_hint') ?? undefined,
    identifier: query.get('identifier') ?? undefined,
  };
  const keep: [string, string][] = [];
  // An address with the app id came from Logto (or from this page) and carries every parameter;
  // only one without it (a provider's callback) needs what the tab kept. Opening storage is slow
  // enough to show in the first screen's script time, so it is opened only then.
  const fromLogto = query.has('app_id');
  for (const key of SESSION_KEYS) {
    const fromQuery = query.get(key) ?? undefined;
    const value =
      fromQuery ??
      (fromLogto ? undefined : safeSessionItem(`sign-in-kit:${key}`)) ??
      // An in-app browser may come back from a provider in a fresh tab: the social attempt kept it.
      (key === 'app_id' ? appIdForState(query.get('state')) : undefined);
    if (value) keep.push([`sign-in-kit:${key}`, value]);
    out[key] = value;
  }
  let saved = keep.length === 0;
  const save = () => {
    if (saved) return;
    saved = true;
    keep.forEach(([key, value]) => safeSessionStore(key, value));
  };
  if (!saved) addEventListener('pagehide', save, { once: true });
  return [out as PageParameters, save];
}

function safeSessionItem(key: string): string | undefined {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Runs `task` when the page has nothing more urgent to do, or after `timeout` ms at the latest. */
function idle(task: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout });
  else setTimeout(task, timeout / 4);
}

function safeSessionStore(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private modes): the address still carries the values.
  }
}

/**
 * Logto's first-screen paths (the server redirects to these) mapped to the form's first screen.
 * Read segment by segment rather than with a regular expression per path: the page does this
 * before anything is on screen, and each expression is compiled on its first use.
 */
export function firstScreenFor(path: string): FirstScreen {
  if (!path.startsWith('/')) return 'not-found';
  const [, head = '', ...rest] = path.split('/');
  const tail = rest.join('/');
  /** Nothing after the first segment, or only a slash. */
  const bare = tail === '';
  switch (head) {
    case 'identifier-sign-in':
    case 'identifier-register':
      return bare ? head : 'not-found';
    case 'register':
      return 'register';
    case 'forgot-password':
    case 'reset-password':
      return 'forgot-password';
    case 'single-sign-on':
      return 'single-sign-on';
    case 'unknown-session':
    case 'account-suspended':
      return rest.length === 0 ? head : 'not-found';
    case 'callback':
      return rest.length === 1 && !bare ? 'social-callback' : 'not-found';
    // A direct sign-in or a magic link: the page acts on the address at once (see #resume).
    case 'direct':
      return /^[^/]+\/[^/]+\/?$/.test(tail) ? 'working' : 'not-found';
    case 'switch-account':
      return bare ? 'working' : 'not-found';
    case 'one-time-token':
      if (bare) return 'working';
      return tail === 'error' ? 'sign-in' : 'not-found';
    // The addresses of Logto's own page that open the sign-in screen (or resume a step saved
    // before a reload).
    case '':
    case 'index.html':
    case 'create-passkey':
      return rest.length === 0 ? 'sign-in' : 'not-found';
    case 'sign-in':
    case 'mfa-verification':
    case 'mfa-binding':
    case 'mfa-onboarding':
      return 'sign-in';
    case 'continue':
    case 'social':
      return rest.length > 0 ? 'sign-in' : 'not-found';
    default:
      return 'not-found';
  }
}

const ENTRY_SCREENS: ReadonlySet<FirstScreen> = new Set(['sign-in', 'register', 'forgot-password', 'single-sign-on']);

/** The entry step a first screen falls back to (a direct sign-in's `fallback`, the Back button). */
function entryOf(screen: FirstScreen): EntryStep {
  if (ENTRY_SCREENS.has(screen)) return screen as EntryStep;
  return screen === 'identifier-register' ? 'register' : 'sign-in';
}

/**
 * A script with the CAPTCHA provider's global API that the deployer serves instead of the
 * provider's own (`<meta name="sign-in-kit:captcha-script" content="…">` in index.html): a
 * same-origin proxy of it, or in development the emulator's stand-in.
 */
const captchaScript = document.querySelector<HTMLMetaElement>('meta[name="sign-in-kit:captcha-script"]')?.content || undefined;

const STEP_KEY = 'sign-in-kit:step';
/** Steps that can be resumed after a reload: they hold identifiers and verification ids, never secrets. */
const RESUMABLE = new Set<Step['name']>([
  'sign-in-password',
  'verification-code',
  'register-password',
  'reset-password',
  'continue',
  'confirm-register',
  'confirm-sign-in',
  'social-link',
]);

export class SignInPage extends LitElement {
  static override properties = {
    config: { state: true },
    ready: { state: true },
    locale: { state: true },
    footer: { state: true },
  };

  private config?: SignInExperience;
  private ready = false;
  /** The language picker: drawn once the form's first screen is painted (it does not move the card). */
  private footer = false;
  private locale: LocaleCode = 'en';

  readonly #params: PageParameters;
  readonly #keepParameters: () => void;
  readonly #client: ConfigClient;
  readonly #darkQuery = matchMedia('(prefers-color-scheme: dark)');
  // A magic link lands on the first screen with its token (`/sign-in?one_time_token=…&login_hint=…`),
  // which Logto's own pages hand to the one-time-token page: so does this one.
  readonly #firstScreen = new URLSearchParams(location.search).has('one_time_token') ? 'working' : firstScreenFor(location.pathname);
  /** Position in the browser history of the entries this page pushed. */
  #index = 0;
  #navigating = false;

  constructor() {
    super();
    [this.#params, this.#keepParameters] = readParameters();
    this.#client = new ConfigClient({
      appId: this.#params.app_id,
      organizationId: this.#params.organization_id,
      language: () => getLocale(),
    });
    updateWhenLocaleChanges(this);
  }

  // Light DOM: the form's credential inputs must not end up inside another shadow root.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#darkQuery.addEventListener('change', this.#applyScheme);
    addEventListener('popstate', this.#onPopState);
    // A reload keeps the entry's state: this page's count of its entries starts again at 0. (An
    // entry without state counts as 0 too, so a fresh one is left alone.)
    if ((history.state as { siIndex?: number } | null)?.siIndex) history.replaceState({ siIndex: 0 }, '');
    void this.#boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery.removeEventListener('change', this.#applyScheme);
    removeEventListener('popstate', this.#onPopState);
  }

  get #form(): SignInForm | null {
    return this.querySelector('sign-in-form');
  }

  async #boot(): Promise<void> {
    try {
      this.config = await this.#client.getSignInExperience();
    } catch {
      // The form shows the failure with a retry control; nothing else to do here.
    }
    const locale = negotiateLocale({
      uiLocales: this.#params.ui_locales,
      browserLanguages: navigator.languages,
      autoDetect: this.config?.languageInfo.autoDetect,
      fallbackLanguage: this.config?.languageInfo.fallbackLanguage,
    });
    await this.#switchLocale(locale);
    if (this.config) this.#applyTenant(this.config);
    this.#applyScheme();
    this.ready = true;
    await this.updateComplete;
    requestAnimationFrame(() => idle(() => (this.footer = true), 100));
    // Opening the tab's storage takes a moment the user should not wait on: done when the page is
    // idle (or left sooner).
    idle(this.#keepParameters, 2000);
    await this.#resume();
  }

  /** After a reload, puts back the step the address bar shows, when it was saved and is safe. */
  async #resume(): Promise<void> {
    const form = this.#form;
    if (form && this.#firstScreen === 'social-callback') {
      const connectorId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
      const params = callbackParameters();
      // The provider's code and state are single-use: keep them out of the address bar and history.
      history.replaceState({ siIndex: 0 }, '', location.pathname + this.#search());
      await form.completeSocial(connectorId, params);
      return;
    }
    if (form && this.#firstScreen === 'working') return this.#handOff(form);
    // An entry screen's own address holds no saved step: storage stays closed on the first screen.
    if (/^\/(sign-in|register|forgot-password|identifier-(sign-in|register)|single-sign-on)?\/?$/.test(location.pathname)) return;
    const saved = safeSessionItem(STEP_KEY);
    if (!form || !saved) return;
    try {
      const { path, step } = JSON.parse(saved) as { path: string; step: Step };
      if (path !== location.pathname || !RESUMABLE.has(step.name)) return;
      await form.whenReady();
      await form.restore(step);
    } catch {
      sessionStorage.removeItem(STEP_KEY);
    }
    // When the saved step could not be put back, the form shows its first screen: say so in the
    // address bar too, so that reload and back agree with what is on screen.
    const shown = stepPathOf(form);
    if (shown && shown !== location.pathname) {
      sessionStorage.removeItem(STEP_KEY);
      history.replaceState({ siIndex: this.#index }, '', shown + this.#search());
    }
  }

  /**
   * An address that starts something at once: a direct sign-in (`/direct/social/<target>`,
   * `/direct/sso/<connectorId>`, with Logto's `fallback` screen) or a magic link
   * (`/one-time-token?one_time_token=…&login_hint=…`, also `token` and `email`), possibly behind the
   * switch-account question (`/switch-account`). The token leaves the address bar first.
   */
  async #handOff(form: SignInForm): Promise<void> {
    const path = location.pathname;
    const query = new URLSearchParams(location.search);
    history.replaceState({ siIndex: 0 }, '', path + this.#search());
    const direct = /^\/direct\/([^/]+)\/([^/]+)/.exec(path);
    if (direct) {
      const fallback = entryOf(firstScreenFor(`/${query.get('fallback') ?? 'sign-in'}`));
      await form.withFlow((flow) => flow.startDirect(decodeURIComponent(direct[1]!), decodeURIComponent(direct[2]!), fallback));
      return;
    }
    const token = query.get('one_time_token') ?? query.get('token') ?? '';
    const email = query.get('login_hint') ?? query.get('email') ?? '';
    await form.withFlow((flow) =>
      path.startsWith('/switch-account') ? flow.offerSwitchAccount(token, email) : flow.signInWithOneTimeToken(token, email),
    );
  }

  /** The query this page keeps on every address: the app, organization and language. */
  #search(): string {
    const query = new URLSearchParams();
    for (const key of SESSION_KEYS) {
      const value = this.#params[key];
      if (value) query.set(key, value);
    }
    const text = query.toString();
    return text ? `?${text}` : '';
  }

  #onStepChange = (event: SiStepChangeEvent): void => {
    const step = (event.target as SignInForm).step;
    if (step && RESUMABLE.has(step.name)) {
      sessionStorage.setItem(STEP_KEY, JSON.stringify({ path: event.detail.path, step }));
    } else {
      sessionStorage.removeItem(STEP_KEY);
    }
    if (this.#navigating || step?.name === 'done') return;
    if (event.detail.path === location.pathname) return;
    history.pushState({ siIndex: ++this.#index }, '', event.detail.path + this.#search());
  };

  /** Browser back and forward: step back inside the journey, or reopen the entry step of the path. */
  #onPopState = (event: PopStateEvent): void => {
    const form = this.#form;
    if (!form) return;
    const target = (event.state as { siIndex?: number } | null)?.siIndex ?? 0;
    this.#navigating = true;
    try {
      let moved = true;
      for (let i = target; i < this.#index && moved; i++) moved = form.goBack();
      const screen = firstScreenFor(location.pathname);
      if (!moved || target > this.#index || stepPathOf(form) !== location.pathname) {
        if (screen !== 'unknown-session' && screen !== 'social-callback' && screen !== 'working') form.show(entryOf(screen));
      }
    } finally {
      this.#index = target;
      this.#navigating = false;
    }
  };

  async #switchLocale(locale: LocaleCode): Promise<void> {
    try {
      await setLocale(locale);
    } catch {
      await setLocale('en');
    }
    this.locale = getLocale();
    // Written only when they change: index.html has the English ones, and each write makes the
    // browser rework the document before the first screen.
    const title = msg('Sign in', { id: 'signIn.title' });
    const dir = textDirection(this.locale);
    const root = document.documentElement;
    if (document.title !== title) document.title = title;
    if (root.lang !== this.locale) root.lang = this.locale;
    if (root.dir !== dir) root.dir = dir;
  }

  #applyTenant(config: SignInExperience): void {
    const favicon = safeImageUrl(config.branding.favicon ?? config.branding.logoUrl);
    if (favicon) {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]') ?? document.createElement('link');
      link.rel = 'icon';
      link.href = favicon;
      document.head.append(link);
    }
    if (config.customCss) {
      // A constructed sheet: allowed under a strict `style-src 'self'` policy, unlike a <style> element.
      const sheet = new CSSStyleSheet();
      setTenantCss(sheet, config.customCss);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
  }

  #applyScheme = (): void => {
    document.body.dataset.scheme = resolveScheme('auto', this.config, this.#darkQuery.matches);
  };

  #onLanguageChange = (event: Event): void => {
    const locale = (event.target as HTMLSelectElement).value as LocaleCode;
    void this.#switchLocale(locale);
  };

  protected override render(): TemplateResult {
    // Third-party consent (`/consent`): its own element, fetched only on this path.
    if (location.pathname === '/consent') return this.#renderConsent();
    return html`
      <main class="page-main">
        ${this.ready
          ? html`<sign-in-form
              .config=${this.config}
              app-id=${this.#params.app_id ?? nothing}
              organization-id=${this.#params.organization_id ?? nothing}
              login-hint=${this.#params.login_hint ?? nothing}
              identifier=${this.#params.identifier ?? nothing}
              captcha-script=${captchaScript ?? nothing}
              screen=${this.#firstScreen}
              @si-step-change=${this.#onStepChange}
            ></sign-in-form>`
          : nothing}
      </main>
      ${this.footer ? this.#renderFooter() : nothing}
    `;
  }

  #renderConsent(): TemplateResult {
    void defineConsent();
    return html`<main class="page-main">
      ${this.ready ? html`<sign-in-consent .config=${this.config} app-id=${this.#params.app_id ?? nothing}></sign-in-consent>` : nothing}
    </main>`;
  }

  #renderFooter(): TemplateResult {
    return html`
      <footer class="page-footer">
        <label for="page-language">${msg('Language', { id: 'page.language' })}</label>
        <select id="page-language" @change=${this.#onLanguageChange}>
          ${allLocales.map(
            (code) => html`<option value=${code} ?selected=${code === this.locale} lang=${code}>${nativeName(code)}</option>`,
          )}
        </select>
      </footer>
    `;
  }
}

/** Every parameter a provider sent back, from the query and the fragment (some use the latter). */
function callbackParameters(): Record<string, string> {
  const params: Record<string, string> = {};
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  for (const source of [fragment, new URLSearchParams(location.search)]) {
    for (const [key, value] of source) params[key] = value;
  }
  return params;
}

function stepPathOf(form: SignInForm): string | undefined {
  return form.step ? stepPath(form.step) : undefined;
}

/**
 * Each language's name in that language, as the picker shows it. Written out rather than asked of
 * `Intl.DisplayNames`, which loads every language's data before the first screen (the largest
 * single cost of the page's script time) and names some of them by country ("中文（中国）").
 */
const NATIVE_NAMES: Record<LocaleCode, string> = {
  ar: 'العربية',
  cs: 'Čeština',
  de: 'Deutsch',
  en: 'English',
  es: 'Español',
  'fa-IR': 'فارسی',
  fr: 'Français',
  it: 'Italiano',
  ja: '日本語',
  ko: '한국어',
  'pl-PL': 'Polski',
  'pt-BR': 'Português (Brasil)',
  'pt-PT': 'Português (Portugal)',
  ru: 'Русский',
  th: 'ไทย',
  'tr-TR': 'Türkçe',
  'uk-UA': 'Українська',
  'zh-CN': '简体中文',
  'zh-HK': '繁體中文（香港）',
  'zh-TW': '繁體中文（台灣）',
};

function nativeName(code: LocaleCode): string {
  return NATIVE_NAMES[code] ?? code;
}


declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage;
  }
}
