/**
 * Serves the demo tenant's logos and connector icons (the files in src/emulator/assets). Where
 * they are read from is the host's business: node.ts reads the directory, browser.ts has them
 * bundled.
 */
import { type Response, sendText } from './http.js';

/** The content of an asset file (`logo.svg`), or `undefined` when there is no such file. */
export type AssetReader = (name: string) => Promise<Uint8Array | string | undefined>;

let readAsset: AssetReader = () => Promise.resolve(undefined);

export function setAssetReader(reader: AssetReader): void {
  readAsset = reader;
}

export async function serveAsset(res: Response, name: string): Promise<void> {
  if (!/^[\w-]+\.svg$/.test(name)) return sendText(res, 404, 'Not Found');
  let svg: Uint8Array | string | undefined;
  try {
    svg = await readAsset(name);
  } catch {
    svg = undefined;
  }
  if (svg === undefined) return sendText(res, 404, 'Not Found');
  res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
  res.end(svg);
}
