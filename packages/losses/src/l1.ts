// L1 (lasso) penalty: R(Θ) = Σᵢ Σⱼ≥₁ |Θᵢⱼ|, with subgradient sign(Θ), 0 at 0.
import type { Matrix, PenalizedRegion, RegularizerPlugin } from '@deltanet/contract';
import { assertRegularizerShapes, THETA_REGION } from './internal/shapes';

/**
 * L1 penalty over the penalized region a layer declares (dense Θ: column 1 on, not the bias
 * column 0). It pulls every
 * weight toward 0 by the same amount, so small weights reach 0 (sparse Θ).
 *
 * - `value`: R = Σᵢ Σⱼ≥₁ |Θᵢⱼ|.
 * - `accumulateGradient`: out[:, 1:] += scale·sign(Θ[:, 1:]), taking the subgradient 0 at
 *   Θ = 0 so an exact zero weight is not pushed off zero.
 *
 * @example
 * const theta = fromRows([[1, -2, 3], [4, 0, -6]]);
 * l1.value(theta); // |−2| + 3 + 0 + |−6| = 11; the bias column (1, 4) is left out
 */
// @__PURE__ lets a bundler drop this when unused; a bare Object.freeze call counts as a side effect.
export const l1: RegularizerPlugin = /* @__PURE__ */ Object.freeze({
  kind: 'regularizer',
  name: 'l1',
  description: 'R = Σ|Θ| over non-bias weights; adds (λ/m) Σ|Θ| to J and (λ/m) sign(Θ) to D',
  value(theta: Matrix, region: PenalizedRegion = THETA_REGION): number {
    const { rows, cols, data } = theta;
    const from = region.fromColumn;
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = from; j < cols; j++) sum += Math.abs(data[base + j]!);
    }
    return sum;
  },
  accumulateGradient(
    theta: Matrix,
    scale: number,
    out: Matrix,
    region: PenalizedRegion = THETA_REGION,
  ): void {
    assertRegularizerShapes('l1 accumulateGradient', theta, out);
    const { rows, cols, data } = theta;
    const os = out.data;
    const from = region.fromColumn;
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      // Math.sign(0) = 0 is the subgradient we want at 0, and NaN stays NaN.
      for (let j = from; j < cols; j++) os[base + j] = os[base + j]! + scale * Math.sign(data[base + j]!);
    }
  },
});
