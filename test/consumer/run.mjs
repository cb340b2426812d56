/**
 * The package as its users get it: `npm pack`, the tarball installed into small fresh React 19,
 * Vue 3 and plain TypeScript projects (test/consumer/projects, each set up like Vite's template
 * for it), the README's snippets (test/consumer/snippets) copied into them, and each project
 * typechecked with `tsc` / `vue-tsc`. Run by test/consumer/package.test.ts through the test
 * server (plugin.mjs); `node test/consumer/run.mjs` runs it alone and prints what it found.
 *
 * The projects live in the system's temp folder and are kept between runs, so a run only
 * reinstalls the freshly packed kit (a changed project package.json starts its project afresh);
 * installs prefer npm's cache and reach only the npm registry.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const here = import.meta.dirname;
export const workDir = join(tmpdir(), 'logto-sign-in-kit-consumers');

/** Where each README snippet goes in the consumer projects (project → snippet → path in it). */
export const SNIPPETS = {
  plain: { 'index.html': 'index.html', 'main.ts': 'src/main.ts', 'script-tag.html': 'script-tag.html' },
  react: { 'SignIn.tsx': 'src/SignIn.tsx', 'SignInComponent.tsx': 'src/SignInComponent.tsx' },
  vue: { 'SignIn.vue': 'src/SignIn.vue', 'vite.config.ts': 'vite.config.ts' },
};

/** The typecheck of each project, as its template's `build` script runs it. */
const TYPECHECK = {
  plain: [['tsc', '-p', 'tsconfig.json']],
  react: [['tsc', '-p', 'tsconfig.json']],
  vue: [
    ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'],
    ['tsc', '-p', 'tsconfig.node.json'],
  ],
};

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (start) => Math.round((performance.now() - start) / 100) / 10;

async function sh(command, args, cwd) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}${error.stdout || error.stderr ? '' : String(error)}` };
  }
}

/** Builds the library (`npm run build:lib`) and packs it; what `npm pack` reports. */
export async function pack() {
  const start = performance.now();
  const build = await sh(npm, ['run', 'build:lib'], root);
  if (!build.ok) throw new Error(`npm run build:lib failed:\n${build.output}`);
  const destination = join(workDir, 'pack');
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const packed = await sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], root);
  if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`);
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('[')));
  return {
    tarball: join(destination, info.filename),
    size: info.size,
    unpackedSize: info.unpackedSize,
    fileCount: info.entryCount,
    files: info.files.map((file) => file.path),
    seconds: seconds(start),
  };
}

/** Sets up one consumer project with the packed kit installed; the time it took. */
export async function install(project, tarball) {
  const start = performance.now();
  const template = join(here, 'projects', project);
  const dir = join(workDir, project);
  const manifest = readFileSync(join(template, 'package.json'));
  const hash = createHash('sha256').update(manifest).update(process.version).digest('hex');
  const stamp = join(dir, '.template-hash');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) rmSync(dir, { recursive: true, force: true });
  // Sources afresh each run; node_modules stays, and only the kit is installed anew.
  for (const stale of ['src', 'package-lock.json', 'node_modules/logto-sign-in-kit']) rmSync(join(dir, stale), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(template, dir, { recursive: true });
  for (const [snippet, target] of Object.entries(SNIPPETS[project])) cpSync(join(here, 'snippets', snippet), join(dir, target));
  const result = await sh(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], dir);
  if (!result.ok) throw new Error(`npm install in the ${project} project failed:\n${result.output}`);
  writeFileSync(stamp, hash);
  return { seconds: seconds(start) };
}

/** Typechecks one installed consumer project. */
export async function typecheck(project) {
  const start = performance.now();
  const dir = join(workDir, project);
  const results = await Promise.all(
    TYPECHECK[project].map(([bin, ...args]) => sh(process.execPath, [join(dir, 'node_modules/.bin', bin), ...args], dir)),
  );
  return { ok: results.every((result) => result.ok), output: results.map((result) => result.output).join(''), seconds: seconds(start) };
}

/** The snippets README.md does not contain verbatim. */
export function snippetsMissingFromReadme() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const names = Object.values(SNIPPETS).flatMap((snippets) => Object.keys(snippets));
  return names.filter((name) => !readme.includes(readFileSync(join(here, 'snippets', name), 'utf8').trimEnd()));
}

/**
 * What Node resolves in the installed package (from the plain project): the files its exports
 * map offers besides the modules, and the bare imports of its library build, each of which must
 * be a dependency or peer dependency (the build bundles none of them).
 */
export function installedPackage() {
  const dir = join(workDir, 'plain');
  const require = createRequire(join(dir, 'package.json'));
  const resolved = {};
  for (const path of ['logto-sign-in-kit/package.json', 'logto-sign-in-kit/custom-elements.json', 'logto-sign-in-kit/web-types.json']) {
    try {
      resolved[path] = require.resolve(path);
    } catch (error) {
      resolved[path] = `${error.code}: ${error.message.split('\n')[0]}`;
    }
  }
  const kit = join(dir, 'node_modules/logto-sign-in-kit');
  const pkg = JSON.parse(readFileSync(join(kit, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(kit, 'dist/lib/custom-elements.json'), 'utf8'));
  return {
    resolved,
    dependencies: Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }),
    webTypes: pkg['web-types'],
    attributes: Object.fromEntries(
      manifest.modules
        .flatMap((module) => module.declarations)
        .map((element) => [element.tagName, Object.fromEntries((element.attributes ?? []).map((attribute) => [attribute.name, attribute.type?.text ?? '']))]),
    ),
  };
}

/**
 * The README's HTML snippets checked against the installed package's custom-elements.json, as
 * an editor with its custom data would: every attribute of a kit element is one the element
 * has, and a value of an attribute whose type is a union of strings is one of them.
 */
export function htmlSnippetProblems() {
  const { attributes } = installedPackage();
  const problems = [];
  for (const name of ['index.html', 'script-tag.html']) {
    for (const [, tag, list] of snippet(name).matchAll(/<([a-z]+-[a-z-]+)((?:\s+[a-z-]+="[^"]*")*)\s*>/g)) {
      const known = attributes[tag];
      if (!known) {
        problems.push(`${name}: <${tag}> is not an element of the kit`);
        continue;
      }
      for (const [, attribute, value] of list.matchAll(/([a-z-]+)="([^"]*)"/g)) {
        const type = known[attribute];
        const choices = [...(type ?? '').matchAll(/'([^']*)'/g)].map((match) => match[1]);
        if (type === undefined) problems.push(`${name}: <${tag}> has no attribute ${attribute}`);
        else if (choices.length > 0 && !choices.includes(value)) problems.push(`${name}: ${attribute}="${value}" is none of ${type}`);
      }
    }
  }
  return problems;
}

/** The folder of the installed package's browser build, which the test server serves. */
export const browserBuild = () => join(workDir, 'plain/node_modules/logto-sign-in-kit/dist/lib/browser');
export const snippet = (name) => readFileSync(join(here, 'snippets', name), 'utf8');

if (process.argv[1] === import.meta.filename) {
  const packed = await pack();
  console.log(`packed ${packed.tarball}: ${packed.size} B, ${packed.fileCount} files, ${packed.unpackedSize} B unpacked (${packed.seconds} s)`);
  const installs = await Promise.all(Object.keys(SNIPPETS).map((project) => install(project, packed.tarball)));
  console.log(`installed: ${installs.map((result, i) => `${Object.keys(SNIPPETS)[i]} ${result.seconds} s`).join(', ')}`);
  let failed = 0;
  for (const project of Object.keys(TYPECHECK)) {
    const result = await typecheck(project);
    if (!result.ok) failed++;
    console.log(`${project}: ${result.ok ? 'ok' : 'FAILED'} (${result.seconds} s)${result.ok ? '' : `\n${result.output}`}`);
  }
  const missing = snippetsMissingFromReadme();
  if (missing.length > 0) failed++;
  console.log(`README snippets: ${missing.length === 0 ? 'all there' : `missing ${missing.join(', ')}`}`);
  console.log(JSON.stringify(installedPackage(), null, 2));
  process.exitCode = failed > 0 ? 1 : 0;
}
