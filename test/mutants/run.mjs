#!/usr/bin/env node
/**
 * Mutation check: `npm run test:mutants [-- name …] [--no-baseline] [--keep]`.
 *
 * Each test/mutants/*.patch is a small, realistic bug in src/ (a unified diff) with a header
 * naming the test files that must catch it:
 *
 *   Mutant: password-min-off-by-one
 *   Why: A password of exactly the minimum length is refused in the browser.
 *   Files: test/journeys/register.test.ts test/journeys/forgot-password.test.ts
 *   Smoke: yes        (optional: also build the hosted page and run test/tools/prod-smoke.mjs)
 *
 * The working tree is never touched: the project's files (tracked and untracked, as git lists
 * them) are copied to a directory under the system temp dir, with node_modules linked entry by
 * entry (but not its .cache and .vite, which test runs write), and every mutant is applied there
 * with `git apply`, run, and reverted. A mutant is killed when a listed test file (or the smoke
 * test) fails. Before the mutants, each set of test files runs once unmutated: a set that already
 * fails would make its mutants look killed, so they are reported as `baseline fails` instead.
 *
 * Prints `mutant | files | result | seconds` and `N killed, M survived`; exits 1 when a mutant
 * survives, a patch no longer applies, or a baseline fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const patchDir = join(root, 'test/mutants');
const args = process.argv.slice(2);
const wanted = args.filter((arg) => !arg.startsWith('--'));
const baseline = !args.includes('--no-baseline');
const keep = args.includes('--keep');
const RUN_LIMIT_MS = 10 * 60_000;

// ----- the mutants -------------------------------------------------------------------------------

function readMutant(file) {
  const text = readFileSync(join(patchDir, file), 'utf8');
  const header = text.slice(0, text.indexOf('diff --git'));
  const field = (name) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(header)?.[1].trim() ?? '';
  const name = field('Mutant') || file.replace(/\.patch$/, '');
  const files = field('Files').split(/\s+/).filter(Boolean);
  const smoke = /^yes$/i.test(field('Smoke'));
  const targets = [...text.matchAll(/^\+\+\+ b\/(\S+)$/gm)].map((match) => match[1]);
  if (files.length === 0 && !smoke) throw new Error(`${file}: no Files: and no Smoke: yes, nothing would catch it`);
  return { name, file, why: field('Why'), files, smoke, targets };
}

const mutants = readdirSync(patchDir)
  .filter((file) => file.endsWith('.patch'))
  .sort()
  .map(readMutant)
  .filter((mutant) => wanted.length === 0 || wanted.includes(mutant.name));
if (mutants.length === 0) {
  console.error(`no mutant matches ${wanted.join(', ')}`);
  process.exit(2);
}

// ----- a copy of the project ---------------------------------------------------------------------

function copyProject() {
  const copy = mkdtempSync(join(tmpdir(), 'sign-in-kit-mutants-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const path of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(root, path);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    cpSync(from, join(copy, path), { dereference: false });
  }
  // node_modules: every entry linked, except the caches test runs and builds write into.
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.cache' || entry === '.vite') continue;
    symlinkSync(join(root, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  return copy;
}

// ----- running -----------------------------------------------------------------------------------

function run(command, commandArgs, cwd, extraEnv = {}) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(stopped after ${RUN_LIMIT_MS / 1000} s)`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, RUN_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const wtr = (copy, files) =>
  run(process.execPath, [join(copy, 'node_modules/@web/test-runner/dist/bin.js'), ...files.flatMap((file) => ['--files', file])], copy);

async function smoke(copy) {
  const built = await run(process.execPath, [join(copy, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], copy);
  if (!built.ok) return { ...built, ok: false, output: `build failed:\n${built.output}` };
  const checked = await run(process.execPath, [join(copy, 'test/tools/prod-smoke.mjs')], copy, {
    SMOKE_APP_DIR: join(copy, 'dist/app'),
  });
  return { ...checked, seconds: built.seconds + checked.seconds };
}

/** The last lines that say why a run failed (the failing test and its assertion). */
function why(output) {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[\d;]*m/g, '').split('\n').map((line) => line.trimEnd());
  const failure = lines.findIndex((line) => /❌|production smoke test failed|build failed|Error:/.test(line));
  return (failure >= 0 ? lines.slice(failure, failure + 3) : lines.slice(-3)).map((line) => line.trim()).join(' / ').slice(0, 240);
}

function gitApply(copy, patch, reverse) {
  const result = spawnSync('git', ['apply', ...(reverse ? ['-R'] : []), '--whitespace=nowarn', patch], {
    cwd: copy,
    encoding: 'utf8',
    // A patch tool here: git must not look for a repository above the copy.
    env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(copy) },
  });
  return result.status === 0 ? undefined : result.stderr.trim();
}

// ----- main ------------------------------------------------------------------------------------

const copy = copyProject();
console.log(`mutation check: ${mutants.length} mutants, in a copy of the project at ${copy}`);
const rows = [];
let exitCode = 0;
try {
  // Baseline: each distinct set of test files (and the smoke test) once, unmutated, as the mutants
  // will run them. A set that already fails cannot judge its mutants.
  const failingSets = new Set();
  if (baseline) {
    const sets = [...new Map(mutants.map((m) => [m.files.join(' '), m.files])).values()].filter((files) => files.length > 0);
    console.log(`baseline: ${sets.length} sets of test files unmutated${mutants.some((m) => m.smoke) ? ', then build and smoke test' : ''}…`);
    for (const files of sets) {
      const base = await wtr(copy, files);
      if (!base.ok) {
        failingSets.add(files.join(' '));
        console.log(`baseline FAILS for ${files.join(' ')} — ${why(base.output)}`);
      }
    }
    if (mutants.some((m) => m.smoke)) {
      const base = await smoke(copy);
      if (!base.ok) {
        failingSets.add('smoke');
        console.log(`baseline FAILS for the smoke test — ${why(base.output)}`);
      }
    }
  }

  for (const mutant of mutants) {
    const patch = join(patchDir, mutant.file);
    if (failingSets.has(mutant.files.join(' ')) || (mutant.smoke && failingSets.has('smoke'))) {
      rows.push({ mutant, result: 'baseline fails', seconds: 0, note: '' });
      console.log(`${mutant.name}: not judged, its tests fail unmutated`);
      continue;
    }
    const problem = gitApply(copy, patch, false);
    if (problem) {
      rows.push({ mutant, result: 'does not apply', seconds: 0, note: problem.split('\n')[0] });
      console.log(`${mutant.name}: does not apply (${problem.split('\n')[0]})`);
      continue;
    }
    let outcome;
    try {
      const results = [];
      if (mutant.files.length > 0) results.push(await wtr(copy, mutant.files));
      if (mutant.smoke) results.push(await smoke(copy));
      const failed = results.find((result) => !result.ok);
      outcome = {
        result: failed ? 'killed' : 'survived',
        seconds: results.reduce((sum, result) => sum + result.seconds, 0),
        note: failed ? why(failed.output) : '',
      };
    } finally {
      const revert = gitApply(copy, patch, true);
      if (revert) {
        // Never go on with a mutated copy: put the touched files back from the project.
        for (const target of mutant.targets) cpSync(join(root, target), join(copy, target));
      }
    }
    rows.push({ mutant, ...outcome });
    console.log(`${mutant.name}: ${outcome.result} (${outcome.seconds.toFixed(0)} s)${outcome.note ? ` — ${outcome.note}` : ''}`);
  }
} finally {
  if (!keep) rmSync(copy, { recursive: true, force: true });
}

if (rows.length > 0) {
  const table = rows.map(({ mutant, result, seconds }) => [
    mutant.name,
    [...mutant.files.map((file) => file.replace(/^test\//, '')), ...(mutant.smoke ? ['build + prod-smoke'] : [])].join(', '),
    result,
    seconds.toFixed(0),
  ]);
  const head = ['mutant', 'files', 'result', 'seconds'];
  const widths = head.map((title, i) => Math.max(title.length, ...table.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  console.log(`\n${line(head)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const row of table) console.log(line(row));
  const killed = rows.filter((row) => row.result === 'killed').length;
  const survived = rows.filter((row) => row.result === 'survived').length;
  const broken = rows.length - killed - survived;
  if (survived > 0 || broken > 0) exitCode = 1;
  const others = [...new Set(rows.map((row) => row.result))].filter((result) => result !== 'killed' && result !== 'survived');
  const extra = others.map((result) => `, ${rows.filter((row) => row.result === result).length} ${result}`).join('');
  console.log(`\n${killed} killed, ${survived} survived${extra}`);
}
process.exitCode ||= exitCode;
