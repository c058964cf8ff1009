import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad';
import { maxDistance, vector } from './internal/test-problems';

const tolerance = { float64: 1e-9, float32: 1e-6 };

describe.each(['float64', 'float32'] as const)('adagrad (%s)', (dtype) => {
  it('divides by the root of the summed squared gradients', () => {
    const opt = adagrad({ learningRate: 0.1 });
    const params = vector(dtype, [0, 0]);
    const state = opt.init(params);
    const g = vector(dtype, [3, -4]);
    // G = [9, 16]; θ = −0.1·[3/3, −4/4] = [−0.1, 0.1] (ε = 1e-10 is below the tolerance)
    opt.update(params, g, state);
    expect(maxDistance(params, [-0.1, 0.1])).toBeLessThan(tolerance[dtype]);
    // G = [18, 32]; step = 0.1·3/√18 = 0.1/√2 in each coordinate
    opt.update(params, g, state);
    const step = 0.1 / Math.SQRT2;
    expect(maxDistance(params, [-0.1 - step, 0.1 + step])).toBeLessThan(tolerance[dtype]);
    expect(maxDistance(state['sum'] as Float64Array, [18, 32])).toBe(0);
  });

  it('starts the accumulators at initialAccumulator', () => {
    const opt = adagrad({ learningRate: 1, initialAccumulator: 0.1 });
    const params = vector(dtype, [0]);
    const state = opt.init(params);
    opt.update(params, vector(dtype, [3]), state); // G = 0.1 + 9; θ = −3/√9.1
    expect(maxDistance(params, [-3 / Math.sqrt(9.1)])).toBeLessThan(tolerance[dtype]);
  });
});
