import { css } from '../../internal/css.js';

/**
 * Light-DOM styles of the steps after the first screen (secondary buttons, back button, code input,
 * password checklist, notices, waits) and of the phone country picker, which the controller renders.
 * Adopted with the controller, before any of them can show.
 */
export const journeyStyles = css`
  /* After fields.styles.ts in the document, so it wins over the primary button's fill. */
  sign-in-form:not(#_) .si-button--secondary {
    background: transparent;
    border-color: var(--si-color-border);
    color: var(--si-color-text);
  }

  sign-in-form:not(#_) .si-button--secondary:hover,
  sign-in-form:not(#_) .si-button--secondary:active {
    background: var(--si-color-surface-raised);
  }

  /* An address, number or name inserted in a step's sentence (see i18n/isolate.ts) goes to the
     next line whole when it does not fit, rather than "+966 51 234" on one line and "5678" on the next. */
  sign-in-form:not(#_) .si-subtitle bdi {
    display: inline-block;
  }

  sign-in-form:not(#_) .si-notice {
    margin: 0;
    padding: 12px 14px;
    border-radius: var(--si-radius-control);
    border: 1px solid var(--si-color-success);
    color: var(--si-color-text);
  }

  sign-in-form:not(#_) .si-checklist {
    display: grid;
    gap: 2px;
    margin: var(--si-space-xs) 0 0;
    padding: 0;
    list-style: none;
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) .si-rule {
    display: flex;
    gap: var(--si-space-s);
  }

  sign-in-form:not(#_) .si-rule[data-met='true'] {
    color: var(--si-color-success);
  }

  sign-in-form:not(#_) .si-rule__mark {
    inline-size: 1em;
    text-align: center;
    font-weight: 700;
  }

  sign-in-form:not(#_) .si-back {
    align-self: flex-start;
    display: inline-flex;
    gap: var(--si-space-xs);
    margin: calc(var(--si-space-s) * -1) 0 calc(var(--si-space-s) * -1);
    padding: 4px 6px;
    border: 0;
    border-radius: 6px;
    background: none;
    color: var(--si-color-text-muted);
    font: inherit;
    font-size: var(--si-font-size-small);
    cursor: pointer;
  }

  sign-in-form:not(#_) .si-back:hover {
    color: var(--si-color-text);
  }

  sign-in-form:not(#_) .si-back:focus-visible {
    outline: 2px solid var(--si-color-focus-ring);
  }

  sign-in-form:not(#_) .si-back span {
    display: inline-block;
  }

  sign-in-form[dir='rtl']:not(#_) .si-back span,
  :dir(rtl) sign-in-form:not(#_) .si-back span {
    transform: scaleX(-1);
  }

  sign-in-form:not(#_) .si-input--code {
    font-size: 1.375rem;
    letter-spacing: 0.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    padding-inline-start: calc(14px + 0.5em);
  }

  sign-in-form:not(#_) .si-waiting {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--si-space-s);
    min-block-size: 120px;
    color: var(--si-color-text-muted);
  }

  sign-in-form:not(#_) .si-control--phone .si-input {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }

  sign-in-form:not(#_) .si-country {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 5.25rem;
    padding: 0 10px;
    border: 1px solid var(--si-input-border-color, var(--si-color-border));
    border-inline-end: 0;
    border-start-start-radius: var(--si-radius-control);
    border-end-start-radius: var(--si-radius-control);
    background: var(--si-color-surface-raised);
    font-variant-numeric: tabular-nums;
  }

  sign-in-form:not(#_) .si-country::after {
    content: '';
    margin-inline-start: 6px;
    border: 4px solid transparent;
    border-block-start-color: currentColor;
    transform: translateY(2px);
  }

  sign-in-form:not(#_) .si-country:focus-within {
    outline: 2px solid var(--si-color-focus-ring);
    outline-offset: 2px;
  }

  sign-in-form:not(#_) .si-country__select {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    opacity: 0;
    cursor: pointer;
    font: inherit;
  }

  /* "Sign in with a passkey" (controller.ts puts it under the sign-in button). */
  sign-in-form:not(#_) .si-passkey {
    display: grid;
  }

  /* The tenant's CAPTCHA widget (controller.ts puts the box above the submit button), with the
     height of Turnstile's widget kept from the start so that nothing moves when it appears. */
  sign-in-form:not(#_) .si-captcha {
    display: flex;
    justify-content: center;
    min-block-size: 65px;
  }
`;
