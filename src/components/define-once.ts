/**
 * Registers `element` under `tag` unless that tag is taken. Registering our own class again is a
 * no-op; a tag held by another class is left alone, with a warning.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`[sign-in-kit] <${tag}> is already defined by another class; skipped.`);
    return;
  }
  customElements.define(tag, element);
}
