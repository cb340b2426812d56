/**
 * The hosted sign-in page: what Logto serves as its custom sign-in UI. A thin shell around
 * `<sign-in-form>` that only uses the kit's public API: it reads the URL Logto redirected to, loads
 * the tenant config once, picks the language, applies favicon and custom CSS, and lays out the page.
 */
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';

import {
  allLocales,
  ExperienceClient,
  getLocale,
  type LocaleCode,
  negotiateLocale,
  resolveScheme,
  safeImageUrl,
  setLocale,
  type SignInExperience,
  textDirection,
} from '../index.js';

const SESSION_KEYS = ['app_id', 'organization_id', 'ui_locales'] as const;

/** The page parameters Logto puts in the URL, kept for the tab's lifetime like Logto's own UI. */
function readParameters(): Record<(typeof SESSION_KEYS)[number] | 'login_hint', string | undefined> {
  const query = new URLSearchParams(location.search);
  const out: Record<string, string | undefined> = { login_hint: query.get('login_hint') ?? undefined };
  for (const key of SESSION_KEYS) {
    const value = query.get(key) ?? sessionStorage.getItem(`sign-in-kit:${key}`) ?? undefined;
    if (value) sessionStorage.setItem(`sign-in-kit:${key}`, value);
    out[key] = value;
  }
  return out;
}

@localized()
export class SignInPage extends LitElement {
  @state() private config?: SignInExperience;
  @state() private ready = false;
  @state() private locale: LocaleCode = 'en';

  readonly #params = readParameters();
  readonly #client = new ExperienceClient({
    appId: this.#params.app_id,
    organizationId: this.#params.organization_id,
    language: () => getLocale(),
  });
  readonly #darkQuery = matchMedia('(prefers-color-scheme: dark)');

  // Light DOM: the form's credential inputs must not end up inside another shadow root.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#darkQuery.addEventListener('change', this.#applyScheme);
    void this.#boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery.removeEventListener('change', this.#applyScheme);
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
  }

  async #switchLocale(locale: LocaleCode): Promise<void> {
    try {
      await setLocale(locale);
    } catch {
      await setLocale('en');
    }
    this.locale = getLocale();
    document.documentElement.lang = this.locale;
    document.documentElement.dir = textDirection(this.locale);
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
      sheet.replaceSync(config.customCss);
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
    return html`
      <main class="page-main">
        ${this.ready
          ? html`<sign-in-form
              .client=${this.#client}
              .config=${this.config}
              app-id=${this.#params.app_id ?? nothing}
              login-hint=${this.#params.login_hint ?? nothing}
            ></sign-in-form>`
          : nothing}
      </main>
      ${this.ready ? this.#renderFooter() : nothing}
    `;
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

/** A language's name in that language ("Deutsch", "简体中文"). */
function nativeName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage;
  }
}
