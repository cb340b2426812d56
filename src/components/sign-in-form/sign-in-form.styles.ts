import { css } from '../../internal/css.js';

/** The shadow shell: the card, the logo row and the slots. */
export const signInFormStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: var(--si-card-max-width, 420px);
    -webkit-text-size-adjust: 100%;
  }

  .card {
    box-sizing: border-box;
    background: var(--si-card-background, var(--si-color-surface));
    border-radius: var(--si-card-radius, var(--si-radius-card));
    padding: var(--si-card-padding, var(--si-space-xl));
    box-shadow: var(--si-card-shadow, 0 1px 2px rgb(0 0 0 / 6%), 0 8px 24px rgb(0 0 0 / 6%));
  }

  .logo {
    display: flex;
    align-items: center;
    justify-content: center;
    /* Reserved before the config arrives, so nothing shifts when the logo loads. */
    block-size: var(--si-logo-height, 40px);
    margin-block-end: var(--si-space-l);
  }

  /* No logo, or one that failed to load: no empty band above the title. */
  .logo:has(:not([src])) {
    display: none;
  }

  .logo img {
    max-block-size: 100%;
    max-inline-size: 100%;
    object-fit: contain;
  }

  @media (max-width: 480px) {
    .card {
      padding: var(--si-card-padding-compact, var(--si-space-l) var(--si-space-m));
      box-shadow: var(--si-card-shadow-compact, none);
    }
  }
`;
