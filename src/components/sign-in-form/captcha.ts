/**
 * The tenant's CAPTCHA (Cloudflare Turnstile or Google reCAPTCHA Enterprise, as Logto supports):
 * the provider's script is loaded only for a tenant that turned CAPTCHA on, its widget lives in
 * the `.si-captcha` box of the steps that start an interaction, and each `PUT /api/experience`
 * gets a fresh token. An expired token is renewed in place; nothing the user typed is touched.
 */
import { ApiError } from '../../api/errors.js';
import { type CaptchaConfig, captchaHasWidget } from '../../api/security-schemas.js';

interface WidgetOptions {
  sitekey: string;
  theme?: 'light' | 'dark';
  size?: string;
  callback: (token: string) => void;
  'error-callback': (code?: unknown) => void;
  'expired-callback': () => void;
}

interface TurnstileApi {
  render(container: HTMLElement, options: WidgetOptions): string | undefined;
  reset(widgetId?: string): void;
  remove(widgetId?: string): void;
}

interface RecaptchaApi {
  ready(callback: () => void): void;
  execute(siteKey: string, options: { action: string }): Promise<string>;
  render(container: HTMLElement, options: WidgetOptions): number | string;
  reset(widgetId?: number | string): void;
}

declare global {
  interface Window {
    turnstile?: TurnstileApi;
    grecaptcha?: { enterprise?: RecaptchaApi };
  }
}

/** How long to wait for the provider before saying the check could not run. */
const WAIT_MS = 30_000;

/** The provider's own script address for a config. */
export function providerScript(config: CaptchaConfig): string {
  if (config.type === 'Turnstile') return 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
  const host = config.domain && /^[\w.-]+$/.test(config.domain) ? config.domain : 'www.google.com';
  const render = config.mode === 'checkbox' ? 'explicit' : encodeURIComponent(config.siteKey);
  return `https://${host}/recaptcha/enterprise.js?render=${render}`;
}

export class Captcha {
  #loading?: Promise<void>;
  #container?: HTMLElement;
  #widget?: string | number;
  #token?: string;
  /** The widget reported a failure since its last token: the next attempt says so at once. */
  #failed = false;
  #waiters: { resolve: (token: string) => void; reject: (error: ApiError) => void }[] = [];

  constructor(
    readonly config: CaptchaConfig,
    /**
     * A script with the provider's API to load instead of the provider's (a proxy, an emulator);
     * `{provider}` in it stands for `turnstile` or `recaptcha-enterprise`.
     */
    readonly scriptUrl: string | undefined,
    readonly dark: () => boolean,
  ) {}

  /** Whether the provider shows a widget (Turnstile, reCAPTCHA in checkbox mode) or runs unseen. */
  get visible(): boolean {
    return captchaHasWidget(this.config);
  }

  /** The provider's global API, once its script has run. */
  get #api(): TurnstileApi | RecaptchaApi | undefined {
    return this.config.type === 'Turnstile' ? window.turnstile : window.grecaptcha?.enterprise;
  }

  /** Fetches the provider's script once; a failed fetch is forgotten so the next call tries again. */
  load(): Promise<void> {
    const provider = this.config.type === 'Turnstile' ? 'turnstile' : 'recaptcha-enterprise';
    const url = this.scriptUrl?.replace('{provider}', provider) ?? providerScript(this.config);
    this.#loading ??= injectScript(url).catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  /** Puts the widget in the step's box (after each render; a new step has a new box). */
  attach(container: HTMLElement | null): void {
    if (!this.visible || !container || container === this.#container) return;
    this.#detach();
    this.#container = container;
    this.load().then(
      () => this.#render(container),
      () => this.#fail('captcha.unavailable'),
    );
  }

  /** A token for the next `PUT /api/experience`; each is used once, then a fresh one is asked for. */
  async token(): Promise<string> {
    await this.load().catch(() => {
      throw new ApiError(0, 'captcha.unavailable', 'The security check could not be loaded.');
    });
    if (!this.visible) return this.#execute();
    if (this.#failed && !this.#token) {
      // Say so now, and start the widget over for the next try.
      this.#failed = false;
      this.#reset();
      throw new ApiError(0, 'captcha.failed', 'The security check failed.');
    }
    const token = this.#token ?? (await this.#nextToken());
    this.#token = undefined;
    // The server verifies a token once: the widget starts over for the next attempt.
    queueMicrotask(() => this.#reset());
    return token;
  }

  /** The server refused the token (or wanted one): start the widget over. */
  reset(): void {
    this.#token = undefined;
    this.#failed = false;
    this.#reset();
  }

  dispose(): void {
    this.#detach();
    this.#fail('captcha.unavailable');
  }

  async #execute(): Promise<string> {
    const api = window.grecaptcha?.enterprise;
    if (!api) throw new ApiError(0, 'captcha.unavailable', 'The security check is not available.');
    await new Promise<void>((resolve) => api.ready(resolve));
    try {
      return await api.execute(this.config.siteKey, { action: 'interaction' });
    } catch {
      throw new ApiError(0, 'captcha.failed', 'The security check failed.');
    }
  }

  #nextToken(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter.resolve !== done);
        reject(new ApiError(0, 'captcha.unavailable', 'The security check did not answer.'));
      }, WAIT_MS);
      const done = (token: string) => {
        clearTimeout(timer);
        resolve(token);
      };
      this.#waiters.push({
        resolve: done,
        reject: (error: ApiError) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      if (!this.#container?.isConnected) this.#fail('captcha.unavailable');
    });
  }

  #render(container: HTMLElement): void {
    if (container !== this.#container) return;
    const api = this.#api;
    if (!api) {
      this.#fail('captcha.unavailable');
      return;
    }
    this.#widget = api.render(container, {
      sitekey: this.config.siteKey,
      theme: this.dark() ? 'dark' : 'light',
      size: this.config.type === 'Turnstile' ? 'flexible' : undefined,
      callback: (token) => {
        this.#token = token;
        this.#failed = false;
        for (const waiter of this.#waiters.splice(0)) waiter.resolve(token);
      },
      'expired-callback': () => {
        // A token that sat too long: ask for a fresh one where the widget is.
        this.#token = undefined;
        this.#reset();
      },
      'error-callback': () => {
        this.#token = undefined;
        this.#failed = true;
        this.#fail('captcha.failed');
      },
    });
  }

  #reset(): void {
    if (this.#widget === undefined) return;
    const api = this.#api;
    try {
      api?.reset(this.#widget as string);
    } catch {
      // a widget the provider already dropped
    }
  }

  #detach(): void {
    if (this.#widget !== undefined && this.config.type === 'Turnstile') {
      try {
        window.turnstile?.remove(this.#widget as string);
      } catch {
        // already gone with its box
      }
    }
    this.#widget = undefined;
    this.#container = undefined;
    this.#token = undefined;
  }

  #fail(code: string): void {
    const error = new ApiError(0, code, 'The security check could not be completed.');
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }
}

let policy: { createScriptURL(url: string): unknown } | undefined;

/** Adds the provider's script (through a Trusted Types policy where the page enforces them). */
function injectScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const types = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes;
    policy ??= types?.createPolicy('logto-sign-in-kit-captcha', { createScriptURL: (value: string) => value });
    script.src = (policy ? policy.createScriptURL(url) : url) as string;
    script.async = true;
    script.dataset.siCaptcha = '';
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener(
      'error',
      () => {
        script.remove();
        reject(new Error('The CAPTCHA script could not be loaded.'));
      },
      { once: true },
    );
    document.head.append(script);
  });
}
