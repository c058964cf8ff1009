// Serving a deltanet model with ONNX Runtime in Node: train (or load) a network, export it to
// ONNX, and answer predictions from the .onnx file alone.
// Run from the repository after `pnpm install && pnpm build`:
//   node packages/interop/examples/serve-onnx-node.mjs
import { createNetwork, fit } from '@deltanet/backprop';
import { loadDigits } from '@deltanet/data/digits';
import { exportOnnx } from '@deltanet/interop';
import * as ort from 'onnxruntime-node';

const { train, test } = loadDigits({ seed: 1 });
const net = createNetwork({ layers: [784, 32, 10], seed: 1 });
await fit(net, train, {
  optimizer: { name: 'adam', options: { learningRate: 0.005 } },
  epochs: 2,
  batchSize: 64,
});
const bytes = exportOnnx(net, { classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });

// From here on only ONNX Runtime: this is what a server that never loads deltanet runs.
const session = await ort.InferenceSession.create(bytes);
const rows = 5;
const input = new ort.Tensor('float64', Float64Array.from(test.x.data.subarray(0, rows * 784)), [rows, 784]);
const { output } = await session.run({ input });
for (let i = 0; i < rows; i++) {
  const p = Array.from(output.data.subarray(i * 10, (i + 1) * 10));
  console.log(`row ${i}: digit ${p.indexOf(Math.max(...p))}`);
}
