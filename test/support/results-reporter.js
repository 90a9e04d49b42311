/**
 * Writes jest's own counts to test-results.json so .ci/run can print "N passed, M failed"
 * without scraping the console summary.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class ResultsReporter {
  onRunComplete(_contexts, results) {
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
    };
    writeFileSync(join(process.cwd(), 'test-results.json'), JSON.stringify(summary));
  }
}
module.exports = ResultsReporter;
