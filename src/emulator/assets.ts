/** Serves the demo tenant's logos and connector icons from src/emulator/assets. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Response, sendText } from './http.js';

const directory = join(dirname(fileURLToPath(import.meta.url)), 'assets');

/** Where the asset files are: beside this module in the sources, or given by the bundler. */
let assetDirectory = directory;
export function setAssetDirectory(path: string): void {
  assetDirectory = path;
}

export async function serveAsset(res: Response, name: string): Promise<void> {
  if (!/^[\w-]+\.svg$/.test(name)) return sendText(res, 404, 'Not Found');
  try {
    const svg = await readFile(join(assetDirectory, name));
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
    res.end(svg);
  } catch {
    sendText(res, 404, 'Not Found');
  }
}
