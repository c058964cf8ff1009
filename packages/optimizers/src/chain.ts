// An optimizer as a chain of gradient transforms (optax's `chain`): u ← D, u ← Tₖ(…T₁(u)),
// θ ← θ + u. A chain shaped like Adam(W) runs the backend's fused Adam kernel instead.
import type {
  BackendPlugin,
  FloatArray,
  MinibatchOptimizer,
  OptimizerState,
  StepContext,
} from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { adamUpdate as adamKernel, axpy, pow } from '@deltanet/tensor';
import { assertGradient, stateArray, stateNumber } from './internal/state';
import type { Schedule } from './schedules';
import type { GradientTransform } from './transform';
import type { DecayedWeightsTransform } from './transforms/add-decayed-weights';
import type { LearningRateTransform } from './transforms/scale';
import { scaleByLearningRate } from './transforms/scale';
import type { AdamTransform } from './transforms/scale-by-adam';

/** A minibatch optimizer built by `chain`, with its transforms readable for `withSchedule`/`withClipping`. */
export interface ChainOptimizer extends MinibatchOptimizer {
  /** The transforms, first applied first. */
  readonly transforms: readonly GradientTransform[];
}

/**
 * The optimizer that applies `transforms` in order to the gradient and adds the result to θ:
 *
 *   u ← D;  u ← Tᵢ(u) for each transform;  θ ← θ + u        (θ in place, u in float64)
 *
 * State is every transform's state in one plain object (two transforms may not claim one key).
 * `[…clips, scaleByAdam, (addDecayedWeights,) scaleByLearningRate]` runs the fused Adam kernel:
 * θ ← (1 − αλ)θ − αₜ·m / (√v + ε̂), PyTorch's Adam/AdamW bit for bit. `update`'s optional
 * `context.backend` (fit passes the network's) runs that kernel and plain gradient descent's
 * axpy; without it they run @deltanet/tensor's JavaScript loops, which give the same bits.
 *
 * @example
 * const clippedSgd = chain('sgd', [clipByGlobalNorm(1), scaleByLearningRate(0.1)]);
 * const state = clippedSgd.init(params);
 * clippedSgd.update(params, gradient, state); // θ ← θ − 0.1·D·min(1, 1/‖D‖)
 */
export function chain(
  name: string,
  transforms: readonly GradientTransform[],
  description = transforms.map((t) => t.name).join(' → '),
): ChainOptimizer {
  const owners = new Map<string, string>();
  for (const transform of transforms) {
    for (const key of transform.stateKeys) {
      const owner = owners.get(key);
      if (owner !== undefined) {
        throw new InvalidArgumentError(
          `optimizer "${name}": transforms "${owner}" and "${transform.name}" both keep state "${key}"`,
        );
      }
      owners.set(key, transform.name);
    }
  }
  const fused = fusedAdam(transforms);
  const last = transforms.at(-1);
  const rate = last?.name === 'scale-by-learning-rate' ? (last as LearningRateTransform) : undefined;
  const body = rate ? transforms.slice(0, -1) : transforms;
  let scratch = new Float64Array(0);
  const updates = (n: number) => {
    if (scratch.length !== n) scratch = new Float64Array(n);
    return scratch;
  };
  return Object.freeze({
    kind: 'optimizer' as const,
    name,
    mode: 'minibatch' as const,
    description,
    transforms: Object.freeze([...transforms]),
    init(params: FloatArray): OptimizerState {
      return Object.assign({}, ...transforms.map((t) => t.init(params)));
    },
    update(params: FloatArray, gradient: FloatArray, state: OptimizerState, context?: StepContext): void {
      assertGradient(name, params, gradient);
      const n = params.length;
      const backend = context?.backend;
      if (!fused && rate && body.length === 0) {
        // Plain gradient descent: θ ← θ + (−α)·D straight from D, without the copy into u.
        const alpha = -rate.rateAt(state);
        if (backend?.axpy) backend.axpy(alpha, gradient, params);
        else axpy(alpha, gradient, params);
        rate.advance(state);
        return;
      }
      if (fused && fused.before.length === 0) {
        fused.step(params, gradient, state, backend);
        return;
      }
      const u = updates(n);
      u.set(gradient);
      if (fused) {
        for (const t of fused.before) t.update(u, state, params);
        fused.step(params, u, state, backend);
        return;
      }
      if (!rate) {
        for (const t of transforms) t.update(u, state, params);
        for (let i = 0; i < n; i++) params[i] = params[i]! + u[i]!;
        return;
      }
      for (const t of body) t.update(u, state, params);
      // The learning rate's u ← −α·u and θ ← θ + u in one pass: θ + (−α·u) is what the two
      // passes compute, to the bit.
      const step = -rate.rateAt(state);
      for (let i = 0; i < n; i++) params[i] = params[i]! + step * u[i]!;
      rate.advance(state);
    },
  });
}

/**
 * The same optimizer (name, state, transforms) with its learning rate replaced by `schedule`.
 * Throws when the chain does not end with scaleByLearningRate.
 *
 * @example
 * const opt = withSchedule(adam({ learningRate: 0.01 }), cosineDecay({ peak: 0.01, warmup: 50, total: 1000 }));
 */
export function withSchedule(optimizer: ChainOptimizer, schedule: Schedule): ChainOptimizer {
  const last = optimizer.transforms.at(-1);
  if (last?.name !== 'scale-by-learning-rate') {
    throw new InvalidArgumentError(
      `optimizer "${optimizer.name}" does not end with a learning rate to schedule`,
    );
  }
  return chain(
    optimizer.name,
    [...optimizer.transforms.slice(0, -1), scaleByLearningRate(schedule)],
    optimizer.description,
  );
}

/**
 * The same optimizer with `clip` applied to the gradient first (clipByGlobalNorm, clipByValue).
 *
 * @example
 * const opt = withClipping(sgd({ learningRate: 0.1 }), clipByGlobalNorm(1));
 */
export function withClipping(optimizer: ChainOptimizer, clip: GradientTransform): ChainOptimizer {
  return chain(optimizer.name, [clip, ...optimizer.transforms], `${clip.name} → ${optimizer.description}`);
}

interface FusedAdam {
  /** Gradient-only transforms before Adam (clipping), run in float64 first. */
  readonly before: readonly GradientTransform[];
  /** The fused update on `backend`'s adamUpdate kernel (without one, @deltanet/tensor's loop: the same bits). */
  step(
    params: FloatArray,
    gradient: FloatArray,
    state: OptimizerState,
    backend: BackendPlugin | undefined,
  ): void;
}

/** The fused step when the chain ends with scaleByAdam, (addDecayedWeights,) scaleByLearningRate. */
function fusedAdam(transforms: readonly GradientTransform[]): FusedAdam | undefined {
  const n = transforms.length;
  const rate = transforms[n - 1] as LearningRateTransform | undefined;
  if (rate?.name !== 'scale-by-learning-rate') return undefined;
  const decayed = transforms[n - 2]?.name === 'add-decayed-weights';
  const adam = transforms[n - (decayed ? 3 : 2)] as AdamTransform | undefined;
  if (adam?.name !== 'scale-by-adam') return undefined;
  const before = transforms.slice(0, n - (decayed ? 3 : 2));
  // Only transforms that keep no state and ignore θ may run before the kernel: clipping.
  if (!before.every((t) => t.name === 'clip-by-global-norm' || t.name === 'clip-by-value')) return undefined;
  const lambda = decayed ? (transforms[n - 2] as DecayedWeightsTransform).weightDecay : 0;
  const { beta1, beta2, epsilon } = adam;
  return {
    before,
    step(params, gradient, state, backend) {
      const m = stateArray(state, 'm', params.length);
      const v = stateArray(state, 'v', params.length);
      const t = stateNumber(state, 'step') + 1;
      const alpha = rate.rateAt(state);
      // The order of operations of the Adam and AdamW of earlier releases (PyTorch's): α folded
      // into the step size, the decay a factor on θ. Powers from @deltanet/tensor, not `**`:
      // engines compute powers differently.
      const root2 = Math.sqrt(1 - pow(beta2, t));
      const stepSize = (alpha / (1 - pow(beta1, t))) * root2;
      const epsilonHat = epsilon * root2;
      const decay = decayed ? 1 - alpha * lambda : 1;
      if (backend?.adamUpdate)
        backend.adamUpdate(params, gradient, m, v, beta1, beta2, stepSize, epsilonHat, decay);
      else adamKernel(params, gradient, m, v, beta1, beta2, stepSize, epsilonHat, decay);
      state['step'] = t;
      rate.advance(state);
    },
  };
}
