// Gradient descent with optional momentum, as PyTorch's torch.optim.SGD (dampening 0):
// v ← μv + D;  θ ← θ − αv,  or with Nesterov θ ← θ − α(D + μv).
import type { ChainOptimizer } from './chain';
import { chain } from './chain';
import type { Configured } from './configured';
import { fail, resolveOptions } from './internal/options';
import { scaleByLearningRate } from './transforms/scale';
import { trace } from './transforms/trace';

/** Hyper-parameters of `sgd`: α, μ and whether the momentum is Nesterov's. */
export type SgdOptions = {
  /** α, the step size (PyTorch `lr`). */
  readonly learningRate: number;
  /** μ in [0, 1); 0 is plain gradient descent. */
  readonly momentum: number;
  /** Nesterov momentum (needs μ > 0). */
  readonly nesterov: boolean;
};

const defaults: SgdOptions = /* @__PURE__ */ Object.freeze({
  learningRate: 0.01,
  momentum: 0,
  nesterov: false,
});

/**
 * Stochastic gradient descent, the course's θ ← θ − αD, with PyTorch's momentum form
 * (the velocity sums raw gradients; α scales the step, not the velocity):
 *
 *   μ = 0:      θ ← θ − αD                      state {}
 *   momentum:   v ← μv + D;  θ ← θ − αv         state { velocity: v }  (v₀ = 0, so v₁ = D)
 *   Nesterov:   v ← μv + D;  θ ← θ − α(D + μv)
 *
 * The chain [trace(μ) if μ > 0, scaleByLearningRate(α)].
 *
 * @example
 * const opt = sgd({ learningRate: 0.1, momentum: 0.9 });
 * const state = opt.init(params);
 * opt.update(params, gradient, state); // first step: θ ← θ − 0.1·D
 */
export function sgd(options: Partial<SgdOptions> = {}): Configured<ChainOptimizer, SgdOptions> {
  const resolved = resolveOptions('sgd', defaults, options, {
    learningRate: { min: 0 },
    momentum: { min: 0, below: 1 },
  });
  const { learningRate: alpha, momentum: mu, nesterov } = resolved;
  // PyTorch raises the same error: without momentum the Nesterov look-ahead is undefined.
  if (nesterov && mu <= 0) fail('sgd', 'option "nesterov" requires "momentum" > 0');

  const transforms = [...(mu > 0 ? [trace({ decay: mu, nesterov })] : []), scaleByLearningRate(alpha)];
  const optimizer = chain(
    'sgd',
    transforms,
    'gradient descent with optional (Nesterov) momentum: v ← μv + D, θ ← θ − αv',
  );
  return Object.freeze<ReturnType<typeof sgd>>({
    ...optimizer,
    options: resolved,
    configure: (more: Partial<SgdOptions>) => sgd({ ...resolved, ...more }),
  });
}
