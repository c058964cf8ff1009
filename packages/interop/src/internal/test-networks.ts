// Test helpers shared by the consumer tests: random architectures over every built-in activation
// and output/loss pair, with weights spread wide enough to reach each activation's tails.
import type { Network } from '@deltanet/backprop';
import { checkSpec, createNetwork, fit } from '@deltanet/backprop';
import type { DType, Matrix, PluginRef } from '@deltanet/contract';
import { createRandom, zeros } from '@deltanet/tensor';
import fc from 'fast-check';

/** Each built-in hidden activation, parameterized ones with non-default options too. */
export const hiddenActivations: readonly PluginRef[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  { name: 'leaky-relu', options: { alpha: 0.2 } },
  'elu',
  { name: 'elu', options: { alpha: 0.7 } },
  'softplus',
  'swish',
  { name: 'swish', options: { beta: 1.5 } },
  'gelu',
  'linear',
];

/** Output activation and loss pairs: the three fused ones and one general. */
export const outputPairs = [
  { outputActivation: 'sigmoid', loss: 'cross-entropy' },
  { outputActivation: 'softmax', loss: 'softmax-cross-entropy' },
  { outputActivation: 'linear', loss: 'mean-squared-error' },
  { outputActivation: 'tanh', loss: 'mean-squared-error' },
] as const;

/** Layer sizes (input, 1–3 hidden, output), a batch size and a seed. */
export const architecture = fc.record({
  layers: fc.tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 1, max: 6 }),
  ),
  rows: fc.integer({ min: 1, max: 7 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/** A network of `layers` whose Θ are scaled ×3 from the initializer, so units saturate. */
export function wideNetwork(
  layers: readonly number[],
  activation: PluginRef,
  pair: (typeof outputPairs)[number],
  dtype: DType,
  seed: number,
): Network {
  const net = createNetwork(checkSpec({ layers, activation, ...pair, dtype, seed }));
  net.setParams(Array.from(net.params, (v) => 3 * v));
  return net;
}

/** rows × cols inputs uniform in (−3, 3). */
export function randomInputs(rows: number, cols: number, dtype: DType, seed: number): Matrix {
  const random = createRandom(seed);
  const x = zeros(rows, cols, dtype);
  for (let i = 0; i < x.data.length; i++) x.data[i] = 6 * random.uniform() - 3;
  return x;
}

/**
 * A 4-8-dropout(0.25)-batch-norm-6-batch-norm-3 softmax network trained 25 minibatch epochs on
 * 64 random rows with a 3-class rule, so dropout drew masks and the running statistics moved
 * far from their starting 0 and 1; and 12 other rows to predict on.
 */
export async function trainedLayeredNetwork(dtype: DType): Promise<{ net: Network; x: Matrix }> {
  const net = createNetwork({
    layers: [
      4,
      8,
      { name: 'dropout', options: { rate: 0.25 } },
      'batch-norm',
      6,
      { name: 'batch-norm', options: { momentum: 0.8, epsilon: 0.01 } },
      3,
    ],
    activation: ['tanh', 'relu'],
    outputActivation: 'softmax',
    loss: 'softmax-cross-entropy',
    dtype,
    seed: 11,
  });
  const x = randomInputs(64, 4, dtype, 5);
  const y = zeros(64, 3, dtype);
  for (let i = 0; i < 64; i++) {
    const s = x.data[i * 4]! + 2 * x.data[i * 4 + 1]! - x.data[i * 4 + 3]!;
    y.data[i * 3 + (s < -1 ? 0 : s < 1 ? 1 : 2)] = 1;
  }
  await fit(net, { x, y }, { epochs: 25, batchSize: 16, optimizer: 'adam' });
  return { net, x: randomInputs(12, 4, dtype, 6) };
}
