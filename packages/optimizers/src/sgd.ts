// Gradient descent with optional momentum, as PyTorch's torch.optim.SGD (dampening 0):
// v ← μv + D;  θ ← θ − αv,  or with Nesterov θ ← θ − α(D + μv).
import type { MinibatchOptimizer, OptimizerState } from '@deltanet/contract';
import { axpy } from '@deltanet/tensor';
import type { Configured } from './configured';
import { fail, resolveOptions } from './internal/options';
import { assertGradient, stateArray, zerosLike } from './internal/state';

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
 * @example
 * const opt = sgd({ learningRate: 0.1, momentum: 0.9 });
 * const state = opt.init(params);
 * opt.update(params, gradient, state); // first step: θ ← θ − 0.1·D
 */
export function sgd(options: Partial<SgdOptions> = {}): Configured<MinibatchOptimizer, SgdOptions> {
  const resolved = resolveOptions('sgd', defaults, options, {
    learningRate: { min: 0 },
    momentum: { min: 0, below: 1 },
  });
  const { learningRate: alpha, momentum: mu, nesterov } = resolved;
  // PyTorch raises the same error: without momentum the Nesterov look-ahead is undefined.
  if (nesterov && mu <= 0) fail('sgd', 'option "nesterov" requires "momentum" > 0');

  return Object.freeze<ReturnType<typeof sgd>>({
    kind: 'optimizer',
    name: 'sgd',
    mode: 'minibatch',
    description: 'gradient descent with optional (Nesterov) momentum: v ← μv + D, θ ← θ − αv',
    options: resolved,
    configure: (more: Partial<SgdOptions>) => sgd({ ...resolved, ...more }),
    init: (params): OptimizerState => (mu > 0 ? { velocity: zerosLike(params) } : {}),
    update(params, gradient, state) {
      assertGradient('sgd', params, gradient);
      if (mu === 0) {
        axpy(-alpha, gradient, params);
        return;
      }
      const v = stateArray(state, 'velocity', params.length);
      for (let i = 0; i < params.length; i++) {
        const g = gradient[i]!;
        v[i] = mu * v[i]! + g;
        // Read v back from the array so a float32 run steps with the stored (rounded) velocity.
        params[i] = params[i]! - alpha * (nesterov ? g + mu * v[i]! : v[i]!);
      }
    },
  });
}
