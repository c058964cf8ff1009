// The presets' loops run on the backend the step is lent: the same bits with the reference,
// js and wasm backends as without one, and the backend's kernel is the one called.
import type { CompleteBackend, FloatArray, MinibatchOptimizer } from '@deltanet/contract';
import { createRandom, js, reference, wasm } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { adamw } from './adamw';
import { sgd } from './sgd';

function run(
  optimizer: MinibatchOptimizer,
  dtype: 'float32' | 'float64',
  backend: CompleteBackend | undefined,
): FloatArray {
  const random = createRandom(3);
  // 3,000 parameters: past the length where wasm's Adam runs in SIMD.
  const make = () => (dtype === 'float32' ? new Float32Array(3000) : new Float64Array(3000));
  const params = make().map(() => random.uniform() - 0.5);
  const state = optimizer.init(params);
  for (let step = 0; step < 4; step++) {
    const gradient = make().map(() => random.uniform() - 0.5);
    optimizer.update(params, gradient, state, backend ? { backend } : undefined);
  }
  return params;
}

describe('an optimizer step on a backend', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    it(`gives the same bits on reference, js and wasm as with no backend (${dtype})`, () => {
      for (const optimizer of [
        adam({ learningRate: 0.01 }),
        adamw({ learningRate: 0.01 }),
        sgd({ learningRate: 0.1 }),
      ]) {
        const alone = run(optimizer, dtype, undefined);
        for (const backend of [reference, js, wasm]) {
          expect(run(optimizer, dtype, backend), `${optimizer.name} on ${backend.name}`).toEqual(alone);
        }
      }
    });
  }

  it("calls the backend's adamUpdate for Adam and its axpy for SGD", () => {
    const calls: string[] = [];
    const counting: CompleteBackend = {
      ...reference,
      name: 'counting',
      adamUpdate: (...args) => {
        calls.push('adamUpdate');
        reference.adamUpdate(...args);
      },
      axpy: (...args) => {
        calls.push('axpy');
        reference.axpy(...args);
      },
    };
    run(adam({ learningRate: 0.01 }), 'float64', counting);
    run(sgd({ learningRate: 0.1 }), 'float64', counting);
    expect(calls).toEqual([...Array(4).fill('adamUpdate'), ...Array(4).fill('axpy')]);
  });
});
