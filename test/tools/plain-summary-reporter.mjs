/**
 * Prints one plain `N passed, N failed, N skipped` line after the run, so CI logs end with a
 * count that any reader (or script) can pick up.
 */
export function plainSummaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  const walk = (suite) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite.suites ?? []) walk(child);
  };

  return {
    onTestRunFinished({ sessions }) {
      passed = failed = skipped = 0;
      for (const session of sessions) {
        const failedBefore = failed;
        if (session.testResults) walk(session.testResults);
        // A file that failed to load, or failed outside any test, still counts as one failure.
        if (session.passed === false && failed === failedBefore) failed++;
      }
    },
    stop() {
      process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    },
  };
}
