import type { CSSResult } from 'lit';

const adopted = new WeakMap<Document | ShadowRoot, Set<CSSResult>>();

/**
 * Adds a light-DOM style sheet to the root node `element` lives in (the document, or the shadow
 * root of a host component), once per root. A constructed sheet, so a strict `style-src` allows it.
 */
export function adoptStyles(element: Element, styles: CSSResult): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in root)) return;
  const done = adopted.get(root) ?? new Set();
  adopted.set(root, done);
  const sheet = styles.styleSheet;
  if (done.has(styles) || !sheet) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  done.add(styles);
}
