/** URL guards: the kit only follows, links to and loads http(s) URLs (and `data:` images). */

/** Only http(s) URLs are followed as redirects or links. */
export function safeHttpUrl(url: string | null | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base ?? globalThis.location?.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An `error` listener for images: a picture that fails to load loses its `src`, so that styles
 * hide it (`img:not([src])`) instead of the browser's broken-image icon. A new address set later
 * (a dark logo) loads again.
 */
export function dropBrokenImage(event: Event): void {
  (event.target as Element).removeAttribute('src');
}

/** Only http(s) and `data:image/…` URLs are ever used as image sources. */
export function safeImageUrl(url: string | null | undefined, base?: string): string | undefined {
  return url && /^data:image\/(?:png|gif|jpe?g|webp|svg\+xml|avif)[;,]/i.test(url) ? url : safeHttpUrl(url, base);
}
