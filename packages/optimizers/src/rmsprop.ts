// RMSProp, as PyTorch's torch.optim.RMSprop: v ← ρv + (1 − ρ)D²;  θ ← θ − αD / (√v + ε),
// with optional momentum on the scaled step and the centered variant.
import type { ChainOptimizer } from './chain';
import { chain } from './chain';
import type { Configured } from './configured';
import { resolveOptions } from './internal/options';
import { scaleByLearningRate } from './transforms/scale';
import { scaleByRms } from './transforms/scale-by-rms';
import { trace } from './transforms/trace';

/** Hyper-parameters of `rmsprop`. */
export type RmspropOptions = {
  /** α, the step size (PyTorch `lr`). */
  readonly learningRate: number;
  /** ρ in [0, 1), the decay of the squared-gradient average (PyTorch `alpha`, Keras `rho`). */
  readonly rho: number;
  /** ε, added to the root so a zero average does not divide by zero. */
  readonly epsilon: number;
  /** μ in [0, 1), momentum on the scaled step; 0 is none. */
  readonly momentum: number;
  /** Divide by an estimate of the gradient's variance instead of its raw second moment. */
  readonly centered: boolean;
};

const defaults: RmspropOptions = /* @__PURE__ */ Object.freeze({
  learningRate: 0.01,
  rho: 0.99,
  epsilon: 1e-8,
  momentum: 0,
  centered: false,
});

/**
 * RMSProp (Hinton's lecture 6e), with PyTorch's defaults and ε outside the root:
 *
 *   v ← ρv + (1 − ρ) D .* D                    state { square: v }
 *   centered: ḡ ← ρḡ + (1 − ρ) D;  s = v − ḡ²  state + { average: ḡ }, else s = v
 *   μ = 0:    θ ← θ − α D ./ (√s + ε)
 *   μ > 0:    b ← μb + D ./ (√s + ε);  θ ← θ − αb      state + { momentum: b }
 *
 * The chain [scaleByRms, trace(μ) if μ > 0, scaleByLearningRate(α)].
 * The first plain step moves every parameter by α·sign(D)/√(1 − ρ) (up to ε).
 *
 * @example
 * const opt = rmsprop({ learningRate: 0.001, momentum: 0.9 });
 * const state = opt.init(params); // { square, momentum }
 * opt.update(params, gradient, state);
 */
export function rmsprop(options: Partial<RmspropOptions> = {}): Configured<ChainOptimizer, RmspropOptions> {
  const resolved = resolveOptions('rmsprop', defaults, options, {
    learningRate: { min: 0 },
    rho: { min: 0, below: 1 },
    epsilon: { min: 0 },
    momentum: { min: 0, below: 1 },
  });
  const { learningRate: alpha, rho, epsilon, momentum: mu, centered } = resolved;

  const optimizer = chain(
    'rmsprop',
    [
      scaleByRms({ rho, epsilon, centered }),
      // `momentum`, not trace's default `velocity`: the key earlier checkpoints hold.
      ...(mu > 0 ? [trace({ decay: mu, key: 'momentum' })] : []),
      scaleByLearningRate(alpha),
    ],
    'RMSProp: v ← ρv + (1 − ρ)D², θ ← θ − αD / (√v + ε)',
  );
  return Object.freeze<ReturnType<typeof rmsprop>>({
    ...optimizer,
    options: resolved,
    configure: (more: Partial<RmspropOptions>) => rmsprop({ ...resolved, ...more }),
  });
}
