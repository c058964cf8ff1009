// B3: a 2-8-8-1 network (tanh, tanh, sigmoid) trained on the 500-point circle set, batch 10:
// µs per training step (one gradient and one update), where per-call overhead dominates.
import { createNetwork, fit } from '@deltanet/backprop';
import type { DType } from '@deltanet/contract';
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

/** One process per contestant (see main.ts). */
export const b3Contestants = [
  'deltanet wasm float32',
  'deltanet js float32',
  'deltanet wasm float64',
  'deltanet js float64',
  'TF.js cpu',
  'TF.js wasm',
  'brain.js 2',
  'brain.js 1.6',
] as const;

/** Seconds per training step of one contestant. */
export async function runB3(contestant: string, repeats: number): Promise<Timing> {
  const [library, version, dtype = 'float32'] = contestant.split(' ') as [string, string, DType?];
  const train = circle({ samples: 500, seed: 1, dtype });
  if (library === 'TF.js') return tfjs(version as TfBackend, train, repeats);
  if (library === 'brain.js')
    return brain(version === '2' ? 'brain.js' : 'brain-v1', contestant, train, repeats);
  const steps = EPOCHS_PER_SAMPLE * Math.ceil(train.x.rows / BATCH);
  const backend = backends.find((b) => b.name === version)!;
  const net = createNetwork({ layers: [2, 8, 8, 1], activation: 'tanh', dtype, seed: 1 }, { backend });
  const run = () =>
    fit(net, train, { optimizer: sgd({ learningRate: 0.1 }), epochs: EPOCHS_PER_SAMPLE, batchSize: BATCH });
  return {
    contestant,
    seconds: (await secondsPerCall(run, { repeats })) / steps,
    note: 'through fit (shuffles, events, NaN checks)',
  };
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

async function brain(
  pkg: BrainPackage,
  contestant: string,
  train: Dataset,
  repeats: number,
): Promise<Timing> {
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
    contestant,
    seconds: seconds / ((EPOCHS_PER_SAMPLE * train.x.rows) / BATCH),
    note: 'tanh on every layer (brain.js has one activation per network); per-example updates',
  };
}
