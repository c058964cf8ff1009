// Regularizer plugins: a penalty R over the penalized part of each parameter block, scaled by λ/m in J and D.
import type { PenalizedRegion } from './layer';
import type { Matrix } from './matrix';
import type { PluginBase } from './plugin';

/**
 * A weight penalty. The network adds (λ/m)·R(P) to J and (λ/m)·∂R/∂P to the gradient for every
 * parameter block P a layer declares penalized, over the region the layer declares (columns
 * `region.fromColumn`… of every row): dense's Θ declares column 1 on, so its bias weights in
 * column 0 are never penalized. L2 is R = ½ΣP², giving the course's λ/(2m) ΣΘ² and (λ/m)Θ.
 * Without `region`, the region is `{ fromColumn: 1 }` (a dense Θ), as before layers had regions.
 */
export interface RegularizerPlugin extends PluginBase<'regularizer'> {
  /** R over columns region.fromColumn… (default 1) of `theta`. */
  value(theta: Matrix, region?: PenalizedRegion): number;
  /** out[:, from:] += scale · ∂R/∂P[:, from:] with from = region.fromColumn (default 1); other columns untouched. */
  accumulateGradient(theta: Matrix, scale: number, out: Matrix, region?: PenalizedRegion): void;
}
