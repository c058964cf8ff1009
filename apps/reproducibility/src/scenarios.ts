// Training runs that between them use every built-in transcendental and every kernel path:
// sigmoid, tanh, relu, softmax, gelu and elu layers; float32 and float64; SGD, Adam and
// conjugate gradient; small networks that take the fused `denseStep`, larger ones whose products
// run in the wasm SIMD kernel, and full batches large enough to be shared with helper threads;
// two train on @deltanet/data's circle and spiral, whose points come from sin and cos.

import type { FitOptions, NetworkSpec } from '@deltanet/backprop';
import { createNetwork, fit, serializeNetwork } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import { circle, spiral } from '@deltanet/data';
import { createRandom, js, matrix } from '@deltanet/tensor';

/** One seeded training run. */
export interface Scenario {
  readonly name: string;
  /** What it covers, for failure messages. */
  readonly covers: string;
  readonly spec: NetworkSpec;
  readonly fit: FitOptions;
  readonly rows: number;
  /** A playground set of @deltanet/data (drawn with the scenario's seed) instead of syntheticData. */
  readonly playground?: 'circle' | 'spiral';
  /** True when the `js` backend must give the same model file as the default `wasm` one. */
  readonly backendsAgree: boolean;
}

export const scenarios: readonly Scenario[] = [
  {
    name: 'fused-tanh-relu-sgd-f64',
    covers:
      'denseStep (every product < 4,096 multiply-adds), tanh, relu, σ output, float64, SGD with momentum',
    spec: { layers: [2, 8, 8, 1], activation: ['tanh', 'relu'], dtype: 'float64', seed: 11 },
    fit: {
      optimizer: { name: 'sgd', options: { learningRate: 0.3, momentum: 0.9 } },
      epochs: 20,
      batchSize: 10,
    },
    rows: 200,
    backendsAgree: true,
  },
  {
    name: 'fused-sigmoid-tanh-adam-f32',
    covers: 'denseStep in float32 (the cheaper float32 tanh), σ, Adam',
    spec: { layers: [2, 8, 8, 1], activation: ['sigmoid', 'tanh'], dtype: 'float32', seed: 12 },
    fit: { optimizer: { name: 'adam', options: { learningRate: 0.02 } }, epochs: 20, batchSize: 10 },
    rows: 200,
    backendsAgree: true,
  },
  {
    name: 'spiral-tanh-sgd-f64',
    covers: "@deltanet/data's spiral (sin, cos) under denseStep, tanh, float64, SGD",
    spec: { layers: [2, 8, 8, 1], activation: 'tanh', dtype: 'float64', seed: 14 },
    fit: { optimizer: { name: 'sgd', options: { learningRate: 0.1 } }, epochs: 10, batchSize: 10 },
    rows: 200,
    playground: 'spiral',
    backendsAgree: true,
  },
  {
    name: 'circle-relu-adam-f64',
    covers: "@deltanet/data's circle (sin, cos, hypot for the noisy labels), relu, Adam",
    spec: { layers: [2, 8, 1], activation: 'relu', dtype: 'float64', seed: 15 },
    fit: { optimizer: { name: 'adam', options: { learningRate: 0.02 } }, epochs: 10, batchSize: 10 },
    rows: 200,
    playground: 'circle',
    backendsAgree: true,
  },
  {
    name: 'gelu-elu-softmax-adam-f64',
    covers:
      'gelu, elu (expm1), softmax (exp) with softmax-cross-entropy (log), SIMD gemm, glorot-normal (log, cos)',
    spec: {
      layers: [16, 32, 24, 4],
      activation: ['gelu', 'elu'],
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      initializer: 'glorot-normal',
      // float64: float32 storage would round most one-ulp differences of an engine's exp away.
      dtype: 'float64',
      seed: 13,
    },
    fit: { optimizer: { name: 'adam', options: { learningRate: 0.01 } }, epochs: 6, batchSize: 64 },
    rows: 512,
    backendsAgree: false,
  },
  {
    name: 'softplus-swish-sgd-f64',
    covers: 'softplus (log1p, exp), swish, cross-entropy (log, log1p), L2 penalty, float64, SGD',
    spec: {
      layers: [16, 24, 12, 3],
      activation: ['softplus', 'swish'],
      lambda: 0.5,
      initializer: 'he-normal',
      dtype: 'float64',
      seed: 14,
    },
    fit: { optimizer: { name: 'sgd', options: { learningRate: 0.1 } }, epochs: 6, batchSize: 32 },
    rows: 512,
    backendsAgree: false,
  },
  {
    name: 'threaded-sigmoid-tanh-cg-f64',
    covers:
      'conjugate gradient over full batches whose products (2²⁴ multiply-adds) and maps are shared with helper threads',
    spec: { layers: [64, 128, 10], activation: 'tanh', dtype: 'float64', seed: 15 },
    fit: { optimizer: { name: 'conjugate-gradient' }, epochs: 4 },
    rows: 2048,
    backendsAgree: false,
  },
  {
    name: 'threaded-relu-softmax-adam-f32',
    covers: 'full-batch Adam in float32 with shared products, relu, softmax',
    spec: {
      layers: [64, 128, 10],
      activation: 'relu',
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      dtype: 'float32',
      seed: 16,
    },
    fit: { optimizer: { name: 'adam', options: { learningRate: 0.005 } }, epochs: 4, batchSize: 'full' },
    rows: 2048,
    backendsAgree: false,
  },
];

/**
 * x uniform in [−1, 1]^n from the seed; the class is the largest of K fixed random linear
 * functions of x plus a product term (a boundary no single layer draws), one-hot for K > 1 and
 * 0/1 for one output.
 */
export function syntheticData(
  rows: number,
  inputs: number,
  outputs: number,
  seed: number,
): { x: Matrix; y: Matrix } {
  const random = createRandom(seed);
  const x = new Float64Array(rows * inputs).map(() => 2 * random.uniform() - 1);
  const classes = Math.max(outputs, 2);
  const w = Array.from({ length: classes * inputs }, () => 2 * random.uniform() - 1);
  const y = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      let score = x[r * inputs + (c % inputs)]! * x[r * inputs + ((c + 1) % inputs)]!;
      for (let i = 0; i < inputs; i++) score += w[c * inputs + i]! * x[r * inputs + i]!;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (outputs === 1) y[r] = best;
    else y[r * outputs + best] = 1;
  }
  return { x: matrix(rows, inputs, x), y: matrix(rows, outputs, y) };
}

/**
 * Trains one scenario from its seeds and returns the model file. `backend: 'js'` trains on the
 * js backend instead of the default.
 */
export async function trainScenario(scenario: Scenario, backend?: 'js'): Promise<string> {
  const { layers } = scenario.spec;
  const seed = scenario.spec.seed ?? 0;
  const generate = scenario.playground === 'spiral' ? spiral : circle;
  const data = scenario.playground
    ? generate({ samples: scenario.rows, noise: 0.2, seed })
    : syntheticData(scenario.rows, layers[0]!, layers[layers.length - 1]!, seed);
  const dtype = scenario.spec.dtype ?? 'float64';
  const convert = (m: Matrix): Matrix =>
    dtype === 'float32' ? matrix(m.rows, m.cols, Float32Array.from(m.data)) : m;
  const net = createNetwork(scenario.spec, backend === 'js' ? { backend: js } : {});
  await fit(net, { x: convert(data.x), y: convert(data.y) }, scenario.fit);
  return serializeNetwork(net);
}

/** Every scenario's model file, by name. */
export async function trainAll(backend?: 'js'): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const scenario of scenarios) files[scenario.name] = await trainScenario(scenario, backend);
  return files;
}
