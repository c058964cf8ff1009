// checkBackend's cases, kernel by kernel: operands from a seed and from edge values, the
// backend's results compared with `reference`'s on copies of the same operands.
import type { CompleteBackend, DType, FloatArray, GemmArgs } from '@deltanet/contract';
import { activationKernels } from '@deltanet/contract';
import { createRandom } from '../random';
import { reference } from './reference';

type Fail = (message: string) => void;
type Random = ReturnType<typeof createRandom>;

/** Values every elementwise kernel sees: signed zeros, subnormals, huge, NaN and ±Infinity. */
const EDGES = [
  0,
  -0,
  5e-324,
  -5e-324,
  1e-30,
  -1e-30,
  0.5,
  -0.5,
  20,
  -20,
  1e3,
  -1e3,
  1e30,
  -1e30,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];
// Short arrays, one across the SIMD width, ones past the lengths where fast kernels switch path
// (wasm: 64 values for σ and tanh, 2,048 for Adam).
const LENGTHS = [0, 1, 7, 64, 129, 2500];

function allocate(dtype: DType, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/**
 * Edge values (from EDGES[shift] on, so two arrays pair each edge with another), then random
 * ones in ±8, then (for long arrays) arbitrary bit patterns.
 */
function values(dtype: DType, n: number, random: Random, shift = 0): FloatArray {
  const x = allocate(dtype, n);
  const words = new Uint32Array(x.buffer);
  for (let i = 0; i < n; i++) {
    if (i < EDGES.length) x[i] = EDGES[(i + shift) % EDGES.length]!;
    else if (i < 200 || i % 2 === 0) x[i] = 16 * random.uniform() - 8;
    else if (dtype === 'float32') words[i] = Math.floor(random.uniform() * 2 ** 32);
    else {
      words[2 * i] = Math.floor(random.uniform() * 2 ** 32);
      words[2 * i + 1] = Math.floor(random.uniform() * 2 ** 32);
    }
  }
  return x;
}

/** The same number, NaN equal to NaN, 0 told apart from −0. */
function same(x: number, y: number): boolean {
  return Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));
}

/** Index of the first element where `got` differs from `expected`, or −1. */
function firstDifference(got: FloatArray, expected: FloatArray): number {
  for (let i = 0; i < expected.length; i++) if (!same(got[i]!, expected[i]!)) return i;
  return got.length === expected.length ? -1 : expected.length;
}

/** Every activation kernel, forward and backward, in place and not, bit for bit. */
export function checkActivationKernels(
  backend: CompleteBackend,
  dtype: DType,
  seed: number,
  fail: Fail,
): void {
  const random = createRandom(seed);
  for (const kernel of activationKernels) {
    for (const n of LENGTHS) {
      const where = `${kernel}, ${dtype}, ${n} values`;
      const z = values(dtype, n, random);
      const u = values(dtype, n, random, 5);
      const expected = allocate(dtype, n);
      reference.activationForward(kernel, z, expected);
      const a = allocate(dtype, n).fill(Number.NaN);
      backend.activationForward(kernel, z, a);
      let at = firstDifference(a, expected);
      if (at >= 0) {
        fail(
          `activationForward (${where}): out[${at}] = ${a[at]} at z = ${z[at]}, reference gives ${expected[at]}`,
        );
        continue;
      }
      const inPlace = z.slice();
      backend.activationForward(kernel, inPlace, inPlace);
      if (firstDifference(inPlace, expected) >= 0) fail(`activationForward (${where}): wrong with out = z`);
      const slope = allocate(dtype, n);
      reference.activationBackward(kernel, z, expected, u, slope);
      const g = allocate(dtype, n).fill(Number.NaN);
      backend.activationBackward(kernel, z, expected, u, g);
      at = firstDifference(g, slope);
      if (at >= 0) {
        fail(
          `activationBackward (${where}): out[${at}] = ${g[at]} at z = ${z[at]}, u = ${u[at]}, reference gives ${slope[at]}`,
        );
        continue;
      }
      const upstream = u.slice();
      backend.activationBackward(kernel, z, expected, upstream, upstream);
      if (firstDifference(upstream, slope) >= 0)
        fail(`activationBackward (${where}): wrong with out = upstream`);
    }
  }
}

/** Column sums, h − y, axpy, dot, Adam and the non-finite scan, bit for bit. */
export function checkVectorKernels(backend: CompleteBackend, dtype: DType, seed: number, fail: Fail): void {
  const random = createRandom(seed + 1);
  const compare = (what: string, got: FloatArray, expected: FloatArray) => {
    const at = firstDifference(got, expected);
    if (at >= 0) fail(`${what} (${dtype}): [${at}] = ${got[at]}, reference gives ${expected[at]}`);
    return at < 0;
  };
  for (const [rows, cols] of [
    [0, 3],
    [3, 0],
    [1, 1],
    [5, 3],
    [9, 7],
    [64, 33],
  ] as const) {
    for (const [alpha, beta] of [
      [1, 0],
      [0.25, 0],
      [-0.5, 1.5],
    ] as const) {
      const x = values(dtype, rows * cols, random);
      // Finite sums, except where an edge value is summed in on purpose (x's first row).
      const ldc = 4;
      const cOffset = 2;
      const c = allocate(dtype, cOffset + Math.max(0, cols - 1) * ldc + 3);
      for (let i = 0; i < c.length; i++) c[i] = i === cOffset && beta === 0 ? Number.NaN : random.uniform();
      const expected = c.slice();
      reference.sumColumns(rows, cols, x, alpha, beta, expected, cOffset, ldc);
      backend.sumColumns(rows, cols, x, alpha, beta, c, cOffset, ldc);
      compare(
        `sumColumns (${rows} × ${cols}, α = ${alpha}, β = ${beta}, column at 2, stride 4)`,
        c,
        expected,
      );
    }
  }
  for (const n of LENGTHS) {
    const a = values(dtype, n, random);
    const b = values(dtype, n, random).reverse();
    const expected = allocate(dtype, n);
    reference.difference(a, b, expected);
    const out = allocate(dtype, n).fill(Number.NaN);
    backend.difference(a, b, out);
    if (compare(`difference (${n} values)`, out, expected)) {
      const inPlace = a.slice();
      backend.difference(inPlace, b, inPlace);
      compare(`difference (${n} values, out = a)`, inPlace, expected);
    }
    const y = values(dtype, n, random);
    const yExpected = y.slice();
    reference.axpy(-0.37, a, yExpected);
    backend.axpy(-0.37, a, y);
    compare(`axpy (${n} values)`, y, yExpected);
    const [dotGot, dotExpected] = [backend.dot(a, y), reference.dot(a, y)];
    if (!Object.is(dotGot, dotExpected)) {
      fail(`dot (${dtype}, ${n} values): ${dotGot}, reference gives ${dotExpected}`);
    }
    checkAdam(backend, dtype, n, random, compare);
    checkScan(backend, dtype, n, fail);
  }
}

function checkAdam(
  backend: CompleteBackend,
  dtype: DType,
  n: number,
  random: Random,
  compare: (what: string, got: FloatArray, expected: FloatArray) => boolean,
): void {
  const fill = (scale: number) => {
    const x = allocate(dtype, n);
    for (let i = 0; i < n; i++) x[i] = scale * (2 * random.uniform() - 1);
    return x;
  };
  const mine = { params: fill(1), m: allocate(dtype, n), v: allocate(dtype, n) };
  const theirs = { params: mine.params.slice(), m: mine.m.slice(), v: mine.v.slice() };
  for (let step = 1; step <= 3; step++) {
    const gradient = fill(step === 2 ? 1e3 : 0.1);
    const decay = step === 3 ? 0.999 : 1;
    const stepSize = 0.01 * step;
    reference.adamUpdate(theirs.params, gradient, theirs.m, theirs.v, 0.9, 0.999, stepSize, 1e-8, decay);
    backend.adamUpdate(mine.params, gradient, mine.m, mine.v, 0.9, 0.999, stepSize, 1e-8, decay);
    const what = `adamUpdate (${n} values, step ${step})`;
    if (
      !compare(`${what}: θ`, mine.params, theirs.params) ||
      !compare(`${what}: m`, mine.m, theirs.m) ||
      !compare(`${what}: v`, mine.v, theirs.v)
    ) {
      return;
    }
  }
}

function checkScan(backend: CompleteBackend, dtype: DType, n: number, fail: Fail): void {
  const x = allocate(dtype, n);
  for (let i = 0; i < n; i++)
    x[i] = i % 3 === 0 ? -0 : (i % 2 ? 1 : -1) * (dtype === 'float32' ? 3.4e38 : 1.7e308);
  const all = backend.findNonFinite(x);
  if (all !== -1) fail(`findNonFinite (${dtype}, ${n} finite values): gives ${all}, expected −1`);
  // Every position for short arrays; for long ones a spread of them.
  const step = n <= 129 ? 1 : 97;
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    for (let at = 0; at < n; at += step) {
      const y = x.slice();
      y[at] = bad;
      if (at + 5 < n) y[at + 5] = Number.NaN;
      const found = backend.findNonFinite(y);
      if (found !== at) {
        fail(`findNonFinite (${dtype}, ${n} values, ${bad} at ${at}): gives ${found}`);
        return;
      }
    }
  }
}

/** Products of every transposition, offset and stride, α and β, against reference's. */
export function checkGemm(
  backend: CompleteBackend,
  dtype: DType,
  seed: number,
  exact: boolean,
  fail: Fail,
): void {
  const random = createRandom(seed + 2);
  // (m, n, k): empty, tiny, around 4,096 multiply-adds, and one past the SIMD blocks.
  const sizes = [
    [0, 3, 4],
    [3, 0, 4],
    [3, 4, 0],
    [1, 1, 1],
    [2, 3, 5],
    [16, 16, 16],
    [17, 23, 19],
    [33, 9, 70],
  ] as const;
  let failed = 0;
  for (const [m, n, k] of sizes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const [alpha, beta] of [
          [1, 0],
          [0.5, 1],
          [-1, -0.5],
        ] as const) {
          const message = gemmCase(backend, dtype, random, { m, n, k, transA, transB, alpha, beta }, exact);
          if (message !== undefined && failed++ < 4) fail(message);
        }
      }
    }
  }
  if (failed > 4) fail(`gemm (${dtype}): ${failed - 4} more cases failed`);
  const nan = nanCase(backend, dtype);
  if (nan !== undefined) fail(nan);
}

interface GemmShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly alpha: number;
  readonly beta: number;
}

const SENTINEL = 7777;

/** One product inside larger buffers (NaN around A and B, a sentinel around C); a message on failure. */
function gemmCase(
  backend: CompleteBackend,
  dtype: DType,
  random: Random,
  shape: GemmShape,
  exact: boolean,
): string | undefined {
  const { m, n, k, transA, transB, alpha, beta } = shape;
  const [aRows, aCols] = transA ? [k, m] : [m, k];
  const [bRows, bCols] = transB ? [n, k] : [k, n];
  const [lda, ldb, ldc] = [aCols + 2, bCols + 1, n + 3];
  const [aOffset, bOffset, cOffset] = [3, 1, 2];
  const make = (length: number, fill: number, rows: number, cols: number, ld: number, offset: number) => {
    const x = allocate(dtype, length).fill(fill);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) x[offset + i * ld + j] = 4 * random.uniform() - 2;
    return x;
  };
  const a = make(aOffset + aRows * lda + 2, Number.NaN, aRows, aCols, lda, aOffset);
  const b = make(bOffset + bRows * ldb + 2, Number.NaN, bRows, bCols, ldb, bOffset);
  const c = make(cOffset + m * ldc + 2, SENTINEL, m, n, ldc, cOffset);
  // β = 0 must ignore C entirely: poison an element the product overwrites.
  if (beta === 0 && m > 0 && n > 0) c[cOffset] = Number.NaN;
  const expected = c.slice();
  const args: GemmArgs = {
    transA,
    transB,
    m,
    n,
    k,
    alpha,
    a,
    aOffset,
    lda,
    b,
    bOffset,
    ldb,
    beta,
    c,
    cOffset,
    ldc,
  };
  reference.gemm({ ...args, c: expected });
  backend.gemm(args);
  const where = `gemm (${dtype}, ${transA ? 'Aᵀ' : 'A'}·${transB ? 'Bᵀ' : 'B'}, m ${m}, n ${n}, k ${k}, α ${alpha}, β ${beta})`;
  const eps = dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  for (let at = 0; at < c.length; at++) {
    const row = Math.floor((at - cOffset) / ldc);
    const col = at - cOffset - row * ldc;
    const inside = at >= cOffset && row < m && col < n;
    if (!inside) {
      if (!same(c[at]!, SENTINEL)) return `${where}: wrote ${c[at]} at [${at}], outside C`;
      continue;
    }
    const got = c[at]!;
    const want = expected[at]!;
    if (
      exact ? !same(got, want) : !(Math.abs(got - want) <= (k + 4) * eps * (Math.abs(alpha) * 2 * 2 * k + 2))
    ) {
      return `${where}: C[${row}, ${col}] = ${got}, reference gives ${want}`;
    }
  }
  return undefined;
}

/** NaN and ±Infinity inside A and B reach the C elements whose sums they enter. */
function nanCase(backend: CompleteBackend, dtype: DType): string | undefined {
  for (const [m, n, k] of [
    [2, 3, 4],
    [24, 20, 16],
  ] as const) {
    const a = allocate(dtype, m * k).fill(1);
    const b = allocate(dtype, n * k).fill(1);
    a[k + 1] = Number.NaN; // row 1 of A
    b[2 * k + 1] = Number.POSITIVE_INFINITY; // row 2 of B stored n × k: column 2 of Bᵀ
    const c = allocate(dtype, m * n);
    backend.gemm({
      transA: false,
      transB: true,
      m,
      n,
      k,
      alpha: 1,
      a,
      aOffset: 0,
      lda: k,
      b,
      bOffset: 0,
      ldb: k,
      beta: 0,
      c,
      cOffset: 0,
      ldc: n,
    });
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const got = c[i * n + j]!;
        const want = i === 1 ? Number.NaN : j === 2 ? Number.POSITIVE_INFINITY : k;
        if (!same(got, want)) {
          return `gemm (${dtype}, NaN in A's row 1, +Infinity in Bᵀ's column 2, ${m} × ${n} × ${k}): C[${i}, ${j}] = ${got}, expected ${want}`;
        }
      }
    }
  }
  return undefined;
}
