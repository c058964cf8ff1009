// Leaky ReLU g(z) = z for z > 0 and αz otherwise, with g'(z) = 1 or α: a ReLU whose negative
// side keeps a small gradient.
import type { ActivationPlugin } from '@deltanet/contract';
import { mergeOptions } from '@deltanet/contract';
import { elementwise } from './internal/elementwise';

/** Options of `leakyRelu`: the slope α for z ≤ 0 (default 0.01). */
export type LeakyReluOptions = {
  /** α: the slope for z ≤ 0 (default 0.01). */
  alpha: number;
};

const owner = 'activation "leaky-relu"';
const defaults: LeakyReluOptions = { alpha: 0.01 };

/**
 * Leaky ReLU: g(z) = z if z > 0, else αz; g'(z) = 1 if z > 0, else α (α at the kink z = 0).
 * Unknown options throw an InvalidArgumentError naming the valid ones.
 *
 * @example
 * const g = leakyRelu({ alpha: 0.2 });
 * g.output!(-2); // -0.4
 * g.configure!({ alpha: 0.1 }).options; // { alpha: 0.1 }
 */
export function leakyRelu(options: Partial<LeakyReluOptions> = {}): ActivationPlugin {
  const current = mergeOptions(owner, defaults, options);
  const { alpha } = current;
  return elementwise({
    name: 'leaky-relu',
    description: `g(z) = z if z > 0, else αz (α = ${alpha}); g′ = 1 or α`,
    options: current,
    configure: (next) => leakyRelu(mergeOptions(owner, current, next)),
    // Written so that a NaN input stays NaN (NaN < 0 is false).
    output: (z) => (z < 0 ? alpha * z : z),
    derivative: (z) => (z > 0 ? 1 : alpha),
  });
}
