// Minibatch epochs: a seeded shuffle per epoch, batches gathered into preallocated buffers, and
// per batch the course's step — cost and D by backpropagation, then the optimizer's θ update.
import type { FloatArray, Matrix, MinibatchOptimizer, OptimizerState, StepContext } from '@deltanet/contract';
import { serializeState } from '@deltanet/optimizers';
import { createRandom, gatherRows, permutation, randomFromState, rowSlice, zeros } from '@deltanet/tensor';
import type { TrainingState } from './checkpoint';
import { divergedAt } from './divergence';
import type { Batch } from './fit-options';
import type { Trainer } from './internal/trainer';
import { yieldToEventLoop } from './internal/yield';
import type { Network } from './network';
import { countCorrect } from './network';
import { costAndGradient } from './propagate';
import type { Workspace } from './workspace';

/** How the minibatch trainer runs: batch size, shuffling and where the run starts. */
export interface MinibatchSetup {
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** Seed of the shuffles (ignored when resuming, which restores the stream). */
  readonly seed: number;
  /** The optimizer state to start from (a resumed or continued run's); else `optimizer.init`. */
  readonly state: OptimizerState | undefined;
  readonly resume: TrainingState | undefined;
}

/**
 * The trainer of minibatch optimizers. Per batch:
 *   J, D ← costAndGradient(Θ, x, y);  stop on a non-finite J or D;  θ ← optimizer.update(θ, D)
 * The rest is bookkeeping for the epoch's record and for checkpoints taken between batches.
 *
 * @example
 * const trainer = minibatchTrainer(net, train, adam(), gradient, { batchSize: 32, shuffle: true, seed: 1, state: undefined, resume: undefined });
 * const outcome = await trainer.run(1, undefined, undefined);
 */
export function minibatchTrainer(
  net: Network,
  train: Batch,
  optimizer: MinibatchOptimizer,
  gradient: FloatArray,
  { batchSize, shuffle, seed, state: given, resume }: MinibatchSetup,
): Trainer {
  const rows = train.x.rows;
  const batches = Math.ceil(rows / batchSize);
  const random = resume?.shuffle ? randomFromState(resume.shuffle) : createRandom(seed);
  const batchAt = batchReader(net, train, batchSize, shuffle);
  const state = given ?? optimizer.init(net.params);
  // The optimizer's kernels (Adam's update, axpy) run on the network's backend.
  const context: StepContext = { backend: net.backend };
  const predicted = new Int32Array(batchSize);
  const expected = new Int32Array(batchSize);
  // Where the current epoch stands: its shuffle's random state and the batches done so far.
  let epochStart = random.state();
  let done = resume?.batchesDone ?? 0;
  let costSum = resume?.partial.cost ?? 0;
  let correct = resume?.partial.correct ?? 0;
  let firstCost = Number.NaN;

  /** One gradient step on rows [start, end) of this epoch's order; returns J before the step. */
  const step = (epoch: number, b: number): { cost: number; rowsSoFar: number } => {
    const { x, y, ws, end } = batchAt(b);
    // λ is scaled by the training set's size, not the batch's: see costOf.
    const cost = costAndGradient(net, x, y, ws, gradient, rows);
    if (!Number.isFinite(cost) || net.backend.findNonFinite(gradient) >= 0) {
      throw divergedAt(net, epoch, b + 1, x, y, cost, gradient);
    }
    correct += countCorrect(ws.a[ws.a.length - 1]!, y, predicted, expected);
    costSum += cost * x.rows;
    optimizer.update(net.params, gradient, state, context);
    if (net.backend.findNonFinite(net.params) >= 0) throw divergedAt(net, epoch, b + 1, x, y, cost, gradient);
    return { cost, rowsSoFar: end };
  };

  return {
    async run(epoch, emit, signal) {
      epochStart = random.state();
      batchAt.shuffle(random);
      const firstBatch = done;
      for (let b = done; b < batches; b++) {
        const { cost, rowsSoFar } = step(epoch, b);
        if (b === firstBatch) firstCost = cost;
        done = b + 1;
        emit?.({ type: 'batch', epoch, batch: b + 1, batches, cost, accuracy: correct / rowsSoFar });
        if (signal?.aborted && done < batches) {
          const partial = { cost: costSum / rowsSoFar, accuracy: correct / rowsSoFar };
          return { ...partial, firstCost, finished: false, aborted: true, converged: false };
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
    state: () => state,
  };
}

interface BatchReader {
  /** Batch b of the current order: its rows, a workspace of their count, and its end row. */
  (b: number): { x: Matrix; y: Matrix; ws: Workspace; end: number };
  /** Draws this epoch's order (a no-op without shuffling). */
  shuffle(random: ReturnType<typeof createRandom>): void;
}

/** Batches as views of the data, or gathered into preallocated buffers when shuffled. */
function batchReader(net: Network, train: Batch, batchSize: number, shuffle: boolean): BatchReader {
  const rows = train.x.rows;
  const order = new Uint32Array(rows);
  // The gathered rows of a shuffled batch; the last batch, when shorter, views their first rows.
  const xBatch = zeros(batchSize, train.x.cols, net.dtype);
  const yBatch = zeros(batchSize, train.y.cols, net.dtype);
  const lastRows = rows - (Math.ceil(rows / batchSize) - 1) * batchSize;
  const xLast = rowSlice(xBatch, 0, lastRows);
  const yLast = rowSlice(yBatch, 0, lastRows);
  let fullWorkspace: Workspace | undefined;
  const read = (b: number) => {
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
    return { x, y, ws, end };
  };
  return Object.assign(read, {
    shuffle(random: ReturnType<typeof createRandom>) {
      if (shuffle) permutation(rows, random, order);
    },
  });
}
