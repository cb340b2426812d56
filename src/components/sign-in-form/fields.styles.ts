import { css } from '../../internal/css.js';

/**
 * Styles for the light-DOM part of `<sign-in-form>` (the real `<form>` with the credential inputs,
 * kept out of shadow DOM so password managers see it). Adopted once into the element's root node;
 * every selector is scoped by `sign-in-form`, so the host page's own elements are untouched.
 * These are the first screen's; journey.styles.ts adds the later steps' with the controller.
 *
 * The host page's rules do not reach the form either. Every selector starts with
 * `sign-in-form:not(#_)`, which counts as an id: the kit's rules outrank the page's type, class
 * and attribute selectors (`form input[type="text"]`, `button`, `.card label`). The first rule
 * below sends every property the kit does not set on the form's own elements back to the
 * browser's default, so a page rule on a property the kit leaves alone cannot reach them either;
 * the element itself stops the page's inherited text settings (`text-align`, `letter-spacing`).
 * What still reaches the form: `!important` rules, and page selectors with an id and more (see
 * README, "Host page CSS").
 */
export const fieldStyles = css`
  sign-in-form:not(#_) :where([data-si-fields], [data-si-fields] :not(svg, svg *, social-buttons, qr-sign-in)) {
    all: revert;
  }

  sign-in-form:not(#_) {
    color: var(--si-color-text);
    font: 400 var(--si-font-size) / 1.5 var(--si-font-family);
    letter-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    word-spacing: normal;
  }

  sign-in-form:not(#_) :is(social-buttons, qr-sign-in) {
    letter-spacing: inherit;
    text-transform: inherit;
    word-spacing: inherit;
  }

  sign-in-form:not(#_) [data-si-fields] {
    display: flex;
    flex-direction: column;
    gap: var(--si-space-m);
    margin: 0;
  }

  sign-in-form:not(#_) .si-title {
    margin: 0;
    font-size: var(--si-font-size-title);
    font-weight: 650;
    line-height: 1.25;
    text-align: center;
    outline: none;
  }

  sign-in-form:not(#_) .si-subtitle {
    margin: calc(var(--si-space-s) * -1) 0 0;
    color: var(--si-color-text-muted);
    text-align: center;
  }

  sign-in-form:not(#_) .si-field {
    display: flex;
    flex-direction: column;
    gap: var(--si-space-xs);
  }

  sign-in-form:not(#_) .si-label {
    font-size: var(--si-font-size-small);
    font-weight: 600;
  }

  sign-in-form:not(#_) .si-control {
    position: relative;
    display: flex;
  }

  sign-in-form:not(#_) .si-input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--si-control-height);
    padding: 0 14px;
    border: 1px solid var(--si-input-border-color, var(--si-color-border));
    border-radius: var(--si-input-radius, var(--si-radius-control));
    background: var(--si-input-background, var(--si-color-surface));
    color: inherit;
    font: inherit;
  }

  sign-in-form:not(#_) :is(.si-input, .si-button, .si-icon-button, .si-link, .si-checkbox input):focus-visible {
    outline: 2px solid var(--si-color-focus-ring);
    outline-offset: 2px;
  }

  /* Identifiers, numbers and codes are left-to-right text; in a right-to-left page they still
     line up with the labels on the right. */
  :dir(rtl) sign-in-form:not(#_) .si-control[dir='ltr'] .si-input,
  :dir(rtl) sign-in-form:not(#_) .si-input[dir='ltr'] {
    text-align: right;
  }

  sign-in-form:not(#_) .si-input[aria-invalid='true'] {
    border-color: var(--si-color-danger);
  }

  sign-in-form:not(#_) .si-control:has(.si-icon-button) .si-input {
    padding-inline-end: calc(var(--si-control-height) + 4px);
  }

  sign-in-form:not(#_) .si-icon-button {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    inline-size: var(--si-control-height);
    display: grid;
    place-items: center;
    border: 0;
    border-radius: var(--si-radius-control);
    background: transparent;
    color: var(--si-color-text-muted);
    cursor: pointer;
  }

  sign-in-form:not(#_) .si-icon-button svg {
    inline-size: 22px;
    block-size: 22px;
  }

  sign-in-form:not(#_) .si-error {
    display: flex;
    gap: var(--si-space-xs);
    margin: 0;
    color: var(--si-color-danger);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) .si-alert {
    margin: 0;
    padding: 12px 14px;
    border-radius: var(--si-radius-control);
    border: 1px solid var(--si-color-danger);
    color: var(--si-color-text);
    background: var(--si-color-surface);
  }

  sign-in-form:not(#_) .si-button {
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

  sign-in-form:not(#_) .si-button:hover {
    background: var(--si-button-background-hover, var(--si-color-brand-hover));
  }

  sign-in-form:not(#_) .si-button:active {
    background: var(--si-button-background-pressed, var(--si-color-brand-pressed));
  }

  sign-in-form:not(#_) .si-button[aria-disabled='true'] {
    cursor: progress;
  }

  sign-in-form:not(#_) .si-link {
    color: var(--si-color-brand-text);
    text-decoration: none;
    border-radius: 2px;
    background: none;
    border: 0;
    padding: 0;
    font: inherit;
    cursor: pointer;
  }

  sign-in-form:not(#_) .si-link:hover,
  sign-in-form:not(#_) a.si-link {
    text-decoration: underline;
    text-underline-offset: 2px;
  }

  sign-in-form:not(#_) .si-spinner {
    inline-size: 18px;
    block-size: 18px;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    animation: si-spin 0.8s linear infinite;
  }

  sign-in-form:not(#_) .si-skeleton {
    block-size: var(--si-control-height);
    border-radius: var(--si-radius-control);
    background: var(--si-color-surface-raised);
  }

  sign-in-form:not(#_) .si-visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  sign-in-form:not(#_) .si-switch,
  sign-in-form:not(#_) .si-aside,
  sign-in-form:not(#_) .si-terms {
    margin: 0;
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
    text-align: center;
  }

  sign-in-form:not(#_) .si-aside {
    margin-block-start: calc(var(--si-space-s) * -1);
    text-align: end;
  }

  sign-in-form:not(#_) .si-checkbox {
    display: flex;
    align-items: flex-start;
    gap: var(--si-space-s);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) .si-checkbox input {
    inline-size: 18px;
    block-size: 18px;
    margin: 2px 0 0;
    accent-color: var(--si-color-brand);
    flex: none;
  }

  sign-in-form:not(#_) .si-skeleton--title {
    block-size: 32px;
    inline-size: 50%;
    margin-inline: auto;
  }

  sign-in-form:not(#_) .si-divider {
    display: flex;
    align-items: center;
    gap: var(--si-space-m);
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) .si-divider::before,
  sign-in-form:not(#_) .si-divider::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--si-color-divider);
  }

  @keyframes si-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    sign-in-form:not(#_) .si-spinner {
      animation-duration: 2.4s;
    }
  }
`;
