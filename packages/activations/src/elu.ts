// The exponential linear unit (Clevert et al. 2015): g(z) = z for z > 0, α(e^z − 1) otherwise,
// with g'(z) = 1 or α·e^z = a + α.
import type { ActivationPlugin } from '@deltanet/contract';
import { mergeOptions } from '@deltanet/contract';
import { expm1 } from '@deltanet/tensor';
import { elementwise } from './internal/elementwise';

/** Options of `elu`: the negative saturation value −α (default α = 1). */
export type EluOptions = {
  /** α: ELU saturates to −α as z → −∞ (default 1). */
  alpha: number;
};

const owner = 'activation "elu"';
const defaults: EluOptions = { alpha: 1 };

/**
 * ELU: g(z) = z if z > 0, else α(e^z − 1); g'(z) = 1 if z > 0, else a + α (= α·e^z, reusing
 * a = g(z) as the paper does; its absolute error is at most one ulp of α). expm1 keeps
 * g accurate for z near 0, where e^z − 1 would cancel.
 *
 * @example
 * const g = elu(); // α = 1
 * g.output!(-1); // 1/e − 1 = -0.6321205588285577
 * elu({ alpha: 0.5 }).derivative!(-1, -0.31606027941427883); // 0.5/e = 0.18393972058572117
 */
export function elu(options: Partial<EluOptions> = {}): ActivationPlugin {
  const current = mergeOptions(owner, defaults, options);
  const { alpha } = current;
  return elementwise({
    name: 'elu',
    description: `g(z) = z if z > 0, else α(e^z − 1) (α = ${alpha}); g′ = 1 or a + α`,
    options: current,
    configure: (next) => elu(mergeOptions(owner, current, next)),
    output: (z) => (z > 0 ? z : alpha * expm1(z)),
    derivative: (z, a) => (z > 0 ? 1 : a + alpha),
  });
}
