// Regularizer plugins: a penalty R(Θ) over the non-bias weights, scaled by λ/m in J and D.
import type { Matrix } from './matrix';
import type { PluginBase } from './plugin';

/**
 * A weight penalty. The network adds (λ/m)·R(Θ(l)) to J for every layer and (λ/m)·∂R/∂Θ to
 * D(l); column 0 (bias weights) is never penalized. L2 is R = ½ΣΘ², giving the course's
 * λ/(2m) ΣΘ² and (λ/m)Θ.
 */
export interface RegularizerPlugin extends PluginBase<'regularizer'> {
  /** R(Θ) over columns 1.. of theta (s(l+1) × (s(l)+1)). */
  value(theta: Matrix): number;
  /** out[:, 1:] += scale · ∂R/∂Θ[:, 1:]; column 0 untouched. */
  accumulateGradient(theta: Matrix, scale: number, out: Matrix): void;
}
