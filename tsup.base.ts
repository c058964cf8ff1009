// The one build config every package spreads: ESM + CJS + .d.ts, no bundling of siblings, no
// source maps (the tarball ships dist/ only; see docs/decisions.md "What a tarball holds").
import type { Options } from 'tsup';

export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: {
      // Siblings resolve to their built .d.ts, not their sources, so no types are inlined.
      compilerOptions: { customConditions: [] },
    },
    clean: true,
    sourcemap: false,
    target: 'es2022',
    treeshake: true,
    splitting: false,
    ...overrides,
  };
}
