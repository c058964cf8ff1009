// Row-wise softmax aⱼ = e^zⱼ / Σₖ e^zₖ over each example, with backward the Jacobian-vector
// product ∂J/∂zⱼ = aⱼ(uⱼ − Σₖ uₖaₖ), since ∂aₖ/∂zⱼ = aₖ([j = k] − aⱼ).
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import { assertSameShape, exp } from '@deltanet/tensor';

/**
 * Softmax over each row (example): aⱼ = e^(zⱼ − m) / Σₖ e^(zₖ − m) with m = maxₖ zₖ, which
 * equals e^zⱼ / Σₖ e^zₖ but never overflows (every exponent is ≤ 0 and the largest is 1).
 * Backward: outⱼ = aⱼ(uⱼ − Σₖ uₖaₖ) with u = ∂J/∂a. Not elementwise, so no scalar
 * `output`/`derivative`. Sums run in float64 whatever the storage precision.
 *
 * @example
 * const a = zeros(1, 3);
 * softmax.forward(fromRows([[1, 2, 3]]), a); // [[0.0900306, 0.2447285, 0.6652410]]
 */
export const softmax: ActivationPlugin = /* @__PURE__ */ Object.freeze<ActivationPlugin>({
  kind: 'activation',
  name: 'softmax',
  description: 'aⱼ = e^zⱼ / Σₖ e^zₖ per row; ∂J/∂zⱼ = aⱼ(uⱼ − Σₖ uₖaₖ)',
  forward(z: Matrix, out: Matrix): void {
    assertSameShape('activation "softmax" forward', z, out);
    const { rows, cols } = z;
    const zs = z.data;
    const os = out.data;
    for (let r = 0; r < rows; r++) {
      const start = r * cols;
      const end = start + cols;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = start; i < end; i++) if (zs[i]! > max) max = zs[i]!;
      let sum = 0;
      // Every z is read before its own slot is written, so out may be z.
      for (let i = start; i < end; i++) {
        const e = exp(zs[i]! - max);
        os[i] = e;
        sum += e;
      }
      for (let i = start; i < end; i++) os[i] = os[i]! / sum;
    }
  },
  backward(z: Matrix, a: Matrix, upstream: Matrix, out: Matrix): void {
    const what = 'activation "softmax" backward';
    assertSameShape(what, z, a);
    assertSameShape(what, z, upstream);
    assertSameShape(what, z, out);
    const { rows, cols } = z;
    const as = a.data;
    const us = upstream.data;
    const os = out.data;
    for (let r = 0; r < rows; r++) {
      const start = r * cols;
      const end = start + cols;
      // The whole row's Σ uₖaₖ is taken before any write, so out may be upstream (or a).
      let dot = 0;
      for (let i = start; i < end; i++) dot += us[i]! * as[i]!;
      for (let i = start; i < end; i++) os[i] = as[i]! * (us[i]! - dot);
    }
  },
});
