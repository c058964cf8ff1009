// RMSProp's and AdaGrad's preconditioners: divide u by the root of a running sum of squares.
import type { FloatArray, OptimizerState } from '@deltanet/contract';
import { stateArray, zerosLike } from '../internal/state';
import type { GradientTransform } from '../transform';

/**
 * v ← ρv + (1 − ρ)u²;  u ← u / (√s + ε) with s = v, or centered s = v − ḡ² where
 * ḡ ← ρḡ + (1 − ρ)u. State { square: v } (+ { average: ḡ } when centered).
 *
 * @example
 * const rms = chain('rmsprop', [scaleByRms({ rho: 0.99, epsilon: 1e-8 }), scaleByLearningRate(0.01)]);
 */
export function scaleByRms({
  rho,
  epsilon,
  centered = false,
}: {
  rho: number;
  epsilon: number;
  centered?: boolean;
}): GradientTransform {
  const keep = 1 - rho;
  return {
    name: 'scale-by-rms',
    stateKeys: centered ? ['square', 'average'] : ['square'],
    init(params) {
      const state: Record<string, FloatArray> = { square: zerosLike(params) };
      if (centered) state['average'] = zerosLike(params);
      return state;
    },
    update(updates, state) {
      const n = updates.length;
      const square = stateArray(state, 'square', n);
      const average = centered ? stateArray(state, 'average', n) : undefined;
      for (let i = 0; i < n; i++) {
        const g = updates[i]!;
        square[i] = rho * square[i]! + keep * g * g;
        let s = square[i]!;
        if (average) {
          average[i] = rho * average[i]! + keep * g;
          s -= average[i]! * average[i]!;
        }
        updates[i] = g / (Math.sqrt(s) + epsilon);
      }
    },
  };
}

/**
 * G ← G + u²;  u ← u / (√G + ε): AdaGrad's root of the sum of squares. State { sum: G },
 * G₀ = `initialAccumulator`.
 *
 * @example
 * const adagradLike = chain('adagrad', [scaleByRss({ epsilon: 1e-10 }), scaleByLearningRate(0.01)]);
 */
export function scaleByRss({
  epsilon,
  initialAccumulator = 0,
}: {
  epsilon: number;
  initialAccumulator?: number;
}): GradientTransform {
  return {
    name: 'scale-by-rss',
    stateKeys: ['sum'],
    init: (params): OptimizerState => ({ sum: zerosLike(params, initialAccumulator) }),
    update(updates, state) {
      const sum = stateArray(state, 'sum', updates.length);
      for (let i = 0; i < updates.length; i++) {
        const g = updates[i]!;
        sum[i] = sum[i]! + g * g;
        updates[i] = g / (Math.sqrt(sum[i]!) + epsilon);
      }
    },
  };
}
