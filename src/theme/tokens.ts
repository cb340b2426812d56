import { css } from 'lit';

/**
 * Design tokens in three tiers, all `--si-*`:
 * 1. palette (`--si-palette-*`): raw colours, never read by components;
 * 2. semantic (`--si-color-*`, `--si-radius-*`, `--si-space-*`, `--si-font-*`): the only tier dark mode swaps;
 * 3. component (`--si-button-*`, `--si-input-*`, `--si-card-*`): documented knobs with semantic fallbacks.
 *
 * The brand colours come from the tenant config through `--si-brand-light-*` / `--si-brand-dark-*`
 * (set by `applyBrand`); every value here can be overridden by the host page.
 */
export const themeTokens = css`
  :host {
    --si-palette-neutral-0: #ffffff;
    --si-palette-neutral-50: #f3f5f7;
    --si-palette-neutral-100: #e6e9ed;
    --si-palette-neutral-300: #c3c9d0;
    --si-palette-neutral-500: #7c848e;
    --si-palette-neutral-600: #5a626c;
    --si-palette-neutral-700: #434a53;
    --si-palette-neutral-800: #2a2f36;
    --si-palette-neutral-850: #1c2026;
    --si-palette-neutral-900: #111418;
    --si-palette-neutral-950: #1b1f24;
    --si-palette-neutral-text-dark: #e9edf1;
    --si-palette-neutral-muted-dark: #a9b1ba;
    --si-palette-red-600: #c42b2b;
    --si-palette-red-300: #ff8f87;
    --si-palette-green-700: #15803d;
    --si-palette-green-300: #6ee79a;

    color-scheme: light;
    --si-color-page: var(--si-palette-neutral-50);
    --si-color-surface: var(--si-palette-neutral-0);
    --si-color-surface-raised: var(--si-palette-neutral-50);
    --si-color-text: var(--si-palette-neutral-950);
    --si-color-text-muted: var(--si-palette-neutral-600);
    --si-color-border: var(--si-palette-neutral-500);
    --si-color-divider: var(--si-palette-neutral-100);
    --si-color-danger: var(--si-palette-red-600);
    --si-color-success: var(--si-palette-green-700);
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
    --si-color-page: var(--si-palette-neutral-900);
    --si-color-surface: var(--si-palette-neutral-850);
    --si-color-surface-raised: var(--si-palette-neutral-800);
    --si-color-text: var(--si-palette-neutral-text-dark);
    --si-color-text-muted: var(--si-palette-neutral-muted-dark);
    --si-color-border: var(--si-palette-neutral-500);
    --si-color-divider: var(--si-palette-neutral-700);
    --si-color-danger: var(--si-palette-red-300);
    --si-color-success: var(--si-palette-green-300);
    --si-color-brand: var(--si-brand-dark-fill, #2dd4bf);
    --si-color-brand-hover: var(--si-brand-dark-hover, #51dcc9);
    --si-color-brand-pressed: var(--si-brand-dark-pressed, #74e3d4);
    --si-color-on-brand: var(--si-brand-dark-on, #111418);
    --si-color-brand-text: var(--si-brand-dark-text, #2dd4bf);
    --si-color-focus-ring: var(--si-brand-dark-ring, #2dd4bf);
  }
`;
