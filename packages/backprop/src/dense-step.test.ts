// A backend's denseStep (a whole evaluation in one call) must leave exactly what the general
// passes leave: the same J, the same D(l) and the same z, a and δ in the workspace, bit for bit,
// and so the same trained Θ. `general` is the wasm backend with the capability removed.
import { sigmoid, tanh } from '@deltanet/activations';
import type { BackendPlugin, DenseStepArgs, DType, LossPlugin } from '@deltanet/contract';
import { crossEntropy } from '@deltanet/losses';
import { sgd } from '@deltanet/optimizers';
import { createRandom, wasm, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import type { NetworkSpec } from './index';
import { createNetwork, fit } from './index';
import { denseKernels } from './propagate';

const { denseStep: _, ...withoutDenseStep } = wasm;
const general: BackendPlugin = { ...withoutDenseStep, name: 'wasm-general' };

/** The wasm backend, counting the evaluations its denseStep ran. */
function counting(): BackendPlugin & { runs: number } {
  const backend = {
    ...wasm,
    runs: 0,
    denseStep(args: DenseStepArgs) {
      const ran = wasm.denseStep!(args);
      if (ran) backend.runs++;
      return ran;
    },
  };
  return backend;
}

function batch(rows: number, inputs: number, outputs: number, dtype: DType, seed: number) {
  const random = createRandom(seed);
  const x = zeros(rows, inputs, dtype);
  for (let i = 0; i < x.data.length; i++) x.data[i] = random.uniform() * 4 - 2;
  const y = zeros(rows, outputs, dtype);
  for (let i = 0; i < y.data.length; i++) y.data[i] = random.uniform() < 0.5 ? 0 : 1;
  return { x, y };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return a.length === b.length;
};

describe('denseStep in a network', () => {
  const specs: [string, NetworkSpec][] = [
    ['B3: 2-8-8-1 tanh, sigmoid output', { layers: [2, 8, 8, 1], activation: 'tanh', seed: 3 }],
    ['relu, λ = 0.7', { layers: [3, 9, 5, 2], activation: 'relu', lambda: 0.7, seed: 4 }],
    [
      'linear output, squared error',
      {
        layers: [4, 6, 3],
        activation: 'tanh',
        outputActivation: 'linear',
        loss: 'mean-squared-error',
        seed: 5,
      },
    ],
  ];
  for (const dtype of ['float32', 'float64'] as const) {
    it.each(specs)(`leaves the general passes' J, D(l), z, a and δ: %s (${dtype})`, (_, spec) => {
      const fused = counting();
      const ours = createNetwork({ ...spec, dtype }, { backend: fused });
      const theirs = createNetwork({ ...spec, dtype }, { backend: general });
      const layers = spec.layers;
      const { x, y } = batch(7, layers[0]!, layers[layers.length - 1]!, dtype, 11);
      const [g1, g2] = [zeros(1, ours.parameterCount, dtype).data, zeros(1, ours.parameterCount, dtype).data];
      const j1 = ours.gradients(x, y, g1);
      const j2 = theirs.gradients(x, y, g2);
      expect(fused.runs).toBe(1);
      expect(Object.is(j1, j2)).toBe(true);
      expect(same(g1, g2)).toBe(true);
      const [w1, w2] = [ours.workspace(7), theirs.workspace(7)];
      for (const key of ['z', 'a', 'delta'] as const) {
        w1[key].forEach((m, l) => expect(same(m.data, w2[key][l]!.data), `${key}[${l}]`).toBe(true));
      }
    });
  }

  it('trains to the same Θ, bit for bit, as the general passes (B3 recipe, float32)', async () => {
    const spec = { layers: [2, 8, 8, 1], activation: 'tanh', dtype: 'float32', seed: 1 } as const;
    const { x, y } = batch(95, 2, 1, 'float32', 2);
    const fused = counting();
    const ours = createNetwork(spec, { backend: fused });
    const theirs = createNetwork(spec, { backend: general });
    const options = { optimizer: sgd({ learningRate: 0.1 }), epochs: 3, batchSize: 10, seed: 9 };
    await fit(ours, { x, y }, options);
    await fit(theirs, { x, y }, options);
    expect(fused.runs).toBe(30);
    expect(same(ours.params, theirs.params)).toBe(true);
  });

  it('runs the general passes when an activation declares no kernel or the output delta is not h − y', () => {
    const kernels = (spec: NetworkSpec) => createNetwork(spec).denseKernels;
    expect(kernels({ layers: [2, 3, 1], activation: 'tanh' })).toEqual(['tanh', 'logistic']);
    expect(kernels({ layers: [2, 3, 1], activation: 'softplus' })).toBeUndefined();
    // Squared error on a sigmoid output: δ(L) by the general rule, through the loss's gradient.
    expect(kernels({ layers: [2, 3, 1], loss: 'mean-squared-error' })).toBeUndefined();
    // A fused delta that does not declare itself h − y.
    const undeclared: LossPlugin = {
      ...crossEntropy,
      fusedDeltas: crossEntropy.fusedDeltas!.map(({ activation, delta }) => ({ activation, delta })),
    };
    expect(denseKernels(crossEntropy, [tanh, sigmoid])).toEqual(['tanh', 'logistic']);
    expect(denseKernels(undeclared, [tanh, sigmoid])).toBeUndefined();
  });
});
