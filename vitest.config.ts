import { defineConfig } from 'vitest/config';

// Tests import sibling packages by name; the `@deltanet/source` export condition points those
// imports at src/, so the suite needs no build and always tests the code beside it.
const conditions = ['@deltanet/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@deltanet/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    setupFiles: ['./scripts/fast-check-seed.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
