// The exported ONNX models as ONNX Runtime runs them (onnxruntime-node's native CPU runtime and
// onnxruntime-web's WebAssembly build), against deltanet's own predictions.
import type { Network } from '@deltanet/backprop';
import { createNetwork, fit, predictedClasses } from '@deltanet/backprop';
import type { ActivationPlugin, LayerPlugin, Matrix } from '@deltanet/contract';
import { applyStandardizer, fitStandardizer } from '@deltanet/data';
import { loadDigits } from '@deltanet/digits';
import { fromRows } from '@deltanet/tensor';
import fc from 'fast-check';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { modelProto } from './internal/onnx-schema';
import {
  architecture,
  hiddenActivations,
  outputPairs,
  randomInputs,
  trainedLayeredNetwork,
  wideNetwork,
} from './internal/test-networks';
import { exportOnnx } from './onnx-export';

// One thread: the machine is shared, and the web build's threads would need worker files.
ortWeb.env.wasm.numThreads = 1;

const runtimes = { 'onnxruntime-node': ortNode, 'onnxruntime-web': ortWeb } as const;
type Runtime = keyof typeof runtimes;

async function runOnnx(runtime: Runtime, bytes: Uint8Array, x: Matrix): Promise<Float32Array | Float64Array> {
  const ort = runtimes[runtime] as typeof ortNode;
  const session = await ort.InferenceSession.create(bytes);
  const type = x.data instanceof Float64Array ? 'float64' : 'float32';
  const { output } = await session.run({ input: new ort.Tensor(type, x.data, [x.rows, x.cols]) });
  await session.release();
  expect(output!.type).toBe(type);
  return output!.data as Float32Array | Float64Array;
}

// float64: ONNX Runtime and deltanet sum Gemm's products in different orders and compose the
// activations from other primitives, which moves a value by a few ulps: 1e-12 is far outside that.
// float32: the same differences at 2⁻²⁴ per operation, through up to 4 layers of sums of up to 13
// terms with weights ×3; 1e-5 (about 170 float32 ulps of 1) bounds that with room to spare and
// is still 1,000 times smaller than any error in the translation (a wrong α, bias or transpose).
const tolerance = { float64: 1e-12, float32: 1e-5 } as const;

function expectClose(actual: ArrayLike<number>, expected: Matrix, what: string) {
  const tol = expected.data instanceof Float64Array ? tolerance.float64 : tolerance.float32;
  expect(actual.length, what).toBe(expected.data.length);
  for (let i = 0; i < actual.length; i++) {
    const e = expected.data[i]!;
    const error = Math.abs(actual[i]! - e);
    if (!(error <= tol * Math.max(1, Math.abs(e)))) {
      expect.fail(`${what}: output ${i} is ${actual[i]}, deltanet predicts ${e} (error ${error})`);
    }
  }
}

describe('exportOnnx', () => {
  it('writes Θ as Gemm(x, W, b, transB = 1) with b the bias column: a worked example', async () => {
    // Θ(1) = [[0.5, 2, −3], [−1, 0.25, 4]]: z = [0.5 + 2·1 − 3·2, −1 + 0.25·1 + 4·2] = [−3.5, 7.25].
    const net = createNetwork({ layers: [2, 2], outputActivation: 'linear', loss: 'mean-squared-error' });
    net.setParams([0.5, 2, -3, -1, 0.25, 4]);
    for (const runtime of Object.keys(runtimes) as Runtime[]) {
      expect(Array.from(await runOnnx(runtime, exportOnnx(net), fromRows([[1, 2]])))).toEqual([-3.5, 7.25]);
    }
  });

  for (const runtime of Object.keys(runtimes) as Runtime[]) {
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${runtime} runs every built-in activation × output/loss pair in ${dtype} as deltanet predicts`, async () => {
        await fc.assert(
          fc.asyncProperty(architecture, async ({ layers: [inputs, hidden, outputs], rows, seed }) => {
            const layers = [inputs, ...hidden, outputs];
            const x = randomInputs(rows, inputs, dtype, seed + 1);
            for (const activation of hiddenActivations) {
              for (const pair of outputPairs) {
                const net = wideNetwork(layers, activation, pair, dtype, seed);
                const what = `${layers.join('-')} ${JSON.stringify(activation)} → ${pair.outputActivation}`;
                expectClose(await runOnnx(runtime, exportOnnx(net), x), net.predict(x), what);
              }
            }
          }),
          { numRuns: 3 },
        );
      });
    }
  }

  it('puts the input standardization in the graph: raw features in, same outputs', async () => {
    const raw = fromRows([
      [5.1, 3.5, 1.4],
      [6.2, 2.9, 4.3],
      [7.7, 3.0, 6.1],
      [4.9, 3.1, 1.5],
    ]);
    const standardization = fitStandardizer(raw);
    const net = createNetwork({
      layers: [3, 5, 3],
      activation: 'tanh',
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      seed: 4,
    });
    const bytes = exportOnnx(net, { standardization, classNames: ['a', 'b', 'c'] });
    expectClose(
      await runOnnx('onnxruntime-node', bytes, raw),
      net.predict(applyStandardizer(raw, standardization)),
      'standardized',
    );
  });

  it('predicts the same class as deltanet on all 2,000 held-out digits, in float64 and float32', async () => {
    const { train, test } = loadDigits({ seed: 1 });
    const net = createNetwork({ layers: [784, 32, 10], seed: 1 });
    await fit(net, train, {
      optimizer: { name: 'adam', options: { learningRate: 0.005 } },
      epochs: 2,
      batchSize: 64,
    });
    for (const model of [net, net.clone('float32')]) {
      const x = model.dtype === 'float64' ? test.x : toFloat32(test.x);
      const expected = predictedClasses(model.predict(x));
      for (const runtime of Object.keys(runtimes) as Runtime[]) {
        const h = await runOnnx(runtime, exportOnnx(model), x);
        const classes = predictedClasses({ rows: x.rows, cols: 10, data: h });
        const differing = expected.filter((c, i) => classes[i] !== c).length;
        expect(differing, `${runtime} ${model.dtype}: rows whose class differs`).toBe(0);
      }
    }
  });

  it('names a third-party activation it cannot translate', () => {
    const cube: ActivationPlugin = {
      kind: 'activation',
      name: 'cube',
      description: 'g(z) = z³',
      output: (z) => z ** 3,
      derivative: (z) => 3 * z * z,
      forward: (z, out) => out.data.set(z.data.map((v) => v ** 3)),
      backward: (z, _a, u, out) => out.data.set(u.data.map((v, i) => 3 * v * z.data[i]! ** 2)),
    };
    const net = createNetwork({ layers: [2, 3, 1], activation: cube });
    expect(() => exportOnnx(net)).toThrow(/activation "cube" to ONNX: it is not a built-in activation/);
  });

  it('refuses a plugin that borrows a built-in name but computes something else', () => {
    const impostor: ActivationPlugin = {
      kind: 'activation',
      name: 'tanh',
      description: 'not tanh',
      forward: (z, out) => out.data.set(z.data.map((v) => Math.atan(v))),
      backward: (z, _a, u, out) => out.data.set(u.data.map((v, i) => v / (1 + z.data[i]! ** 2))),
    };
    const net = createNetwork({ layers: [2, 3, 1], activation: impostor });
    expect(() => exportOnnx(net)).toThrow(
      /"tanh" to ONNX: its outputs differ from the built-in "tanh" formula/,
    );
  });

  it('writes batch-norm as BatchNormalization with its ε exact in double: a worked example', async () => {
    // Stack [2, batch-norm(ε = 0.1), 2] with Θ the identity and a linear output: h = γ·(x − μ)/√(σ² + ε) + β.
    // 0.1 is not a float32, so an ε attribute alone would be off by 1.5e-9 and miss 1e-12.
    const net = createNetwork({
      layers: [2, { name: 'batch-norm', options: { epsilon: 0.1 } }, 2],
      outputActivation: 'linear',
      loss: 'mean-squared-error',
    });
    net.setParams([2, -1, 0.5, 0, 0, 1, 0, 0, 0, 1]); // γ, β, then Θ = [0 | I]
    net.setState([0.5, -1, 3, 0.25]); // running mean, running variance
    const expected = [(2 * (1 - 0.5)) / Math.sqrt(3 + 0.1) + 0.5, (-1 * (2 + 1)) / Math.sqrt(0.25 + 0.1) + 0];
    for (const runtime of Object.keys(runtimes) as Runtime[]) {
      const h = await runOnnx(runtime, exportOnnx(net), fromRows([[1, 2]]));
      expected.forEach((e, j) => expect(Math.abs(h[j]! - e), `${runtime} output ${j}`).toBeLessThan(1e-15));
    }
  });

  for (const dtype of ['float64', 'float32'] as const) {
    it(`runs a trained network with dropout and batch-norm in ${dtype} as deltanet predicts, the layers where the stack has them`, async () => {
      const { net, x } = await trainedLayeredNetwork(dtype);
      // Training moved the running statistics off their start (mean 0, variance 1).
      expect(Array.from(net.state).filter((v) => v !== 0 && v !== 1).length).toBe(net.state.length);
      const bytes = exportOnnx(net);
      const model = modelProto().decode(bytes) as unknown as { graph: { node: { op_type: string }[] } };
      expect(model.graph.node.map((n) => n.op_type)).toEqual([
        ...['Gemm', 'Tanh', 'BatchNormalization'], // dropout: no node, the identity at inference
        ...['Gemm', 'Relu', 'BatchNormalization'],
        ...['Gemm', 'Softmax', 'Identity'],
      ]);
      for (const runtime of Object.keys(runtimes) as Runtime[]) {
        expectClose(await runOnnx(runtime, bytes, x), net.predict(x), `${runtime} ${dtype}`);
      }
    });
  }

  it('runs batch-norm and dropout placed right after the input, on the raw features', async () => {
    const net = createNetwork({
      layers: [3, 'batch-norm', { name: 'dropout', options: { rate: 0.4 } }, 4, 2],
      activation: 'relu',
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      seed: 6,
    });
    net.setState([0.5, -1, 2, 0.25, 4, 1.5]);
    net.setParams(Array.from(net.params, (v, i) => v + 0.1 * (i % 3)));
    const x = randomInputs(6, 3, 'float64', 9);
    for (const runtime of Object.keys(runtimes) as Runtime[]) {
      expectClose(await runOnnx(runtime, exportOnnx(net), x), net.predict(x), `${runtime} input batch-norm`);
    }
  });

  it('names a third-party layer, or one that borrows a built-in name, instead of leaving it out', () => {
    const scale = (factor: number): LayerPlugin => ({
      kind: 'layer',
      name: 'scale',
      description: 'y = factor·x',
      build: ({ inputUnits }) => ({
        outputUnits: inputUnits,
        parameters: [],
        state: [],
        saved: [],
        forward: (_c, { input, output }) => output.data.set(input.data.map((v) => factor * v)),
        backward: (_c, _p, g, _params, _grads, inputGradient) =>
          inputGradient?.data.set(g.data.map((v) => factor * v)),
      }),
    });
    const net = createNetwork({ layers: [2, 3, scale(2), 1] });
    expect(() => exportOnnx(net)).toThrow(
      /cannot export spec.layers\[2\] \(layer "scale"\) to ONNX: it is not a built-in layer.*dropout, batch-norm/,
    );
    const impostor = { ...scale(2), name: 'dropout' };
    expect(() => exportOnnx(createNetwork({ layers: [2, 3, impostor, 1] }))).toThrow(
      /spec.layers\[2\] \(layer "dropout"\) to ONNX: its inference outputs differ from the built-in "dropout" formula/,
    );
  });

  it('refuses a standardization of the wrong length, naming it', () => {
    const net = createNetwork({ layers: [2, 1] });
    expect(() => exportOnnx(net, { standardization: { mean: [0], std: [1, 1] } })).toThrow(
      /standardization.mean must list 2 numbers/,
    );
  });
});

function toFloat32(x: Matrix): Matrix {
  return { rows: x.rows, cols: x.cols, data: Float32Array.from(x.data) };
}

export type { Network };
