// AdamW, as PyTorch's torch.optim.AdamW: θ ← θ − αλθ (decoupled weight decay), then the Adam step.
import type { ChainOptimizer } from './chain';
import { chain } from './chain';
import type { Configured } from './configured';
import { adamBounds } from './internal/adam-bounds';
import { resolveOptions } from './internal/options';
import { addDecayedWeights } from './transforms/add-decayed-weights';
import { scaleByLearningRate } from './transforms/scale';
import { scaleByAdam } from './transforms/scale-by-adam';

/** Hyper-parameters of `adamw`: Adam's plus the decoupled decay λ. */
export type AdamwOptions = {
  /** α, the step size (PyTorch `lr`). */
  readonly learningRate: number;
  /** β₁ in [0, 1), decay of the gradient average m. */
  readonly beta1: number;
  /** β₂ in [0, 1), decay of the squared-gradient average v. */
  readonly beta2: number;
  /** ε, added to √v̂. */
  readonly epsilon: number;
  /** λ ≥ 0, the decoupled weight decay (PyTorch `weight_decay`, default 0.01). */
  readonly weightDecay: number;
};

const defaults: AdamwOptions = /* @__PURE__ */ Object.freeze({
  learningRate: 0.001,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0.01,
});

/**
 * AdamW (Loshchilov & Hutter 2019) in PyTorch's form: the decay shrinks θ directly, outside the
 * moment estimates, so it is not rescaled by 1/√v̂ as an L2 term inside D would be.
 *
 *   θ ← θ − αλθ;  then Adam: m, v, m̂, v̂ as in `adam`;  θ ← θ − α m̂ ./ (√v̂ + ε)
 *
 * The chain [scaleByAdam, addDecayedWeights(λ), scaleByLearningRate(α)], which runs the fused
 * kernel. The decay applies to every parameter, bias weights (column 0 of each Θ) included, as
 * PyTorch's AdamW does for a single parameter group. Use it with regularization λ = 0 in the
 * network, or weights are shrunk twice. State { step, m, v }, as Adam's.
 *
 * @example
 * const opt = adamw({ weightDecay: 0.01 });
 * const state = opt.init(params);
 * opt.update(params, new Float64Array(params.length), state); // D = 0: θ ← (1 − 1e-5)·θ
 */
export function adamw(options: Partial<AdamwOptions> = {}): Configured<ChainOptimizer, AdamwOptions> {
  const resolved = resolveOptions('adamw', defaults, options, { ...adamBounds, weightDecay: { min: 0 } });
  const optimizer = chain(
    'adamw',
    [
      scaleByAdam(resolved),
      addDecayedWeights(resolved.weightDecay),
      scaleByLearningRate(resolved.learningRate),
    ],
    'AdamW: θ ← θ − αλθ (decoupled weight decay, every parameter), then the Adam step',
  );
  return Object.freeze<ReturnType<typeof adamw>>({
    ...optimizer,
    options: resolved,
    configure: (more: Partial<AdamwOptions>) => adamw({ ...resolved, ...more }),
  });
}
