import { css } from '../../internal/css.js';

/**
 * Light-DOM styles of the security steps (factor list, authenticator-app setup, backup codes),
 * adopted when the first of them renders.
 */
export const securityStyles = css`
  sign-in-form:not(#_) .si-factors {
    display: grid;
    gap: var(--si-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  sign-in-form:not(#_) .si-factor {
    display: grid;
    gap: 2px;
    inline-size: 100%;
    padding: 12px 14px;
    border: 1px solid var(--si-color-border);
    border-radius: var(--si-radius-control);
    background: transparent;
    color: var(--si-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  sign-in-form:not(#_) .si-factor:hover {
    background: var(--si-color-surface-raised);
  }

  sign-in-form:not(#_) .si-factor:focus-visible {
    outline: 2px solid var(--si-color-focus-ring);
    outline-offset: 2px;
  }

  sign-in-form:not(#_) .si-factor__name {
    font-weight: 600;
  }

  sign-in-form:not(#_) .si-factor__detail {
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) .si-steps {
    display: grid;
    gap: var(--si-space-m);
    margin: 0;
    padding-inline-start: 1.25em;
  }

  sign-in-form:not(#_) .si-steps p {
    margin: 0 0 var(--si-space-s);
  }

  sign-in-form:not(#_) .si-qr-code {
    display: block;
    inline-size: 180px;
    block-size: 180px;
    margin-block-end: var(--si-space-s);
    border-radius: 8px;
    background: #fff;
    image-rendering: pixelated;
  }

  sign-in-form:not(#_) .si-secret summary {
    cursor: pointer;
    color: var(--si-color-brand-text);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) .si-secret__row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--si-space-s);
    margin-block-start: var(--si-space-s);
  }

  sign-in-form:not(#_) .si-secret__value,
  sign-in-form:not(#_) .si-backup-codes code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  sign-in-form:not(#_) .si-backup-codes {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 6px var(--si-space-m);
    margin: 0;
    padding: 12px 14px 12px 2.5em;
    border: 1px solid var(--si-color-border);
    border-radius: var(--si-radius-control);
    background: var(--si-color-surface-raised);
  }

  sign-in-form:not(#_) .si-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--si-space-s);
  }

  sign-in-form:not(#_) .si-actions .si-button {
    flex: 1 1 auto;
    white-space: nowrap;
  }

  sign-in-form:not(#_) .si-copy-status {
    margin: 0;
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
  }

  /* Empty, the live region takes no room but stays in the accessibility tree, so that what it
     says after a copy or download is announced. */
  sign-in-form:not(#_) .si-copy-status:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
