import { css } from '../../internal/css.js';

/**
 * The consent screen, in the shadow root of `<sign-in-consent>`, after the theme tokens and the
 * card of `<sign-in-form>` (sign-in-form.styles.ts): the same `--si-*` properties, so a tenant's
 * brand colours, dark mode and a host's overrides apply to both alike. Nothing here is a
 * credential field, so nothing needs light DOM.
 */
export const consentStyles = css`
  :host {
    color: var(--si-color-text);
    font: 400 var(--si-font-size) / 1.5 var(--si-font-family);
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--si-space-m);
  }

  .logo {
    gap: var(--si-space-s);
  }

  .logo svg {
    inline-size: 20px;
    block-size: 20px;
    color: var(--si-color-text-muted);
    flex: none;
  }

  .app-logo {
    block-size: 40px;
    inline-size: 40px;
    border-radius: var(--si-radius-control);
    object-fit: contain;
  }

  h1 {
    margin: 0;
    font-size: var(--si-font-size-title);
    font-weight: 650;
    line-height: 1.25;
    text-align: center;
    overflow-wrap: anywhere;
    outline: none;
  }

  h2,
  legend {
    margin: 0 0 var(--si-space-s);
    padding: 0;
    font-size: var(--si-font-size-small);
    font-weight: 600;
  }

  h3 {
    margin: 0;
    font-size: var(--si-font-size-small);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .user {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px 14px;
    border-radius: var(--si-radius-control);
    background: var(--si-color-surface-raised);
  }

  .avatar {
    flex: none;
    inline-size: 40px;
    block-size: 40px;
    border-radius: 50%;
    object-fit: cover;
    color: var(--si-color-text-muted);
  }

  .who {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .who span {
    display: block;
  }

  .muted,
  .who .identifier {
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
  }

  section,
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .groups {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--si-color-divider);
    border-radius: var(--si-radius-control);
  }

  .group {
    padding: 12px 14px;
  }

  .group + .group {
    border-block-start: 1px solid var(--si-color-divider);
  }

  ul {
    margin: var(--si-space-xs) 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 2px;
  }

  li {
    display: flex;
    gap: var(--si-space-s);
    overflow-wrap: anywhere;
    font-size: var(--si-font-size-small);
  }

  li svg {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
    margin-block-start: 3px;
    color: var(--si-color-success);
  }

  .orgs .groups {
    margin-block-end: var(--si-space-s);
  }

  .org-list {
    display: grid;
    gap: var(--si-space-s);
  }

  .org {
    display: flex;
    align-items: center;
    gap: 12px;
    min-block-size: var(--si-control-height);
    padding: 0 14px;
    border: 1px solid var(--si-color-border);
    border-radius: var(--si-radius-control);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .org:has(input:checked) {
    border-color: var(--si-color-brand);
    box-shadow: inset 0 0 0 1px var(--si-color-brand);
  }

  .org input {
    flex: none;
    inline-size: 18px;
    block-size: 18px;
    margin: 0;
    accent-color: var(--si-color-brand);
  }

  .org:has(input:focus-visible) {
    outline: 2px solid var(--si-color-focus-ring);
    outline-offset: 2px;
  }

  .org input:focus-visible {
    outline: none;
  }

  .live:empty {
    display: none;
  }

  .alert {
    margin: 0;
    padding: 12px 14px;
    border-radius: var(--si-radius-control);
    border: 1px solid var(--si-color-danger);
    color: var(--si-color-text);
    background: var(--si-color-surface);
  }

  .actions {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--si-space-s);
  }

  .actions:has(> :only-child) {
    grid-template-columns: 1fr;
  }

  .button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--si-space-s);
    min-block-size: var(--si-control-height);
    padding: 0 var(--si-space-m);
    border: 1px solid transparent;
    border-radius: var(--si-button-radius, var(--si-radius-control));
    background: var(--si-button-background, var(--si-color-brand));
    color: var(--si-button-color, var(--si-color-on-brand));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .button:hover {
    background: var(--si-button-background-hover, var(--si-color-brand-hover));
  }

  .button:active {
    background: var(--si-button-background-pressed, var(--si-color-brand-pressed));
  }

  .button[aria-disabled='true'] {
    cursor: progress;
  }

  .button.secondary {
    background: transparent;
    border-color: var(--si-color-border);
    color: var(--si-color-text);
  }

  .button.secondary:hover,
  .button.secondary:active {
    background: var(--si-color-surface-raised);
  }

  .button:focus-visible,
  .link:focus-visible {
    outline: 2px solid var(--si-color-focus-ring);
    outline-offset: 2px;
  }

  .link {
    color: var(--si-color-brand-text);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
    border-radius: 2px;
  }

  .note {
    margin: 0;
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
    text-align: center;
    overflow-wrap: anywhere;
  }

  .spinner {
    inline-size: 18px;
    block-size: 18px;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    animation: spin 0.8s linear infinite;
  }

  .skeleton {
    block-size: var(--si-control-height);
    border-radius: var(--si-radius-control);
    background: var(--si-color-surface-raised);
  }

  .skeleton.title {
    block-size: 32px;
    inline-size: 60%;
    margin-inline: auto;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
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
`;
