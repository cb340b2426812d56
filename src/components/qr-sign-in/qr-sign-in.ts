import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { type QrStatus, SiQrRefreshEvent, SiQrStatusEvent } from '../../events/qr.js';
import { isolate } from '../../i18n/isolate.js';
import { css } from '../../internal/css.js';
import { safeHttpUrl } from '../../internal/urls.js';

/**
 * A provider's QR login page (WeChat, DingTalk) inside our page, in a panel styled by the theme.
 * The provider's page sends the whole window to the callback once the code is scanned and
 * confirmed on the phone. States: `loading`, `ready`, `expired` (with a refresh control), and
 * `failed` (with a link to the provider's own page).
 *
 * @tagname qr-sign-in
 * @summary A provider's QR sign-in, framed inside the page.
 * @csspart frame - The provider's framed page.
 * @csspart status - The text under the frame.
 * @cssprop [--si-qr-frame-width=300px] - Width of the provider's page.
 * @cssprop [--si-qr-frame-height=380px] - Height of the provider's page.
 * @cssprop [--si-color-brand=#0f766e] - The spinner and the "Get a new code" button; like the other `--si-color-*` tokens, inherited from `<sign-in-form>` or the page.
 * @cssprop [--si-color-on-brand=#fff] - Label of the "Get a new code" button.
 * @cssprop [--si-color-brand-text=#0f766e] - Links to the provider's own page.
 * @cssprop [--si-color-surface=#fff] - Background of the loading, expired and failed overlays.
 * @fires {SiQrStatusEvent} si-qr-status - The panel's state changed.
 * @fires {SiQrRefreshEvent} si-qr-refresh - The user asked for a new QR code.
 */
export class QrSignIn extends LitElement {
  static override styles = css`
    :host {
      display: block;
      text-align: center;
    }

    .stage {
      position: relative;
      display: grid;
      place-items: center;
      inline-size: min(100%, var(--si-qr-frame-width, 300px));
      block-size: var(--si-qr-frame-height, 380px);
      margin-inline: auto;
      border-radius: var(--si-radius-control, 10px);
      background: #fff;
      overflow: hidden;
      box-shadow: 0 0 0 1px var(--si-color-divider, #e6e9ed);
    }

    iframe {
      inline-size: 100%;
      block-size: 100%;
      border: 0;
    }

    .overlay {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 12px;
      padding: 16px;
      background: var(--si-color-surface, #fff);
      color: var(--si-color-text, #1b1f24);
    }

    .spinner {
      inline-size: 28px;
      block-size: 28px;
      border-radius: 50%;
      border: 3px solid var(--si-color-brand, #0f766e);
      border-inline-end-color: transparent;
      animation: spin 0.8s linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2.4s;
      }
    }

    p {
      margin: 12px 0 0;
      color: var(--si-color-text-muted, #5a626c);
      font-size: var(--si-font-size-small, 0.875rem);
    }

    .overlay p {
      margin: 0;
      color: var(--si-color-text, #1b1f24);
      font-size: inherit;
    }

    button {
      min-block-size: 40px;
      padding: 0 16px;
      border: 0;
      border-radius: var(--si-radius-control, 10px);
      background: var(--si-color-brand, #0f766e);
      color: var(--si-color-on-brand, #fff);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    a {
      color: var(--si-color-brand-text, #0f766e);
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 2px;
    }

    button:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--si-color-focus-ring, #0f766e);
      outline-offset: 2px;
    }

    .sr-only {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  /** The provider's embeddable QR page. */
  @property() src = '';

  /** The provider's name, as shown to the user ("WeChat"). */
  @property() provider = '';

  /** The provider's own page, for people who cannot use the QR code here. */
  @property() fallback = '';

  /** Seconds before the code is treated as expired and a refresh is offered. */
  @property({ type: Number }) lifetime = 300;

  /** Milliseconds to wait for the provider's page before reporting that it failed to load. */
  @property({ type: Number, attribute: 'load-timeout' }) loadTimeout = 15_000;

  /** Current state (reflected, for styling). */
  @property({ reflect: true }) status: QrStatus = 'loading';

  @state() private shownSrc = '';

  #loadTimer?: ReturnType<typeof setTimeout>;
  #expiryTimer?: ReturnType<typeof setTimeout>;
  /** The frame fired `load` for the current src. */
  #frameLoaded = false;
  /** The reachability probe for the current src: pending, passed, or inconclusive (blocked by CSP). */
  #probe: 'pending' | 'done' = 'pending';
  #probeAbort?: AbortController;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('securitypolicyviolation', this.#onViolation);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('securitypolicyviolation', this.#onViolation);
    this.#clearTimers();
  }

  /**
   * The page's Content-Security-Policy refused to frame the provider: the browser still fires
   * `load` (over its own error page), so the violation report is what tells the panel.
   */
  #onViolation = (event: SecurityPolicyViolationEvent): void => {
    if (this.status !== 'loading' && this.status !== 'ready') return;
    if (!/^(frame|child)-src/.test(event.effectiveDirective)) return;
    const src = safeHttpUrl(this.shownSrc);
    if (!src || !event.blockedURI || !src.startsWith(event.blockedURI)) return;
    this.#clearTimers();
    this.#setStatus('failed');
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src !== this.shownSrc) {
      this.shownSrc = this.src;
      this.#setStatus(safeHttpUrl(this.src) ? 'loading' : 'failed');
      this.#clearTimers();
      this.#frameLoaded = false;
      if (this.status === 'loading') {
        this.#loadTimer = setTimeout(() => this.#setStatus('failed'), this.loadTimeout);
        void this.#checkReachable(this.src);
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('status')) this.dispatchEvent(new SiQrStatusEvent(this.status));
  }

  protected override render(): TemplateResult {
    const src = safeHttpUrl(this.shownSrc);
    const fallback = safeHttpUrl(this.fallback);
    const provider = this.provider;
    const live = this.status === 'loading' || this.status === 'ready';
    return html`
      <div class="stage">
        ${src && live
          ? html`<iframe
              part="frame"
              src=${src}
              title=${msg(str`${provider} QR code`, { id: 'qr.frameTitle' })}
              sandbox="allow-scripts allow-same-origin allow-top-navigation allow-forms allow-popups"
              referrerpolicy="origin"
              @load=${this.#onLoad}
            ></iframe>`
          : nothing}
        ${this.#renderOverlay(fallback)}
      </div>
      <p part="status" role="status">${this.#statusText()}</p>
      <p class="sr-only">
        ${msg(
          html`The QR code cannot be read aloud. Scan it with the ${isolate(provider)} app on your phone, or open ${isolate(provider)}'s own page with the link below.`,
          { id: 'qr.screenReader' },
        )}
      </p>
      ${fallback && this.status !== 'failed'
        ? html`<p>
            ${msg('Cannot scan?', { id: 'qr.cannotScan' })}
            <a href=${fallback}>${msg(html`Open ${isolate(provider)}'s page`, { id: 'qr.openPage' })}</a>
          </p>`
        : nothing}
    `;
  }

  #renderOverlay(fallback: string | undefined): TemplateResult | typeof nothing {
    switch (this.status) {
      case 'loading':
        return html`<div class="overlay" aria-hidden="true"><span class="spinner"></span></div>`;
      case 'expired':
        return html`<div class="overlay">
          <p>${msg('This QR code has expired.', { id: 'qr.expired' })}</p>
          <button type="button" @click=${this.#refresh}>${msg('Get a new code', { id: 'qr.refresh' })}</button>
        </div>`;
      case 'failed':
        return html`<div class="overlay">
          <p>${msg(html`${isolate(this.provider)}'s QR code could not be loaded here.`, { id: 'qr.failed' })}</p>
          ${fallback ? html`<a href=${fallback}>${msg(html`Open ${isolate(this.provider)}'s page`, { id: 'qr.openPage' })}</a>` : nothing}
        </div>`;
      default:
        return nothing;
    }
  }

  #statusText(): string | TemplateResult {
    const provider = this.provider;
    switch (this.status) {
      case 'loading':
        return msg(html`Loading the ${isolate(provider)} QR code…`, { id: 'qr.loading' });
      case 'ready':
        return msg(html`Scan the code with ${isolate(provider)} on your phone, then confirm there.`, { id: 'qr.ready' });
      case 'expired':
        return msg('This QR code has expired.', { id: 'qr.expired' });
      case 'failed':
        return msg(html`${isolate(provider)}'s QR code could not be loaded here.`, { id: 'qr.failed' });
    }
  }

  #onLoad = (): void => {
    if (this.status !== 'loading') return;
    this.#frameLoaded = true;
    this.#maybeReady();
  };

  /**
   * Browsers fire `load` on a frame even when they show their own error page in it (connection
   * refused, framing denied), and a cross-origin frame cannot be inspected. So a light request
   * to the same URL runs beside the frame: if the network refuses it, the panel reports
   * `failed` rather than asking the user to scan a code that is not there. Under a Content
   * Security Policy without `connect-src` for the provider the probe is inconclusive and the
   * frame's `load` event alone decides.
   */
  async #checkReachable(src: string): Promise<void> {
    this.#probe = 'pending';
    const abort = new AbortController();
    this.#probeAbort = abort;
    let blocked = false;
    const onViolation = (event: SecurityPolicyViolationEvent): void => {
      if (event.blockedURI && src.startsWith(event.blockedURI)) blocked = true;
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    let reachable = true;
    try {
      await fetch(src, {
        method: 'HEAD',
        mode: 'no-cors',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'origin',
        signal: abort.signal,
      });
    } catch {
      reachable = false;
      // A CSP violation event is queued as its own task; give it the chance to arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      document.removeEventListener('securitypolicyviolation', onViolation);
    }
    if (abort.signal.aborted || this.shownSrc !== src || this.status !== 'loading') return;
    if (!reachable && !blocked) {
      clearTimeout(this.#loadTimer);
      this.#setStatus('failed');
      return;
    }
    this.#probe = 'done';
    this.#maybeReady();
  }

  #maybeReady(): void {
    if (this.status !== 'loading' || !this.#frameLoaded || this.#probe !== 'done') return;
    clearTimeout(this.#loadTimer);
    this.#setStatus('ready');
    this.#expiryTimer = setTimeout(() => this.#setStatus('expired'), this.lifetime * 1000);
  }

  #refresh = (): void => {
    this.dispatchEvent(new SiQrRefreshEvent());
  };

  #setStatus(status: QrStatus): void {
    this.status = status;
  }

  #clearTimers(): void {
    this.#probeAbort?.abort();
    clearTimeout(this.#loadTimer);
    clearTimeout(this.#expiryTimer);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qr-sign-in': QrSignIn;
  }
}
