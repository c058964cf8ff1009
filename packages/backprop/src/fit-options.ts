// What `fit` takes and gives: options, progress events, the history it resolves with.
import type { Matrix, OptimizerPlugin, OptimizerState } from '@deltanet/contract';
import type { TrainingState } from './checkpoint';
import type { CostGuard } from './cost-guard';
import type { EpochRecord } from './history';
import type { PluginChoice } from './spec';

/** Inputs and targets, row i of x paired with row i of y. */
export interface Batch {
  /** Inputs, m × s(1): one example per row. */
  readonly x: Matrix;
  /** Targets, m × s(L), in the network's precision like x. */
  readonly y: Matrix;
}

/** When to stop before `epochs`, monitoring validation cost when there is validation data. */
export interface EarlyStopping {
  /** Epochs without improvement before stopping. Default 5. */
  readonly patience?: number;
  /** Smallest decrease that counts as improvement. Default 0. */
  readonly minDelta?: number;
  /** Put back the Θ of the best epoch when stopping. Default true. */
  readonly restoreBest?: boolean;
}

/** How to train. Every field has a default. */
export interface FitOptions {
  /** Default adam (learning rate 0.001). Full-batch optimizers see all rows each iteration. */
  readonly optimizer?: PluginChoice<OptimizerPlugin>;
  /** Passes over the data; for full-batch optimizers, iterations. Default 10. */
  readonly epochs?: number;
  /** Rows per gradient step, or 'full'. Default 32. */
  readonly batchSize?: number | 'full';
  /** Reshuffle rows every epoch. Default true. */
  readonly shuffle?: boolean;
  /** Seed of the shuffles. Default: the network's seed + 1. */
  readonly seed?: number;
  /** Held-out data evaluated after every epoch. */
  readonly validationData?: Batch;
  /** Or: hold out this fraction of the LAST rows (before shuffling, as Keras does). */
  readonly validationSplit?: number;
  /** true for the defaults, or settings. */
  readonly earlyStopping?: boolean | EarlyStopping;
  /** Stops after the current batch; `fit` then resolves with stopReason 'aborted'. */
  readonly signal?: AbortSignal;
  /** Progress: called synchronously for every event. */
  readonly onEvent?: (event: TrainingEvent) => void;
  /** Take a checkpoint after every n-th epoch (it is always taken when aborted). */
  readonly checkpointEvery?: number;
  /**
   * Receives each checkpoint; `fit` waits for it. Save the network with it at that moment:
   * `serializeNetwork(net, { training: state })`. Pass it back as `resume` to continue.
   */
  readonly onCheckpoint?: (state: TrainingState) => void | Promise<void>;
  /**
   * Continue the run a checkpoint came from, on the network saved with it and the same data
   * and options: it reaches the same weights, bit for bit, as a run never interrupted.
   */
  readonly resume?: TrainingState;
  /**
   * Start from this optimizer state (as returned in `TrainingHistory.optimizerState`) instead of
   * a fresh one, so a second `fit` continues the first: same optimizer, same network. It is
   * copied, not advanced in place. Not with `resume`, which carries its own.
   */
  readonly optimizerState?: OptimizerState;
  /**
   * Stop like a divergence (ExplodingCostError, code 'diverged') when an epoch's mean cost
   * exceeds `factor` (default 1e4) times the first batch's cost, with Θ put back to the start
   * of that epoch. Off by default; `true` for the default factor.
   */
  readonly costGuard?: boolean | CostGuard;
}

/** Why training stopped. */
export type StopReason = 'completed' | 'early-stopping' | 'aborted' | 'converged';

/** Progress events, in order: start, then batch… epoch per epoch, then end. */
export type TrainingEvent =
  | {
      /** Training begins; sent once, before the first batch. */
      readonly type: 'start';
      /** The epoch (full-batch: iteration) to train up to, `options.epochs`. */
      readonly epochs: number;
      /** ⌈trainRows / batchSize⌉; 1 for full-batch training. */
      readonly batchesPerEpoch: number;
      /** Training rows, validation rows excluded. */
      readonly trainRows: number;
      /** Validation rows; 0 without validation data. */
      readonly validationRows: number;
      /** The optimizer's name. */
      readonly optimizer: string;
    }
  | {
      /** A batch's step is done. */
      readonly type: 'batch';
      /** The 1-based epoch the batch belongs to. */
      readonly epoch: number;
      /** The 1-based batch within the epoch. */
      readonly batch: number;
      /** Batches per epoch; 1 for full-batch training. */
      readonly batches: number;
      /** This batch's cost, before its step. */
      readonly cost: number;
      /** Accuracy over the epoch's rows so far, each taken before its batch's step. */
      readonly accuracy: number;
    }
  | ({
      /** An epoch is finished; the event carries its `EpochRecord`. */
      readonly type: 'epoch';
      /** The epoch to train up to, as in `start`. */
      readonly epochs: number;
      /** Wall-clock seconds the epoch took, validation included. */
      readonly seconds: number;
    } & EpochRecord)
  | {
      /** Training is over; sent once, last. */
      readonly type: 'end';
      /** Why it stopped. */
      readonly reason: StopReason;
      /** Epochs finished in total, those of a resumed run included. */
      readonly epochs: number;
      /** The epoch whose Θ early stopping restored; undefined without early stopping. */
      readonly bestEpoch?: number;
    };

/** What `fit` returns. */
export interface TrainingHistory {
  /** One record per finished epoch, in order (a resumed run's earlier ones included). */
  readonly epochs: readonly EpochRecord[];
  /** Why training stopped. */
  readonly stopReason: StopReason;
  /** The epoch whose Θ the network holds after early stopping restored it. */
  readonly bestEpoch?: number;
  /**
   * The optimizer's state after the last step (plain data; absent before a full-batch method's
   * first iteration). Pass it as `optimizerState` to a next `fit` to continue: with
   * `shuffle: false`, fit 5 + fit 5 epochs gives the Θ of fit 10, bit for bit. A shuffled run
   * draws its orders from `seed` again on each call; continue one exactly with `resume`.
   */
  readonly optimizerState?: OptimizerState;
}
