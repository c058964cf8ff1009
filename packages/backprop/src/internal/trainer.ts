// What the minibatch and full-batch trainers share with `fit`: one epoch's outcome, and a
// snapshot of where the run stands between batches.
import type { OptimizerState } from '@deltanet/contract';
import type { TrainingState } from '../checkpoint';
import type { TrainingEvent } from '../fit-options';

/** One epoch's (full-batch: iteration's) result. */
export interface EpochOutcome {
  readonly cost: number;
  /** The cost of the epoch's first batch (full-batch: of the iteration). */
  readonly firstCost: number;
  readonly accuracy: number;
  /** Every batch of the epoch ran. */
  readonly finished: boolean;
  readonly aborted: boolean;
  readonly converged: boolean;
}

/** Runs epochs, and says where it stands between batches so a run can resume there. */
export interface Trainer {
  run(
    epoch: number,
    emit: ((event: TrainingEvent) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<EpochOutcome>;
  snapshot(): Pick<TrainingState, 'batchesDone' | 'partial' | 'shuffle' | 'optimizerState'>;
  /** The optimizer's live state (undefined before a full-batch method's first iteration). */
  state(): OptimizerState | undefined;
}
