// The rectified linear unit g(z) = max(0, z), with g'(z) = 1 for z > 0 and 0 otherwise.
import type { ActivationPlugin } from '@deltanet/contract';
import { elementwise } from './internal/elementwise';

/**
 * ReLU: g(z) = max(0, z), g'(z) = [z > 0]. At the kink z = 0 the derivative is taken as 0, as
 * PyTorch and TensorFlow do.
 *
 * @example
 * relu.output!(-2); // 0
 * relu.output!(3); // 3
 * relu.derivative!(3, 3); // 1
 */
export const relu: ActivationPlugin = /* @__PURE__ */ elementwise({
  name: 'relu',
  description: 'g(z) = max(0, z); g′ = 1 if z > 0, else 0',
  kernel: 'relu',
  // Math.max passes NaN through (where `z > 0 ? z : 0` would give 0), so divergence shows.
  output: (z) => Math.max(0, z),
  derivative: (z) => (z > 0 ? 1 : 0),
});
