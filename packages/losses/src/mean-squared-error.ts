// Squared error with the ½ of the textbooks: ℓ(h, y) = ½ Σₖ (hₖ − yₖ)², so ∂ℓ/∂h = h − y; with
// a linear output layer δ(L) = a(L) − y.
import type { LossPlugin, Matrix } from '@deltanet/contract';
import { subtract } from '@deltanet/tensor';
import { assertLossShapes } from './internal/shapes';

/**
 * Squared error for regression outputs.
 *
 * - `value`: Σᵢ ½ Σₖ (hᵢₖ − yᵢₖ)² over the m rows, not divided by m; the network's J is
 *   1/(2m) Σᵢ Σₖ (h − y)², the course's linear-regression cost.
 * - `domain`: every real h (−∞, ∞).
 * - `gradient`: ∂ℓ/∂h = h − y.
 * - `fusedDeltas`: linear, δ = h − y (g'(z) = 1).
 *
 * Keras' `mean_squared_error` averages over the K outputs without the ½:
 * (1/K) Σₖ (hₖ − yₖ)² = (2/K)·ℓ, so on m rows Keras reports 2·value/(m·K). Same minimum,
 * gradients scaled by 2/K.
 *
 * @example
 * const h = matrix(1, 2, new Float64Array([1, 2]));
 * const y = matrix(1, 2, new Float64Array([0, 4]));
 * meanSquaredError.value(h, y); // ½(1 + 4) = 2.5
 */
// @__PURE__ lets a bundler drop this when unused; a bare Object.freeze call counts as a side effect.
export const meanSquaredError: LossPlugin = /* @__PURE__ */ Object.freeze({
  kind: 'loss',
  name: 'mean-squared-error',
  description: 'ℓ = ½ Σₖ (h − y)²; δ(L) = h − y with a linear output',
  // Regression outputs: checkLoss samples h over all reals, not only [0, 1].
  domain: /* @__PURE__ */ Object.freeze([-Infinity, Infinity] as const),
  value(h: Matrix, y: Matrix): number {
    assertLossShapes('mean-squared-error value', h, y);
    const hs = h.data;
    const ys = y.data;
    let sum = 0;
    for (let i = 0; i < hs.length; i++) {
      const d = hs[i]! - ys[i]!;
      sum += d * d;
    }
    return 0.5 * sum;
  },
  gradient(h: Matrix, y: Matrix, out: Matrix): void {
    assertLossShapes('mean-squared-error gradient', h, y, out);
    subtract(h.data, y.data, out.data);
  },
  fusedDeltas: /* @__PURE__ */ Object.freeze([
    /* @__PURE__ */ Object.freeze({
      activation: 'linear',
      kernel: 'difference',
      delta(h: Matrix, y: Matrix, out: Matrix): void {
        assertLossShapes('mean-squared-error linear delta', h, y, out);
        subtract(h.data, y.data, out.data);
      },
    }),
  ]),
});
