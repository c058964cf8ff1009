// Adam's preconditioner as a transform: u ← m̂ / (√v̂ + ε), with the moments in the state.
import type { OptimizerState } from '@deltanet/contract';
import { pow } from '@deltanet/tensor';
import { stateArray, stateNumber, zerosLike } from '../internal/state';
import type { GradientTransform } from '../transform';

/** Adam's constants β₁, β₂, ε. */
export interface AdamMoments {
  /** β₁ in [0, 1), decay of the gradient average m. */
  readonly beta1: number;
  /** β₂ in [0, 1), decay of the squared-gradient average v. */
  readonly beta2: number;
  /** ε, added to √v̂. */
  readonly epsilon: number;
}

/** The scale-by-adam transform, with its constants readable (the fused path needs them). */
export interface AdamTransform extends GradientTransform, AdamMoments {}

/**
 * t ← t + 1;  m ← β₁m + (1 − β₁)u;  v ← β₂v + (1 − β₂)u²;  u ← m̂ / (√v̂ + ε), computed as
 * (c·m) / (√v + ε̂) with c = √(1 − β₂ᵗ)/(1 − β₁ᵗ) and ε̂ = ε·√(1 − β₂ᵗ). State { step, m, v },
 * the same keys as the Adam of earlier releases, so their checkpoints resume.
 *
 * A chain `[scaleByAdam, (addDecayedWeights,) scaleByLearningRate]` does not run this loop: it
 * runs the fused kernel, which folds α into c (PyTorch's order of operations).
 *
 * @example
 * const adamLike = chain('adam', [scaleByAdam({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }), scaleByLearningRate(0.001)]);
 */
export function scaleByAdam(constants: AdamMoments): AdamTransform {
  const { beta1, beta2, epsilon } = constants;
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  return {
    name: 'scale-by-adam',
    stateKeys: ['step', 'm', 'v'],
    beta1,
    beta2,
    epsilon,
    init: (params): OptimizerState => ({ step: 0, m: zerosLike(params), v: zerosLike(params) }),
    update(updates, state) {
      const n = updates.length;
      const m = stateArray(state, 'm', n);
      const v = stateArray(state, 'v', n);
      const t = stateNumber(state, 'step') + 1;
      state['step'] = t;
      const root2 = Math.sqrt(1 - pow(beta2, t));
      const correction = root2 / (1 - pow(beta1, t));
      const epsilonHat = epsilon * root2;
      for (let i = 0; i < n; i++) {
        const g = updates[i]!;
        m[i] = beta1 * m[i]! + keep1 * g;
        v[i] = beta2 * v[i]! + keep2 * g * g;
        // Read back: a float32 state steps with the moments it stores.
        updates[i] = (correction * m[i]!) / (Math.sqrt(v[i]!) + epsilonHat);
      }
    },
  };
}
