// Browser tests in Debian's Chromium (no browser download), with the interaction-API emulator
// mounted in the dev server so that pages talk to `/api/...` on their own origin.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';

import { consumerPlugin } from './test/consumer/plugin.mjs';
import { faultMiddleware } from './test/tools/fault-middleware.mjs';
import { loadEmulator } from './test/tools/load-emulator.mjs';
import { plainSummaryReporter } from './test/tools/plain-summary-reporter.mjs';
import { screenshotPlugin } from './test/tools/screenshot-plugin.mjs';
import { spaFallback } from './test/tools/spa-fallback.mjs';
import { webauthnPlugin } from './test/tools/webauthn-plugin.mjs';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const { createEmulator, koaMiddleware } = await loadEmulator();
const emulator = createEmulator({ quiet: true });

// The sources run as on the dev server: developer warnings on (`import.meta.env?.DEV`).
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  rootDir: '.',
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto', define: { 'import.meta.env': '{"DEV":true}' } }), webauthnPlugin(), screenshotPlugin(), consumerPlugin()],
  // faultMiddleware first: it answers scripted faults before the emulator, and serves marked
  // hosted pages under a strict CSP (test/faults, test/security).
  middleware: [faultMiddleware(), koaMiddleware(emulator), spaFallback()],
  staticLogging: !!process.env.CI,
  reporters: [
    defaultReporter(),
    process.env.CI ? undefined : summaryReporter({ flatten: false }),
    plainSummaryReporter(),
  ].filter(Boolean),
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
