// Early stopping: remembers the best epoch's cost and Θ (with the layers' state, batch-norm's
// running statistics, which belong to that Θ), says when patience has run out, puts the best back
// at the end, and snapshots itself for checkpoints.
import type { FloatArray } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { deserializeState, serializeState } from '@deltanet/optimizers';
import { allocate } from '@deltanet/tensor';
import type { TrainingState } from './checkpoint';
import type { FitOptions } from './fit-options';

/** What early stopping keeps the best of: a network's parameters and its layers' state. */
export interface Tracked {
  /** Every trainable parameter (`net.params`). */
  readonly params: FloatArray;
  /** The layers' non-trainable state (`net.state`; empty for all-dense networks). */
  readonly state: FloatArray;
}

/**
 * The early-stopping monitor for `setting` over `tracked`, starting from a checkpoint's snapshot
 * when resumed; undefined when early stopping is off.
 *
 * @example
 * const stopper = earlyStopper({ patience: 3 }, net, undefined);
 * if (stopper?.shouldStop(epoch, cost)) { … }
 */
export function earlyStopper(
  setting: FitOptions['earlyStopping'],
  tracked: Tracked,
  resumed: TrainingState['earlyStopping'],
) {
  const { params, state } = tracked;
  if (!setting) return undefined;
  const { patience = 5, minDelta = 0, restoreBest = true } = setting === true ? {} : setting;
  if (!Number.isInteger(patience) || patience < 0) {
    throw new InvalidArgumentError(`earlyStopping.patience must be a whole number ≥ 0, got ${patience}`);
  }
  const dtype = params instanceof Float32Array ? 'float32' : 'float64';
  const best = allocate(dtype, params.length);
  const bestState = allocate(dtype, state.length);
  let bestCost = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  if (resumed) {
    const saved = deserializeState(resumed);
    bestCost = saved.bestCost as number;
    bestEpoch = saved.bestEpoch as number;
    if (saved.best) best.set(saved.best as FloatArray);
    if (saved.bestState) bestState.set(saved.bestState as FloatArray);
  }
  return {
    shouldStop(epoch: number, cost: number): boolean {
      if (cost < bestCost - minDelta) {
        bestCost = cost;
        bestEpoch = epoch;
        if (restoreBest) {
          best.set(params);
          bestState.set(state);
        }
      }
      return epoch - bestEpoch > patience;
    },
    finish(): number | undefined {
      if (bestEpoch === 0) return undefined;
      if (restoreBest) {
        params.set(best);
        state.set(bestState);
      }
      return bestEpoch;
    },
    snapshot() {
      // bestState only where there is state: an all-dense network's checkpoints stay as they were.
      const kept = restoreBest && bestEpoch > 0;
      return serializeState({
        bestCost,
        bestEpoch,
        ...(kept && { best }),
        ...(kept && state.length > 0 && { bestState }),
      });
    },
  };
}
