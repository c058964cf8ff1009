import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { maxDistance, vector } from './internal/test-problems';

const tolerance = { float64: 1e-12, float32: 1e-6 };

describe.each(['float64', 'float32'] as const)('adam (%s)', (dtype) => {
  it('moves every parameter by α·sign(D) on the first step, whatever its scale', () => {
    const opt = adam({ learningRate: 0.001 });
    const params = vector(dtype, [1, 1, 1]);
    const state = opt.init(params);
    // m̂ = D, v̂ = D², so the step is α·D/(|D| + ε) = α·sign(D)·(1 − ε/(|D| + ε)).
    const g = [1e3, -2, 1e-3];
    opt.update(params, vector(dtype, g), state);
    const step = g.map((gi) => (0.001 * gi) / (Math.abs(gi) + 1e-8));
    expect(maxDistance(params, [1 - step[0]!, 1 - step[1]!, 1 - step[2]!])).toBeLessThan(tolerance[dtype]);
    // Within α·ε/|D| of α·sign(D): 1e-14 for |D| = 1e3, 1e-8 for |D| = 1e-3.
    expect(maxDistance(params, [0.999, 1.001, 0.999])).toBeLessThan(Math.max(tolerance[dtype], 1.01e-8));
    expect(state['step']).toBe(1);
  });

  it('keeps stepping by α under a constant gradient (bias correction is exact)', () => {
    const opt = adam({ learningRate: 0.01 });
    const params = vector(dtype, [0]);
    const state = opt.init(params);
    // After t steps of D: m = (1 − β₁ᵗ)D and v = (1 − β₂ᵗ)D², so m̂ = D, v̂ = D² every time.
    for (let t = 0; t < 3; t++) opt.update(params, vector(dtype, [5]), state);
    expect(maxDistance(params, [(-0.03 * 5) / (5 + 1e-8)])).toBeLessThan(tolerance[dtype]);
  });

  it('matches a second step worked by hand for D = 1 then −1', () => {
    const opt = adam({ learningRate: 0.001 });
    const params = vector(dtype, [0]);
    const state = opt.init(params);
    opt.update(params, vector(dtype, [1]), state); // θ = −0.001/(1 + ε)
    opt.update(params, vector(dtype, [-1]), state);
    // m = 0.9·0.1 − 0.1 = −0.01, m̂ = −0.01/0.19; v = 0.999·0.001 + 0.001 = 0.001999,
    // v̂ = 0.001999/(1 − 0.999²) = 1; θ −= 0.001·(−0.01/0.19)/(1 + ε)
    const expected = -0.001 / (1 + 1e-8) + (0.001 * (0.01 / 0.19)) / (1 + 1e-8);
    expect(maxDistance(params, [expected])).toBeLessThan(tolerance[dtype]);
  });
});

describe('adam, property', () => {
  it('first step is α·D/(|D| + ε) for any gradient', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (g) => {
        const opt = adam({ learningRate: 0.01 });
        const params = new Float64Array([0]);
        opt.update(params, new Float64Array([g]), opt.init(params));
        const expected = (-0.01 * g) / (Math.abs(g) + 1e-8);
        return Math.abs(params[0]! - expected) <= 1e-15 + 1e-12 * Math.abs(expected);
      }),
    );
  });
});
