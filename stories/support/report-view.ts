/**
 * How the theme stories show a contrast report: a table of the pairs with swatches, ratios and
 * a verdict, the adjustments the kit made, and the few styles of the preview around the forms.
 */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

import type { ContrastReport } from './contrast.js';

export function ratio(value: number): string {
  return `${(Math.floor(value * 100) / 100).toFixed(2)}:1`;
}

export function swatch(colour: string): TemplateResult {
  return html`<span class="swatch" style=${styleMap({ background: colour })}></span><code>${colour}</code>`;
}

/** The report as a table: each pair, its colours, its ratio, and whether it meets the target. */
function verdict(pair: ContrastReport['pairs'][number]): string {
  if (pair.ratio >= pair.required) return `✓ ≥ ${pair.required}`;
  return pair.advisory ? `⚠ < ${pair.required}` : `✗ < ${pair.required}`;
}

export function reportTable(report: ContrastReport, caption: string): TemplateResult {
  return html`<table class="report">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">Pair</th>
          <th scope="col">Colour on background</th>
          <th scope="col">Ratio</th>
        </tr>
      </thead>
      <tbody>
        ${report.pairs.map(
          (pair) => html`<tr data-pass=${pair.ratio >= pair.required ? 'true' : 'false'} data-advisory=${pair.advisory ? 'true' : 'false'}>
            <th scope="row">${pair.label}${pair.advisory ? html` <span class="advisory">(advisory)</span>` : ''}</th>
            <td class="colours">${swatch(pair.foreground)} on ${swatch(pair.background)}</td>
            <td class="ratio">
              ${ratio(pair.ratio)}
              <span class="verdict">${verdict(pair)}</span>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${report.adjustments.length > 0
      ? html`<ul class="adjustments">
          ${report.adjustments.map(
            (item) => html`<li>Adjusted for ${item.pair}: <code>${item.from}</code> → <code>${item.to}</code> (${ratio(item.ratio)})</li>`,
          )}
        </ul>`
      : html`<p class="adjustments">The tenant's colour is used as is.</p>`}`;
}

export const previewStyles = html`<style>
  .theme-preview {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 24px;
    padding: 16px;
    font: 14px/1.45 system-ui, sans-serif;
    color: #1b1f24;
    background: #f3f5f7;
  }
  .theme-preview--gallery {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(380px, 1fr));
    padding: 24px;
  }
  .theme-preview--dark {
    background: #111418;
    color: #e9edf1;
  }
  .theme-preview sign-in-form {
    flex: 1 1 340px;
  }
  .brand {
    display: grid;
    gap: 12px;
    align-content: start;
    flex: 1 1 340px;
    max-inline-size: 420px;
  }
  .brand h2 {
    margin: 0;
    font-size: 1rem;
  }
  .brand-colour {
    margin: 2px 0 0;
    font-size: 12px;
  }
  .report {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 12px;
  }
  .report caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 4px;
  }
  .report th,
  .report td {
    padding: 3px 6px;
    border-block-end: 1px solid #7c848e;
    text-align: start;
    font-weight: 400;
    vertical-align: top;
  }
  .report thead th {
    font-weight: 600;
  }
  .report .colours,
  .report .ratio {
    white-space: nowrap;
  }
  .report .verdict {
    display: block;
  }
  .report tr[data-pass='false'] .verdict {
    color: #c42b2b;
    font-weight: 700;
  }
  .theme-preview--dark .report tr[data-pass='false'] .verdict {
    color: #ff8f87;
  }
  .report tr[data-advisory='true'] th,
  .report tr[data-advisory='true'] td {
    border-block-start: 1px dashed #7c848e;
  }
  .report tr[data-advisory='true'][data-pass='false'] .verdict {
    color: #8a5a00;
  }
  .theme-preview--dark .report tr[data-advisory='true'][data-pass='false'] .verdict {
    color: #f5c26b;
  }
  .report .advisory {
    font-style: italic;
  }
  .swatch {
    display: inline-block;
    inline-size: 12px;
    block-size: 12px;
    margin-inline-end: 3px;
    vertical-align: -2px;
    border: 1px solid #7c848e;
    border-radius: 3px;
  }
  .adjustments {
    margin: 0;
    padding-inline-start: 16px;
    font-size: 12px;
  }
  p.adjustments {
    padding: 0;
  }
</style>`;
