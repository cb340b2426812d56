import { css } from '../../internal/css.js';

/**
 * Light-DOM styles of the enterprise steps (identity-provider list, the fixed identifier, the
 * tenant's profile fields, the account card), adopted when the first of them renders.
 */
export const enterpriseStyles = css`
  sign-in-form:not(#_) .si-providers {
    display: grid;
    gap: var(--si-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  sign-in-form:not(#_) .si-provider {
    display: flex;
    align-items: center;
    gap: 12px;
    inline-size: 100%;
    min-block-size: 48px;
    padding: 10px 14px;
    border: 1px solid var(--si-color-border);
    border-radius: var(--si-radius-control);
    background: transparent;
    color: var(--si-color-text);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }

  sign-in-form:not(#_) .si-provider:hover {
    background: var(--si-color-surface-raised);
  }

  sign-in-form:not(#_) .si-provider:focus-visible {
    outline: 2px solid var(--si-color-focus-ring);
    outline-offset: 2px;
  }

  sign-in-form:not(#_) .si-provider img {
    inline-size: 24px;
    block-size: 24px;
    flex: none;
    object-fit: contain;
  }

  sign-in-form:not(#_) .si-provider span {
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow-wrap: anywhere;
  }

  sign-in-form:not(#_) .si-fixed {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
    padding: 10px 14px;
    border: 1px solid var(--si-color-border);
    border-radius: var(--si-radius-control);
  }

  sign-in-form:not(#_) .si-fixed bdi {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  sign-in-form:not(#_) .si-group {
    display: grid;
    gap: var(--si-space-s);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  sign-in-form:not(#_) .si-group > legend {
    padding: 0;
    margin-block-end: 4px;
    font-weight: 600;
  }

  sign-in-form:not(#_) .si-hint {
    margin: 4px 0 0;
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
  }

  sign-in-form:not(#_) select.si-input {
    appearance: auto;
  }

  sign-in-form:not(#_) .si-account {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px 14px;
    border: 1px solid var(--si-color-border);
    border-radius: var(--si-radius-control);
  }

  sign-in-form:not(#_) .si-account img {
    inline-size: 40px;
    block-size: 40px;
    border-radius: 50%;
    object-fit: cover;
  }

  sign-in-form:not(#_) .si-account__name {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  sign-in-form:not(#_) .si-account__detail {
    display: block;
    color: var(--si-color-text-muted);
    font-size: var(--si-font-size-small);
    overflow-wrap: anywhere;
  }
`;
