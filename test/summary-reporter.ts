// Prints "N passed, N failed, N skipped" as the very last line of `npm test`, the format CI reads.
// It prints on process exit so the line comes after workerd's shutdown noise.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private counts = { passed: 0, failed: 0, skipped: 0 };

  onInit(): void {
    process.once('exit', () => {
      const { passed, failed, skipped } = this.counts;
      process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    this.counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') this.counts.passed++;
        else if (state === 'failed') this.counts.failed++;
        else this.counts.skipped++;
      }
      // A file that failed to load has no tests; count it so the run cannot look green.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) this.counts.failed++;
    }
    if (errors.length > 0) this.counts.failed += errors.length;
  }
}
