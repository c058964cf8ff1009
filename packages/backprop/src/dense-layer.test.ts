// The `dense` layer plugin and the network's fused passes compute the same bits: forward a and
// D(l) of a one-layer network equal dense.forward/backward on the same Θ, x and ∂/∂a.
import { dense } from '@deltanet/layers';
import { matrix, reference } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { createNetwork } from './index';

describe('the dense layer plugin against the network', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    it(`gives the network's a, D and penalty-free gradient bit for bit (${dtype})`, () => {
      const net = createNetwork(
        { layers: [3, 4], outputActivation: 'linear', loss: 'mean-squared-error', seed: 5, dtype },
        { backend: reference },
      );
      const A = (values: ArrayLike<number>) =>
        dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
      const filled = (n: number, f: (i: number) => number) => A(Array.from({ length: n }, (_, i) => f(i)));
      const x = matrix(
        5,
        3,
        filled(15, (i) => Math.sin(i + 1)),
      );
      const y = matrix(
        5,
        4,
        filled(20, (i) => Math.cos(i)),
      );
      const gradient = filled(net.parameterCount, () => 0);
      net.gradients(x, y, gradient);
      const h = net.predict(x);

      const built = dense.build({ inputUnits: 3, outputUnits: 4, activation: net.activations[0]! });
      const output = matrix(
        5,
        4,
        filled(20, () => 0),
      );
      const saved = built.saved.map((w) =>
        matrix(
          5,
          w,
          filled(5 * w, () => 0),
        ),
      );
      const context = { mode: 'train' as const, backend: reference, random: undefined };
      built.forward(context, { input: x, output, saved }, [net.thetas[0]!], []);
      expect(Array.from(output.data)).toEqual(Array.from(h.data));
      // Squared error with a linear output: ∂(Σℓ)/∂a = h − y.
      const upstream = matrix(
        5,
        4,
        filled(20, (i) => output.data[i]! - y.data[i]!),
      );
      const D = matrix(
        4,
        4,
        filled(16, () => 0),
      );
      built.backward(context, { input: x, output, saved }, upstream, [net.thetas[0]!], [D], undefined);
      expect(Array.from(D.data)).toEqual(Array.from(gradient));
    });
  }
});
