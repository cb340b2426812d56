/** The emulator's own small HTML pages (demo callback, fake providers, terms): plain, readable, no scripts. */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
:root { color-scheme: light; color: #1b1f24; background: #fff; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 28rem; margin: 10vh auto; padding: 0 1.25rem; }
label { display: block; margin: .75rem 0; }
input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
button { font: inherit; padding: .5rem 1rem; }
</style></head><body><main>${body}</main></body></html>`;
}
