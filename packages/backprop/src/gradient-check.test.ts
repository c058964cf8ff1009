import { matrix, oneHot } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, checkGradients, createNetwork, traceBackprop } from './index';

// Which output activations keep each loss well defined: cross-entropies need h in (0, 1).
const registry = builtinRegistry();
const hidden = registry.names('activation');
const outputsFor: Record<string, readonly string[]> = {
  'cross-entropy': ['sigmoid', 'softmax'],
  'softmax-cross-entropy': ['softmax', 'sigmoid'],
  'mean-squared-error': hidden,
};

describe('gradient checks for every activation × loss pair', () => {
  for (const loss of registry.names('loss')) {
    for (const activation of hidden) {
      it(`${activation} hidden, ${loss}`, () => {
        fc.assert(
          fc.property(
            fc.record({
              layers: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 4 }),
              output: fc.constantFrom(...outputsFor[loss]!),
              lambda: fc.constantFrom(0, 0.5, 3),
              seed: fc.integer({ min: 0, max: 1e6 }),
              m: fc.integer({ min: 1, max: 4 }),
            }),
            ({ layers, output, lambda, seed, m }) => {
              const net = createNetwork({ layers, activation, outputActivation: output, loss, lambda, seed });
              const inputs = layers[0]!;
              const outputs = layers.at(-1)!;
              const values = Float64Array.from({ length: m * inputs }, (_, i) => Math.sin(seed + 7 * i) * 2);
              const x = matrix(m, inputs, values);
              const classes = Array.from({ length: m }, (_, i) => (seed + i) % outputs);
              const y =
                loss === 'mean-squared-error'
                  ? matrix(
                      m,
                      outputs,
                      Float64Array.from({ length: m * outputs }, (_, i) => Math.cos(seed + i)),
                    )
                  : oneHot(classes, outputs);
              // Central differences are meaningless within ε of a kink (relu at 0): skip those draws.
              const zs = traceBackprop(net, x, y).units.flatMap((u) => (u.z ?? []).flat());
              fc.pre(zs.every((z) => Math.abs(z) > 1e-3));
              // ε = 1e-5: the central difference's O(ε²) truncation error on strongly curved
              // costs (tanh outputs at |z| ≈ 2) reaches 7e-7 at the course's ε = 1e-4.
              const report = checkGradients(net, x, y, { epsilon: 1e-5 });
              expect(report.relativeDifference).toBeLessThan(1e-7);
            },
          ),
          { numRuns: 40 },
        );
      });
    }
  }
});

describe('checkGradients', () => {
  it('checks a seeded sample of a large network and leaves the network untouched', () => {
    const net = createNetwork({ layers: [30, 20, 4], dtype: 'float32', seed: 2 });
    const before = Array.from(net.params);
    const x = matrix(
      3,
      30,
      Float32Array.from({ length: 90 }, (_, i) => Math.cos(i)),
    );
    const report = checkGradients(net, x, oneHot([0, 3, 1], 4), { sample: 40, seed: 1 });
    expect(report.checked).toBe(40);
    expect(report.parameterCount).toBe(20 * 31 + 4 * 21);
    expect(report.relativeDifference).toBeLessThan(1e-8);
    expect(Array.from(net.params)).toEqual(before);
  });
});
