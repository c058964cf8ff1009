import { pluginName } from '@deltanet/contract';
import { matrix, oneHot } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, checkGradients, createNetwork, fit, traceBackprop } from './index';

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
              const net = createNetwork({
                layers,
                activation: pluginName(registry, 'activation', activation),
                outputActivation: pluginName(registry, 'activation', output),
                loss: pluginName(registry, 'loss', loss),
                lambda,
                seed,
              });
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

describe('the verdict', () => {
  it('passes correct backprop on a trained network whose gradients have all but vanished', async () => {
    // XOR learnt to a near-zero cost: ‖n + a‖ is tiny, so the per-entry relative differences
    // of round-off are large; the absolute floor keeps the verdict on what the gradients are.
    const x = matrix(4, 2, Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]));
    const y = matrix(4, 1, Float64Array.from([0, 1, 1, 0]));
    const net = createNetwork({ layers: [2, 4, 1], activation: 'tanh', seed: 3 });
    await fit(
      net,
      { x, y },
      { optimizer: { name: 'adam', options: { learningRate: 0.05 } }, epochs: 3000, batchSize: 4 },
    );
    const report = checkGradients(net, x, y);
    expect(report.cost).toBeLessThan(1e-3);
    // The largest single relative difference is above the 1e-6 that once decided (and failed).
    expect(report.maxRelativeDifference).toBeGreaterThan(1e-6);
    expect(report.passed).toBe(true);
    expect(report.flagged).toBe(0);
  });

  it('names an ε step across a relu kink and leaves it out of the verdict', () => {
    // One input, one relu unit: z = θ₀ + θ₁·x. With Θ(1) = [1e-5, 0] and x = 1, z = 1e-5 lies
    // within ε = 1e-4 of the kink for θ₀ and θ₁, so both central differences straddle it: the
    // relu's slopes are 0 and 1, the difference sees their mean, backprop the right-hand one.
    const net = createNetwork({ layers: [1, 1, 1], activation: 'relu', seed: 1 });
    net.setParams([1e-5, 0, 0.3, 0.7]);
    const report = checkGradients(
      net,
      matrix(1, 1, Float64Array.from([1])),
      matrix(1, 1, Float64Array.from([1])),
    );
    const kinks = report.worst.filter((e) => e.kink).map((e) => [e.layer, e.column]);
    expect(kinks).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(report.kinks).toBe(2);
    expect(report.passed).toBe(true);
  });

  it('passes at saturated outputs, where the cross-entropies clamp h: J comes from z there', () => {
    // One sigmoid unit, z = −30 for x = 1 and y = 1: h = σ(−30) ≈ 9.4e-14 is far below ε = 1e-7,
    // so a clamped J would be flat (−ln ε ≈ 16.12) while δ = h − y ≈ −1 still pushes.
    const sigmoidNet = createNetwork({ layers: [1, 1], outputActivation: 'sigmoid', seed: 1 });
    sigmoidNet.setParams([-20, -10]);
    const x = matrix(1, 1, Float64Array.from([1]));
    const one = matrix(1, 1, Float64Array.from([1]));
    // −log σ(−30) = softplus(30) = 30 + log1p(e^−30), the closed form.
    expect(sigmoidNet.cost(x, one)).toBe(30 + Math.log1p(Math.exp(-30)));
    const sigmoidReport = checkGradients(sigmoidNet, x, one);
    expect(sigmoidReport.passed).toBe(true);
    expect(sigmoidReport.flagged).toBe(0);

    // Softmax over two units with z = [0, 40] and the first class true: h₁ = 1/(1 + e⁴⁰) ≈ 4e-18.
    const softmaxNet = createNetwork({
      layers: [1, 2],
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      seed: 1,
    });
    softmaxNet.setParams([0, 0, 25, 15]);
    const first = matrix(1, 2, Float64Array.from([1, 0]));
    expect(softmaxNet.cost(x, first)).toBe(40 + Math.log1p(Math.exp(-40)));
    const softmaxReport = checkGradients(softmaxNet, x, first);
    expect(softmaxReport.passed).toBe(true);
    expect(softmaxReport.flagged).toBe(0);
  });

  it('refuses a negative tolerance', () => {
    const net = createNetwork({ layers: [2, 2], seed: 1 });
    expect(() =>
      checkGradients(net, matrix(1, 2, new Float64Array(2)), matrix(1, 2, new Float64Array(2)), {
        tolerance: -1,
      }),
    ).toThrow(/tolerance/);
  });
});
