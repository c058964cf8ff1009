// B1: MNIST 8,000 train / 2,000 test (seeded split), 784-128-10 sigmoid/sigmoid, cross-entropy,
// batch 64, SGD (α = 1) or Adam (α = 0.001): seconds per epoch and test accuracy after the
// last epoch. Each contestant runs alone in a child process, so its peak RSS is its own.
import type { Network } from '@deltanet/backprop';
import { createNetwork, fit } from '@deltanet/backprop';
import type { BackendPlugin, Matrix } from '@deltanet/contract';
import type { Dataset } from '@deltanet/data';
import { adam, sgd } from '@deltanet/optimizers';
import { backends, createRandom, permutation } from '@deltanet/tensor';
import { type BrainPackage, brainNetwork } from '../peers/brain';
import { loadTf, type TfBackend } from '../peers/tfjs';

export type B1Optimizer = 'sgd' | 'adam';

/** What one contestant reports from its child process. */
export interface B1Result {
  readonly epochSeconds: number[];
  readonly accuracy: number;
  readonly maxRssMiB: number;
  readonly note?: string;
}

export interface B1Settings {
  readonly epochs: number;
  readonly trainSize: number;
  readonly testSize: number;
}

export const b1Contestants = [
  'deltanet-wasm',
  'deltanet-js',
  'tfjs-wasm',
  'tfjs-cpu',
  'brain.js',
  'brain-v1',
] as const;
export type B1Contestant = (typeof b1Contestants)[number];

const LAYERS = [784, 128, 10] as const;
const BATCH = 64;
const SEED = 1;

/** Runs one contestant with one optimizer; called inside the child process. */
export async function runB1(
  contestant: B1Contestant,
  optimizer: B1Optimizer,
  settings: B1Settings,
): Promise<B1Result> {
  // Imported here, not at the top: reading MNIST's 21 MB of JSON would bloat the heap of the
  // B2, B3 and GEMM processes, which share this bundle.
  const { loadDigits } = await import('@deltanet/digits');
  const { train, test } = loadDigits({
    seed: SEED,
    trainSize: settings.trainSize,
    testSize: settings.testSize,
    dtype: 'float32',
  });
  // Every batch-trained contestant starts from the same Θ: deltanet's seeded initialization.
  const net = createNetwork(
    { layers: [...LAYERS], dtype: 'float32', seed: SEED },
    { backend: backendNamed(contestant) },
  );
  let result: Omit<B1Result, 'maxRssMiB'>;
  if (contestant.startsWith('deltanet-'))
    result = await deltanet(net, train, test, optimizer, settings.epochs);
  else if (contestant.startsWith('tfjs-')) {
    result = await tfjs(contestant.slice(5) as TfBackend, net, train, test, optimizer, settings.epochs);
  } else result = brain(contestant as BrainPackage, train, test, optimizer, settings.epochs);
  return { ...result, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function backendNamed(contestant: string): BackendPlugin {
  const name = contestant.startsWith('deltanet-') ? contestant.slice(9) : 'wasm';
  const backend = backends.find((b) => b.name === name);
  if (!backend) throw new Error(`no backend ${name}`);
  return backend;
}

async function deltanet(net: Network, train: Dataset, test: Dataset, optimizer: B1Optimizer, epochs: number) {
  const epochSeconds: number[] = [];
  let started = performance.now();
  await fit(net, train, {
    optimizer: optimizer === 'sgd' ? sgd({ learningRate: 1 }) : adam({ learningRate: 0.001 }),
    epochs,
    batchSize: BATCH,
    seed: SEED + 1,
    onEvent: (event) => {
      if (event.type !== 'epoch') return;
      const now = performance.now();
      epochSeconds.push((now - started) / 1000);
      started = now;
    },
  });
  return { epochSeconds, accuracy: net.evaluate(test.x, test.y).accuracy };
}

async function tfjs(
  backend: TfBackend,
  net: Network,
  train: Dataset,
  test: Dataset,
  optimizer: B1Optimizer,
  epochs: number,
) {
  const tf = await loadTf(backend);
  // W(l) = Θ(l)[:, 1:]ᵀ so the forward pass is x·W, TF.js's untransposed (fastest) matMul.
  const weights = net.thetas.map((theta) =>
    tf.variable(tf.transpose(tf.tensor2d(withoutBias(theta), [theta.rows, theta.cols - 1]))),
  );
  const biases = net.thetas.map((theta) => tf.variable(tf.tensor1d(biasColumn(theta))));
  const logits = (x: import('@tensorflow/tfjs-core').Tensor2D) =>
    tf.add(tf.matMul(tf.sigmoid(tf.add(tf.matMul(x, weights[0]!), biases[0]!)), weights[1]!), biases[1]!);
  const xTrain = tf.tensor2d(train.x.data as Float32Array, [train.x.rows, train.x.cols]);
  const yTrain = tf.tensor2d(train.y.data as Float32Array, [train.y.rows, train.y.cols]);
  const opt = optimizer === 'sgd' ? tf.train.sgd(1) : tf.train.adam(0.001);
  const random = createRandom(SEED + 1);
  const epochSeconds: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = performance.now();
    const order = permutation(train.x.rows, random);
    for (let start = 0; start < order.length; start += BATCH) {
      const rows = tf.tensor1d(Int32Array.from(order.subarray(start, start + BATCH)), 'int32');
      tf.tidy(() => {
        const x = tf.gather(xTrain, rows) as import('@tensorflow/tfjs-core').Tensor2D;
        const y = tf.gather(yTrain, rows);
        // J = (1/m) Σ cross-entropy over every output, as deltanet's cost (sum, not mean, over units).
        opt.minimize(
          () =>
            tf.div(
              tf.losses.sigmoidCrossEntropy(y, logits(x), undefined, 0, tf.Reduction.SUM),
              x.shape[0],
            ) as import('@tensorflow/tfjs-core').Scalar,
        );
      });
      rows.dispose();
    }
    epochSeconds.push((performance.now() - started) / 1000);
  }
  const xTest = tf.tensor2d(test.x.data as Float32Array, [test.x.rows, test.x.cols]);
  const predicted = tf.tidy(() => tf.argMax(logits(xTest), 1).dataSync());
  return { epochSeconds, accuracy: agreement(predicted, test) };
}

function brain(pkg: BrainPackage, train: Dataset, test: Dataset, optimizer: B1Optimizer, epochs: number) {
  const NeuralNetwork = brainNetwork(pkg);
  // brain.js trains one example at a time with its own SGD + momentum (no batches); Adam is
  // its `praxis: 'adam'` in 2.0 only.
  const net = new NeuralNetwork({
    hiddenLayers: [LAYERS[1]],
    activation: 'sigmoid',
    ...(optimizer === 'adam' ? { praxis: 'adam', learningRate: 0.001 } : {}),
  });
  const data = Array.from({ length: train.x.rows }, (_, i) => ({
    input: Array.from(row(train.x, i)),
    output: Array.from(row(train.y, i)),
  }));
  const epochSeconds: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = performance.now();
    net.train(data, { iterations: 1, errorThresh: 1e-9, log: false });
    epochSeconds.push((performance.now() - started) / 1000);
  }
  const predicted = Int32Array.from({ length: test.x.rows }, (_, i) =>
    argmax(net.run(Array.from(row(test.x, i)))),
  );
  return {
    epochSeconds,
    accuracy: agreement(predicted, test),
    note: `per-example updates (brain.js defaults: learning rate 0.3, momentum 0.1)${optimizer === 'adam' ? ', praxis adam with learning rate 0.001' : ''}, MSE-style output error`,
  };
}

const row = (m: Matrix, i: number) => m.data.subarray(i * m.cols, (i + 1) * m.cols);
const withoutBias = (theta: Matrix) =>
  Float32Array.from(
    { length: theta.rows * (theta.cols - 1) },
    (_, at) => theta.data[Math.floor(at / (theta.cols - 1)) * theta.cols + 1 + (at % (theta.cols - 1))]!,
  );
const biasColumn = (theta: Matrix) =>
  Float32Array.from({ length: theta.rows }, (_, i) => theta.data[i * theta.cols]!);

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[best]!) best = j;
  return best;
}

/** Fraction of test rows whose predicted class is the row's label. */
function agreement(predicted: ArrayLike<number>, test: Dataset): number {
  let correct = 0;
  for (let i = 0; i < test.x.rows; i++) if (predicted[i] === argmax(row(test.y, i))) correct++;
  return correct / test.x.rows;
}
