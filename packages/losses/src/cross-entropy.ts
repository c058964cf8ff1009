// Cross-entropy over K sigmoid outputs: ℓ(h, y) = −Σₖ [yₖ log hₖ + (1 − yₖ) log(1 − hₖ)], the
// course's cost; with a sigmoid output layer δ(L) = a(L) − y.
import type { LossPlugin, Matrix } from '@deltanet/contract';
import { log, log1p, subtract } from '@deltanet/tensor';
import { atLeastEpsilon, EPSILON, logOneMinusClamped } from './internal/epsilon';
import { logSigmoid } from './internal/log-probabilities';
import { assertLossShapes } from './internal/shapes';

/**
 * Cross-entropy for binary and multi-label outputs (each hₖ an independent probability, so
 * rows need not sum to 1); the default loss.
 *
 * - `value`: Σᵢ Σₖ −[yᵢₖ log hᵢₖ + (1 − yᵢₖ) log(1 − hᵢₖ)] over the m rows, not divided by m.
 * - `gradient`: ∂ℓ/∂hₖ = −yₖ/hₖ + (1 − yₖ)/(1 − hₖ) = (hₖ − yₖ) / (hₖ(1 − hₖ)).
 * - `fusedDeltas`: sigmoid, δ = h − y, because σ'(z) = h(1 − h) cancels that denominator.
 *
 * h and 1 − h are clamped from below at ε = 1e-7 (Keras' epsilon) before the logs and the
 * divisions, so h = 0 or 1 costs at most 7 ln 10 ≈ 16.12 per output and the gradient stays
 * finite (at most 1/ε = 1e7). Where the clamp is active the gradient is the formula at the
 * clamped h rather than the clamped value's zero slope, so a saturated wrong output is still
 * pushed back. The fused δ = h − y needs no clamp at all, which is why the network prefers it;
 * with it the network's cost comes from the fused `value`, which takes log h and log(1 − h)
 * from z (log σ(z), log σ(−z)) where the clamp would act, so J stays the function whose
 * gradient δ is (a gradient check agrees at saturated outputs) and a confidently wrong output
 * costs what it is, −log σ(z), not 16.12. Elsewhere it is `value` bit for bit.
 *
 * @example
 * const h = matrix(1, 2, new Float64Array([0.5, 0.5]));
 * const y = matrix(1, 2, new Float64Array([1, 0]));
 * crossEntropy.value(h, y); // 2 ln 2 ≈ 1.386
 */
// @__PURE__ lets a bundler drop this when unused; a bare Object.freeze call counts as a side effect.
export const crossEntropy: LossPlugin = /* @__PURE__ */ Object.freeze({
  kind: 'loss',
  name: 'cross-entropy',
  description: 'ℓ = −Σₖ [y log h + (1 − y) log(1 − h)] over sigmoid outputs; δ(L) = h − y with sigmoid',
  value(h: Matrix, y: Matrix): number {
    assertLossShapes('cross-entropy value', h, y);
    const hs = h.data;
    const ys = y.data;
    let sum = 0;
    for (let i = 0; i < hs.length; i++) {
      const t = ys[i]!;
      // Hard labels (y = 0 or 1, the usual case) need one logarithm, not two: the other term is
      // multiplied by exactly 0, and the logarithms are what this loop spends its time on.
      if (t === 1) sum -= log(atLeastEpsilon(hs[i]!));
      else if (t === 0) sum -= logOneMinusClamped(hs[i]!);
      else sum -= t * log(atLeastEpsilon(hs[i]!)) + (1 - t) * logOneMinusClamped(hs[i]!);
    }
    return sum;
  },
  gradient(h: Matrix, y: Matrix, out: Matrix): void {
    assertLossShapes('cross-entropy gradient', h, y, out);
    const hs = h.data;
    const ys = y.data;
    const os = out.data;
    for (let i = 0; i < hs.length; i++) {
      const t = ys[i]!;
      // The same clamped h and 1 − h as in value: both denominators are ≥ ε, never 0.
      os[i] = -t / atLeastEpsilon(hs[i]!) + (1 - t) / atLeastEpsilon(1 - hs[i]!);
    }
  },
  fusedDeltas: /* @__PURE__ */ Object.freeze([
    /* @__PURE__ */ Object.freeze({
      activation: 'sigmoid',
      kernel: 'difference',
      delta(h: Matrix, y: Matrix, out: Matrix): void {
        assertLossShapes('cross-entropy sigmoid delta', h, y, out);
        subtract(h.data, y.data, out.data);
      },
      value(z: Matrix, h: Matrix, y: Matrix): number {
        assertLossShapes('cross-entropy sigmoid value', h, y, z, 'z');
        const [zs, hs, ys] = [z.data, h.data, y.data];
        let sum = 0;
        for (let i = 0; i < hs.length; i++) {
          const t = ys[i]!;
          const p = hs[i]!;
          // The same terms in the same order as value, each taken from z only where value
          // would clamp it (p < ε, or 1 − p < ε): those are the only numbers that change.
          // Written out, not as helper closures: this loop is B2's whole cost evaluation.
          if (t === 1) sum -= p >= EPSILON ? log(p) : logSigmoid(zs[i]!);
          else if (t === 0) sum -= 1 - p >= EPSILON ? log1p(-p) : logSigmoid(-zs[i]!);
          else
            sum -=
              t * (p >= EPSILON ? log(p) : logSigmoid(zs[i]!)) +
              (1 - t) * (1 - p >= EPSILON ? log1p(-p) : logSigmoid(-zs[i]!));
        }
        return sum;
      },
    }),
  ]),
});
