// The wasm backend's denseStep against the passes written out here in plain loops: every sum over
// p in order from 0 in float64, each stored value rounded once, activations as the contract
// defines its kernels. denseStep must give exactly these bits in both precisions, for every
// kernel and for widths that take each of its column paths (eight, two and one at a time).
import type { ActivationKernel, DenseStepArgs, DType, FloatArray } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { logistic } from '../logistic';
import { tanh } from '../math/tanh';
import { allocate } from '../matrix';
import { createRandom } from '../random';
import { wasm } from './wasm';

const DEFINITIONS: Record<
  ActivationKernel,
  [(z: number) => number, (z: number, a: number, u: number) => number]
> = {
  identity: [(z) => z, (_z, _a, u) => u],
  logistic: [logistic, (_z, a, u) => u * (a * (1 - a))],
  tanh: [tanh, (_z, a, u) => u * (1 - a * a)],
  relu: [(z) => Math.max(0, z), (z, _a, u) => u * (z > 0 ? 1 : 0)],
};

/** Random args for a network of these sizes; outputs start as NaN, so an unwritten one shows. */
function argsFor(layers: number[], kernels: ActivationKernel[], rows: number, dtype: DType, seed: number) {
  const random = createRandom(seed);
  const fill = (n: number, scale: number) => {
    const array = allocate(dtype, n);
    for (let i = 0; i < n; i++) array[i] = (random.uniform() - 0.5) * scale;
    return array;
  };
  const count = layers.slice(1).reduce((sum, s, l) => sum + s * (layers[l]! + 1), 0);
  const outputs = () => layers.slice(1).map((s) => allocate(dtype, rows * s).fill(Number.NaN));
  return {
    layers,
    kernels,
    rows,
    params: fill(count, 3),
    x: fill(rows * layers[0]!, 4),
    y: fill(rows * layers[layers.length - 1]!, 2),
    z: outputs(),
    a: outputs(),
    delta: outputs(),
    gradient: allocate(dtype, count).fill(Number.NaN),
  } satisfies DenseStepArgs;
}

/** The same evaluation in plain loops, into fresh arrays. */
function expected(args: ReturnType<typeof argsFor>) {
  const { layers, kernels, rows: m, params, x, y } = args;
  const like = (n: number) => allocate(params instanceof Float32Array ? 'float32' : 'float64', n);
  const z: FloatArray[] = [];
  const a: FloatArray[] = [];
  const delta: FloatArray[] = [];
  const gradient = like(params.length);
  const offsets: number[] = [];
  let offset = 0;
  let input: FloatArray = x;
  for (let l = 0; l + 1 < layers.length; l++) {
    const [n, units] = [layers[l]!, layers[l + 1]!];
    offsets.push(offset);
    const zl = like(m * units);
    const al = like(m * units);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < units; j++) {
        let s = 0;
        for (let p = 0; p < n; p++) s += input[i * n + p]! * params[offset + j * (n + 1) + 1 + p]!;
        zl[i * units + j] = s + params[offset + j * (n + 1)]!;
      }
    }
    const [output] = DEFINITIONS[kernels[l]!];
    for (let i = 0; i < zl.length; i++) al[i] = output(zl[i]!);
    z.push(zl);
    a.push(al);
    delta.push(like(m * units));
    input = al;
    offset += units * (n + 1);
  }
  const last = layers.length - 2;
  for (let i = 0; i < y.length; i++) delta[last]![i] = a[last]![i]! - y[i]!;
  for (let l = last; l >= 0; l--) {
    const [n, units] = [layers[l]!, layers[l + 1]!];
    const below = l === 0 ? x : a[l - 1]!;
    const d = delta[l]!;
    for (let j = 0; j < units; j++) {
      let bias = 0;
      for (let i = 0; i < m; i++) bias += d[i * units + j]!;
      gradient[offsets[l]! + j * (n + 1)] = (1 / m) * bias;
      for (let p = 0; p < n; p++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += d[i * units + j]! * below[i * n + p]!;
        gradient[offsets[l]! + j * (n + 1) + 1 + p] = (1 / m) * s;
      }
    }
    if (l === 0) break;
    const error = delta[l - 1]!;
    const [, slope] = DEFINITIONS[kernels[l - 1]!];
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < n; p++) {
        let s = 0;
        for (let j = 0; j < units; j++) s += d[i * units + j]! * params[offsets[l]! + j * (n + 1) + 1 + p]!;
        error[i * n + p] = s;
        const at = i * n + p;
        error[at] = slope(z[l - 1]![at]!, a[l - 1]![at]!, error[at]!);
      }
    }
  }
  return { z, a, delta, gradient };
}

function expectSameBits(actual: FloatArray, wanted: FloatArray, what: string): void {
  expect(actual.length, what).toBe(wanted.length);
  for (let i = 0; i < wanted.length; i++) {
    if (!Object.is(actual[i], wanted[i])) expect.fail(`${what}[${i}] = ${actual[i]}, expected ${wanted[i]}`);
  }
}

describe('wasm.denseStep', () => {
  const cases: [number[], ActivationKernel[], number][] = [
    [[2, 8, 8, 1], ['tanh', 'tanh', 'logistic'], 10],
    [[3, 9, 17, 2], ['relu', 'logistic', 'identity'], 7],
    [[5, 1, 3], ['tanh', 'relu'], 1],
    [[4, 16, 3], ['identity', 'tanh'], 13],
  ];
  for (const dtype of ['float32', 'float64'] as const) {
    it.each(cases)(
      `gives the plain loops' bits for layers %j, kernels %j, %i rows (${dtype})`,
      (layers, kernels, rows) => {
        const args = argsFor(layers, kernels, rows, dtype, layers.length + rows);
        expect(wasm.denseStep!(args)).toBe(true);
        const want = expected(args);
        for (let l = 0; l < layers.length - 1; l++) {
          expectSameBits(args.z[l]!, want.z[l]!, `z[${l}]`);
          expectSameBits(args.a[l]!, want.a[l]!, `a[${l}]`);
          expectSameBits(args.delta[l]!, want.delta[l]!, `delta[${l}]`);
        }
        expectSameBits(args.gradient, want.gradient, 'gradient');
      },
    );
  }

  it('writes into outputs that tile one buffer, and nothing beside them', () => {
    const args = argsFor([3, 5, 2], ['tanh', 'logistic'], 6, 'float32', 3);
    const want = expected(args);
    // One buffer with a sentinel on either side of the outputs' stretch.
    const sizes = [30, 30, 30, 12, 12, 12];
    const buffer = new Float32Array(2 + sizes.reduce((s, n) => s + n, 0)).fill(Number.NaN);
    buffer[0] = 7;
    buffer[buffer.length - 1] = 9;
    const starts = sizes.map((_, i) => 1 + sizes.slice(0, i).reduce((s, n) => s + n, 0));
    const [z0, a0, d0, z1, a1, d1] = sizes.map((n, i) => buffer.subarray(starts[i]!, starts[i]! + n));
    const tiled = { ...args, z: [z0!, z1!], a: [a0!, a1!], delta: [d0!, d1!] };
    expect(wasm.denseStep!(tiled)).toBe(true);
    expectSameBits(tiled.z[1]!, want.z[1]!, 'z[1]');
    expectSameBits(tiled.delta[0]!, want.delta[0]!, 'delta[0]');
    expect([buffer[0], buffer[buffer.length - 1]]).toEqual([7, 9]);
  });

  it('gives the same bits again when called twice on one args object, after a batch changes', () => {
    const args = argsFor([2, 8, 8, 1], ['tanh', 'tanh', 'logistic'], 10, 'float32', 5);
    wasm.denseStep!(args);
    args.x.reverse();
    expect(wasm.denseStep!(args)).toBe(true);
    expectSameBits(args.gradient, expected(args).gradient, 'gradient');
  });

  it('declines products its gemm would run in SIMD (4,096 multiply-adds and up), writing nothing', () => {
    const args = argsFor([64, 64, 1], ['tanh', 'logistic'], 1, 'float32', 1);
    expect(wasm.denseStep!(args)).toBe(false);
    expect(Number.isNaN(args.gradient[0]!)).toBe(true);
  });

  it('names the array that does not fit, and an unknown kernel', () => {
    const args = argsFor([2, 3, 1], ['tanh', 'logistic'], 4, 'float64', 1);
    expect(() => wasm.denseStep!({ ...args, x: new Float64Array(7) })).toThrow(ShapeError);
    expect(() => wasm.denseStep!({ ...args, x: new Float64Array(7) })).toThrow(
      /x has 7 values of 64 bits, expected 8/,
    );
    expect(() => wasm.denseStep!({ ...args, gradient: new Float32Array(13) })).toThrow(
      /gradient has 13 values of 32 bits/,
    );
    expect(() => wasm.denseStep!({ ...args, a: [args.a[0]!] })).toThrow(/one entry per weight layer/);
    const unknown = { ...args, kernels: ['tanh', 'softsign'] as unknown as ActivationKernel[] };
    expect(() => wasm.denseStep!(unknown)).toThrow(InvalidArgumentError);
    expect(() => wasm.denseStep!(unknown)).toThrow(
      /layer 2's kernel "softsign" is not one of identity, logistic, tanh, relu/,
    );
  });
});
