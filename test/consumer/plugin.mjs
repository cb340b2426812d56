/**
 * The test server's side of test/consumer/*.test.ts: server commands that pack the kit,
 * install it into the consumer projects and typecheck them (run.mjs), and two pages:
 *
 * - `/sign-in-kit/*`: the browser build as the installed package holds it
 *   (`node_modules/logto-sign-in-kit/dist/lib/browser/`), where the README's script tag loads it;
 * - `/__consumer/script-tag.html?app_id=…`: the README's script-tag snippet as a page, its
 *   `your-app-id` replaced by the test's app.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

import { browserBuild, htmlSnippetProblems, install, installedPackage, pack, SNIPPETS, snippet, snippetsMissingFromReadme, typecheck } from './run.mjs';

/**
 * A command must answer within 20 s, and packing and installing take longer: `consumer-start`
 * starts the whole run (pack, then the installs, then the typechecks, each project's as soon as it
 * is installed) and answers at once; `consumer-job` tells how one step stands, for the tests to
 * poll. A step that failed reports its error. The run happens once per test server (a watch-mode
 * session packs once).
 */
function startRun() {
  const steps = new Map();
  const track = (name, promise) => {
    steps.set(name, { state: 'running' });
    promise.then(
      (value) => steps.set(name, { state: 'done', value }),
      (error) => steps.set(name, { state: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return promise;
  };
  const log = (line) => process.stdout.write(`\n[consumer] ${line}\n`);
  const packed = track('pack', pack());
  packed.then(
    (info) => log(`npm pack: ${info.size} B packed, ${info.unpackedSize} B unpacked, ${info.fileCount} files (built and packed in ${info.seconds} s)`),
    () => undefined,
  );
  const installs = Object.keys(SNIPPETS).map((project) => {
    const installed = track(`install:${project}`, packed.then(({ tarball }) => install(project, tarball)));
    track(
      `typecheck:${project}`,
      installed.then(async ({ seconds }) => {
        const result = await typecheck(project);
        log(`${project}: installed in ${seconds} s, typechecked in ${result.seconds} s (${result.ok ? 'ok' : 'errors'})`);
        return result;
      }),
    );
    return installed;
  });
  track('package', Promise.all(installs).then(() => ({ ...installedPackage(), htmlProblems: htmlSnippetProblems() })));
  return steps;
}

export function consumerPlugin() {
  let run;
  return {
    name: 'sign-in-kit:consumer',

    executeCommand({ command, payload }) {
      switch (command) {
        case 'consumer-start':
          // Once per test server: each of the test files asks, the first one starts it.
          run ??= startRun();
          return true;
        case 'consumer-job': {
          const job = run?.get(payload.name) ?? { state: 'failed', error: `no step ${payload.name}: consumer-start first` };
          // The tarball's path stays on the server.
          return job.value?.tarball ? { ...job, value: { ...job.value, tarball: undefined } } : job;
        }
        case 'consumer-readme':
          return snippetsMissingFromReadme();
        default:
          return undefined;
      }
    },

    serve(context) {
      if (context.path === '/__consumer/script-tag.html') {
        const appId = context.URL.searchParams.get('app_id') ?? '';
        const page = snippet('script-tag.html').replace('your-app-id', appId.replace(/[^\w-]/g, ''));
        return { body: `<!doctype html>\n<meta charset="utf-8" />\n<title>Script tag</title>\n${page}`, type: 'html' };
      }
      if (context.path.startsWith('/sign-in-kit/')) {
        const file = normalize(context.path.slice('/sign-in-kit/'.length));
        if (file.startsWith('..') || !file.endsWith('.js')) return undefined;
        return { body: readFileSync(join(browserBuild(), file), 'utf8'), type: 'js' };
      }
      return undefined;
    },
  };
}
