// Ends a vitest run with one plain line, "N passed, N failed, N skipped", which CI and
// people can read without knowing vitest's own summary format. A test file that could not run
// (an import or a hook that threw, such as a browser test without a browser) and an unhandled
// error count as failures too, and are named, so a broken run never ends in "0 failed".
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly SerializedError[] = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const broken: string[] = [];
    for (const module of modules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      failed += failedHere;
      // A module that failed with no failed test failed outside its tests.
      if (module.state() === 'failed' && failedHere === 0) {
        const why = module.errors()[0]?.message?.split('\n')[0] ?? 'failed outside its tests';
        broken.push(`${module.relativeModuleId}: ${why}`);
      }
    }
    const total = failed + broken.length + unhandledErrors.length;
    const lines = [`${passed} passed, ${total} failed, ${skipped} skipped`];
    if (broken.length > 0)
      lines.push(`test files that could not run (counted as failed):`, ...broken.map((b) => `  ${b}`));
    if (unhandledErrors.length > 0)
      lines.push(`unhandled errors (counted as failed): ${unhandledErrors.length}`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
