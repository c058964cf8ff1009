// Chains: clipping against hand computations, schedules inside a chain, the fused Adam path
// against the transform-by-transform path, and the state-key rule.
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { chain, withClipping, withSchedule } from './chain';
import { stepDecay } from './schedules';
import { deserializeState, serializeState } from './serialize-state';
import { sgd } from './sgd';
import type { GradientTransform } from './transform';
import { clipByGlobalNorm, clipByValue } from './transforms/clip';
import { scaleByLearningRate } from './transforms/scale';
import { scaleByAdam } from './transforms/scale-by-adam';
import { trace } from './transforms/trace';

const identity: GradientTransform = { name: 'identity', stateKeys: [], init: () => ({}), update: () => {} };

describe('clipping', () => {
  it('clipByGlobalNorm scales every component by c/‖D‖ when ‖D‖ > c', () => {
    // D = (3, −4, 0), ‖D‖ = 5, c = 1: D·(1/5) = (0.6, −0.8, 0); α = 1 moves θ by −that.
    const opt = chain('clipped', [clipByGlobalNorm(1), scaleByLearningRate(1)]);
    const params = new Float64Array([1, 1, 1]);
    opt.update(params, new Float64Array([3, -4, 0]), opt.init(params));
    expect(Array.from(params)).toEqual([1 - 3 * (1 / 5), 1 + 4 * (1 / 5), 1]);
  });
  it('clipByGlobalNorm leaves a gradient no longer than c alone', () => {
    const opt = chain('clipped', [clipByGlobalNorm(5), scaleByLearningRate(1)]);
    const params = new Float64Array([0, 0]);
    opt.update(params, new Float64Array([3, -4]), opt.init(params)); // ‖D‖ = 5 = c
    expect(Array.from(params)).toEqual([-3, 4]);
  });
  it('clipByValue clamps each component to [−c, c]', () => {
    const opt = withClipping(sgd({ learningRate: 1 }), clipByValue(0.5));
    const params = new Float64Array([0, 0, 0]);
    opt.update(params, new Float64Array([2, -0.25, -7]), opt.init(params));
    expect(Array.from(params)).toEqual([-0.5, 0.25, 0.5]);
  });
  it('refuses a bound that is not > 0', () => {
    expect(() => clipByGlobalNorm(0)).toThrow(/maximum norm must be a number > 0, got 0/);
    expect(() => clipByValue(Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('schedules in a chain', () => {
  it('withSchedule steps with α(t), t counted in the state, which survives serialization', () => {
    // α = 0.1, 0.1, 0.05, 0.05 for t = 0…3 (halved every 2); D = 1 each step.
    const opt = withSchedule(sgd({ learningRate: 0.1 }), stepDecay({ initial: 0.1, every: 2, factor: 0.5 }));
    const params = new Float64Array([0]);
    let state = opt.init(params);
    expect(state).toEqual({ scheduleStep: 0 });
    opt.update(params, new Float64Array([1]), state);
    opt.update(params, new Float64Array([1]), state);
    state = deserializeState(JSON.parse(JSON.stringify(serializeState(state))));
    opt.update(params, new Float64Array([1]), state);
    opt.update(params, new Float64Array([1]), state);
    expect(params[0]).toBe(-0.1 - 0.1 - 0.05 - 0.05);
    expect(state['scheduleStep']).toBe(4);
  });
  it('a scheduled Adam runs the fused step with α(t) folded in', () => {
    const schedule = stepDecay({ initial: 0.01, every: 1, factor: 0.5 });
    const opt = withSchedule(adam(), schedule);
    const params = new Float64Array([1, -1]);
    const state = opt.init(params);
    const g = new Float64Array([0.3, -2]);
    opt.update(params, g, state);
    opt.update(params, g, state);
    // Two Adam steps with the same D: m̂ = D and v̂ = D² after bias correction both times, so
    // each moves θ by α(t)·sign(D) up to ε: −0.01 − 0.005 for D > 0.
    expect(params[0]).toBeCloseTo(1 - 0.015, 8);
    expect(params[1]).toBeCloseTo(-1 + 0.015, 8);
  });
  it('refuses to schedule a chain that does not end with a learning rate', () => {
    expect(() => withSchedule(chain('odd', [identity]), () => 1)).toThrow(
      /does not end with a learning rate/,
    );
  });
});

describe('the fused Adam path', () => {
  it('agrees with the transform-by-transform path to rounding', () => {
    // An identity after the learning rate breaks the fused shape, so this chain runs each
    // transform's own loop: α·((c·m)/(√v + ε̂)) instead of ((α·c)·m)/(√v + ε̂).
    const constants = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    const fused = adam({ learningRate: 0.01 });
    const loose = chain('adam', [scaleByAdam(constants), scaleByLearningRate(0.01), identity]);
    const random = createRandom(3);
    const a = Float64Array.from({ length: 50 }, () => random.uniform());
    const b = a.slice();
    const sa = fused.init(a);
    const sb = loose.init(b);
    for (let t = 0; t < 20; t++) {
      const g = Float64Array.from({ length: 50 }, () => random.uniform() - 0.5);
      fused.update(a, g, sa);
      loose.update(b, g, sb);
    }
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-14);
  });
  it('runs clipping first, then the kernel: equal to Adam on the clipped gradient', () => {
    const clipped = withClipping(adam({ learningRate: 0.01 }), clipByGlobalNorm(1));
    const plain = adam({ learningRate: 0.01 });
    const a = new Float64Array([0.5, -0.5]);
    const b = a.slice();
    const sa = clipped.init(a);
    const sb = plain.init(b);
    clipped.update(a, new Float64Array([6, 8]), sa); // ‖D‖ = 10: D/10 = (0.6, 0.8)
    plain.update(b, new Float64Array([0.6000000000000001, 0.8]), sb); // 6·(1/10), 8·(1/10)
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(sa['step']).toBe(1);
    // Adam's first step moves each parameter by α·sign(D) up to ε.
    expect(a[0]).toBeCloseTo(0.49, 8);
  });
});

describe('chain', () => {
  it('refuses two transforms that keep the same state key', () => {
    expect(() => chain('twice', [trace({ decay: 0.9 }), trace({ decay: 0.5 })])).toThrow(
      /"trace" and "trace" both keep state "velocity"/,
    );
  });
  it('holds every transform state in one plain object', () => {
    const opt = chain('mixed', [
      trace({ decay: 0.9 }),
      scaleByLearningRate(stepDecay({ initial: 1, every: 1, factor: 1 })),
    ]);
    const state = opt.init(new Float32Array(3));
    expect(Object.keys(state).sort()).toEqual(['scheduleStep', 'velocity']);
    expect(state['velocity']).toBeInstanceOf(Float32Array);
  });
});
