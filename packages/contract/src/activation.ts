// Activation plugins: a = g(z) and its backward rule ∂J/∂z = ∂J/∂a .* g'(z).
import type { Matrix } from './matrix';
import type { PluginBase } from './plugin';

/**
 * An activation g. `forward` and `backward` work on whole batches (rows are examples) over
 * preallocated buffers; elementwise activations also expose the scalar `output` and
 * `derivative` pair, which the array forms agree with exactly.
 *
 * @example
 * const identity: ActivationPlugin = {
 *   kind: 'activation', name: 'identity', description: 'g(z) = z',
 *   output: (z) => z, derivative: () => 1,
 *   forward: (z, out) => out.data.set(z.data),
 *   backward: (_z, _a, upstream, out) => out.data.set(upstream.data),
 * };
 */
export interface ActivationPlugin extends PluginBase<'activation'> {
  /** out = g(z); `out` has z's shape and may be z itself. */
  forward(z: Matrix, out: Matrix): void;
  /**
   * out = ∂J/∂z from upstream = ∂J/∂a, given z and a = g(z) of the same batch. For an
   * elementwise g this is upstream .* g'(z); for a row-wise g (softmax) it is the row's
   * Jacobianᵀ · upstream. `out` may be `upstream` itself.
   */
  backward(z: Matrix, a: Matrix, upstream: Matrix, out: Matrix): void;
  /** Elementwise activations: g(z) for one number. */
  output?(z: number): number;
  /** Elementwise activations: g'(z), given z and a = g(z) (sigmoid: a(1 − a)). */
  derivative?(z: number, a: number): number;
  /**
   * Optional: declares that `forward` and `backward` compute exactly this built-in kernel, bit
   * for bit, so a backend may run the activation inside a fused kernel of its own (see
   * `BackendPlugin.denseStep`). @deltanet/activations' `checkActivation` holds a plugin to it.
   */
  readonly kernel?: ActivationKernel;
}

/**
 * The elementwise activations backends may compute themselves. Each value is computed in float64
 * from the stored inputs and rounded once to the storage precision:
 * - `identity`: a = z; ∂J/∂z = u.
 * - `logistic`: a = z ≥ 0 ? 1 / (1 + e^−z) : e^z / (1 + e^z); ∂J/∂z = u·(a·(1 − a)).
 * - `tanh`: a = tanh z; ∂J/∂z = u·(1 − a·a).
 * - `relu`: a = max(0, z); ∂J/∂z = u·(z > 0 ? 1 : 0).
 * Here u = ∂J/∂a, and e^x and tanh are @deltanet/tensor's `exp` and `tanh` (fdlibm's algorithms
 * in plain float64, the same bits in every engine), not the engine's Math.exp and Math.tanh.
 */
export type ActivationKernel = (typeof activationKernels)[number];

/**
 * The built-in activation kernels, the one list every package derives its own from: the
 * `ActivationKernel` type, the backends' kernels (the wasm module numbers them by their index
 * here), `checkActivation`'s kernel check and `checkBackend`'s cases.
 *
 * @example
 * activationKernels.includes('tanh'); // true
 */
export const activationKernels = ['identity', 'logistic', 'tanh', 'relu'] as const;
