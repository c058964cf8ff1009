// Categorical cross-entropy over a softmax output: ℓ(h, y) = −Σₖ yₖ log hₖ; with a softmax
// output layer δ(L) = a(L)·Σₖyₖ − y, which is a(L) − y when the row of y sums to 1.
import type { LossPlugin, Matrix } from '@deltanet/contract';
import { log } from '@deltanet/tensor';
import { atLeastEpsilon, EPSILON } from './internal/epsilon';
import { logSoftmaxNormalizer } from './internal/log-probabilities';
import { assertLossShapes } from './internal/shapes';

/**
 * Cross-entropy for one class out of K (h a probability distribution over classes, y one-hot
 * or any distribution).
 *
 * - `value`: Σᵢ Σₖ −yᵢₖ log hᵢₖ over the m rows, not divided by m.
 * - `gradient`: ∂ℓ/∂hₖ = −yₖ / hₖ.
 * - `fusedDeltas`: softmax. The softmax backward of ∂ℓ/∂h is (diag(h) − h hᵀ)·(−y/h) =
 *   h·Σₖyₖ − y, which is the course's h − y only when the row of y sums to 1 (one-hot labels,
 *   label smoothing). Each row's sum is checked: a row summing to exactly 1 gets h − y, any
 *   other (soft or multi-hot targets, an all-zero row) gets h·Σₖyₖ − y, the general rule's
 *   value without its division by h.
 *
 * Only log hₖ appears, so h is clamped from below at ε = 1e-7 (Keras' epsilon; a missed class
 * costs at most 7 ln 10 ≈ 16.12) and a perfect prediction still costs exactly 0. Where the
 * clamp is active the gradient is −y/ε: large and finite. With a softmax output the network's
 * cost comes from the fused `value`, which takes log hₖ = zₖ − log Σⱼ e^zⱼ from z wherever
 * hₖ < ε, so J stays the function δ = h·Σy − y is the gradient of (a gradient check agrees at
 * saturated outputs); elsewhere it is `value` bit for bit.
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
        const { rows, cols } = h;
        const [hs, ys, os] = [h.data, y.data, out.data];
        for (let start = 0; start < rows * cols; start += cols) {
          let sum = 0;
          for (let i = start; i < start + cols; i++) sum += ys[i]!;
          // sum = 1 gives h − y bit for bit (h·1 is h), the course's δ(L) for one-hot labels.
          for (let i = start; i < start + cols; i++) os[i] = hs[i]! * sum - ys[i]!;
        }
      },
      value(z: Matrix, h: Matrix, y: Matrix): number {
        assertLossShapes('softmax-cross-entropy softmax value', h, y, z, 'z');
        const { cols } = h;
        const [zs, hs, ys] = [z.data, h.data, y.data];
        let sum = 0;
        for (let i = 0; i < hs.length; i++) {
          const p = hs[i]!;
          // value's term where hₖ ≥ ε (bit for bit); below, log hₖ from z, the row's
          // normalizer computed only for such entries (rare: a near-certain wrong class).
          if (p >= EPSILON) sum -= ys[i]! * log(p);
          else {
            const start = i - (i % cols);
            sum -= ys[i]! * (zs[i]! - logSoftmaxNormalizer(zs, start, start + cols));
          }
        }
        return sum;
      },
    }),
  ]),
});
