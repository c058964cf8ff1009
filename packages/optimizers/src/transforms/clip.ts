// Gradient clipping: by global norm (u ← u · c/‖u‖ when ‖u‖ > c) or elementwise by value.
import { InvalidArgumentError } from '@deltanet/contract';
import type { GradientTransform } from '../transform';

/**
 * u ← u · c / ‖u‖₂ when ‖u‖₂ > c, else unchanged: the direction is kept, the length capped at c
 * (optax's `clip_by_global_norm`; ‖·‖ over every parameter of every layer at once).
 *
 * @example
 * const clipped = chain('sgd', [clipByGlobalNorm(1), scaleByLearningRate(0.1)]);
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransform {
  if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) {
    throw new InvalidArgumentError(`clipByGlobalNorm: the maximum norm must be a number > 0, got ${maxNorm}`);
  }
  return {
    name: 'clip-by-global-norm',
    stateKeys: [],
    init: () => ({}),
    update(updates) {
      let squares = 0;
      for (let i = 0; i < updates.length; i++) squares += updates[i]! * updates[i]!;
      const norm = Math.sqrt(squares);
      if (norm <= maxNorm) return;
      const factor = maxNorm / norm;
      for (let i = 0; i < updates.length; i++) updates[i] = factor * updates[i]!;
    },
  };
}

/**
 * uᵢ ← min(max(uᵢ, −c), c): each component clamped to [−c, c] (optax's `clip`).
 *
 * @example
 * const clipped = chain('sgd', [clipByValue(0.5), scaleByLearningRate(0.1)]);
 */
export function clipByValue(maxValue: number): GradientTransform {
  if (!(maxValue > 0) || !Number.isFinite(maxValue)) {
    throw new InvalidArgumentError(`clipByValue: the bound must be a number > 0, got ${maxValue}`);
  }
  return {
    name: 'clip-by-value',
    stateKeys: [],
    init: () => ({}),
    update(updates) {
      for (let i = 0; i < updates.length; i++) {
        updates[i] = Math.min(Math.max(updates[i]!, -maxValue), maxValue);
      }
    },
  };
}
