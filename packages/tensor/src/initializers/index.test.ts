// The contract every built-in initializer keeps: named after its file, deterministic by seed,
// overwriting Θ entirely, and (all but `zeros`) starting no two hidden units equal.
import { readdirSync } from 'node:fs';
import type { InitializerPlugin, Matrix } from '@deltanet/contract';
import { createRegistry, ShapeError } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRows, zeros } from '../matrix';
import { createRandom } from '../random';
import { initializers } from './index';

const filled = (plugin: InitializerPlugin, rows: number, cols: number, seed: number, dtype?: 'float32') => {
  const theta = zeros(rows, cols, dtype);
  plugin.initialize(theta, createRandom(seed));
  return theta;
};
const rowsDiffer = (theta: Matrix) => {
  const rows = toRows(theta).map((row) => row.join(','));
  return new Set(rows).size === rows.length;
};
const symmetryBreaking = initializers.filter((plugin) => plugin.name !== 'zeros');

describe('initializers', () => {
  it('lists one plugin per file, each named after its file', () => {
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(initializers.map((plugin) => plugin.name).sort()).toEqual(files.sort());
    for (const plugin of initializers) expect(plugin.kind).toBe('initializer');
  });

  it('builds a registry', () => {
    const registry = createRegistry(initializers);
    expect(registry.names('initializer')).toContain('epsilon-uniform');
    expect(() => registry.get('initializer', 'uniform')).toThrow('valid initializers: epsilon-uniform');
  });

  for (const plugin of initializers) {
    describe(plugin.name, () => {
      it('is deterministic by seed', () => {
        expect(filled(plugin, 5, 8, 1).data).toEqual(filled(plugin, 5, 8, 1).data);
        if (plugin.name !== 'zeros')
          expect(filled(plugin, 5, 8, 1).data).not.toEqual(filled(plugin, 5, 8, 2).data);
      });

      it('overwrites every entry with a finite number, in both precisions', () => {
        for (const dtype of ['float32', undefined] as const) {
          const theta = zeros(6, 4, dtype);
          theta.data.fill(Number.NaN);
          plugin.initialize(theta, createRandom(3));
          expect(theta.data.every(Number.isFinite)).toBe(true);
        }
      });

      it('refuses a Θ without its bias column', () => {
        expect(() => plugin.initialize(zeros(3, 0), createRandom(1))).toThrow(ShapeError);
        expect(() => plugin.initialize(zeros(3, 0), createRandom(1))).toThrow(plugin.name);
      });
    });
  }

  for (const plugin of symmetryBreaking) {
    it(`${plugin.name} never starts two hidden units equal`, () => {
      expect(rowsDiffer(filled(plugin, 25, 401, 1))).toBe(true);
      expect(rowsDiffer(filled(plugin, 25, 401, 1, 'float32'))).toBe(true);
      // Any layer with at least one input unit (cols ≥ 2), any seed.
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 12 }),
          fc.integer({ min: 2, max: 12 }),
          fc.nat(),
          (r, c, seed) => rowsDiffer(filled(plugin, r, c, seed)),
        ),
        { numRuns: 200 },
      );
    });
  }

  it('zeros starts every hidden unit equal, the symmetry the others break', () => {
    const zerosPlugin = initializers.find((plugin) => plugin.name === 'zeros')!;
    expect(rowsDiffer(filled(zerosPlugin, 3, 4, 1))).toBe(false);
  });
});
