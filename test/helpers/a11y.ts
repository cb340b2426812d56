/**
 * The accessible name of a control named by its content (no `aria-label`, no
 * `aria-labelledby`), as the accessible-name algorithm computes it: the text of every descendant
 * not hidden from assistive technology. Text made invisible by `font-size: 0` still counts (checked
 * against Chromium's accessibility tree by hand: this runner has no accessibility-tree command).
 */
export function nameFromContent(control: Element): string {
  if (control.hasAttribute('aria-label') || control.hasAttribute('aria-labelledby')) {
    throw new Error(`${control.localName} is named by an attribute, not by its content`);
  }
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    const style = getComputedStyle(node);
    if (node.getAttribute('aria-hidden') === 'true' || style.display === 'none' || style.visibility === 'hidden') return;
    if (node instanceof HTMLImageElement) parts.push(node.alt);
    node.childNodes.forEach(walk);
  };
  control.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
