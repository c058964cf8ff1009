// Adam, as PyTorch's torch.optim.Adam (bias-corrected, no weight decay, no AMSGrad):
// m ← β₁m + (1 − β₁)D;  v ← β₂v + (1 − β₂)D²;  θ ← θ − α m̂ / (√v̂ + ε).

import type { ChainOptimizer } from './chain';
import { chain } from './chain';
import type { Configured } from './configured';
import { adamBounds } from './internal/adam-bounds';
import { resolveOptions } from './internal/options';
import { scaleByLearningRate } from './transforms/scale';
import { scaleByAdam } from './transforms/scale-by-adam';

/** Hyper-parameters of `adam`. */
export type AdamOptions = {
  /** α, the step size (PyTorch `lr`). */
  readonly learningRate: number;
  /** β₁ in [0, 1), decay of the gradient average m. */
  readonly beta1: number;
  /** β₂ in [0, 1), decay of the squared-gradient average v. */
  readonly beta2: number;
  /** ε, added to √v̂ so a parameter with no gradient yet does not divide by zero. */
  readonly epsilon: number;
};

const defaults: AdamOptions = /* @__PURE__ */ Object.freeze({
  learningRate: 0.001,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
});

/**
 * Adam (Kingma & Ba 2015), bias-corrected as PyTorch computes it:
 *
 *   t ← t + 1;  m ← β₁m + (1 − β₁)D;  v ← β₂v + (1 − β₂) D .* D
 *   m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ);  θ ← θ − α m̂ ./ (√v̂ + ε)
 *
 * The chain [scaleByAdam, scaleByLearningRate(α)], which runs the fused kernel. State
 * { step: t, m, v }. The correction makes the first step exactly α·D/(|D| + ε), so every
 * parameter moves by α·sign(D) whatever the gradient's scale.
 *
 * @example
 * const opt = adam({ learningRate: 0.001 });
 * const state = opt.init(params); // { step: 0, m, v }
 * opt.update(params, gradient, state); // θᵢ ← θᵢ − 0.001·sign(Dᵢ)
 */
export function adam(options: Partial<AdamOptions> = {}): Configured<ChainOptimizer, AdamOptions> {
  const resolved = resolveOptions('adam', defaults, options, adamBounds);
  const optimizer = chain(
    'adam',
    [scaleByAdam(resolved), scaleByLearningRate(resolved.learningRate)],
    'Adam: bias-corrected moment estimates, θ ← θ − α m̂ / (√v̂ + ε)',
  );
  return Object.freeze<ReturnType<typeof adam>>({
    ...optimizer,
    options: resolved,
    configure: (more: Partial<AdamOptions>) => adam({ ...resolved, ...more }),
  });
}
