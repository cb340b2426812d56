/**
 * Helpers for the social sign-in tests: connector fixtures, the hosted page in its own window,
 * what the emulated server received, QR decoding, and a ready-made provider callback.
 *
 * Why a window and not an iframe: the hosted page's entry (src/app/main.ts) moves any framed
 * `/callback/...` page to `window.top`, and WeChat's embedded QR page sends `window.top` to the
 * callback. Inside an iframe of the test page, `window.top` is the test runner itself, which would
 * be navigated away. A popup is a top-level window of its own, same-origin, so the test can still
 * read and drive it (including the provider pages and the frame inside `<qr-sign-in>`).
 */
import type jsQRType from 'jsqr';

import type { SocialConnector } from '../../src/api/schemas.js';
import type { RecordedRequest } from '../../src/emulator/emulator.js';
import { ExperienceClient } from '../../src/index.js';
import { takeAttempt } from '../../src/flow/social.js';
import { socialCallback } from '../../stories/support/emulator.js';
import { registerApp } from './emulator.js';

// ----- fixtures --------------------------------------------------------------------------------

export function connector(id: string, target: string, overrides: Partial<SocialConnector> = {}): SocialConnector {
  const name = target.charAt(0).toUpperCase() + target.slice(1);
  return {
    id,
    target,
    name: { en: name },
    logo: `https://cdn.example.com/${target}.svg`,
    logoDark: null,
    platform: 'Web',
    ...overrides,
  };
}

/** `count` distinct web connectors: p01, p02, … (targets t01, t02, …). */
export function manyConnectors(count: number): SocialConnector[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return connector(`p${n}`, `t${n}`, { name: { en: `Provider ${n}` } });
  });
}

// ----- polling ---------------------------------------------------------------------------------

type Maybe<T> = T | null | undefined | false | '';

/** Polls until `read` returns (or resolves to) something truthy, and returns it. */
export async function until<T>(
  read: () => Maybe<T> | Promise<Maybe<T>>,
  message: string | (() => string),
  timeout = 8000,
): Promise<T> {
  const end = Date.now() + timeout;
  let lastError = '';
  while (Date.now() < end) {
    try {
      const value = await read();
      if (value) return value;
    } catch (error) {
      // The window may be between two documents.
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(`${typeof message === 'string' ? message : message()} (after ${timeout} ms)${lastError ? `; last error: ${lastError}` : ''}`);
}

// ----- server side -----------------------------------------------------------------------------

export interface SocialApp {
  appId: string;
  requests(): Promise<RecordedRequest[]>;
}

/** Registers an app with a patched demo tenant (the interaction starts when the page opens). */
export async function socialApp(patch: Record<string, unknown> = {}): Promise<SocialApp> {
  const appId = await registerApp(patch);
  return {
    appId,
    requests: async () => {
      const response = await fetch(`/__emulator/requests?appId=${encodeURIComponent(appId)}`);
      return (await response.json()) as RecordedRequest[];
    },
  };
}

/** `PUT /api/experience/interaction-event` → `interaction-event`, `…/social/x/verify` → `verify`. */
export function requestName(request: RecordedRequest): string {
  const route = request.path.replace(/^\/api\/experience/, '');
  if (route === '' || route === '/') return 'start';
  if (/\/verification\/social\/[^/]+\/authorization-uri$/.test(route)) return 'authorization-uri';
  if (/\/verification\/social\/[^/]+\/verify$/.test(route)) return 'verify';
  return route.replace(/^\//, '');
}

export function named(requests: RecordedRequest[], name: string): RecordedRequest[] {
  return requests.filter((request) => requestName(request) === name);
}

export function bodyOf(request: RecordedRequest | undefined): Record<string, unknown> {
  return (request?.body ?? {}) as Record<string, unknown>;
}

// ----- the hosted page in a window -------------------------------------------------------------

/** The hosted page (and whatever it navigates to) in a popup window of the test's origin. */
export class HostedWindow {
  static readonly open: HostedWindow[] = [];

  private constructor(readonly win: Window) {}

  /** Opens `path` (e.g. `/oidc/auth?client_id=…`) and waits until the sign-in form renders a step. */
  static async start(appId: string, extra = ''): Promise<HostedWindow> {
    const page = HostedWindow.openBlank(`/oidc/auth?client_id=${encodeURIComponent(appId)}${extra}`);
    await page.waitForStep();
    return page;
  }

  /**
   * A new window at `path`. A window opened by the test page starts with a copy of the test
   * page's sessionStorage, where earlier test files may have left the hosted page's keys (its
   * language, a saved step): the window starts blank, drops them, then goes to `path`.
   */
  static openBlank(path: string): HostedWindow {
    const win = window.open('about:blank', '_blank', 'width=900,height=800');
    if (!win) throw new Error('the popup was blocked');
    for (const key of Object.keys(win.sessionStorage)) if (key.startsWith('sign-in-kit:')) win.sessionStorage.removeItem(key);
    win.location.href = path;
    const page = new HostedWindow(win);
    HostedWindow.open.push(page);
    return page;
  }

  /** Waits for the QR panel of the current step and returns it. */
  async waitForPanel(timeout = 8000): Promise<NonNullable<ReturnType<HostedWindow['qr']>>> {
    return until(
      () => this.qr(),
      () => `the QR panel did not show (heading: "${this.safeHeading()}", alert: "${this.safeAlert()}", at ${this.safeHref()})`,
      timeout,
    );
  }

  static closeAll(): void {
    for (const page of HostedWindow.open.splice(0)) page.win.close();
  }

  get doc(): Document {
    return this.win.document;
  }

  get path(): string {
    return this.win.location.pathname;
  }

  query<T extends Element = HTMLElement>(selector: string): T | null {
    return this.doc.querySelector<T>(selector);
  }

  /** The visible form of `<sign-in-form>` (light DOM). */
  get form(): HTMLFormElement | null {
    return this.query<HTMLFormElement>('sign-in-form form[data-si-fields]');
  }

  async waitForStep(timeout = 8000): Promise<void> {
    await until(
      () => this.doc.readyState === 'complete' && this.form?.querySelector('h1'),
      () => `the sign-in form did not render (at ${this.safeHref()})`,
      timeout,
    );
  }

  async waitForPath(pathname: string, timeout = 8000): Promise<void> {
    await until(
      () => this.win.location.pathname === pathname && this.doc.readyState !== 'loading',
      () => `the window did not reach ${pathname} (at ${this.safeHref()})`,
      timeout,
    );
  }

  async waitForHeading(text: string, timeout = 8000): Promise<void> {
    await until(() => this.heading() === text, () => `the heading "${text}" did not show (heading: "${this.safeHeading()}", alert: "${this.safeAlert()}")`, timeout);
  }

  heading(): string | undefined {
    return this.form?.querySelector('h1')?.textContent?.trim() || undefined;
  }

  alertText(): string | undefined {
    return this.form?.querySelector('.si-alert')?.textContent?.trim() || undefined;
  }

  socialButton(connectorId: string): HTMLButtonElement {
    const buttons = this.query('social-buttons')?.shadowRoot;
    const button = buttons?.querySelector<HTMLButtonElement>(`button[data-connector="${connectorId}"]`);
    if (!button) throw new Error(`no social button for ${connectorId}`);
    return button;
  }

  button(text: string): HTMLButtonElement {
    const buttons = [...(this.form?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const match = buttons.find((button) => button.textContent?.trim() === text);
    if (!match) throw new Error(`no button "${text}" among: ${buttons.map((b) => b.textContent?.trim()).join(' | ')}`);
    return match;
  }

  /** Sets a field's value as typing would (the form reads it on submit). */
  fill(name: string, value: string): void {
    const input = this.form?.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no input named ${name}`);
    input.focus();
    input.value = value;
    const PageInputEvent = (this.win as Window & typeof globalThis).InputEvent;
    input.dispatchEvent(new PageInputEvent('input', { bubbles: true, composed: true }));
  }

  qr(): (HTMLElement & { status: string; lifetime: number; src: string }) | null {
    return this.query('qr-sign-in');
  }

  qrFrame(): HTMLIFrameElement | null {
    return this.qr()?.shadowRoot?.querySelector('iframe') ?? null;
  }

  /** The URL this document was loaded at (before any `history.replaceState`). */
  loadedUrl(): string {
    const entry = this.win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return entry?.name ?? '';
  }

  /**
   * Every URL the page loaded: its resources, plus the documents and resources of every
   * same-origin frame in it (also those inside shadow roots, like `<qr-sign-in>`'s).
   */
  loadedUrls(): string[] {
    const urls: string[] = [];
    const visit = (win: Window, doc: Document) => {
      for (const type of ['navigation', 'resource']) urls.push(...win.performance.getEntriesByType(type).map((entry) => entry.name));
      for (const frame of framesIn(doc)) {
        try {
          if (frame.contentWindow && frame.contentDocument) visit(frame.contentWindow, frame.contentDocument);
          else if (frame.src) urls.push(frame.src);
        } catch {
          urls.push(frame.src);
        }
      }
    };
    visit(this.win, this.doc);
    return urls;
  }

  /** Every key and value in the window's session and local storage. */
  storageText(): string {
    const parts: string[] = [];
    for (const storage of [this.win.sessionStorage, this.win.localStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        parts.push(key, storage.getItem(key) ?? '');
      }
    }
    return parts.join('\n');
  }

  safeHref(): string {
    try {
      return this.win.location.href;
    } catch {
      return '(unreadable)';
    }
  }

  private safeHeading(): string {
    try {
      return this.heading() ?? '';
    } catch {
      return '';
    }
  }

  private safeAlert(): string {
    try {
      return this.alertText() ?? '';
    } catch {
      return '';
    }
  }
}

/** Every iframe in a document, also those inside (nested) shadow roots. */
function framesIn(root: Document | ShadowRoot): HTMLIFrameElement[] {
  const frames: HTMLIFrameElement[] = [...root.querySelectorAll('iframe')];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) frames.push(...framesIn(element.shadowRoot));
  return frames;
}

/** A provider's consent page (generic OAuth2 or DingTalk), in any document. */
export function consentForm(doc: Document): HTMLFormElement | null {
  return doc.querySelector<HTMLFormElement>('form[action$="/approve"]');
}

/** Fills the consent page and presses one of its buttons (`allow`, `deny`, `error`). */
export function answerConsent(
  doc: Document,
  decision: 'allow' | 'deny' | 'error',
  fields: { login?: string; name?: string; email?: string; phone?: string } = {},
): void {
  const form = consentForm(doc);
  if (!form) throw new Error('no consent form on this page');
  for (const [key, value] of Object.entries(fields)) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${key}"]`);
    if (!input) throw new Error(`no consent field ${key}`);
    input.value = value;
  }
  const button = form.querySelector<HTMLButtonElement>(`button[name="decision"][value="${decision}"]`);
  if (!button) throw new Error(`no ${decision} button`);
  button.click();
}

// ----- QR codes --------------------------------------------------------------------------------

type JsQr = typeof jsQRType;
let jsQrModule: JsQr | undefined;

async function loadJsQr(): Promise<JsQr> {
  if (jsQrModule) return jsQrModule;
  const text = await (await fetch('/node_modules/jsqr/dist/jsQR.js')).text();
  const module = { exports: {} as { default?: JsQr } };
  // jsQR ships as UMD only; evaluate it with a CommonJS-style `module`.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('module', 'exports', text)(module, module.exports);
  jsQrModule = module.exports.default ?? (module.exports as unknown as JsQr);
  return jsQrModule;
}

/** Renders an image URL on a white 400×400 canvas and decodes the QR code in it. */
export async function decodeQr(url: string): Promise<string | undefined> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const size = 400;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, 0, 0, size, size);
  const pixels = context.getImageData(0, 0, size, size);
  const jsQR = await loadJsQr();
  return jsQR(pixels.data, size, size)?.data;
}

// ----- a provider callback without leaving the page -------------------------------------------

/**
 * Does what `startSocial` and the provider would do, without navigating: starts a SignIn
 * interaction for the app (the test must have called `startApp`), asks for the authorization URI,
 * saves the attempt the way the kit does, approves on the fake provider and returns the callback
 * parameters the provider sent back (`code`, `state`, …).
 */
export function providerCallback(
  appId: string,
  connectorId: string,
  identity: { login: string; name?: string; email?: string; phone?: string },
): Promise<Record<string, string>> {
  return socialCallback(appId, connectorId, { decision: 'allow', ...identity });
}

/**
 * Creates a user from a social identity through the API alone (no page), in an app of its own so
 * that the test's app records only what the page sends.
 */
export async function registerSocialUser(
  connectorId: string,
  identity: { login: string; name?: string; email?: string; phone?: string },
  patch: Record<string, unknown> = {},
): Promise<void> {
  const appId = await registerApp(patch);
  await fetch(`/oidc/auth?client_id=${encodeURIComponent(appId)}`, { redirect: 'manual' });
  const { state, ...rest } = await providerCallback(appId, connectorId, identity);
  const { attempt } = takeAttempt(connectorId, state);
  if (!attempt) throw new Error('the saved attempt is missing');
  const client = new ExperienceClient({ appId });
  const verificationId = await client.verifySocial(connectorId, {
    connectorData: { ...rest, redirectUri: attempt.redirectUri },
    verificationId: attempt.verificationId,
  });
  await client.setInteractionEvent('Register');
  await client.identify({ verificationId });
  await client.submit();
}
