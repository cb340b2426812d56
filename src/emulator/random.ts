/**
 * Random ids, codes and challenges from WebCrypto (`globalThis.crypto`), which Node 20 and every
 * browser have, so the emulator runs unchanged in the dev server and in a browser tab
 * (browser.ts). Same contracts as `node:crypto`'s `randomBytes` and `randomInt`.
 */

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes per call.
  for (let start = 0; start < length; start += 65_536) {
    globalThis.crypto.getRandomValues(bytes.subarray(start, Math.min(length, start + 65_536)));
  }
  return bytes;
}

/** A uniformly distributed integer with `min <= n < max` (the range must fit in 32 bits). */
export function randomInt(min: number, max: number): number {
  const range = max - min;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || range <= 0 || range > 2 ** 32) {
    throw new RangeError(`randomInt: invalid range [${min}, ${max})`);
  }
  // Draws above the largest multiple of `range` would favour small results: draw again.
  const limit = 2 ** 32 - (2 ** 32 % range);
  const word = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(word);
    const value = word[0]!;
    if (value < limit) return min + (value % range);
  }
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
