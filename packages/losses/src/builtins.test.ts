// The contract suite every built-in passes, with σ, softmax and the identity written inline as
// the activations the fused deltas are held to (the losses package imports no activations).

import { existsSync } from 'node:fs';
import type { Matrix } from '@deltanet/contract';
import { createRegistry } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { losses, regularizers } from './builtins';
import type { CheckActivation, TargetKind } from './check-loss';
import { checkLoss } from './check-loss';
import { checkRegularizer } from './check-regularizer';

const each = (z: Matrix, out: Matrix, f: (i: number) => number) => {
  for (let i = 0; i < z.data.length; i++) out.data[i] = f(i);
};

const activations: Record<string, CheckActivation> = {
  // σ(z) = 1/(1 + e^−z); ∂J/∂z = u .* a(1 − a).
  sigmoid: {
    forward: (z, out) => each(z, out, (i) => 1 / (1 + Math.exp(-z.data[i]!))),
    backward: (_z, a, u, out) => each(a, out, (i) => u.data[i]! * a.data[i]! * (1 - a.data[i]!)),
  },
  // g(z) = z; ∂J/∂z = u.
  linear: {
    forward: (z, out) => each(z, out, (i) => z.data[i]!),
    backward: (_z, _a, u, out) => each(u, out, (i) => u.data[i]!),
  },
  // aₖ = e^(zₖ − max) / Σ e^(zⱼ − max) per row; ∂J/∂zₖ = aₖ(uₖ − Σⱼ aⱼuⱼ).
  softmax: {
    forward(z, out) {
      for (let r = 0; r < z.rows; r++) {
        const row = Array.from(z.data.subarray(r * z.cols, (r + 1) * z.cols));
        const top = Math.max(...row);
        const sum = row.reduce((s, v) => s + Math.exp(v - top), 0);
        row.forEach((v, k) => {
          out.data[r * z.cols + k] = Math.exp(v - top) / sum;
        });
      }
    },
    backward(_z, a, u, out) {
      for (let r = 0; r < a.rows; r++) {
        let dot = 0;
        for (let k = 0; k < a.cols; k++) dot += a.data[r * a.cols + k]! * u.data[r * a.cols + k]!;
        for (let k = 0; k < a.cols; k++) {
          const at = r * a.cols + k;
          out.data[at] = a.data[at]! * (u.data[at]! - dot);
        }
      }
    },
  },
};

// The targets each loss is meant for; the first is the one its fused delta needs.
const targetsFor: Record<string, readonly TargetKind[]> = {
  'cross-entropy': ['binary', 'real', 'one-hot'],
  'softmax-cross-entropy': ['one-hot'],
  'mean-squared-error': ['real', 'binary', 'one-hot'],
};

describe.each(losses.map((loss) => [loss.name, loss] as const))('loss %s', (name, loss) => {
  it('lives in the file of its name, is frozen, and is known to the suite', () => {
    expect(existsSync(new URL(`./${name}.ts`, import.meta.url))).toBe(true);
    expect(Object.isFrozen(loss)).toBe(true);
    expect(Object.isFrozen(loss.fusedDeltas)).toBe(true);
    for (const fused of loss.fusedDeltas ?? []) expect(Object.isFrozen(fused)).toBe(true);
    expect(targetsFor[name]).toBeDefined();
  });

  it.each(targetsFor[name] ?? [])(
    'passes checkLoss with %s targets, fused deltas cross-checked',
    (targets) => {
      const report = checkLoss(loss, { targets, activations });
      expect(report.failures).toEqual([]);
      expect(report.skipped).toEqual([]);
      expect(report.maxRelativeError).toBeLessThan(1e-7);
    },
  );

  it('passes checkLoss on random shapes and seeds', () => {
    const targets = targetsFor[name]![0]!;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, cols, seed) => {
          expect(checkLoss(loss, { targets, activations, rows, cols, seed }).failures).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe.each(regularizers.map((r) => [r.name, r] as const))('regularizer %s', (name, regularizer) => {
  it('lives in the file of its name and is frozen', () => {
    expect(existsSync(new URL(`./${name}.ts`, import.meta.url))).toBe(true);
    expect(Object.isFrozen(regularizer)).toBe(true);
  });

  it('passes checkRegularizer on random shapes and seeds', () => {
    expect(checkRegularizer(regularizer)).toMatchObject({ ok: true, failures: [] });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, cols, seed) => {
          expect(checkRegularizer(regularizer, { rows, cols, seed }).failures).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('the built-in lists', () => {
  it('are frozen and build a registry with unique names', () => {
    expect(Object.isFrozen(losses)).toBe(true);
    expect(Object.isFrozen(regularizers)).toBe(true);
    const registry = createRegistry(losses, regularizers);
    expect(registry.names('loss')).toEqual(['cross-entropy', 'mean-squared-error', 'softmax-cross-entropy']);
    expect(registry.names('regularizer')).toEqual(['l1', 'l2']);
    expect(losses[0]!.name).toBe('cross-entropy'); // the default comes first
    expect(() => registry.get('regularizer', 'none')).toThrow(/valid regularizers: l1, l2/);
  });
});
