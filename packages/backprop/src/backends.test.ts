// Every built-in backend trains the same network to the same place: gradients within the
// storage precision's rounding of the reference backend's, and a few epochs of fit agreeing.
import { sgd } from '@deltanet/optimizers';
import { backends, createRandom, reference, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { createNetwork, fit } from './index';

// Wide enough that every product runs in the wasm kernel, not its small-product shortcut.
const LAYERS = [40, 30, 20, 5];

function batch(rows: number, dtype: 'float32' | 'float64', seed: number) {
  const random = createRandom(seed);
  const x = zeros(rows, LAYERS[0]!, dtype);
  for (let i = 0; i < x.data.length; i++) x.data[i] = random.uniform() * 2 - 1;
  const y = zeros(rows, LAYERS[3]!, dtype);
  for (let i = 0; i < rows; i++) y.data[i * LAYERS[3]! + (i % LAYERS[3]!)] = 1;
  return { x, y };
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

describe.each(backends.map((backend) => [backend.name, backend] as const))(
  '%s backend in a network',
  (_, backend) => {
    for (const [dtype, tolerance] of [
      ['float64', 1e-12],
      ['float32', 2e-5],
    ] as const) {
      it(`gives J and every D(l) of the reference backend within ${dtype} rounding`, () => {
        const spec = { layers: LAYERS, activation: 'tanh', lambda: 0.5, dtype, seed: 3 } as const;
        const { x, y } = batch(64, dtype, 1);
        const ours = createNetwork(spec, { backend });
        const theirs = createNetwork(spec, { backend: reference });
        const [g1, g2] = [new Float64Array(ours.parameterCount), new Float64Array(ours.parameterCount)];
        const [d1, d2] = [
          zeros(1, ours.parameterCount, dtype).data,
          zeros(1, ours.parameterCount, dtype).data,
        ];
        const cost = ours.gradients(x, y, d1);
        expect(Math.abs(cost - theirs.gradients(x, y, d2))).toBeLessThan(tolerance);
        g1.set(d1);
        g2.set(d2);
        expect(maxDifference(g1, g2)).toBeLessThan(tolerance);
      });
    }

    it('trains to the same parameters as the reference backend (float64, 3 epochs of SGD)', async () => {
      const spec = { layers: LAYERS, dtype: 'float64', seed: 4 } as const;
      const data = batch(200, 'float64', 2);
      const ours = createNetwork(spec, { backend });
      const theirs = createNetwork(spec, { backend: reference });
      const options = { optimizer: sgd({ learningRate: 0.5 }), epochs: 3, batchSize: 32 };
      await fit(ours, data, options);
      await fit(theirs, data, options);
      expect(maxDifference(ours.params, theirs.params)).toBeLessThan(1e-10);
    });
  },
);

describe('the default backend', () => {
  it('is the first built-in that supports the dtype: wasm where WebAssembly SIMD runs', () => {
    expect(createNetwork({ layers: [2, 1] }).backend.name).toBe('wasm');
    expect(createNetwork({ layers: [2, 1], dtype: 'float32' }).backend.name).toBe('wasm');
  });
});
