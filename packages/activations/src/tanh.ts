// The hyperbolic tangent g(z) = tanh z, with g'(z) = 1 − tanh² z = 1 − a².
import type { ActivationPlugin } from '@deltanet/contract';
import { mapTanh, tanh as tanhOf } from '@deltanet/tensor';
import { elementwise } from './internal/elementwise';

/**
 * Hyperbolic tangent: g(z) = (e^z − e^−z) / (e^z + e^−z), g'(z) = 1 − a² with a = g(z).
 * @deltanet/tensor's `tanh` (fdlibm's algorithm, the same bits in every engine) saturates to ±1
 * without overflow.
 *
 * @example
 * tanh.output!(0); // 0
 * tanh.derivative!(0, 0); // 1
 */
export const tanh: ActivationPlugin = /* @__PURE__ */ elementwise({
  name: 'tanh',
  description: 'g(z) = tanh z; g′ = 1 − a²',
  kernel: 'tanh',
  output: tanhOf,
  derivative: (_z, a) => 1 - a * a,
  loops: {
    // @deltanet/tensor's array tanh: the same bits as its scalar tanh per element (the network
    // runs the declared kernel through its backend instead: wasm SIMD on the wasm backend).
    forward: mapTanh,
    backward(_z, a, upstream, out) {
      for (let i = 0; i < out.length; i++) {
        const ai = a[i]!;
        out[i] = upstream[i]! * (1 - ai * ai);
      }
    },
  },
});
