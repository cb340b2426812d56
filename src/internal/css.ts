import { type CSSResult, unsafeCSS } from 'lit';

/**
 * The kit's `css` tag, for its own style sheets: static text, never a value inserted into it (the
 * `never[]` makes one a type error). Lit's `css` tag exists to check such values; with none to
 * check, the text becomes Lit's style object directly, and the check's code stays out of the
 * first screen. The build's CSS minifier reads these templates like Lit's (`css` followed by a
 * template literal).
 */
export const css = (strings: TemplateStringsArray, ..._values: never[]): CSSResult => unsafeCSS(strings[0]);
