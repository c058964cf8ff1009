// Full-batch iterations: each epoch is one iteration of a line-search method (CG, L-BFGS) over
// every training row, with the objective J(θ), ∇J(θ) computed by backpropagation.
import type { FloatArray, FullBatchOptimizer, OptimizerState } from '@deltanet/contract';
import { serializeState } from '@deltanet/optimizers';
import { allocate } from '@deltanet/tensor';
import { DivergenceError, divergedAt } from './divergence';
import type { Batch } from './fit-options';
import type { Trainer } from './internal/trainer';
import { yieldToEventLoop } from './internal/yield';
import type { Network } from './network';
import { countCorrect } from './network';
import { costAndGradient } from './propagate';

/**
 * The trainer of full-batch optimizers: per epoch, one `optimizer.iterate` on the whole training
 * set, starting from `given` state (a resumed or continued run's) or `optimizer.init`.
 *
 * @example
 * const trainer = fullBatchTrainer(net, train, lbfgs(), undefined);
 * const outcome = await trainer.run(1, undefined, undefined);
 */
export function fullBatchTrainer(
  net: Network,
  train: Batch,
  optimizer: FullBatchOptimizer,
  given: OptimizerState | undefined,
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
    if (!Number.isFinite(cost) || net.backend.findNonFinite(out) >= 0) {
      throw divergedAt(net, epoch, 1, train.x, train.y, cost, out);
    }
    return cost;
  };
  let state = given;
  // The iteration's dot products and steps run on the network's backend, as its passes do.
  const context = { backend: net.backend };
  const start = allocate(net.dtype, net.params.length);
  return {
    async run(current, emit, signal) {
      epoch = current;
      start.set(net.params);
      try {
        state ??= optimizer.init(net.params, objective, context);
        const report = optimizer.iterate(net.params, objective, state, context);
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
    state: () => state,
  };
}

function sameValues(a: FloatArray, b: FloatArray): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
