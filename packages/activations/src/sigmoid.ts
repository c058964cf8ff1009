// The logistic sigmoid g(z) = σ(z) = 1 / (1 + e^−z), with g'(z) = σ(z)(1 − σ(z)) = a(1 − a).
import type { ActivationPlugin } from '@deltanet/contract';
import { logistic, mapLogistic, mapLogisticBackward } from '@deltanet/tensor';
import { elementwise } from './internal/elementwise';

/**
 * Sigmoid, the course's default activation: g(z) = 1 / (1 + e^−z), g'(z) = a(1 − a) with
 * a = g(z). Stable for any |z| (e^x is only taken of x ≤ 0). Near saturation a(1 − a) is
 * accurate to ±2⁻⁵³ absolute, which is what a sum of gradients can feel.
 *
 * @example
 * sigmoid.output!(0); // 0.5
 * sigmoid.derivative!(0, 0.5); // 0.25
 * sigmoid.forward(z, a); // a = σ(z) for a whole batch, rows are examples
 */
export const sigmoid: ActivationPlugin = /* @__PURE__ */ elementwise({
  name: 'sigmoid',
  description: 'g(z) = 1 / (1 + e^−z); g′ = a(1 − a)',
  kernel: 'logistic',
  output: logistic,
  derivative: (_z, a) => a * (1 - a),
  loops: {
    // @deltanet/tensor's array loops, the same bits as the scalar forms (the network runs the
    // declared kernel through its backend instead: wasm SIMD on the wasm backend).
    forward: mapLogistic,
    backward: (_z, a, upstream, out) => mapLogisticBackward(a, upstream, out),
  },
});
