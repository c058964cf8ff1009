// Training: minibatch epochs (seeded shuffles, preallocated batches) or full-batch iterations,
// validation, early stopping that restores the best Θ, typed events, AbortSignal, checkpoints
// that resume to the same weights, and a stop on the first NaN that names where it came from.
import type { FloatArray, Matrix, OptimizerPlugin, OptimizerState } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { deserializeState, serializeState } from '@deltanet/optimizers';
import {
  allocate,
  createRandom,
  findNonFinite,
  gatherRows,
  permutation,
  randomFromState,
  rowSlice,
  zeros,
} from '@deltanet/tensor';
import type { TrainingState } from './checkpoint';
import { checkResumable } from './checkpoint';
import type { CostGuard } from './cost-guard';
import { costGuard } from './cost-guard';
import { DivergenceError, divergenceHint, locateNonFinite } from './divergence';
import type { EpochRecord } from './history';
import { checkedBatch } from './internal/data';
import { restartYieldClock, yieldToEventLoop } from './internal/yield';
import type { Network } from './network';
import { countCorrect } from './network';
import { costAndGradient } from './propagate';
import type { PluginChoice } from './spec';
import { choosePlugin } from './spec';
import type { Workspace } from './workspace';

/** Inputs and targets, row i of x paired with row i of y. */
export interface Batch {
  readonly x: Matrix;
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
      readonly type: 'start';
      readonly epochs: number;
      readonly batchesPerEpoch: number;
      readonly trainRows: number;
      readonly validationRows: number;
      readonly optimizer: string;
    }
  | {
      readonly type: 'batch';
      readonly epoch: number;
      readonly batch: number;
      readonly batches: number;
      /** This batch's cost, before its step. */
      readonly cost: number;
      /** Accuracy over the epoch's rows so far, each taken before its batch's step. */
      readonly accuracy: number;
    }
  | ({ readonly type: 'epoch'; readonly epochs: number; readonly seconds: number } & EpochRecord)
  | {
      readonly type: 'end';
      readonly reason: StopReason;
      readonly epochs: number;
      readonly bestEpoch?: number;
    };

/** What `fit` returns. */
export interface TrainingHistory {
  readonly epochs: readonly EpochRecord[];
  readonly stopReason: StopReason;
  /** The epoch whose Θ the network holds after early stopping restored it. */
  readonly bestEpoch?: number;
}

/**
 * Trains `net` in place and resolves with the epoch history (also appended to `net.history`).
 * Throws DivergenceError on the first NaN/Infinity, leaving Θ at its last finite values, and
 * with `costGuard` ExplodingCostError when the cost explodes while staying finite.
 *
 * @example
 * const history = await fit(net, { x, y }, { optimizer: 'adam', epochs: 20, batchSize: 64 });
 */
export async function fit(net: Network, data: Batch, options: FitOptions = {}): Promise<TrainingHistory> {
  const { train, validation } = splitData(net, data, options);
  const optimizer = choosePlugin(net.registry, 'optimizer', options.optimizer ?? 'adam');
  const epochs = options.epochs ?? 10;
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new InvalidArgumentError(`epochs must be a whole number ≥ 0, got ${epochs}`);
  }
  const fullBatch = optimizer.mode === 'full-batch' || options.batchSize === 'full';
  const batchSize = fullBatch ? train.x.rows : (options.batchSize ?? 32);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError(`batchSize must be a whole number ≥ 1 or 'full', got ${batchSize}`);
  }
  const every = options.checkpointEvery ?? 0;
  if (!Number.isInteger(every) || every < 0) {
    throw new InvalidArgumentError(`checkpointEvery must be a whole number ≥ 0, got ${every}`);
  }
  const resume = options.resume;
  if (resume) checkResumable(resume, { optimizer: optimizer.name, rows: train.x.rows, batchSize, net });
  const batches = Math.ceil(train.x.rows / batchSize);
  // Without a listener no event is built: a tiny network's step is a few microseconds.
  const emit = options.onEvent;
  const stopper = earlyStopper(options.earlyStopping, net.params, resume?.earlyStopping);
  const guard = costGuard(options.costGuard, net.params);
  const records: EpochRecord[] = [...(resume?.records ?? [])];
  const gradient = allocate(net.dtype, net.params.length);
  const trainer =
    optimizer.mode === 'full-batch'
      ? fullBatchTrainer(net, train, optimizer, resume)
      : minibatchTrainer(net, train, optimizer, gradient, batchSize, resume, {
          ...options,
          shuffle: !fullBatch && options.shuffle !== false,
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
    });
  };

  restartYieldClock();
  emit?.({
    type: 'start',
    epochs,
    batchesPerEpoch: batches,
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
    if (stopper?.shouldStop(epoch, validated?.cost ?? outcome.cost, net.params)) {
      reason = 'early-stopping';
      break;
    }
    if (outcome.aborted) {
      await checkpoint(epoch);
      reason = 'aborted';
      break;
    }
    if (every > 0 && epoch % every === 0 && epoch < epochs) await checkpoint(epoch);
  }
  const bestEpoch = stopper?.finish(net.params);
  emit?.({ type: 'end', reason, epochs: records.length, ...(bestEpoch !== undefined && { bestEpoch }) });
  return { epochs: records, stopReason: reason, ...(bestEpoch !== undefined && { bestEpoch }) };
}

interface EpochOutcome {
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
interface Trainer {
  run(
    epoch: number,
    emit: ((event: TrainingEvent) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<EpochOutcome>;
  snapshot(): Pick<TrainingState, 'batchesDone' | 'partial' | 'shuffle' | 'optimizerState'>;
}

function minibatchTrainer(
  net: Network,
  train: Batch,
  optimizer: Extract<OptimizerPlugin, { mode: 'minibatch' }>,
  gradient: FloatArray,
  batchSize: number,
  resume: TrainingState | undefined,
  options: FitOptions,
): Trainer {
  const rows = train.x.rows;
  const shuffle = options.shuffle ?? true;
  const random = resume?.shuffle
    ? randomFromState(resume.shuffle)
    : createRandom((options.seed ?? net.spec.seed + 1) | 0);
  const order = new Uint32Array(rows);
  // The gathered rows of a shuffled batch; the last batch, when shorter, views their first rows.
  const xBatch = zeros(batchSize, train.x.cols, net.dtype);
  const yBatch = zeros(batchSize, train.y.cols, net.dtype);
  const lastRows = rows - (Math.ceil(rows / batchSize) - 1) * batchSize;
  const xLast = rowSlice(xBatch, 0, lastRows);
  const yLast = rowSlice(yBatch, 0, lastRows);
  let fullWorkspace: Workspace | undefined;
  const predicted = new Int32Array(batchSize);
  const expected = new Int32Array(batchSize);
  const state: OptimizerState = resume?.optimizerState
    ? deserializeState(resume.optimizerState)
    : optimizer.init(net.params);
  const batches = Math.ceil(rows / batchSize);
  // Where the current epoch stands: its shuffle's random state and the batches done so far.
  let epochStart = random.state();
  let done = resume?.batchesDone ?? 0;
  let costSum = resume?.partial.cost ?? 0;
  let correct = resume?.partial.correct ?? 0;
  let firstCost = Number.NaN;

  return {
    async run(epoch, emit, signal) {
      epochStart = random.state();
      if (shuffle) permutation(rows, random, order);
      const firstBatch = done;
      for (let b = done; b < batches; b++) {
        const start = b * batchSize;
        const end = Math.min(rows, start + batchSize);
        let x: Matrix;
        let y: Matrix;
        if (shuffle) {
          x = end - start === batchSize ? xBatch : xLast;
          y = end - start === batchSize ? yBatch : yLast;
          gatherRows(train.x, order, start, x);
          gatherRows(train.y, order, start, y);
        } else {
          x = rowSlice(train.x, start, end);
          y = rowSlice(train.y, start, end);
        }
        if (x.rows === batchSize) fullWorkspace ??= net.workspace(batchSize);
        const ws = x.rows === batchSize ? fullWorkspace! : net.workspace(x.rows);
        // λ is scaled by the training set's size, not the batch's: see costOf.
        const cost = costAndGradient(net, x, y, ws, gradient, rows);
        if (!Number.isFinite(cost) || findNonFinite(gradient) >= 0) {
          throw diverged(net, epoch, b + 1, x, y, cost, gradient);
        }
        correct += countCorrect(ws.a[ws.a.length - 1]!, y, predicted, expected);
        if (b === firstBatch) firstCost = cost;
        costSum += cost * x.rows;
        optimizer.update(net.params, gradient, state);
        if (findNonFinite(net.params) >= 0) throw diverged(net, epoch, b + 1, x, y, cost, gradient);
        done = b + 1;
        emit?.({ type: 'batch', epoch, batch: b + 1, batches, cost, accuracy: correct / end });
        if (signal?.aborted && done < batches) {
          return {
            cost: costSum / end,
            firstCost,
            accuracy: correct / end,
            finished: false,
            aborted: true,
            converged: false,
          };
        }
        if (done < batches) {
          const pause = yieldToEventLoop();
          if (pause) await pause;
        }
      }
      const outcome = {
        cost: costSum / rows,
        firstCost,
        accuracy: correct / rows,
        finished: true,
        converged: false,
      };
      done = 0;
      costSum = 0;
      correct = 0;
      const pause = yieldToEventLoop();
      if (pause) await pause;
      return { ...outcome, aborted: signal?.aborted ?? false };
    },
    snapshot() {
      return {
        batchesDone: done,
        partial: { cost: costSum, correct },
        // Mid-epoch, the state before this epoch's shuffle, so resuming redraws the same order.
        shuffle: done > 0 ? epochStart : random.state(),
        optimizerState: serializeState(state),
      };
    },
  };
}

function fullBatchTrainer(
  net: Network,
  train: Batch,
  optimizer: Extract<OptimizerPlugin, { mode: 'full-batch' }>,
  resume: TrainingState | undefined,
): Trainer {
  let epoch = 0;
  const rows = train.x.rows;
  const ws = net.workspace(rows);
  // Where the objective last ran its forward pass: when the iteration ends there (the usual
  // case), the workspace's h gives the accuracy without a second pass over all rows.
  const evaluatedAt = allocate(net.dtype, net.params.length);
  const predicted = new Int32Array(rows);
  const expected = new Int32Array(rows);
  const objective = (params: FloatArray, out: FloatArray): number => {
    if (params !== net.params) net.params.set(params);
    evaluatedAt.set(net.params);
    const cost = costAndGradient(net, train.x, train.y, ws, out);
    if (!Number.isFinite(cost) || findNonFinite(out) >= 0) {
      throw diverged(net, epoch, 1, train.x, train.y, cost, out);
    }
    return cost;
  };
  let state: OptimizerState | undefined = resume?.optimizerState
    ? deserializeState(resume.optimizerState)
    : undefined;
  const start = allocate(net.dtype, net.params.length);
  return {
    async run(current, emit, signal) {
      epoch = current;
      start.set(net.params);
      try {
        state ??= optimizer.init(net.params, objective);
        const report = optimizer.iterate(net.params, objective, state);
        const accuracy = sameValues(evaluatedAt, net.params)
          ? countCorrect(ws.a[ws.a.length - 1]!, train.y, predicted, expected) / rows
          : net.evaluate(train.x, train.y).accuracy;
        emit?.({ type: 'batch', epoch, batch: 1, batches: 1, cost: report.cost, accuracy });
        const pause = yieldToEventLoop();
        if (pause) await pause;
        return {
          cost: report.cost,
          firstCost: report.cost,
          accuracy,
          finished: true,
          aborted: signal?.aborted ?? false,
          converged: report.converged,
        };
      } catch (error) {
        // A line search that met a NaN leaves Θ mid-step: put back the iteration's start.
        if (error instanceof DivergenceError) net.params.set(start);
        throw error;
      }
    },
    snapshot() {
      return {
        batchesDone: 0,
        partial: { cost: 0, correct: 0 },
        shuffle: null,
        optimizerState: state ? serializeState(state) : null,
      };
    },
  };
}

function sameValues(a: FloatArray, b: FloatArray): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function diverged(
  net: Network,
  epoch: number,
  batch: number,
  x: Matrix,
  y: Matrix,
  cost: number,
  gradient: FloatArray,
) {
  const ws = net.workspace(x.rows);
  const origin = locateNonFinite(net, x, y, ws, cost, gradient) ?? {
    quantity: 'theta' as const,
    value: Number.NaN,
  };
  return new DivergenceError(epoch, batch, origin, divergenceHint(net));
}

function splitData(net: Network, data: Batch, options: FitOptions): { train: Batch; validation?: Batch } {
  const { x, y } = checkedBatch(net.layers, net.dtype, data);
  if (options.validationData) {
    return {
      train: { x, y },
      validation: checkedBatch(net.layers, net.dtype, options.validationData, 'validation '),
    };
  }
  const split = options.validationSplit ?? 0;
  if (!(split >= 0 && split < 1))
    throw new InvalidArgumentError(`validationSplit must be in [0, 1), got ${split}`);
  const held = Math.floor(x.rows * split);
  if (x.rows - held < 1)
    throw new InvalidArgumentError(`no training rows left: ${x.rows} rows, validationSplit ${split}`);
  if (held === 0) return { train: { x, y } };
  const cut = x.rows - held;
  return {
    train: { x: rowSlice(x, 0, cut), y: rowSlice(y, 0, cut) },
    validation: { x: rowSlice(x, cut, x.rows), y: rowSlice(y, cut, x.rows) },
  };
}

function earlyStopper(
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
