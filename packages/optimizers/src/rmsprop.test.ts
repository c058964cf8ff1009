import { describe, expect, it } from 'vitest';
import { maxDistance, vector } from './internal/test-problems';
import { rmsprop } from './rmsprop';

const tolerance = { float64: 1e-12, float32: 1e-6 };
const eps = 1e-8;

describe.each(['float64', 'float32'] as const)('rmsprop (%s)', (dtype) => {
  const g = () => vector(dtype, [2, -0.5]);

  it('moves by α·sign(D)/√(1 − ρ) on the first step', () => {
    const opt = rmsprop({ learningRate: 0.01, rho: 0.99 });
    const params = vector(dtype, [0, 0]);
    const state = opt.init(params);
    // v = 0.01·D² = [0.04, 0.0025]; √v = [0.2, 0.05]; θ = −0.01·[2/(0.2 + ε), −0.5/(0.05 + ε)],
    // that is ∓0.1 up to ε.
    opt.update(params, g(), state);
    expect(maxDistance(params, [-0.02 / (0.2 + eps), 0.005 / (0.05 + eps)])).toBeLessThan(tolerance[dtype]);
    expect(maxDistance(state['square'] as Float64Array, [0.04, 0.0025])).toBeLessThan(tolerance[dtype]);
  });

  it('adds momentum to the scaled step: b ← μb + D/(√v + ε), θ ← θ − αb', () => {
    const opt = rmsprop({ learningRate: 0.01, rho: 0.99, momentum: 0.9, epsilon: 0 });
    const params = vector(dtype, [0, 0]);
    const state = opt.init(params);
    opt.update(params, g(), state); // ε = 0: b = [10, −10]; θ = [−0.1, 0.1]
    opt.update(params, g(), state);
    // v = (0.99·0.01 + 0.01)·D² = 0.0199·D², so D/√v = ±1/√0.0199; b = ±(9 + 1/√0.0199)
    const b = 9 + 1 / Math.sqrt(0.0199);
    expect(maxDistance(params, [-0.1 - 0.01 * b, 0.1 + 0.01 * b])).toBeLessThan(tolerance[dtype]);
  });

  it('centered: divides by √(v − ḡ²), a larger first step α/√(ρ(1 − ρ))', () => {
    const opt = rmsprop({ learningRate: 0.01, rho: 0.99, centered: true, epsilon: 0 });
    const params = vector(dtype, [0, 0]);
    const state = opt.init(params);
    // v = 0.01·D², ḡ = 0.01·D, v − ḡ² = (0.01 − 0.0001)·D² = 0.0099·D²
    opt.update(params, g(), state);
    const step = 0.01 / Math.sqrt(0.0099);
    expect(maxDistance(params, [-step, step])).toBeLessThan(tolerance[dtype]);
    expect(Object.keys(state).sort()).toEqual(['average', 'square']);
  });
});
