// One gemm suite for every built-in backend (and the wasm kernel without its small-product
// shortcut): results within the storage precision's rounding of a float64 oracle written here,
// for every transposition, offset, stride, α and β, on shapes that cross the kernels' blocks.
import type { BackendPlugin, DType, FloatArray, GemmArgs } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { backends } from './index';
import { gemmInWasm, wasm } from './wasm';

const suites: BackendPlugin[] = [
  ...backends,
  { ...wasm, name: 'wasm (kernel at every size)', gemm: gemmInWasm },
  // Both operands resident (pinned whole, NaN margins included): read in place, not copied.
  { ...wasm, name: 'wasm (kernel at every size, A and B pinned)', gemm: pinnedGemm },
];

function pinnedGemm(args: GemmArgs): void {
  const pinnedA = wasm.pin!(args.a);
  const pinnedB = wasm.pin!(args.b);
  try {
    gemmInWasm(args);
  } finally {
    pinnedA.release();
    pinnedB.release();
  }
}

interface Shape {
  transA: boolean;
  transB: boolean;
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  offsets: readonly [number, number, number];
  pads: readonly [number, number, number];
  dtype: DType;
  seed: number;
}

const SENTINEL = 7777;

/**
 * Runs `backend` on random operands placed inside larger buffers (NaN around A and B, so a
 * read outside the block poisons C; a sentinel around C, so a write outside it shows) and
 * checks every element against Σ computed in float64 from the stored values.
 */
function agreesWithOracle(backend: BackendPlugin, s: Shape): void {
  const random = createRandom(s.seed);
  const make = (length: number, fill: number): FloatArray => {
    const data = s.dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
    return data.fill(fill);
  };
  const [aRows, aCols] = s.transA ? [s.k, s.m] : [s.m, s.k];
  const [bRows, bCols] = s.transB ? [s.n, s.k] : [s.k, s.n];
  const [lda, ldb, ldc] = [aCols + s.pads[0], bCols + s.pads[1], s.n + s.pads[2]];
  const a = make(s.offsets[0] + aRows * lda + 2, Number.NaN);
  const b = make(s.offsets[1] + bRows * ldb + 2, Number.NaN);
  const c = make(s.offsets[2] + s.m * ldc + 2, SENTINEL);
  const fill = (x: FloatArray, offset: number, rows: number, cols: number, ld: number) => {
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) x[offset + i * ld + j] = random.uniform() * 4 - 2;
  };
  fill(a, s.offsets[0], aRows, aCols, lda);
  fill(b, s.offsets[1], bRows, bCols, ldb);
  fill(c, s.offsets[2], s.m, s.n, ldc);
  // β = 0 must ignore C entirely: poison one element the product overwrites.
  if (s.beta === 0 && s.m > 0 && s.n > 0) c[s.offsets[2]] = Number.NaN;
  const before = c.slice();
  const opA = (i: number, p: number) => a[s.offsets[0] + (s.transA ? p * lda + i : i * lda + p)]!;
  const opB = (p: number, j: number) => b[s.offsets[1] + (s.transB ? j * ldb + p : p * ldb + j)]!;
  backend.gemm({
    ...s,
    a,
    aOffset: s.offsets[0],
    lda,
    b,
    bOffset: s.offsets[1],
    ldb,
    c,
    cOffset: s.offsets[2],
    ldc,
  });
  // Rounding bound: each of k products and sums and the α, β steps rounds once in the storage
  // precision, so the error is at most (k + 3)·u·(|α|·Σ|a||b| + |β·c|), u the unit roundoff.
  const u = s.dtype === 'float32' ? 2 ** -24 : 2 ** -53;
  for (let i = 0; i < s.m; i++) {
    for (let j = 0; j < s.n; j++) {
      let sum = 0;
      let magnitude = 0;
      for (let p = 0; p < s.k; p++) {
        sum += opA(i, p) * opB(p, j);
        magnitude += Math.abs(opA(i, p) * opB(p, j));
      }
      const old = before[s.offsets[2] + i * ldc + j]!;
      const expected = s.alpha * sum + (s.beta === 0 ? 0 : s.beta * old);
      const scaled = s.beta === 0 ? 0 : Math.abs(s.beta * old);
      const bound = (s.k + 3) * u * (Math.abs(s.alpha) * magnitude + scaled) + 1e-300;
      const actual = c[s.offsets[2] + i * ldc + j]!;
      if (!(Math.abs(actual - expected) <= bound)) {
        expect.fail(`C[${i}, ${j}] = ${actual}, expected ${expected} ± ${bound} for ${JSON.stringify(s)}`);
      }
    }
  }
  for (let at = 0; at < c.length; at++) {
    const rel = at - s.offsets[2];
    const [i, j] = [Math.floor(rel / ldc), rel % ldc];
    if (!(rel >= 0 && i < s.m && j < s.n) && c[at] !== SENTINEL)
      expect.fail(`C[${at}] outside the block changed`);
  }
}

const shapes = (max: { m: number; n: number; k: number }) =>
  fc.record({
    transA: fc.boolean(),
    transB: fc.boolean(),
    m: fc.integer({ min: 0, max: max.m }),
    n: fc.integer({ min: 0, max: max.n }),
    k: fc.integer({ min: 0, max: max.k }),
    alpha: fc.constantFrom(1, -0.5, 1 / 3),
    beta: fc.constantFrom(0, 1, 0.25),
    offsets: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)),
    pads: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)),
    dtype: fc.constantFrom<DType>('float32', 'float64'),
    seed: fc.integer(),
  });

for (const backend of suites) {
  describe(`${backend.name} gemm`, () => {
    it('supports both precisions here (Node 20 has WebAssembly SIMD128)', () => {
      expect(backend.supports('float32')).toBe(true);
      expect(backend.supports('float64')).toBe(true);
    });

    it('is within rounding of the float64 sum on small random shapes, strides and scalars', () => {
      fc.assert(
        fc.property(shapes({ m: 13, n: 19, k: 17 }), (s) => agreesWithOracle(backend, s)),
        { numRuns: 300 },
      );
    });

    it('is within rounding on shapes that cross the packing blocks (KC 256, MC 128, NC 512)', () => {
      for (const [transA, transB] of [
        [false, false],
        [false, true],
        [true, false],
        [true, true],
      ] as const) {
        for (const dtype of ['float32', 'float64'] as const) {
          for (const [m, n] of [
            [131, 10],
            [5, 517],
          ]) {
            agreesWithOracle(backend, {
              ...{ transA, transB, m: m!, n: n!, k: 261, alpha: 0.5, beta: 0.25, dtype, seed: 3 },
              ...{ offsets: [1, 2, 3], pads: [1, 0, 2] },
            });
          }
        }
      }
    });

    it('is within rounding on narrow A·Bᵀ (wasm computes n ≤ 32, k ≥ 64 as dot products)', () => {
      for (const dtype of ['float32', 'float64'] as const) {
        for (const [m, n, k] of [
          [1, 1, 64],
          [2, 4, 67],
          [7, 5, 66],
          [3, 32, 65],
          [6, 33, 64],
        ]) {
          for (const beta of [0, 0.25]) {
            agreesWithOracle(backend, {
              ...{ transA: false, transB: true, m: m!, n: n!, k: k!, alpha: 0.5, beta, dtype, seed: m! + n! },
              ...{ offsets: [3, 1, 2], pads: [2, 1, 0] },
            });
          }
        }
      }
    });

    it('overwrites C when β = 0, even where C held NaN, and scales by β when k = 0', () => {
      const ones = new Float64Array([1, 1, 1, 1]);
      const c = new Float64Array([Number.NaN, Number.NaN, Number.NaN, Number.POSITIVE_INFINITY]);
      const args: GemmArgs = {
        ...{ transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, beta: 0 },
        ...{ a: ones, aOffset: 0, lda: 2, b: ones, bOffset: 0, ldb: 2, c, cOffset: 0, ldc: 2 },
      };
      backend.gemm(args);
      // [1 1; 1 1]·[1 1; 1 1] = [2 2; 2 2].
      expect(Array.from(c)).toEqual([2, 2, 2, 2]);
      backend.gemm({ ...args, k: 0, beta: 3 });
      expect(Array.from(c)).toEqual([6, 6, 6, 6]);
    });
  });
}
