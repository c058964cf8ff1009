// Categorical cross-entropy over a softmax output: ℓ(h, y) = −Σₖ yₖ log hₖ; with a softmax
// output layer and rows of y summing to 1, δ(L) = a(L) − y.
import type { LossPlugin, Matrix } from '@deltanet/contract';
import { log, subtract } from '@deltanet/tensor';
import { atLeastEpsilon } from './internal/epsilon';
import { assertLossShapes } from './internal/shapes';

/**
 * Cross-entropy for one class out of K (h a probability distribution over classes, y one-hot
 * or any distribution).
 *
 * - `value`: Σᵢ Σₖ −yᵢₖ log hᵢₖ over the m rows, not divided by m.
 * - `gradient`: ∂ℓ/∂hₖ = −yₖ / hₖ.
 * - `fusedDeltas`: softmax, δ = h − y. The softmax backward is (diag(h) − h hᵀ)·(−y/h) =
 *   h·Σₖyₖ − y, which equals h − y only when **each row of y sums to 1** (one-hot labels,
 *   label smoothing). For other targets the network must take the general rule.
 *
 * Only log hₖ appears, so h is clamped from below at ε = 1e-7 (Keras' epsilon; a missed class
 * costs at most 7 ln 10 ≈ 16.12) and a perfect prediction still costs exactly 0. Where the
 * clamp is active the gradient is −y/ε: large and finite.
 *
 * @example
 * const h = matrix(1, 3, new Float64Array([0.7, 0.2, 0.1]));
 * const y = matrix(1, 3, new Float64Array([1, 0, 0]));
 * softmaxCrossEntropy.value(h, y); // −ln 0.7 ≈ 0.357
 */
// @__PURE__ lets a bundler drop this when unused; a bare Object.freeze call counts as a side effect.
export const softmaxCrossEntropy: LossPlugin = /* @__PURE__ */ Object.freeze({
  kind: 'loss',
  name: 'softmax-cross-entropy',
  description: 'ℓ = −Σₖ y log h over a softmax output; δ(L) = h − y with softmax when rows of y sum to 1',
  value(h: Matrix, y: Matrix): number {
    assertLossShapes('softmax-cross-entropy value', h, y);
    const hs = h.data;
    const ys = y.data;
    let sum = 0;
    for (let i = 0; i < hs.length; i++) {
      sum -= ys[i]! * log(atLeastEpsilon(hs[i]!));
    }
    return sum;
  },
  gradient(h: Matrix, y: Matrix, out: Matrix): void {
    assertLossShapes('softmax-cross-entropy gradient', h, y, out);
    const hs = h.data;
    const ys = y.data;
    const os = out.data;
    for (let i = 0; i < hs.length; i++) {
      os[i] = -ys[i]! / atLeastEpsilon(hs[i]!);
    }
  },
  fusedDeltas: /* @__PURE__ */ Object.freeze([
    /* @__PURE__ */ Object.freeze({
      activation: 'softmax',
      delta(h: Matrix, y: Matrix, out: Matrix): void {
        assertLossShapes('softmax-cross-entropy softmax delta', h, y, out);
        subtract(h.data, y.data, out.data);
      },
    }),
  ]),
});
