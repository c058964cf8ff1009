// Where a training run stands between two batches, as JSON-safe data: enough to continue to
// the very weights an uninterrupted run reaches. Saved beside Θ in a model file's `training`
// field (docs/model-format.md); `fit` takes it back as `resume`.
import { FormatError, InvalidArgumentError } from '@deltanet/contract';
import type { SerializedState } from '@deltanet/optimizers';
import type { EpochRecord } from './history';
import { isObject } from './internal/is-object';
import type { Network } from './network';

/** A training run's position and every piece of state its next step depends on. */
export interface TrainingState {
  /** Name of the optimizer; resuming with another is refused. */
  readonly optimizer: string;
  /** Training rows and batch size of the run; resuming with others is refused. */
  readonly rows: number;
  /** Rows per batch of the run (full-batch: the training rows). */
  readonly batchSize: number;
  /** Parameter count of the network trained. */
  readonly parameters: number;
  /** Epochs (full-batch: iterations) finished. */
  readonly completedEpochs: number;
  /** Batches finished of epoch `completedEpochs + 1`; 0 at an epoch boundary. */
  readonly batchesDone: number;
  /** Σ cost·rows and correct predictions over those batches, for the epoch's record. */
  readonly partial: {
    /** Σ cost·rows over the finished batches of the unfinished epoch. */
    readonly cost: number;
    /** Correctly classified rows over those batches. */
    readonly correct: number;
  };
  /** The shuffle stream's state at the start of the unfinished epoch; null without shuffling. */
  readonly shuffle: readonly number[] | null;
  /** `serializeState` of the optimizer's state; null before a full-batch method's first step. */
  readonly optimizerState: SerializedState | null;
  /** Records of the finished epochs of this run. */
  readonly records: readonly EpochRecord[];
  /** Early stopping's best cost, epoch and Θ so far. */
  readonly earlyStopping?: SerializedState;
  /**
   * The stream stochastic layers (dropout) draw from, as it stood at the checkpoint; present
   * only for networks with layers besides dense ones.
   */
  readonly layerRandom?: readonly number[];
}

/** Throws an InvalidArgumentError when `state` cannot continue with this network, data and optimizer. */
export function checkResumable(
  state: TrainingState,
  run: { optimizer: string; rows: number; batchSize: number; net: Network },
): void {
  const mismatch = (what: string, saved: unknown, now: unknown) =>
    new InvalidArgumentError(
      `cannot resume: the checkpoint was taken with ${what} ${String(saved)}, this run has ${String(now)}`,
    );
  if (state.optimizer !== run.optimizer) throw mismatch('optimizer', state.optimizer, run.optimizer);
  if (state.rows !== run.rows) throw mismatch('training rows', state.rows, run.rows);
  if (state.batchSize !== run.batchSize) throw mismatch('batch size', state.batchSize, run.batchSize);
  if (state.parameters !== run.net.params.length) {
    throw mismatch('parameter count', state.parameters, run.net.params.length);
  }
}

/** Validates a parsed `training` field, naming the first bad field. */
export function readTrainingState(value: unknown, source?: string): TrainingState {
  const fail = (field: string, message: string): never => {
    throw new FormatError(`training${field}`, message, source);
  };
  if (!isObject(value)) return fail('', 'expected an object');
  const whole = (key: string) => {
    const v = value[key];
    if (!Number.isInteger(v) || (v as number) < 0)
      fail(`.${key}`, `expected a whole number ≥ 0, got ${JSON.stringify(v)}`);
    return v as number;
  };
  if (typeof value.optimizer !== 'string') fail('.optimizer', 'expected an optimizer name');
  for (const key of ['rows', 'batchSize', 'parameters', 'completedEpochs', 'batchesDone']) whole(key);
  const partial = value.partial;
  if (!isObject(partial) || typeof partial.cost !== 'number' || !Number.isInteger(partial.correct)) {
    fail('.partial', 'expected { cost: number, correct: whole number }');
  }
  const shuffle = value.shuffle;
  if (shuffle !== null && (!Array.isArray(shuffle) || shuffle.length !== 4 || !shuffle.every(isUint32))) {
    fail('.shuffle', 'expected null or four unsigned 32-bit integers');
  }
  if (value.optimizerState !== null && !isObject(value.optimizerState)) {
    fail('.optimizerState', 'expected an object or null');
  }
  if (!Array.isArray(value.records)) fail('.records', 'expected an array of epoch records');
  (value.records as unknown[]).forEach((record, i) => {
    if (!isObject(record) || typeof record.epoch !== 'number' || typeof record.cost !== 'number') {
      fail(`.records[${i}]`, 'expected an epoch record { epoch, cost, accuracy }');
    }
  });
  if ((value.records as unknown[]).length !== value.completedEpochs) {
    fail('.records', `expected ${String(value.completedEpochs)} records, one per completed epoch`);
  }
  const layerRandom = value.layerRandom;
  if (
    layerRandom !== undefined &&
    (!Array.isArray(layerRandom) || layerRandom.length !== 4 || !layerRandom.every(isUint32))
  ) {
    fail('.layerRandom', 'expected four unsigned 32-bit integers');
  }
  if (value.earlyStopping !== undefined && !isObject(value.earlyStopping)) {
    fail('.earlyStopping', 'expected an object');
  }
  return value as unknown as TrainingState;
}

function isUint32(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
}
