import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { maxDistance, vector } from './internal/test-problems';
import { sgd } from './sgd';

const dtypes = ['float64', 'float32'] as const;
const tolerance = { float64: 1e-12, float32: 1e-6 };

describe.each(dtypes)('sgd (%s)', (dtype) => {
  it('takes θ ← θ − αD without momentum, keeping no state', () => {
    const opt = sgd({ learningRate: 0.1 });
    const params = vector(dtype, [1, -2]);
    const state = opt.init(params);
    expect(state).toEqual({});
    opt.update(params, vector(dtype, [0.5, 0.25]), state);
    // [1 − 0.1·0.5, −2 − 0.1·0.25]
    expect(maxDistance(params, [0.95, -2.025])).toBeLessThan(tolerance[dtype]);
  });

  it('accumulates momentum as PyTorch: v ← μv + D, θ ← θ − αv', () => {
    const opt = sgd({ learningRate: 0.1, momentum: 0.9 });
    const params = vector(dtype, [0, 0]);
    const state = opt.init(params);
    const g = vector(dtype, [1, -2]);
    opt.update(params, g, state); // v = D = [1, −2]; θ = −0.1·v = [−0.1, 0.2]
    expect(maxDistance(params, [-0.1, 0.2])).toBeLessThan(tolerance[dtype]);
    opt.update(params, g, state); // v = 0.9·[1, −2] + [1, −2] = [1.9, −3.8]; θ −= [0.19, −0.38]
    expect(maxDistance(params, [-0.29, 0.58])).toBeLessThan(tolerance[dtype]);
    expect(maxDistance(state['velocity'] as Float64Array, [1.9, -3.8])).toBeLessThan(tolerance[dtype]);
  });

  it('steps along D + μv with Nesterov momentum', () => {
    const opt = sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true });
    const params = vector(dtype, [0, 0]);
    const state = opt.init(params);
    const g = vector(dtype, [1, -2]);
    opt.update(params, g, state); // v = [1, −2]; D + μv = [1.9, −3.8]; θ = [−0.19, 0.38]
    expect(maxDistance(params, [-0.19, 0.38])).toBeLessThan(tolerance[dtype]);
    opt.update(params, g, state); // v = [1.9, −3.8]; D + μv = [2.71, −5.42]; θ = [−0.461, 0.922]
    expect(maxDistance(params, [-0.461, 0.922])).toBeLessThan(tolerance[dtype]);
  });

  it('keeps its state in the parameters’ precision', () => {
    const state = sgd({ momentum: 0.5 }).init(vector(dtype, [1, 2, 3]));
    expect(state['velocity']).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
  });
});

describe('sgd options', () => {
  it('rejects Nesterov without momentum, as PyTorch does', () => {
    expect(() => sgd({ nesterov: true })).toThrow(InvalidArgumentError);
    expect(() => sgd({ nesterov: true })).toThrow('option "nesterov" requires "momentum" > 0');
  });

  it('names an unknown option and the valid ones', () => {
    expect(() => sgd({ lr: 0.1 } as never)).toThrow(
      'optimizer "sgd" has no option "lr"; valid options: learningRate, momentum, nesterov',
    );
  });

  it('rejects values out of range, naming the range', () => {
    expect(() => sgd({ momentum: 1 })).toThrow('option "momentum" must be a number in [0, 1), got 1');
    expect(() => sgd({ learningRate: -1 })).toThrow(
      'option "learningRate" must be a number in [0, ∞), got -1',
    );
  });

  it('configures a copy and leaves the original alone', () => {
    const base = sgd();
    const fast = base.configure({ learningRate: 0.5, momentum: 0.9 });
    expect(fast.options).toEqual({ learningRate: 0.5, momentum: 0.9, nesterov: false });
    expect(base.options).toEqual({ learningRate: 0.01, momentum: 0, nesterov: false });
    expect(Object.isFrozen(fast) && Object.isFrozen(fast.options)).toBe(true);
  });
});
