// The last link of most chains: u ← −α(t)·u, with α a constant or a schedule of the update count.
import type { OptimizerState } from '@deltanet/contract';
import { stateNumber } from '../internal/state';
import type { Schedule } from '../schedules';
import type { GradientTransform } from '../transform';

/** The scale-by-learning-rate transform, with its rate readable (the fused Adam path needs it). */
export interface LearningRateTransform extends GradientTransform {
  /** α, or the schedule α(t). */
  readonly learningRate: number | Schedule;
  /** α(t) for the update about to run, read from the state (t = 0 for the first update). */
  rateAt(state: OptimizerState): number;
  /** Counts one update (a no-op for a constant rate, which keeps no state). */
  advance(state: OptimizerState): void;
}

/**
 * u ← −α·u (descent: θ + u = θ − α·u). With a schedule, α(t) for t = 0, 1, … and state
 * { scheduleStep: t }; a constant rate keeps no state.
 *
 * @example
 * const sgd = chain('sgd', [scaleByLearningRate(0.1)]); // θ ← θ − 0.1·D
 * const decayed = chain('sgd', [scaleByLearningRate(stepDecay({ initial: 0.1, every: 100, factor: 0.5 }))]);
 */
export function scaleByLearningRate(learningRate: number | Schedule): LearningRateTransform {
  const scheduled = typeof learningRate === 'function';
  const rateAt = scheduled
    ? (state: OptimizerState) => learningRate(stateNumber(state, 'scheduleStep'))
    : () => learningRate;
  const advance = scheduled
    ? (state: OptimizerState) => {
        state['scheduleStep'] = stateNumber(state, 'scheduleStep') + 1;
      }
    : () => {};
  return {
    name: 'scale-by-learning-rate',
    stateKeys: scheduled ? ['scheduleStep'] : [],
    learningRate,
    rateAt,
    advance,
    init: (): OptimizerState => (scheduled ? { scheduleStep: 0 } : {}),
    update(updates, state) {
      const step = -rateAt(state);
      for (let i = 0; i < updates.length; i++) updates[i] = step * updates[i]!;
      advance(state);
    },
  };
}
