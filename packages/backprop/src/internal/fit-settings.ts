// The numbers `fit` runs with, checked: epochs, batch size, checkpoint period, optimizer state.
import type { OptimizerPlugin, OptimizerState } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { deserializeState } from '@deltanet/optimizers';
import type { FitOptions } from '../fit-options';

/** `fit`'s options resolved against the optimizer and the training rows. */
export interface FitSettings {
  readonly epochs: number;
  readonly fullBatch: boolean;
  readonly batchSize: number;
  readonly checkpointEvery: number;
  /** The state to start from: the checkpoint's, a copy of the caller's, or none (fresh). */
  readonly startState: OptimizerState | undefined;
}

/** Checks and defaults `options`, naming the first bad one. */
export function fitSettings(optimizer: OptimizerPlugin, trainRows: number, options: FitOptions): FitSettings {
  const epochs = options.epochs ?? 10;
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new InvalidArgumentError(`epochs must be a whole number ≥ 0, got ${epochs}`);
  }
  const fullBatch = optimizer.mode === 'full-batch' || options.batchSize === 'full';
  const batchSize = fullBatch ? trainRows : (options.batchSize ?? 32);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError(`batchSize must be a whole number ≥ 1 or 'full', got ${batchSize}`);
  }
  const every = options.checkpointEvery ?? 0;
  if (!Number.isInteger(every) || every < 0) {
    throw new InvalidArgumentError(`checkpointEvery must be a whole number ≥ 0, got ${every}`);
  }
  if (options.resume && options.optimizerState) {
    throw new InvalidArgumentError(
      'give either resume or optimizerState: a checkpoint carries its own state',
    );
  }
  const saved = options.resume?.optimizerState;
  // A copy, so the caller's object is not advanced behind its back.
  const startState = saved
    ? deserializeState(saved)
    : options.optimizerState && structuredClone(options.optimizerState);
  return { epochs, fullBatch, batchSize, checkpointEvery: every, startState };
}
