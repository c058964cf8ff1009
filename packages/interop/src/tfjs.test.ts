// TensorFlow.js as the consumer: it loads every exported LayersModel over HTTP and predicts what
// deltanet predicts; a model built and trained in TensorFlow.js imports and predicts the same.
import type { Network } from '@deltanet/backprop';
import { checkGradients, createNetwork } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import { fromRows } from '@deltanet/tensor';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from './internal/serve-files';
import {
  architecture,
  hiddenActivations,
  outputPairs,
  randomInputs,
  wideNetwork,
} from './internal/test-networks';
import { exportTfjs } from './tfjs-export';
import { importTfjs } from './tfjs-import';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** model.json and weights.bin served over HTTP and read by tf.loadLayersModel. */
async function loadInTfjs(net: Network): Promise<tfl.LayersModel> {
  const { modelJson, weights } = exportTfjs(net);
  const server = await serveFiles(
    new Map<string, Uint8Array | string>([
      ['model.json', JSON.stringify(modelJson)],
      ['weights.bin', weights],
    ]),
  );
  try {
    return await tfl.loadLayersModel(server.url('model.json'));
  } finally {
    await server.close();
  }
}

function tfjsPredict(model: tfl.LayersModel, x: Matrix): Float32Array {
  return tf.tidy(
    () =>
      (
        model.predict(tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols])) as tf.Tensor
      ).dataSync() as Float32Array,
  );
}

// TensorFlow.js computes in float32 with its own summation order and kernels (its swish, gelu_new
// and softplus are other formulas for the same functions): float32 rounding through a few layers,
// the same 1e-5 bound as the ONNX float32 tests.
function expectClose(actual: ArrayLike<number>, expected: Matrix, what: string) {
  expect(actual.length, what).toBe(expected.data.length);
  for (let i = 0; i < actual.length; i++) {
    const e = expected.data[i]!;
    if (!(Math.abs(actual[i]! - e) <= 1e-5 * Math.max(1, Math.abs(e)))) {
      expect.fail(`${what}: output ${i} is ${actual[i]}, deltanet predicts ${e}`);
    }
  }
}

describe('exportTfjs', () => {
  it('TensorFlow.js loads every exported model and predicts as deltanet does', async () => {
    await fc.assert(
      fc.asyncProperty(architecture, async ({ layers: [inputs, hidden, outputs], rows, seed }) => {
        const layers = [inputs, ...hidden, outputs];
        for (const dtype of ['float32', 'float64'] as const) {
          const x = randomInputs(rows, inputs, dtype, seed + 1);
          for (const activation of hiddenActivations) {
            for (const pair of outputPairs) {
              const net = wideNetwork(layers, activation, pair, dtype, seed);
              const what = `${dtype} ${layers.join('-')} ${JSON.stringify(activation)} → ${pair.outputActivation}`;
              if (
                activation === 'gelu' ||
                (typeof activation === 'object' && ['swish', 'elu'].includes(activation.name))
              ) {
                expect(() => exportTfjs(net), what).toThrow(
                  /has (ELU with α|swish with β) = 1 only|cannot load its tanh-approximated GELU/,
                );
                continue;
              }
              const model = await loadInTfjs(net);
              expectClose(tfjsPredict(model, x), net.predict(x), what);
              model.dispose();
            }
          }
        }
      }),
      { numRuns: 2 },
    );
  });

  it('round-trips a float32 network bit for bit through exportTfjs and importTfjs', () => {
    const net = createNetwork({
      layers: [4, 6, 5, 3],
      activation: [{ name: 'leaky-relu', options: { alpha: 0.2 } }, 'softplus'],
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      dtype: 'float32',
      seed: 9,
    });
    const { modelJson, weights } = exportTfjs(net);
    const back = importTfjs(JSON.parse(JSON.stringify(modelJson)), weights, { dtype: 'float32' });
    expect(back.layers).toEqual([4, 6, 5, 3]);
    expect(back.activations.map((a) => [a.name, a.options])).toEqual(
      net.activations.map((a) => [a.name, a.options]),
    );
    expect(back.loss.name).toBe('softmax-cross-entropy');
    expect(Array.from(back.params)).toEqual(Array.from(net.params));
  });
});

describe('importTfjs', () => {
  it('imports a model built and trained in TensorFlow.js: same predictions, and its gradients check', async () => {
    // XOR-like data: 4 inputs, 3 classes, trained by TensorFlow.js itself.
    const xs = [
      [0, 0, 1, 0.5],
      [1, 0, 0, -0.5],
      [0, 1, 1, 0],
      [1, 1, 0, 1],
      [0.5, 0.2, 0.1, 0],
      [0.9, 0.8, 0.3, -1],
      [0.1, 0.9, 0.7, 0.2],
      [0.3, 0.3, 0.9, 0.8],
    ];
    const labels = [0, 1, 2, 0, 1, 2, 0, 1];
    const ys = labels.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 8, inputShape: [4], activation: 'tanh' }));
    model.add(tfl.layers.dense({ units: 6, activation: 'linear' }));
    model.add(tfl.layers.leakyReLU({ alpha: 0.1 }));
    model.add(tfl.layers.dropout({ rate: 0.1 }));
    model.add(tfl.layers.dense({ units: 3, activation: 'softmax' }));
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' });
    await model.fit(tf.tensor2d(xs), tf.tensor2d(ys), { epochs: 20, verbose: 0 });

    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    // model.json as tfjs writes it: the topology plus a manifest of the weight specs.
    const modelJson = {
      ...saved!,
      weightsManifest: [{ paths: ['weights.bin'], weights: saved!.weightSpecs }],
    };
    const weights = new Uint8Array(saved!.weightData as ArrayBuffer);
    const net = importTfjs(
      JSON.parse(JSON.stringify({ ...modelJson, weightData: undefined, weightSpecs: undefined })),
      weights,
    );

    expect(net.layers).toEqual([4, 8, 6, 3]);
    expect(net.activations.map((a) => a.name)).toEqual(['tanh', 'leaky-relu', 'softmax']);
    const x = fromRows(xs);
    expectClose(tfjsPredict(model, x), net.predict(x), 'trained in TensorFlow.js');
    // The CLI's gradcheck passes below 1e-6; a wrong import (a transposed kernel, a lost bias)
    // changes predictions long before it could change this.
    const report = checkGradients(net, x, fromRows(ys));
    expect(report.relativeDifference).toBeLessThan(1e-7);
  });

  it('names a layer it cannot import', () => {
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 4, inputShape: [3] }));
    model.add(tfl.layers.batchNormalization({}));
    const topology = model.toJSON(null, false) as object;
    expect(() => importTfjs({ modelTopology: topology, weightsManifest: [] }, new Uint8Array())).toThrow(
      /layers\[1\]: layer "batch_normalization\w*" \(BatchNormalization\) has no deltanet form/,
    );
  });

  it("names Keras' exact gelu, which deltanet does not have", () => {
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 2, inputShape: [3], activation: 'gelu' }));
    expect(() =>
      importTfjs({ modelTopology: model.toJSON(null, false), weightsManifest: [] }, new Uint8Array()),
    ).toThrow(/activation "gelu" has no deltanet plugin \(deltanet's gelu is the tanh approximation/);
  });

  it('refuses weight data of the wrong length, saying how long it should be', () => {
    const net = createNetwork({ layers: [2, 3, 1], dtype: 'float32' });
    const { modelJson, weights } = exportTfjs(net);
    expect(() => importTfjs(modelJson, weights.subarray(0, 20))).toThrow(
      /ends at byte 24, but the weight data has 20 bytes/,
    );
  });
});
