// Early stopping: remembers the best epoch's cost and Θ, says when patience has run out, puts
// the best Θ back at the end, and snapshots itself for checkpoints.
import type { FloatArray } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { deserializeState, serializeState } from '@deltanet/optimizers';
import { allocate } from '@deltanet/tensor';
import type { TrainingState } from './checkpoint';
import type { FitOptions } from './fit-options';

/**
 * The early-stopping monitor for `setting`, starting from a checkpoint's snapshot when resumed;
 * undefined when early stopping is off.
 *
 * @example
 * const stopper = earlyStopper({ patience: 3 }, net.params, undefined);
 * if (stopper?.shouldStop(epoch, cost, net.params)) { … }
 */
export function earlyStopper(
  setting: FitOptions['earlyStopping'],
  params: FloatArray,
  resumed: TrainingState['earlyStopping'],
) {
  if (!setting) return undefined;
  const { patience = 5, minDelta = 0, restoreBest = true } = setting === true ? {} : setting;
  if (!Number.isInteger(patience) || patience < 0) {
    throw new InvalidArgumentError(`earlyStopping.patience must be a whole number ≥ 0, got ${patience}`);
  }
  const best = allocate(params instanceof Float32Array ? 'float32' : 'float64', params.length);
  let bestCost = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  if (resumed) {
    const saved = deserializeState(resumed);
    bestCost = saved.bestCost as number;
    bestEpoch = saved.bestEpoch as number;
    if (saved.best) best.set(saved.best as FloatArray);
  }
  return {
    shouldStop(epoch: number, cost: number, current: FloatArray): boolean {
      if (cost < bestCost - minDelta) {
        bestCost = cost;
        bestEpoch = epoch;
        if (restoreBest) best.set(current);
      }
      return epoch - bestEpoch > patience;
    },
    finish(current: FloatArray): number | undefined {
      if (bestEpoch === 0) return undefined;
      if (restoreBest) current.set(best);
      return bestEpoch;
    },
    snapshot() {
      return serializeState({ bestCost, bestEpoch, ...(restoreBest && bestEpoch > 0 && { best }) });
    },
  };
}
