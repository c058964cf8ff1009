// Decoupled weight decay as a transform: u ← u + λθ (optax's `add_decayed_weights`).
import { InvalidArgumentError } from '@deltanet/contract';
import type { GradientTransform } from '../transform';

/** The add-decayed-weights transform, with λ readable (the fused Adam path needs it). */
export interface DecayedWeightsTransform extends GradientTransform {
  /** λ ≥ 0. */
  readonly weightDecay: number;
}

/**
 * u ← u + λθ. Placed before the learning rate, the step becomes θ ← θ − α(u + λθ): AdamW's
 * decoupled decay, applied to every parameter (bias weights included).
 *
 * @example
 * const adamW = chain('adamw', [scaleByAdam(), addDecayedWeights(0.01), scaleByLearningRate(0.001)]);
 */
export function addDecayedWeights(weightDecay: number): DecayedWeightsTransform {
  if (!(weightDecay >= 0) || !Number.isFinite(weightDecay)) {
    throw new InvalidArgumentError(`addDecayedWeights: λ must be a number ≥ 0, got ${weightDecay}`);
  }
  return {
    name: 'add-decayed-weights',
    stateKeys: [],
    weightDecay,
    init: () => ({}),
    update(updates, _state, params) {
      for (let i = 0; i < updates.length; i++) updates[i] = updates[i]! + weightDecay * params[i]!;
    },
  };
}
