// RMSProp, as PyTorch's torch.optim.RMSprop: v ← ρv + (1 − ρ)D²;  θ ← θ − αD / (√v + ε),
// with optional momentum on the scaled step and the centered variant.
import type { FloatArray, MinibatchOptimizer } from '@deltanet/contract';
import type { Configured } from './configured';
import { resolveOptions } from './internal/options';
import { assertGradient, stateArray, zerosLike } from './internal/state';

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
 * The first plain step moves every parameter by α·sign(D)/√(1 − ρ) (up to ε).
 *
 * @example
 * const opt = rmsprop({ learningRate: 0.001, momentum: 0.9 });
 * const state = opt.init(params); // { square, momentum }
 * opt.update(params, gradient, state);
 */
export function rmsprop(
  options: Partial<RmspropOptions> = {},
): Configured<MinibatchOptimizer, RmspropOptions> {
  const resolved = resolveOptions('rmsprop', defaults, options, {
    learningRate: { min: 0 },
    rho: { min: 0, below: 1 },
    epsilon: { min: 0 },
    momentum: { min: 0, below: 1 },
  });
  const { learningRate: alpha, rho, epsilon, momentum: mu, centered } = resolved;

  return Object.freeze<ReturnType<typeof rmsprop>>({
    kind: 'optimizer',
    name: 'rmsprop',
    mode: 'minibatch',
    description: 'RMSProp: v ← ρv + (1 − ρ)D², θ ← θ − αD / (√v + ε)',
    options: resolved,
    configure: (more: Partial<RmspropOptions>) => rmsprop({ ...resolved, ...more }),
    init(params) {
      const state: Record<string, FloatArray> = { square: zerosLike(params) };
      if (centered) state['average'] = zerosLike(params);
      if (mu > 0) state['momentum'] = zerosLike(params);
      return state;
    },
    update(params, gradient, state) {
      assertGradient('rmsprop', params, gradient);
      const n = params.length;
      const square = stateArray(state, 'square', n);
      const average = centered ? stateArray(state, 'average', n) : undefined;
      const buffer = mu > 0 ? stateArray(state, 'momentum', n) : undefined;
      const keep = 1 - rho;
      for (let i = 0; i < n; i++) {
        const g = gradient[i]!;
        square[i] = rho * square[i]! + keep * g * g;
        let s = square[i]!;
        if (average) {
          average[i] = rho * average[i]! + keep * g;
          s -= average[i]! * average[i]!;
        }
        const scaled = g / (Math.sqrt(s) + epsilon);
        if (buffer) {
          buffer[i] = mu * buffer[i]! + scaled;
          params[i] = params[i]! - alpha * buffer[i]!;
        } else {
          params[i] = params[i]! - alpha * scaled;
        }
      }
    },
  });
}
