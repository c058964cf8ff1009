// Optimizer plugins: minibatch rules as {init, update} pairs, full-batch methods as
// {init, iterate}. Both work in place on θ and on their state (no copies per step); all state
// is plain data so training checkpoints and resumes exactly.
import type { BackendPlugin } from './backend';
import type { FloatArray } from './matrix';
import type { PluginBase } from './plugin';

/** Optimizer state: plain numbers and typed arrays (checkpoint it with `serializeState` from @deltanet/optimizers, which keeps dtype, −0 and NaN). */
export type OptimizerState = Record<string, number | FloatArray>;

/** f(θ): writes ∇f(θ) into `gradient` and returns f(θ). */
export type Objective = (params: FloatArray, gradient: FloatArray) => number;

/**
 * A rule applied after each minibatch gradient D (all Θ(l) flattened into one vector):
 * θ ← θ − step(D), in place. The learning rate and the rule's constants live in `options`;
 * what the rule remembers between steps (moments, step count) lives in the state.
 *
 * @example
 * const sgd = { kind: 'optimizer', name: 'sgd', mode: 'minibatch', description: 'θ ← θ − αD',
 *   options: { learningRate: 0.1 }, init: () => ({}),
 *   update: (p, g) => { for (let i = 0; i < p.length; i++) p[i] -= 0.1 * g[i]; } };
 */
export interface MinibatchOptimizer extends PluginBase<'optimizer'> {
  /** Steps once per minibatch from that batch's gradient, called by the training loop. */
  readonly mode: 'minibatch';
  /** Fresh state for a parameter vector of this length and precision. */
  init(params: FloatArray): OptimizerState;
  /**
   * θ ← θ − step(D), written into `params` in place (no copy of Θ per step), and `state`
   * advanced in place: its numbers are replaced and its arrays overwritten, so the object the
   * caller holds is the optimizer's memory (copy it with `serializeState` to keep a snapshot).
   * `gradient` is only read. Deterministic: the same θ, D and state give the same bits.
   * `context.backend`, when given (`fit` gives the network's), is where the step's array
   * kernels (`adamUpdate`, `axpy`) may run; every backend gives them the same bits.
   */
  update(params: FloatArray, gradient: FloatArray, state: OptimizerState, context?: StepContext): void;
}

/**
 * What the training loop lends an optimizer's step: the backend whose kernels (Adam's fused
 * update, axpy) the step runs on. Without it a built-in optimizer runs `reference`'s kernels,
 * which give the same bits.
 *
 * @example
 * optimizer.update(net.params, gradient, state, { backend: net.backend });
 */
export interface StepContext {
  /** The network's backend (`fit` passes it complete, see `completeBackend`). */
  readonly backend?: BackendPlugin;
}

/** What one full-batch iteration did. */
export interface IterationReport {
  /** f(θ) after the iteration. */
  readonly cost: number;
  /** Objective evaluations spent in this iteration. */
  readonly evaluations: number;
  /** True when no further progress is possible (line search failed twice, gradient ~0). */
  readonly converged: boolean;
}

/**
 * A method that sees the whole training set each iteration and searches along a direction
 * (nonlinear CG, L-BFGS). `params` is moved in place.
 */
export interface FullBatchOptimizer extends PluginBase<'optimizer'> {
  /** Drives its own line search over the whole training set through the objective. */
  readonly mode: 'full-batch';
  /** State for starting at `params`; evaluates the objective there once. */
  init(params: FloatArray, objective: Objective, context?: StepContext): OptimizerState;
  /**
   * One iteration (one line search): moves `params` and advances `state`, both in place.
   * `context.backend`, when given (`fit` gives the network's), runs the iteration's vector
   * kernels (`dot`, `axpy`); every backend gives them the same bits.
   */
  iterate(
    params: FloatArray,
    objective: Objective,
    state: OptimizerState,
    context?: StepContext,
  ): IterationReport;
}

/** Either kind of optimizer. */
export type OptimizerPlugin = MinibatchOptimizer | FullBatchOptimizer;
