// Loss plugins: the per-example cost ℓ(h, y), its gradient ∂ℓ/∂h, and declared fused deltas.
import type { Matrix } from './matrix';
import type { PluginBase } from './plugin';

/**
 * A shortcut for the output delta δ(L) = ∂ℓ/∂a(L) .* g'(z(L)) when the output activation is
 * `activation` (sigmoid + cross-entropy: δ(L) = a − y). The loss declares it; the network
 * uses it only when the names match, and tests hold it equal to the general rule.
 */
export interface FusedDelta {
  /** The output activation's name this shortcut applies to (e.g. `'sigmoid'`). */
  readonly activation: string;
  /** out = δ(L) for each example (row), from h = a(L) and y; not divided by m. */
  delta(h: Matrix, y: Matrix, out: Matrix): void;
  /**
   * Optional: `'difference'` declares that `delta` computes exactly out = h − y (each element
   * in float64, rounded once to the storage precision), so a backend may compute it inside a
   * fused kernel of its own (see `BackendPlugin.denseStep`).
   */
  readonly kernel?: 'difference';
  /**
   * Optional: Σᵢ ℓ(hᵢ, yᵢ) from the pre-activation z as well as h = g(z), so the cost is the
   * function `delta` is the exact gradient of. A loss that clamps h before a logarithm (the
   * cross-entropies' ε) is flat where the clamp acts, while the fused δ = h − y keeps pushing a
   * saturated wrong output back; a gradient check then sees 0 against h − y. With `value` the
   * network reports, and the gradient check differences, the unclamped cost computed from z
   * (log σ(z), log softmax(z)), as Keras and PyTorch do from logits.
   *
   * Must return `LossPlugin.value(h, y)` bit for bit wherever that value's clamp is inactive,
   * so every cost that was exact stays the same number; `checkLoss` holds it to that, and holds
   * `delta` to the central differences of `value` in z, saturated z included.
   */
  value?(z: Matrix, h: Matrix, y: Matrix): number;
}

/**
 * A cost. With m examples, the unregularized cost is J = (1/m) Σᵢ ℓ(hᵢ, yᵢ); `value` returns
 * the sum Σᵢ ℓ(hᵢ, yᵢ) and the network divides by m, as it does for Δ.
 *
 * @example
 * // cross-entropy: ℓ(h, y) = −Σₖ [yₖ log hₖ + (1 − yₖ) log(1 − hₖ)]
 */
export interface LossPlugin extends PluginBase<'loss'> {
  /**
   * The outputs h the loss is defined on, `[min, max]` with either end possibly infinite.
   * Default `[0, 1]` (probabilities, as cross-entropy needs); a regression loss declares
   * `[-Infinity, Infinity]`. `checkLoss` samples h across the whole declared domain.
   */
  readonly domain?: readonly [min: number, max: number];
  /**
   * Σᵢ ℓ(hᵢ, yᵢ) over the rows of h (m × K) and y (m × K). Like every function here, it throws
   * when the shapes do not fit: an Error whose message names both shapes (the built-ins throw
   * `ShapeError`, code `'shape'`; `checkLoss` accepts any Error with a message).
   */
  value(h: Matrix, y: Matrix): number;
  /** out = ∂ℓ/∂h for each example (row), not divided by m; `out` has h's shape. */
  gradient(h: Matrix, y: Matrix, out: Matrix): void;
  /** Output activations for which δ(L) has a closed form. */
  readonly fusedDeltas?: readonly FusedDelta[];
}
