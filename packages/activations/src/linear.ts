// The identity g(z) = z, with g'(z) = 1: for regression outputs and for tests.
import type { ActivationPlugin } from '@deltanet/contract';
import { elementwise } from './internal/elementwise';

/**
 * Linear (identity): g(z) = z, g'(z) = 1, so backward copies upstream.
 *
 * @example
 * linear.output!(-3.5); // -3.5
 * linear.derivative!(-3.5, -3.5); // 1
 */
export const linear: ActivationPlugin = /* @__PURE__ */ elementwise({
  name: 'linear',
  description: 'g(z) = z; g′ = 1',
  kernel: 'identity',
  output: (z) => z,
  derivative: () => 1,
});
