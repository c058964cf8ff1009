// Swish (Ramachandran et al. 2017) g(z) = z·σ(βz); β = 1 is SiLU (Elfwing et al. 2018).
import type { ActivationPlugin } from '@deltanet/contract';
import { mergeOptions } from '@deltanet/contract';
import { logistic } from '@deltanet/tensor';
import { elementwise } from './internal/elementwise';

/** Options of `swish`: the slope β inside the sigmoid (default 1, giving SiLU). */
export type SwishOptions = {
  /** β in g(z) = z·σ(βz) (default 1). */
  beta: number;
};

const owner = 'activation "swish"';
const defaults: SwishOptions = { beta: 1 };

/**
 * Swish: g(z) = z·σ(βz), g'(z) = σ(βz)(1 + βz(1 − σ(βz))). σ is the stable logistic, so
 * g(−1e30) = −0 and g(1e30) = 1e30 with no NaN.
 *
 * @example
 * const g = swish(); // β = 1 (SiLU)
 * g.output!(1); // σ(1) = 0.7310585786300049
 * g.derivative!(0, 0); // 0.5
 */
export function swish(options: Partial<SwishOptions> = {}): ActivationPlugin {
  const current = mergeOptions(owner, defaults, options);
  const { beta } = current;
  return elementwise({
    name: 'swish',
    description: `g(z) = z·σ(βz) (β = ${beta}); g′ = σ(βz)(1 + βz(1 − σ(βz)))`,
    options: current,
    configure: (next) => swish(mergeOptions(owner, current, next)),
    output: (z) => z * logistic(beta * z),
    derivative: (z) => {
      // From z, not a: recovering σ(βz) as a/z fails at z = 0.
      const s = logistic(beta * z);
      return s * (1 + beta * z * (1 - s));
    },
  });
}
