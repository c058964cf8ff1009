// B3: a 2-8-8-1 network (tanh, tanh, sigmoid) trained on the 500-point circle set, batch 10:
// µs per training step (one gradient and one update), where per-call overhead dominates.
import { createNetwork, fit } from '@deltanet/backprop';
import type { Dataset } from '@deltanet/data';
import { circle } from '@deltanet/data';
import { sgd } from '@deltanet/optimizers';
import { backends, createRandom, permutation } from '@deltanet/tensor';
import { secondsPerCall } from '../measure';
import { type BrainPackage, brainNetwork } from '../peers/brain';
import { loadTf, type TfBackend } from '../peers/tfjs';
import type { Timing } from './b2-full-batch';

const BATCH = 10;
const EPOCHS_PER_SAMPLE = 20;

/** Seconds per step for deltanet's backends, TF.js and both brain.js versions. */
export async function runB3(repeats: number): Promise<Timing[]> {
  const train = circle({ samples: 500, seed: 1, dtype: 'float32' });
  const steps = EPOCHS_PER_SAMPLE * Math.ceil(train.x.rows / BATCH);
  const timings: Timing[] = [];
  for (const dtype of ['float32', 'float64'] as const) {
    const data = dtype === 'float32' ? train : circle({ samples: 500, seed: 1 });
    for (const backend of backends.filter((b) => b.name !== 'reference')) {
      const net = createNetwork({ layers: [2, 8, 8, 1], activation: 'tanh', dtype, seed: 1 }, { backend });
      const run = () =>
        fit(net, data, {
          optimizer: sgd({ learningRate: 0.1 }),
          epochs: EPOCHS_PER_SAMPLE,
          batchSize: BATCH,
        });
      timings.push({
        contestant: `deltanet ${backend.name} ${dtype} (fit)`,
        seconds: (await secondsPerCall(run, { repeats })) / steps,
      });
    }
  }
  for (const backend of ['cpu', 'wasm'] as const) timings.push(await tfjs(backend, train, repeats));
  for (const pkg of ['brain.js', 'brain-v1'] as const) timings.push(await brain(pkg, train, repeats));
  return timings;
}

async function tfjs(backend: TfBackend, train: Dataset, repeats: number): Promise<Timing> {
  const tf = await loadTf(backend);
  const sizes = [2, 8, 8, 1];
  const w = sizes.slice(1).map((s, l) => tf.variable(tf.randomUniform([sizes[l]!, s], -0.5, 0.5)));
  const b = sizes.slice(1).map((s) => tf.variable(tf.zeros([s])));
  const xs = tf.tensor2d(train.x.data as Float32Array, [train.x.rows, 2]);
  const ys = tf.tensor2d(train.y.data as Float32Array, [train.y.rows, 1]);
  const opt = tf.train.sgd(0.1);
  const random = createRandom(2);
  const epoch = () => {
    const order = permutation(train.x.rows, random);
    for (let start = 0; start < order.length; start += BATCH) {
      tf.tidy(() => {
        const rows = tf.tensor1d(Int32Array.from(order.subarray(start, start + BATCH)), 'int32');
        const x = tf.gather(xs, rows) as import('@tensorflow/tfjs-core').Tensor2D;
        const y = tf.gather(ys, rows);
        opt.minimize(() => {
          const h1 = tf.tanh(tf.add(tf.matMul(x, w[0]!), b[0]!));
          const h2 = tf.tanh(tf.add(tf.matMul(h1, w[1]!), b[1]!));
          const logits = tf.add(tf.matMul(h2, w[2]!), b[2]!);
          return tf.div(
            tf.losses.sigmoidCrossEntropy(y, logits, undefined, 0, tf.Reduction.SUM),
            BATCH,
          ) as import('@tensorflow/tfjs-core').Scalar;
        });
      });
    }
  };
  const seconds = await secondsPerCall(epoch, { repeats, inner: 2 });
  return { contestant: `TF.js ${backend}`, seconds: seconds / Math.ceil(train.x.rows / BATCH) };
}

async function brain(pkg: BrainPackage, train: Dataset, repeats: number): Promise<Timing> {
  const NeuralNetwork = brainNetwork(pkg);
  // brain.js has one activation for every layer and no batches: a "step" here is 10 of its
  // per-example updates, the work of one batch of 10.
  const net = new NeuralNetwork({ hiddenLayers: [8, 8], activation: 'tanh' });
  const data = Array.from({ length: train.x.rows }, (_, i) => ({
    input: [train.x.data[2 * i]!, train.x.data[2 * i + 1]!],
    output: [train.y.data[i]!],
  }));
  const seconds = await secondsPerCall(
    () => net.train(data, { iterations: EPOCHS_PER_SAMPLE, errorThresh: 1e-9, log: false }),
    { repeats },
  );
  return {
    contestant: pkg === 'brain.js' ? 'brain.js 2' : 'brain.js 1.6',
    seconds: seconds / ((EPOCHS_PER_SAMPLE * train.x.rows) / BATCH),
    note: 'tanh on every layer (brain.js has one activation per network); per-example updates',
  };
}
