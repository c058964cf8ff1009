// B2: J and every gradient of a 400-25-10 sigmoid/cross-entropy network with λ = 1 on 5,000
// examples (Ng's ex4 shape; inputs uniform in [0, 1] and one-hot labels, seeded): ms per
// evaluation, the gradients read back into JavaScript memory for every contestant.
import { createNetwork } from '@deltanet/backprop';
import type { DType, Matrix } from '@deltanet/contract';
import { allocate, backends, createRandom, setWasmThreads, wasmThreads, zeros } from '@deltanet/tensor';
import { secondsPerCall } from '../measure';
import { loadTf, type TfBackend } from '../peers/tfjs';

const LAYERS = [400, 25, 10];
const ROWS = 5000;
const LAMBDA = 1;

export interface Timing {
  readonly contestant: string;
  readonly seconds: number;
  readonly note?: string;
}

function data(dtype: DType): { x: Matrix; y: Matrix } {
  const random = createRandom(5);
  const x = zeros(ROWS, LAYERS[0]!, dtype);
  for (let i = 0; i < x.data.length; i++) x.data[i] = random.uniform();
  const y = zeros(ROWS, LAYERS[2]!, dtype);
  for (let i = 0; i < ROWS; i++) y.data[i * LAYERS[2]! + Math.floor(random.uniform() * LAYERS[2]!)] = 1;
  return { x, y };
}

/** One process per contestant (see main.ts): deltanet per backend and precision, then TF.js. */
export const b2Contestants = [
  'deltanet wasm float32',
  'deltanet wasm float32 one-thread',
  'deltanet js float32',
  'deltanet wasm float64',
  'deltanet js float64',
  'TF.js wasm float32',
  'TF.js cpu float32',
] as const;

/** Seconds per J + gradients evaluation of one contestant. */
export async function runB2(contestant: string, repeats: number): Promise<Timing> {
  const [library, backendName, dtype, threads] = contestant.split(' ') as [string, string, DType, string?];
  if (library === 'TF.js') return tfjs(backendName as TfBackend, repeats);
  // The default uses every core (helper threads share the large products and maps); TF.js's
  // wasm backend runs single-threaded in Node, so one thread is measured as well.
  if (threads === 'one-thread') setWasmThreads(1);
  const { x, y } = data(dtype);
  const backend = backends.find((b) => b.name === backendName)!;
  const net = createNetwork({ layers: LAYERS, lambda: LAMBDA, dtype, seed: 1 }, { backend });
  const gradient = allocate(dtype, net.parameterCount);
  // x pinned once for the run, as TF.js's xs tensor sits in its wasm heap for the whole run:
  // neither side copies the inputs per evaluation (net.gradients' own per-call pin then reuses
  // this copy; the js backend has no pin and reads x in place anyway).
  const pinned = backend.pin?.(x.data);
  try {
    const seconds = await secondsPerCall(() => net.gradients(x, y, gradient), { repeats });
    return { contestant, seconds, note: backendName === 'wasm' ? threadsNote() : undefined };
  } finally {
    pinned?.release();
  }
}

/** How many threads the wasm kernels used, for the report's note column. */
export function threadsNote(): string {
  const threads = wasmThreads();
  return threads === 1 ? 'one thread' : `${threads} threads (this one and ${threads - 1} helper)`;
}

async function tfjs(backend: TfBackend, repeats: number): Promise<Timing> {
  const tf = await loadTf(backend);
  const { x, y } = data('float32');
  const net = createNetwork({ layers: LAYERS, dtype: 'float32', seed: 1 });
  const xs = tf.tensor2d(x.data as Float32Array, [x.rows, x.cols]);
  const ys = tf.tensor2d(y.data as Float32Array, [y.rows, y.cols]);
  const w = net.thetas.map((t, l) => tf.variable(tf.randomUniform([LAYERS[l]!, t.rows], -0.12, 0.12)));
  const b = net.thetas.map((t) => tf.variable(tf.zeros([t.rows])));
  // J = (1/m) Σ cross-entropy + (λ/2m) Σ W² (biases unpenalized), as deltanet's L2 term.
  const cost = () =>
    tf.tidy(() => {
      const logits = tf.add(tf.matMul(tf.sigmoid(tf.add(tf.matMul(xs, w[0]!), b[0]!)), w[1]!), b[1]!);
      const data = tf.div(tf.losses.sigmoidCrossEntropy(ys, logits, undefined, 0, tf.Reduction.SUM), ROWS);
      const penalty = tf.mul(tf.add(tf.sum(tf.square(w[0]!)), tf.sum(tf.square(w[1]!))), LAMBDA / (2 * ROWS));
      return tf.add(data, penalty) as import('@tensorflow/tfjs-core').Scalar;
    });
  const seconds = await secondsPerCall(
    () => {
      const { value, grads } = tf.variableGrads(cost);
      value.dataSync();
      for (const g of Object.values(grads)) g.dataSync();
      value.dispose();
      tf.dispose(grads);
    },
    { repeats },
  );
  return { contestant: `TF.js ${backend} float32`, seconds };
}
