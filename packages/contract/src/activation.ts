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
}
