// Preallocated buffers for one batch size: z(l), a(l) and δ(l) of every layer, so forward and
// backward passes allocate nothing. A network keeps one per batch size for its few newest sizes.
import type { DenseStepArgs, DType, GemmArgs, Matrix } from '@deltanet/contract';
import { allocate, matrix, zeros } from '@deltanet/tensor';
import type { StackLayer } from './stack';

/** A non-dense layer's buffers for one batch: its pass (input set before each forward) and ∂/∂output. */
export interface LayerBuffers {
  /** The matrices its forward and backward receive; `input` points at the layer below's output. */
  readonly pass: { input: Matrix; readonly output: Matrix; readonly saved: readonly Matrix[] };
  /** ∂(Σℓ)/∂output, written by the layer above during backward. */
  readonly outputGradient: Matrix;
}

/** Buffers for a batch of `rows` examples. Index l runs over weight layers 0..L−2. */
export interface Workspace {
  readonly rows: number;
  /** z(l+2) = [1, a(l+1)]·Θ(l+1)ᵀ, rows × s(l+2). */
  readonly z: readonly Matrix[];
  /** a(l+2) = g(z(l+2)). */
  readonly a: readonly Matrix[];
  /** δ(l+2), the error of layer l+2's units. */
  readonly delta: readonly Matrix[];
  /** ∂ℓ/∂h for losses without a fused delta. */
  readonly outputGradient: Matrix;
  /** One GemmArgs the passes refill before every product, so they allocate no argument objects. */
  readonly gemm: { -readonly [K in keyof GemmArgs]: GemmArgs[K] };
  /** One DenseStepArgs over this workspace's z, a and δ, refilled before every fused evaluation. */
  readonly dense: { -readonly [K in keyof DenseStepArgs]: DenseStepArgs[K] };
  /** D(l) as views into the last gradient buffer seen, rebuilt only when the buffer changes. */
  gradientViews: { buffer: Matrix['data'] | undefined; views: Matrix[]; layerViews: Matrix[][] };
  /** Per stack layer (the network's `stack` order): buffers of non-dense layers, undefined for dense ones. */
  readonly layers: readonly (LayerBuffers | undefined)[];
}

const empty = new Float64Array(0);

/**
 * Allocates the buffers of a network with these dense layer sizes for `rows` examples, and of
 * the non-dense layers of its `stack` when given.
 */
export function createWorkspace(
  layers: readonly number[],
  rows: number,
  dtype: DType,
  stack: readonly StackLayer[] = [],
): Workspace {
  const units = layers.slice(1);
  // z, a and δ of every layer tile one buffer, layer by layer, so that a backend's denseStep
  // can bring them all back from its own memory in one copy.
  const block = allocate(dtype, 3 * rows * units.reduce((sum, s) => sum + s, 0));
  let next = 0;
  const take = (s: number) => {
    const from = next;
    next += rows * s;
    return matrix(rows, s, block.subarray(from, next));
  };
  const z: Matrix[] = [];
  const a: Matrix[] = [];
  const delta: Matrix[] = [];
  for (const s of units) {
    z.push(take(s));
    a.push(take(s));
    delta.push(take(s));
  }
  return {
    rows,
    z,
    a,
    delta,
    outputGradient: zeros(rows, units[units.length - 1]!, dtype),
    gemm: {
      ...{ transA: false, transB: false, m: 0, n: 0, k: 0, alpha: 1, beta: 0 },
      ...{ a: empty, aOffset: 0, lda: 0, b: empty, bOffset: 0, ldb: 0, c: empty, cOffset: 0, ldc: 0 },
    },
    dense: {
      ...{ layers, kernels: [], rows, params: empty, x: empty, y: empty, gradient: empty },
      ...{ z: z.map((m) => m.data), a: a.map((m) => m.data), delta: delta.map((m) => m.data) },
    },
    gradientViews: { buffer: undefined, views: [], layerViews: [] },
    layers: stack.map((layer) =>
      layer.dense !== undefined
        ? undefined
        : {
            pass: {
              // Points at the layer below's output before every forward; no buffer of its own.
              input: zeros(0, layer.inputUnits, dtype),
              output: zeros(rows, layer.outputUnits, dtype),
              saved: layer.built.saved.map((width) => zeros(rows, width, dtype)),
            },
            outputGradient: zeros(rows, layer.outputUnits, dtype),
          },
    ),
  };
}
