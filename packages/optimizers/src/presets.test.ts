// The named optimizers, now chains of transforms, against plain loops of the formulas the
// optimizers of earlier releases ran (written here, not imported): the same Θ after N steps,
// bit for bit, in both precisions, below and above the fused Adam kernel's wasm threshold.
import type { DType, FloatArray, MinibatchOptimizer } from '@deltanet/contract';
import { allocate, createRandom, pow } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamw } from './adamw';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

type Reference = (params: FloatArray, gradient: FloatArray, t: number) => void;

/** A plain loop with its state in arrays of the parameters' precision, as the old code kept it. */
function references(dtype: DType, n: number) {
  const array = () => allocate(dtype, n);
  const sgdPlain =
    (alpha: number): Reference =>
    (p, g) => {
      for (let i = 0; i < n; i++) p[i] = p[i]! + -alpha * g[i]!;
    };
  const momentum = (alpha: number, mu: number, nesterov: boolean): Reference => {
    const v = array();
    return (p, g) => {
      for (let i = 0; i < n; i++) {
        v[i] = mu * v[i]! + g[i]!;
        p[i] = p[i]! - alpha * (nesterov ? g[i]! + mu * v[i]! : v[i]!);
      }
    };
  };
  const adamLoop = (alpha: number, b1: number, b2: number, eps: number, lambda: number): Reference => {
    const m = array();
    const v = array();
    const decay = 1 - alpha * lambda;
    return (p, g, t) => {
      const root2 = Math.sqrt(1 - pow(b2, t));
      const stepSize = (alpha / (1 - pow(b1, t))) * root2;
      const epsHat = eps * root2;
      for (let i = 0; i < n; i++) {
        m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
        v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
        p[i] = decay * p[i]! - (stepSize * m[i]!) / (Math.sqrt(v[i]!) + epsHat);
      }
    };
  };
  const rms = (alpha: number, rho: number, eps: number, mu: number, centered: boolean): Reference => {
    const sq = array();
    const avg = array();
    const buf = array();
    return (p, g) => {
      for (let i = 0; i < n; i++) {
        sq[i] = rho * sq[i]! + (1 - rho) * g[i]! * g[i]!;
        let s = sq[i]!;
        if (centered) {
          avg[i] = rho * avg[i]! + (1 - rho) * g[i]!;
          s -= avg[i]! * avg[i]!;
        }
        const scaled = g[i]! / (Math.sqrt(s) + eps);
        if (mu > 0) {
          buf[i] = mu * buf[i]! + scaled;
          p[i] = p[i]! - alpha * buf[i]!;
        } else p[i] = p[i]! - alpha * scaled;
      }
    };
  };
  const adagradLoop = (alpha: number, eps: number, g0: number): Reference => {
    const sum = array().fill(g0);
    return (p, g) => {
      for (let i = 0; i < n; i++) {
        sum[i] = sum[i]! + g[i]! * g[i]!;
        p[i] = p[i]! - alpha * (g[i]! / (Math.sqrt(sum[i]!) + eps));
      }
    };
  };
  return { sgdPlain, momentum, adamLoop, rms, adagradLoop };
}

const cases: [string, () => MinibatchOptimizer, (r: ReturnType<typeof references>) => Reference][] = [
  ['sgd', () => sgd({ learningRate: 0.05 }), (r) => r.sgdPlain(0.05)],
  ['sgd momentum', () => sgd({ learningRate: 0.05, momentum: 0.9 }), (r) => r.momentum(0.05, 0.9, false)],
  [
    'sgd Nesterov',
    () => sgd({ learningRate: 0.05, momentum: 0.8, nesterov: true }),
    (r) => r.momentum(0.05, 0.8, true),
  ],
  ['adam', () => adam({ learningRate: 0.01 }), (r) => r.adamLoop(0.01, 0.9, 0.999, 1e-8, 0)],
  [
    'adamw',
    () => adamw({ learningRate: 0.01, weightDecay: 0.1, beta1: 0.8 }),
    (r) => r.adamLoop(0.01, 0.8, 0.999, 1e-8, 0.1),
  ],
  ['rmsprop', () => rmsprop({ learningRate: 0.01 }), (r) => r.rms(0.01, 0.99, 1e-8, 0, false)],
  [
    'rmsprop centered with momentum',
    () => rmsprop({ learningRate: 0.01, momentum: 0.5, centered: true }),
    (r) => r.rms(0.01, 0.99, 1e-8, 0.5, true),
  ],
  [
    'adagrad',
    () => adagrad({ learningRate: 0.1, initialAccumulator: 0.1 }),
    (r) => r.adagradLoop(0.1, 1e-10, 0.1),
  ],
];

function bytes(a: FloatArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

describe.each(['float64', 'float32'] as const)('presets in %s equal the plain loops bit for bit', (dtype) => {
  // 7 runs the JavaScript loops; 3000 crosses the fused Adam kernel's wasm threshold (2048).
  it.each(cases)('%s', (_, make, reference) => {
    for (const n of [7, 3000]) {
      const random = createRandom(n);
      const start = allocate(dtype, n).map(() => random.uniform() * 2 - 1);
      const ours = start.slice();
      const theirs = start.slice();
      const optimizer = make();
      const state = optimizer.init(ours);
      const step = reference(references(dtype, n));
      const gradient = allocate(dtype, n);
      for (let t = 1; t <= 25; t++) {
        for (let i = 0; i < n; i++) gradient[i] = random.uniform() * 2 - 1;
        optimizer.update(ours, gradient, state);
        step(theirs, gradient, t);
      }
      expect(bytes(ours)).toEqual(bytes(theirs));
    }
  });
});
