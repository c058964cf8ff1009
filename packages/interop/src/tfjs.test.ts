// TensorFlow.js as the consumer: it loads every exported LayersModel over HTTP and predicts what
// deltanet predicts; a model built and trained in TensorFlow.js imports and predicts the same.
import type { Network } from '@deltanet/backprop';
import { checkGradients, createNetwork, describeSpec } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import { createRandom, fromRows } from '@deltanet/tensor';
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
  trainedLayeredNetwork,
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

/** model.json as tfjs writes it (the topology plus a manifest of the weight specs) and the weight bytes. */
async function savedByTfjs(model: tfl.LayersModel): Promise<{ modelJson: unknown; weights: Uint8Array }> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const { weightData: _data, weightSpecs, ...rest } = saved!;
  return {
    modelJson: JSON.parse(
      JSON.stringify({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] }),
    ),
    weights: new Uint8Array(saved!.weightData as ArrayBuffer),
  };
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

describe('exportTfjs and importTfjs with dropout and batch-norm', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`TensorFlow.js loads a trained ${dtype} network with Dropout and BatchNormalization and predicts as deltanet does`, async () => {
      const { net, x } = await trainedLayeredNetwork(dtype);
      const model = await loadInTfjs(net);
      expect(model.layers.map((layer) => layer.getClassName())).toEqual([
        ...['Dense', 'Dropout', 'BatchNormalization'],
        ...['Dense', 'BatchNormalization', 'Dense'],
      ]);
      expect(model.layers[1]!.getConfig()).toMatchObject({ rate: 0.25 });
      expect(model.layers[4]!.getConfig()).toMatchObject({ momentum: 0.8, epsilon: 0.01 });
      expectClose(tfjsPredict(model, x), net.predict(x), dtype);
      model.dispose();
    });
  }

  it('round-trips a trained float32 network with its stack, parameters and running statistics bit for bit', async () => {
    const { net, x } = await trainedLayeredNetwork('float32');
    const { modelJson, weights } = exportTfjs(net);
    const back = importTfjs(JSON.parse(JSON.stringify(modelJson)), weights, { dtype: 'float32' });
    expect(describeSpec(back.spec).layers).toEqual(describeSpec(net.spec).layers);
    expect(Array.from(back.params)).toEqual(Array.from(net.params));
    expect(Array.from(back.state)).toEqual(Array.from(net.state));
    expect(Array.from(back.predict(x).data)).toEqual(Array.from(net.predict(x).data));
  });

  it('a dropout layer first, right after the input, exports and imports', async () => {
    const net = createNetwork({
      layers: [3, { name: 'dropout', options: { rate: 0.2 } }, 4, 2],
      dtype: 'float32',
      seed: 2,
    });
    const x = randomInputs(5, 3, 'float32', 3);
    const model = await loadInTfjs(net);
    expect(model.layers.map((layer) => layer.getClassName())).toEqual(['Dropout', 'Dense', 'Dense']);
    expectClose(tfjsPredict(model, x), net.predict(x), 'input dropout');
    model.dispose();
    const { modelJson, weights } = exportTfjs(net);
    expect(describeSpec(importTfjs(modelJson, weights).spec).layers).toEqual([
      3,
      { name: 'dropout', options: { rate: 0.2 } },
      4,
      2,
    ]);
  });

  it('imports a model with BatchNormalization and Dropout trained in TensorFlow.js: same stack and predictions', async () => {
    const random = createRandom(8);
    const xs = Array.from({ length: 32 }, () => Array.from({ length: 3 }, () => 4 * random.uniform() - 1));
    const ys = xs.map(([a, b, c]) => [a! * b! - c! > 0 ? 1 : 0]);
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 6, inputShape: [3], activation: 'relu' }));
    model.add(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 0.002 }));
    model.add(tfl.layers.dropout({ rate: 0.3 }));
    model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid' }));
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
    await model.fit(tf.tensor2d(xs), tf.tensor2d(ys), { epochs: 15, batchSize: 8, verbose: 0 });
    const { modelJson, weights } = await savedByTfjs(model);
    const net = importTfjs(modelJson, weights);

    expect(describeSpec(net.spec).layers).toEqual([
      3,
      6,
      { name: 'batch-norm', options: { momentum: 0.9, epsilon: 0.002 } },
      { name: 'dropout', options: { rate: 0.3 } },
      1,
    ]);
    // TensorFlow.js moved its moving statistics away from 0 and 1; they came across as the state.
    expect(Array.from(net.state).every((v) => v !== 0 && v !== 1)).toBe(true);
    const x = fromRows(xs);
    expectClose(tfjsPredict(model, x), net.predict(x), 'trained in TensorFlow.js');
  });

  it('names an activation layer placed after a BatchNormalization, which deltanet cannot express', () => {
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 4, inputShape: [3] }));
    model.add(tfl.layers.batchNormalization({}));
    model.add(tfl.layers.activation({ activation: 'relu' }));
    model.add(tfl.layers.dense({ units: 1 }));
    expect(() =>
      importTfjs({ modelTopology: model.toJSON(null, false), weightsManifest: [] }, new Uint8Array()),
    ).toThrow(
      /layers\[2\]: layer "activation\w*" \(Activation\) follows layer "batch_normalization\w*" \(BatchNormalization\); deltanet applies an activation only right after its Dense layer/,
    );
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

    const { modelJson, weights } = await savedByTfjs(model);
    const net = importTfjs(modelJson, weights);

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
    model.add(tfl.layers.layerNormalization({}));
    const topology = model.toJSON(null, false) as object;
    expect(() => importTfjs({ modelTopology: topology, weightsManifest: [] }, new Uint8Array())).toThrow(
      /layers\[1\]: layer "layer_normalization\w*" \(LayerNormalization\) has no deltanet form; layers that import: InputLayer, Dense, Dropout, BatchNormalization/,
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
