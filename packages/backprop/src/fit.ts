// Training: epochs of a minibatch or full-batch trainer, with validation, early stopping, a cost
// guard, abort and checkpoints beside the loop (each in its own module), and a stop on the first
// NaN that names where it came from.
import { allocate } from '@deltanet/tensor';
import type { TrainingState } from './checkpoint';
import { checkResumable } from './checkpoint';
import { costGuard } from './cost-guard';
import { earlyStopper } from './early-stopping';
import type { Batch, FitOptions, StopReason, TrainingHistory } from './fit-options';
import { fullBatchTrainer } from './full-batch-trainer';
import type { EpochRecord } from './history';
import { fitSettings } from './internal/fit-settings';
import { splitData } from './internal/split-data';
import type { Trainer } from './internal/trainer';
import { restartYieldClock } from './internal/yield';
import { minibatchTrainer } from './minibatch-trainer';
import type { Network } from './network';
import { choosePlugin } from './spec';

export type {
  Batch,
  EarlyStopping,
  FitOptions,
  StopReason,
  TrainingEvent,
  TrainingHistory,
} from './fit-options';

/**
 * Trains `net` in place and resolves with the epoch history (also appended to `net.history`)
 * and the optimizer's state, which a next `fit` can continue from (`optimizerState`).
 * Throws DivergenceError on the first NaN/Infinity, leaving Θ at its last finite values, and
 * with `costGuard` ExplodingCostError when the cost explodes while staying finite.
 *
 * @example
 * const history = await fit(net, { x, y }, { optimizer: 'adam', epochs: 20, batchSize: 64 });
 * await fit(net, { x, y }, { optimizer: 'adam', epochs: 20, optimizerState: history.optimizerState });
 */
export async function fit(net: Network, data: Batch, options: FitOptions = {}): Promise<TrainingHistory> {
  const { train, validation } = splitData(net, data, options);
  const optimizer = choosePlugin(net.registry, 'optimizer', options.optimizer ?? 'adam');
  const { epochs, fullBatch, batchSize, checkpointEvery, startState } = fitSettings(
    optimizer,
    train.x.rows,
    options,
  );
  const resume = options.resume;
  if (resume) checkResumable(resume, { optimizer: optimizer.name, rows: train.x.rows, batchSize, net });
  // Dropout's masks continue from where the checkpoint stood, so a resumed run draws the same ones.
  if (resume?.layerRandom) net.setLayerRandomState(resume.layerRandom);
  // Without a listener no event is built: a tiny network's step is a few microseconds.
  const emit = options.onEvent;
  const stopper = earlyStopper(options.earlyStopping, net, resume?.earlyStopping);
  const guard = costGuard(options.costGuard, net.params);
  const records: EpochRecord[] = [...(resume?.records ?? [])];
  const trainer: Trainer =
    optimizer.mode === 'full-batch'
      ? fullBatchTrainer(net, train, optimizer, startState)
      : minibatchTrainer(net, train, optimizer, allocate(net.dtype, net.params.length), {
          batchSize,
          shuffle: !fullBatch && options.shuffle !== false,
          seed: (options.seed ?? net.spec.seed + 1) | 0,
          state: startState,
          resume,
        });
  const checkpoint = async (completedEpochs: number) => {
    await options.onCheckpoint?.({
      optimizer: optimizer.name,
      rows: train.x.rows,
      batchSize,
      parameters: net.params.length,
      completedEpochs,
      records: records.map((record) => ({ ...record })),
      ...trainer.snapshot(),
      ...(stopper && { earlyStopping: stopper.snapshot() }),
      // Only networks with layers besides dense ones: all-dense checkpoints stay as they were.
      ...(!net.allDense && { layerRandom: [...net.layerRandomState] }),
    } satisfies TrainingState);
  };

  restartYieldClock();
  emit?.({
    type: 'start',
    epochs,
    batchesPerEpoch: Math.ceil(train.x.rows / batchSize),
    trainRows: train.x.rows,
    validationRows: validation?.x.rows ?? 0,
    optimizer: optimizer.name,
  });
  let reason: StopReason = 'completed';
  for (let epoch = records.length + 1; epoch <= epochs; epoch++) {
    const started = Date.now();
    guard?.beginEpoch();
    const outcome = await trainer.run(epoch, emit, options.signal);
    if (!outcome.finished) {
      // Cut short: the checkpoint holds the batches done; no record of a partial epoch.
      await checkpoint(epoch - 1);
      reason = 'aborted';
      break;
    }
    guard?.check(epoch, outcome.firstCost, outcome.cost);
    const validated = validation ? net.evaluate(validation.x, validation.y) : undefined;
    const record: EpochRecord = {
      epoch,
      cost: outcome.cost,
      accuracy: outcome.accuracy,
      ...(validated && { validationCost: validated.cost, validationAccuracy: validated.accuracy }),
    };
    records.push(record);
    net.history.push(record);
    emit?.({ type: 'epoch', epochs, seconds: (Date.now() - started) / 1000, ...record });
    if (outcome.converged) {
      reason = 'converged';
      break;
    }
    if (stopper?.shouldStop(epoch, validated?.cost ?? outcome.cost)) {
      reason = 'early-stopping';
      break;
    }
    if (outcome.aborted) {
      await checkpoint(epoch);
      reason = 'aborted';
      break;
    }
    if (checkpointEvery > 0 && epoch % checkpointEvery === 0 && epoch < epochs) await checkpoint(epoch);
  }
  const bestEpoch = stopper?.finish();
  emit?.({ type: 'end', reason, epochs: records.length, ...(bestEpoch !== undefined && { bestEpoch }) });
  const optimizerState = trainer.state();
  return {
    epochs: records,
    stopReason: reason,
    ...(bestEpoch !== undefined && { bestEpoch }),
    ...(optimizerState && { optimizerState }),
  };
}
