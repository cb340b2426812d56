/**
 * Three builds from one config:
 * - `vite` / `npm start`: the hosted sign-in page on the dev server, with the emulator mounted
 *   (or, with LOGTO_ENDPOINT set, proxying the Logto paths to a real server, same-origin);
 * - `vite build`: the hosted page as a static single-page app in dist/app (index.html at its root);
 * - `vite build --mode lib`: the kit as ES modules in dist/lib (every dependency external);
 * - `vite build --mode browser`: the kit for a plain script tag in dist/lib/browser (self-contained);
 * - `vite build --mode package` (`npm run package`): the hosted page, then dist/sign-in-ui.zip for
 *   Logto's "Bring your UI", checked against its limits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

import { defineConfig, type Plugin, type ProxyOptions, type UserConfig } from 'vite';

import { logtoEmulator } from './src/emulator/vite-plugin.js';
import { type MessagePart, selectMessagePart } from './src/i18n/message-parts.js';

const root = import.meta.dirname;

function logtoProxy(endpoint: string): Record<string, ProxyOptions> {
  const target = { target: endpoint, changeOrigin: false, secure: false };
  return {
    '/api': target,
    '/oidc': target,
    '/.well-known': target,
    '/consent': target,
    // Logto turns form-POST callbacks into GETs; page loads of /callback/... stay with the SPA.
    '/callback': { ...target, bypass: (req) => (req.method === 'POST' ? undefined : req.url) },
  };
}

/**
 * `locales/de.js?part=first`, `?part=steps`, `?part=errors`: the parts of a generated language
 * module, so that the first screen waits only for its own strings.
 *
 * Each part also makes its own `str` results: the same plain objects `@lit/localize`'s `str` makes
 * (`{ strTag, strings, values }`, which its runtime recognises). Importing `str` instead would have
 * Rolldown put `@lit/localize`'s str-tag module, which the first screen needs too, in a chunk of
 * its own: one more request before the first field shows.
 */
function splitLanguages(): Plugin {
  const importStr = /import\s*\{\s*str\s*\}\s*from\s*'@lit\/localize';/;
  const localStr = 'const str = (strings, ...values) => ({ strTag: true, strings, values });';
  return {
    name: 'sign-in-kit:split-languages',
    enforce: 'pre',
    transform(code, id) {
      const match = /\/generated\/locales\/[^/?]+\.ts\?part=(first|steps|errors|enterprise)$/.exec(id);
      if (!match) return undefined;
      const part = selectMessagePart(code, match[1] as MessagePart).replace(importStr, localStr);
      if (part.includes('@lit/localize')) this.error(`${id} imports @lit/localize in a form this plugin does not expect.`);
      return { code: part, map: null };
    },
  };
}

/**
 * Minifies the text of the kit's `css\`...\`` templates in production builds: comments and the
 * whitespace around punctuation go, so the first screen carries less. Only whitespace that CSS
 * ignores is removed (never inside a selector such as `a :hover`, never around `+` in `calc()`).
 */
function minifyCssTemplates(): Plugin {
  return {
    name: 'sign-in-kit:minify-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return undefined;
      const out = code.replace(/\bcss`([^`]*)`/g, (match, body: string) =>
        body.includes('${') ? match : `css\`${minifyCss(body)}\``,
      );
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([:(])\s+/g, '$1')
    .replace(/\s+\)/g, ')')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Drops the indentation after line breaks in the minified chunks. Code has none left by then, so
 * only the kit's `html` templates change, where a line break and the spaces after it render as
 * the same single space (the kit has no `<pre>` or `white-space: pre` content).
 */
function trimTemplateIndentation(): Plugin {
  return {
    name: 'sign-in-kit:trim-template-indentation',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/\n[ \t]+/g, '\n');
      }
    },
  };
}

/**
 * A second minification, with terser, over the chunks Rolldown has minified. It removes what the
 * first pass keeps, chiefly arguments a function never reads: on a page that never loads another
 * language, `msg()` ignores its options, so the message ids go. About 0.4 KB off the first screen
 * of `<sign-in-form>` alone. Export and import names between chunks stay as they are.
 */
/**
 * `SIGN_IN_KIT_READABLE=1`: the hosted page without minification, for the benchmark's CPU profile
 * (function names a reader can find in src/). Never what a user downloads.
 */
const READABLE = Boolean(process.env.SIGN_IN_KIT_READABLE);

function terserPass(): Plugin {
  return {
    name: 'sign-in-kit:terser-pass',
    apply: 'build',
    async generateBundle(_options, bundle) {
      if (READABLE) return;
      const { minify } = await import('terser');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, { module: true, ecma: 2020, compress: { passes: 3 } });
        if (result.code !== undefined) chunk.code = result.code;
      }
    },
  };
}

/**
 * Marks the entry chunk, the first screen's code, for eager compilation (V8's explicit compile
 * hints, Chrome 136 and later): nearly every function in it runs before the first field is on
 * screen, so Chromium compiles them while the file streams in, on a background thread, instead of
 * one by one on the main thread when each is first called. Other engines read a comment. Runs after
 * the terser pass, which would drop the comment; the hint must be the file's first line.
 */
function eagerCompileHint(): Plugin {
  return {
    name: 'sign-in-kit:eager-compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

/**
 * Vite wraps every dynamic `import()` in a helper that also fetches the imported chunk's CSS and
 * preloads its modules (vitejs/vite#13952): about 1 KB on the first screen. The kit's chunks carry
 * no CSS and module preloading is off, so the helper only has to run the import. The build fails
 * if a dynamically imported chunk ever brings CSS, which this helper would not load.
 */
function plainDynamicImports(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'sign-in-kit:plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      return id === helper ? 'export const __vitePreload = (load) => load();' : undefined;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const css = chunk.type === 'chunk' && !chunk.isEntry ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
        if (css.length > 0) this.error(`${chunk.fileName} imports CSS (${css.join(', ')}), which plain dynamic imports do not load.`);
      }
    },
  };
}

/** Logto's limits for a custom sign-in UI upload. */
const UPLOAD_LIMITS = { files: 200, fileBytes: 10 * 1024 * 1024, totalBytes: 20 * 1024 * 1024 };

/** Every file under `directory`, as paths relative to it with forward slashes. */
function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A zip archive (deflate) of `files`, written without any tool the machine may lack. */
function zip(directory: string, files: string[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of files) {
    const data = readFileSync(join(directory, name));
    const packed = deflateRawSync(data, { level: 9 });
    const path = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(0x00210000, 10); // 1980-01-01: the same bytes for the same build
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(path.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 8, 6, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, path, packed);
    central.push(entry, path);
    offset += header.length + path.length + packed.length;
  }
  const directoryBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directoryBytes, end]);
}

/** After the build: check Logto's upload limits and the no-CDN rule, then write the zip. */
function bringYourUiPackage(outDir: string, zipPath: string): Plugin {
  return {
    name: 'sign-in-kit:bring-your-ui',
    apply: 'build',
    closeBundle() {
      const files = listFiles(outDir);
      const sizes = files.map((file) => statSync(join(outDir, file)).size);
      const total = sizes.reduce((sum, size) => sum + size, 0);
      const problems: string[] = [];
      if (!files.includes('index.html')) problems.push('index.html is not at the root of the output');
      if (files.length > UPLOAD_LIMITS.files) problems.push(`${files.length} files (at most ${UPLOAD_LIMITS.files})`);
      files.forEach((file, i) => {
        if ((sizes[i] ?? 0) > UPLOAD_LIMITS.fileBytes) problems.push(`${file} is ${sizes[i]} bytes (at most 10 MB)`);
      });
      if (total > UPLOAD_LIMITS.totalBytes) problems.push(`${total} bytes in all (at most 20 MB)`);
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      for (const match of html.matchAll(/\b(?:src|href)="((?:https?:)?\/\/[^"]+)"/g)) {
        problems.push(`index.html loads ${match[1]} from another origin (no CDN at run time)`);
      }
      if (problems.length > 0) throw new Error(`Bring-your-UI package refused:\n- ${problems.join('\n- ')}`);
      const archive = zip(outDir, files);
      writeFileSync(zipPath, archive);
      const largest = Math.max(...sizes);
      console.log(
        `\n${relative(root, zipPath)}: ${archive.length} bytes, ${files.length} files (limit ${UPLOAD_LIMITS.files}), ` +
          `${total} bytes unpacked (limit 20 MB), largest file ${largest} bytes (limit 10 MB), index.html at the root`,
      );
    },
  };
}

/**
 * dist/lib/custom-elements.json, once the library is built (the same as `npm run analyze`; see
 * custom-elements-manifest.config.mjs). Runs after Vite has emptied and filled dist/lib.
 */
function customElementsManifest(): Plugin {
  return {
    name: 'sign-in-kit:custom-elements-manifest',
    apply: 'build',
    closeBundle() {
      const cli = resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
      execFileSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
        cwd: root,
        stdio: 'inherit',
      });
    },
  };
}

/**
 * The kit's developer warnings are `if (import.meta.env?.DEV)` blocks: on for the dev server,
 * Storybook and the tests, and removed from the hosted page's and the script tag's production
 * builds. In the library build they become a test of `process.env.NODE_ENV`, which the
 * application's bundler (Vite, webpack, esbuild, Rollup with its replace plugin) sets: warnings in
 * its development builds, none (and the code removed) in its production ones. Without a bundler,
 * `process` is not defined and the warnings are off.
 */
function developmentWarningsForConsumers(): Plugin {
  const check = "(()=>{try{return process.env.NODE_ENV!=='production'}catch{return false}})()";
  return {
    name: 'sign-in-kit:development-warnings',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('import.meta.env?.DEV')) return undefined;
      return { code: code.replaceAll('import.meta.env?.DEV', check), map: null };
    },
  };
}

/** package.json's runtime packages: the library build imports them, never bundles them. */
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const runtimePackages = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
const isRuntimePackage = (id: string): boolean => runtimePackages.some((name) => id === name || id.startsWith(`${name}/`));

/** As in the hosted page's build (below): @lit/localize's runtime stays out of the first chunk. */
const localizeWithoutSideEffects = { moduleSideEffects: (id: string) => (/\/@lit\/localize\//.test(id) ? false : undefined) };

const library: UserConfig = {
  plugins: [developmentWarningsForConsumers(), splitLanguages(), minifyCssTemplates(), customElementsManifest()],
  build: {
    outDir: resolve(root, 'dist/lib'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        define: resolve(root, 'src/define.ts'),
        react: resolve(root, 'src/react.ts'),
      },
      formats: ['es'],
    },
    // Every dependency and peer dependency stays an import: the consumer's install provides it.
    rolldownOptions: { external: isRuntimePackage },
  },
};

/**
 * The size and start-up work of the two builds a page loads as they are (the hosted page and the
 * script-tag build): languages split in parts, minified CSS and templates, plain dynamic imports,
 * the terser pass, and the compile hint last.
 */
const firstScreenBuild = (): Plugin[] => [
  splitLanguages(),
  minifyCssTemplates(),
  plainDynamicImports(),
  trimTemplateIndentation(),
  terserPass(),
  eagerCompileHint(),
];

/**
 * `vite build --mode browser` (part of `npm run build:lib`, after the library): dist/lib/browser,
 * the kit for a plain `<script type="module">` tag: lit, @lit/localize and zod inside, the later
 * steps and languages as chunks fetched when needed, and the hosted page's size work (terser, the
 * plain dynamic imports, the trimmed templates), so its first screen weighs what `<sign-in-form>`
 * alone does.
 */
const browserBuild: UserConfig = {
  plugins: firstScreenBuild(),
  build: {
    outDir: resolve(root, 'dist/lib/browser'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    modulePreload: false,
    lib: { entry: { 'sign-in-kit': resolve(root, 'src/browser.ts') }, formats: ['es'] },
    rolldownOptions: {
      treeshake: localizeWithoutSideEffects,
      // The entry exports nothing, so the lazy chunks may import what they share with it from
      // it: the first screen is one file, as the hosted page's is, not a dozen.
      preserveEntrySignatures: 'allow-extension',
    },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'lib') return library;
  if (mode === 'browser') return browserBuild;
  const endpoint = process.env.LOGTO_ENDPOINT;
  return {
    root: resolve(root, 'src/app'),
    base: '/',
    publicDir: false,
    appType: 'spa',
    envPrefix: 'SIGN_IN_KIT_',
    plugins: [
      ...firstScreenBuild(),
      ...(endpoint ? [] : [logtoEmulator({ redirectRoot: true })]),
      ...(mode === 'package' ? [bringYourUiPackage(resolve(root, 'dist/app'), resolve(root, 'dist/sign-in-ui.zip'))] : []),
    ],
    server: {
      host: '127.0.0.1',
      port: Number(process.env.PORT ?? 5173),
      strictPort: true,
      proxy: endpoint ? logtoProxy(endpoint) : undefined,
    },
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
    build: {
      outDir: resolve(root, 'dist/app'),
      emptyOutDir: true,
      target: 'es2022',
      minify: !READABLE,
      assetsDir: 'assets',
      // No preload helper: the lazy chunks are fetched after the first screen anyway.
      modulePreload: false,
      rolldownOptions: {
        // @lit/localize declares no `sideEffects`, so its barrel would pull the runtime (fetched
        // only when a page switches language; see localization.ts) into the first chunk.
        treeshake: { moduleSideEffects: (id) => (/\/@lit\/localize\//.test(id) ? false : undefined) },
      },
    },
  };
});
