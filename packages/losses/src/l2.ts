// L2 weight decay: R(Θ) = ½ Σᵢ Σⱼ≥₁ Θᵢⱼ², so the network's (λ/m)·R is the course's
// λ/(2m) ΣΘ² and its (λ/m)·∂R/∂Θ is (λ/m)Θ.
import type { Matrix, PenalizedRegion, RegularizerPlugin } from '@deltanet/contract';
import { assertRegularizerShapes, THETA_REGION } from './internal/shapes';

/**
 * L2 (ridge) penalty over the penalized region a layer declares (for dense Θ: column 1 on, so
 * the bias column 0 is never penalized).
 *
 * - `value`: R = ½ Σᵢ Σⱼ≥₁ Θᵢⱼ².
 * - `accumulateGradient`: out[:, 1:] += scale·Θ[:, 1:].
 *
 * @example
 * const theta = fromRows([[1, 2, 3], [4, 5, 6]]);
 * l2.value(theta); // ½(2² + 3² + 5² + 6²) = 37; the bias column (1, 4) is left out
 */
// @__PURE__ lets a bundler drop this when unused; a bare Object.freeze call counts as a side effect.
export const l2: RegularizerPlugin = /* @__PURE__ */ Object.freeze({
  kind: 'regularizer',
  name: 'l2',
  description: 'R = ½ ΣΘ² over non-bias weights; adds λ/(2m) ΣΘ² to J and (λ/m)Θ to D',
  value(theta: Matrix, region: PenalizedRegion = THETA_REGION): number {
    const { rows, cols, data } = theta;
    const from = region.fromColumn;
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = from; j < cols; j++) sum += data[base + j]! * data[base + j]!;
    }
    return 0.5 * sum;
  },
  accumulateGradient(
    theta: Matrix,
    scale: number,
    out: Matrix,
    region: PenalizedRegion = THETA_REGION,
  ): void {
    assertRegularizerShapes('l2 accumulateGradient', theta, out);
    const { rows, cols, data } = theta;
    const os = out.data;
    const from = region.fromColumn;
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = from; j < cols; j++) os[base + j] = os[base + j]! + scale * data[base + j]!;
    }
  },
});
