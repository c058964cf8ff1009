// ONNX: inference time of the exported digits network in ONNX Runtime beside deltanet's own
// predict (784-96-10 sigmoid, 2,000 rows per call), and the exported files' sizes.
import type { Network } from '@deltanet/backprop';
import { createNetwork } from '@deltanet/backprop';
import type { DType, Matrix } from '@deltanet/contract';
import { exportOnnx, exportTfjs, writeOctave } from '@deltanet/interop';
import { createRandom, zeros } from '@deltanet/tensor';
import { secondsPerCall } from '../measure';
import type { Timing } from './b2-full-batch';

const ROWS = 2000;
const LAYERS = [784, 96, 10];

/** One process per contestant (see main.ts). */
export const onnxContestants = [
  'deltanet wasm float32',
  'deltanet wasm float64',
  'onnxruntime-node float32',
  'onnxruntime-node float64',
  'onnxruntime-web float32',
  'onnxruntime-web float64',
] as const;

// Predict time does not depend on what the weights learned, so Θ is the seed-1 initialization.
function network(dtype: DType): Network {
  return createNetwork({ layers: LAYERS, dtype, seed: 1 });
}

function inputs(dtype: DType): Matrix {
  const random = createRandom(2);
  const x = zeros(ROWS, LAYERS[0]!, dtype);
  for (let i = 0; i < x.data.length; i++) x.data[i] = random.uniform();
  return x;
}

/** Seconds per 2,000-row prediction of one contestant. */
export async function runOnnx(contestant: string, repeats: number): Promise<Timing> {
  const parts = contestant.split(' ');
  const library = parts[0]!;
  const dtype = parts[parts.length - 1] as DType;
  const net = network(dtype);
  const x = inputs(dtype);
  if (library === 'deltanet') {
    return {
      contestant,
      seconds: await secondsPerCall(() => net.predict(x), { repeats, sampleSeconds: 0.2 }),
    };
  }
  const ort =
    library === 'onnxruntime-web' ? await import('onnxruntime-web') : await import('onnxruntime-node');
  // One thread for both runtimes, as for the peers elsewhere in this report.
  if (library === 'onnxruntime-web') ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(exportOnnx(net), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const input = new ort.Tensor(dtype, x.data, [x.rows, x.cols]);
  const seconds = await secondsPerCall(() => session.run({ input }), { repeats, sampleSeconds: 0.2 });
  return { contestant, seconds, note: 'one thread' };
}

/** Bytes of each exported form of the 784-96-10 network. */
export function exportedSizes(): { format: string; bytes: number }[] {
  const sizes: { format: string; bytes: number }[] = [];
  for (const dtype of ['float32', 'float64'] as const) {
    const net = network(dtype);
    sizes.push({ format: `ONNX ${dtype}`, bytes: exportOnnx(net).byteLength });
  }
  const net = network('float64');
  const { modelJson, weights } = exportTfjs(net);
  sizes.push({
    format: 'TF.js model.json + weights.bin',
    bytes: JSON.stringify(modelJson).length + weights.byteLength,
  });
  sizes.push({
    format: 'Octave text (float64, shortest round-trip)',
    bytes: new TextEncoder().encode(writeOctave(net)).byteLength,
  });
  return sizes;
}
