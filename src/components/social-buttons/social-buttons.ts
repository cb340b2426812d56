import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';

import type { SocialConnector } from '../../api/schemas.js';
import { SiProviderSelectEvent } from '../../events/form.js';
import { browserConnectors, connectorName } from '../../flow/social-basics.js';
import { isolate } from '../../i18n/isolate.js';
import { getLocale } from '../../i18n/localization.js';
import { css } from '../../internal/css.js';
import { dropBrokenImage, safeImageUrl } from '../../internal/urls.js';

/** How many providers get a full-width button before the rest go behind "More options". */
const PROMINENT = 3;

/**
 * "Continue with …" buttons for a tenant's social connectors, in the tenant's order, with each
 * provider's localized name and logo (its dark logo in dark mode). Native-only connectors are
 * left out. From four providers on, the fourth and later sit in a compact grid behind a
 * keyboard-operable "More options" disclosure.
 *
 * Usable on its own: listen for `si-provider-select` and start the provider's sign-in (or let
 * `<sign-in-form>` do it when the buttons are inside it).
 *
 * @tagname social-buttons
 * @summary One "Continue with …" button per social connector.
 * @csspart button - Every provider button.
 * @csspart more - The "More options" disclosure button.
 * @cssprop [--si-social-button-height=48px] - Height of the full-width buttons.
 * @cssprop --si-social-button-background - Background of the provider buttons.
 * @cssprop [--si-color-surface=#fff] - Background of the buttons when `--si-social-button-background` is not set; like the other `--si-color-*` tokens, inherited from `<sign-in-form>` or the page.
 * @cssprop [--si-color-surface-raised=#f3f5f7] - Background of a hovered button.
 * @cssprop [--si-color-text=#1b1f24] - Labels of the buttons.
 * @cssprop [--si-color-border=#7c848e] - Borders of the buttons.
 * @cssprop [--si-color-focus-ring=#0f766e] - Focus outline.
 * @cssprop [--si-radius-control=10px] - Corner radius of the buttons.
 * @fires {SiProviderSelectEvent} si-provider-select - A provider was chosen; cancelable.
 */
export class SocialButtons extends LitElement {
  static override styles = css`
    /* Fallbacks for a page without the kit's tokens; inside <sign-in-form> the tokens win. */
    :host {
      display: block;
      --_surface: #fff;
      --_raised: #f3f5f7;
      --_text: #1b1f24;
      --_muted: #5a626c;
      --_ring: #0f766e;
    }

    :host([dark]) {
      color-scheme: dark;
      --_surface: #1c2026;
      --_raised: #2a2f36;
      --_text: #e9edf1;
      --_muted: #a9b1ba;
      --_ring: #2dd4bf;
    }

    [hidden],
    :host([hidden]) {
      display: none !important;
    }

    .list {
      display: grid;
      gap: var(--si-space-s, 8px);
    }

    .grid {
      grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
      margin-block-start: var(--si-space-s, 8px);
    }

    button {
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 12px;
      inline-size: 100%;
      min-block-size: var(--si-social-button-height, var(--si-control-height, 48px));
      padding: 4px 16px;
      border: 1px solid var(--si-color-border, #7c848e);
      border-radius: var(--si-radius-control, 10px);
      background: var(--si-social-button-background, var(--si-color-surface, var(--_surface)));
      color: var(--si-color-text, var(--_text));
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    button:hover {
      background: var(--si-color-surface-raised, var(--_raised));
    }

    button:focus-visible {
      outline: 2px solid var(--si-color-focus-ring, var(--_ring));
      outline-offset: 2px;
    }

    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }

    .grid button {
      min-block-size: 44px;
      padding: 4px 12px;
      font-weight: 500;
    }

    /* A long name takes two lines at most, then an ellipsis; the whole name stays in the button's text. */
    .label {
      flex: 1;
      text-align: center;
      /* Keep the label centred on the button, not on the space after the logo. */
      margin-inline-end: 36px;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }

    /* A compact button shows the provider's name alone: the rest of its sentence is there for screen readers. */
    .grid .label {
      text-align: start;
      margin-inline-end: 0;
      font-size: 0;
    }

    .grid bdi {
      font-size: var(--si-font-size-small, 0.875rem);
    }

    img {
      inline-size: 24px;
      block-size: 24px;
      flex: none;
      object-fit: contain;
    }

    /* No logo, or one that failed to load: an empty space, so that every label stays in place. */
    img:not([src]) {
      visibility: hidden;
    }

    .more {
      justify-content: center;
      color: var(--si-color-text-muted, var(--_muted));
      font-weight: 500;
    }

    .chevron {
      transition: transform 0.15s;
    }

    [aria-expanded='true'] .chevron {
      transform: rotate(180deg);
    }

    @media (prefers-reduced-motion: reduce) {
      .chevron {
        transition: none;
      }
    }
  `;

  // Declared here rather than with decorators: the decorator helpers would ride on the first screen.
  static override properties = {
    connectors: { attribute: false },
    targets: { attribute: false },
    dark: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    expanded: { state: true },
  };

  /** The tenant's social connectors (`socialConnectors` of the config). */
  connectors: SocialConnector[] = [];

  /** Order of providers (`socialSignInConnectorTargets` of the config). */
  targets: string[] = [];

  /** Use each provider's dark logo. */
  dark = false;

  /** Shows the buttons as unavailable while a sign-in is starting. */
  busy = false;

  private expanded = false;

  /** The connectors that will be shown, in order. */
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  get visible(): SocialConnector[] {
    return browserConnectors(this.connectors, this.targets);
  }

  protected override render(): TemplateResult | typeof nothing {
    const connectors = this.visible;
    if (connectors.length === 0) return nothing;
    const collapse = connectors.length > PROMINENT + 1;
    const prominent = collapse ? connectors.slice(0, PROMINENT) : connectors;
    const rest = collapse ? connectors.slice(PROMINENT) : [];
    return html`
      <div class="list" role="group" aria-label=${msg('Other ways to sign in', { id: 'social.group' })}>
        ${prominent.map(this.#button)}
        ${collapse
          ? html`<button
              class="more"
              part="more"
              type="button"
              aria-expanded=${this.expanded}
              aria-controls="more"
              @click=${() => (this.expanded = !this.expanded)}
            >
              ${msg(html`More options (${isolate(rest.length)})`, { id: 'social.more' })}
              <svg class="chevron" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <path d="M3 5l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.8" />
              </svg>
            </button>`
          : nothing}
      </div>
      ${collapse
        ? html`<div id="more" class="list grid" ?hidden=${!this.expanded}>
            ${rest.map(this.#button)}
          </div>`
        : nothing}
    `;
  }

  /**
   * One provider's button. Its text is the whole sentence, "Continue with …" with the name isolated
   * for right-to-left languages, and is also its accessible name; compact buttons show only the name.
   */
  #button = (connector: SocialConnector): TemplateResult => {
    const logo = safeImageUrl(this.dark ? (connector.logoDark ?? connector.logo) : connector.logo);
    return html`<button
      part="button"
      type="button"
      data-connector=${connector.id}
      data-target=${connector.target}
      aria-disabled=${this.busy}
      @click=${() => this.#select(connector)}
    >
      <img src=${logo ?? nothing} alt="" @error=${dropBrokenImage} />
      <span class="label">${msg(html`Continue with ${isolate(connectorName(connector, getLocale()))}`, { id: 'social.continueWith' })}</span>
    </button>`;
  };

  #select(connector: SocialConnector): void {
    if (this.busy) return;
    this.dispatchEvent(new SiProviderSelectEvent({ connectorId: connector.id, target: connector.target }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'social-buttons': SocialButtons;
  }
}
