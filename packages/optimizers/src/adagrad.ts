// AdaGrad, as PyTorch's torch.optim.Adagrad (lr_decay 0): G ← G + D²;  θ ← θ − αD / (√G + ε).
import type { ChainOptimizer } from './chain';
import { chain } from './chain';
import type { Configured } from './configured';
import { resolveOptions } from './internal/options';
import { scaleByLearningRate } from './transforms/scale';
import { scaleByRss } from './transforms/scale-by-rms';

/** Hyper-parameters of `adagrad`. */
export type AdagradOptions = {
  /** α, the step size (PyTorch `lr`). */
  readonly learningRate: number;
  /** ε, added to √G so a parameter that has seen no gradient does not divide by zero. */
  readonly epsilon: number;
  /** G₀, the starting value of every accumulator (PyTorch `initial_accumulator_value`). */
  readonly initialAccumulator: number;
};

const defaults: AdagradOptions = /* @__PURE__ */ Object.freeze({
  learningRate: 0.01,
  epsilon: 1e-10,
  initialAccumulator: 0,
});

/**
 * AdaGrad: each parameter's step shrinks with the sum of its squared gradients.
 *
 *   G ← G + D .* D;   θ ← θ − α D ./ (√G + ε)        state { sum: G }, G₀ = initialAccumulator
 *
 * The chain [scaleByRss, scaleByLearningRate(α)].
 * The first step from G₀ = 0 moves every parameter by α·sign(D) (up to ε).
 *
 * @example
 * const opt = adagrad({ learningRate: 0.1 });
 * const state = opt.init(params);
 * opt.update(params, gradient, state); // θᵢ ← θᵢ − 0.1·sign(Dᵢ)
 */
export function adagrad(options: Partial<AdagradOptions> = {}): Configured<ChainOptimizer, AdagradOptions> {
  const resolved = resolveOptions('adagrad', defaults, options, {
    learningRate: { min: 0 },
    epsilon: { min: 0 },
    initialAccumulator: { min: 0 },
  });
  const { learningRate: alpha, epsilon, initialAccumulator } = resolved;

  const optimizer = chain(
    'adagrad',
    [scaleByRss({ epsilon, initialAccumulator }), scaleByLearningRate(alpha)],
    'AdaGrad: G ← G + D², θ ← θ − αD / (√G + ε)',
  );
  return Object.freeze<ReturnType<typeof adagrad>>({
    ...optimizer,
    options: resolved,
    configure: (more: Partial<AdagradOptions>) => adagrad({ ...resolved, ...more }),
  });
}
