import { css } from '../internal/css.js';

/**
 * Design tokens in two tiers, all `--si-*`:
 * 1. semantic (`--si-color-*`, `--si-radius-*`, `--si-space-*`, `--si-font-*`): the only tier dark mode swaps;
 * 2. component (`--si-button-*`, `--si-input-*`, `--si-card-*`): documented knobs with semantic fallbacks.
 * The colours are written out here (no palette tier of their own): the surfaces and text colours
 * must match `SURFACES` in colors.ts, which the contrast checks use.
 *
 * The brand colours come from the tenant config through `--si-brand-light-*` / `--si-brand-dark-*`
 * (set by `applyBrand`); every value here can be overridden by the host page.
 */
export const themeTokens = css`
  :host {
    color-scheme: light;
    --si-color-page: #f3f5f7;
    --si-color-surface: #ffffff;
    --si-color-surface-raised: #f3f5f7;
    --si-color-text: #1b1f24;
    --si-color-text-muted: #5a626c;
    --si-color-border: #7c848e;
    --si-color-divider: #e6e9ed;
    --si-color-danger: #c42b2b;
    --si-color-success: #15803d;
    --si-color-brand: var(--si-brand-light-fill, #0f766e);
    --si-color-brand-hover: var(--si-brand-light-hover, #0d6a63);
    --si-color-brand-pressed: var(--si-brand-light-pressed, #0c5e58);
    --si-color-on-brand: var(--si-brand-light-on, #ffffff);
    --si-color-brand-text: var(--si-brand-light-text, #0f766e);
    --si-color-focus-ring: var(--si-brand-light-ring, #0f766e);

    --si-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC',
      'Microsoft YaHei', sans-serif;
    --si-font-size: 1rem;
    --si-font-size-small: 0.875rem;
    --si-font-size-title: 1.5rem;
    --si-radius-control: 10px;
    --si-radius-card: 16px;
    --si-space-xs: 4px;
    --si-space-s: 8px;
    --si-space-m: 16px;
    --si-space-l: 24px;
    --si-space-xl: 32px;
    --si-control-height: 48px;
  }

  :host([data-scheme='dark']) {
    color-scheme: dark;
    --si-color-page: #111418;
    --si-color-surface: #1c2026;
    --si-color-surface-raised: #2a2f36;
    --si-color-text: #e9edf1;
    --si-color-text-muted: #a9b1ba;
    --si-color-border: #7c848e;
    --si-color-divider: #434a53;
    --si-color-danger: #ff8f87;
    --si-color-success: #6ee79a;
    --si-color-brand: var(--si-brand-dark-fill, #2dd4bf);
    --si-color-brand-hover: var(--si-brand-dark-hover, #51dcc9);
    --si-color-brand-pressed: var(--si-brand-dark-pressed, #74e3d4);
    --si-color-on-brand: var(--si-brand-dark-on, #111418);
    --si-color-brand-text: var(--si-brand-dark-text, #2dd4bf);
    --si-color-focus-ring: var(--si-brand-dark-ring, #2dd4bf);
  }
`;
