// A cache-friendly TypeScript backend: the reference's sums in the same order (so results are
// bit-identical to it), with loops arranged so the innermost one walks contiguous memory and
// four output columns share each load of A.
import type { CompleteBackend, FloatArray, GemmArgs } from '@deltanet/contract';
import { jsKernels } from './js-kernels';
import { activationBackwardInWasm, activationForwardInWasm, adamUpdateInWasm } from './wasm-vector';

/**
 * Every kernel with the reference's bits, in faster JavaScript (σ, tanh and Adam over long arrays
 * in the SIMD module where there is one, with the same bits). C ← α·op(A)·op(B) + β·C like
 * `reference`, several times faster on large operands. Every
 * C[i, j] is accumulated in float64 over p = 0…k−1 in order, exactly as the reference does.
 *
 * @example
 * const net = createNetwork({ layers: [784, 25, 10] }, { backend: js });
 */
export const js: CompleteBackend = {
  kind: 'backend',
  name: 'js',
  description: 'Cache-friendly TypeScript products, bit-identical to the reference backend',
  supports: () => true,
  gemm: jsGemm,
  ...jsKernels,
  // σ, tanh and Adam over long arrays in the SIMD module where the engine has it, as every
  // backend ran them before backends owned their kernels: the same bits as the loops, and tiny
  // networks on js (B3's 80-value tanh layers) keep their speed. `reference` never does.
  activationForward: activationForwardInWasm,
  activationBackward: activationBackwardInWasm,
  adamUpdate: adamUpdateInWasm,
};

// float64 accumulators for the row-streaming cases, grown on demand and reused across calls.
let scratch = new Float64Array(1024);

// Up to this many multiply-adds every C[i, j] is summed in a register straight from strided
// operands (all in L1 at this size): the row-streaming loops' scratch fill and short inner
// loops cost more than they save on a tiny network's products (8 × 8 × 10 and smaller).
const SMALL_PRODUCT = 1024;

function jsGemm(args: GemmArgs): void {
  if (args.m * args.n * args.k <= SMALL_PRODUCT) stridedDots(args);
  else if (args.transB && !args.transA) dotRows(args);
  else streamRows(args);
}

// Any transposition: C[i, j] = Σₚ op(A)[i, p]·op(B)[p, j] in p order through the storage
// strides. Two rows by four columns of C at a time (eight sums in registers, each load of A
// used four times and each load of B twice); a last odd row goes four columns at a time.
function stridedDots(args: GemmArgs): void {
  const { transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc } = args;
  // Strides of op(A)[i][p] and op(B)[p][j] in the underlying storage.
  const aRow = transA ? 1 : lda;
  const aCol = transA ? lda : 1;
  const bRow = transB ? 1 : ldb;
  const bCol = transB ? ldb : 1;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = aOffset + i * aRow;
    const a1 = a0 + aRow;
    const c0 = cOffset + i * ldc;
    const c1 = c0 + ldc;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      let p0 = a0;
      let p1 = a1;
      let pb = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        const x0 = a[p0]!;
        const x1 = a[p1]!;
        const y0 = b[pb]!;
        const y1 = b[pb + bCol]!;
        const y2 = b[pb + 2 * bCol]!;
        const y3 = b[pb + 3 * bCol]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
        p0 += aCol;
        p1 += aCol;
        pb += bRow;
      }
      store(c, c0 + j, alpha * s00, beta);
      store(c, c0 + j + 1, alpha * s01, beta);
      store(c, c0 + j + 2, alpha * s02, beta);
      store(c, c0 + j + 3, alpha * s03, beta);
      store(c, c1 + j, alpha * s10, beta);
      store(c, c1 + j + 1, alpha * s11, beta);
      store(c, c1 + j + 2, alpha * s12, beta);
      store(c, c1 + j + 3, alpha * s13, beta);
    }
    for (; j < n; j++) {
      let s0 = 0;
      let s1 = 0;
      let p0 = a0;
      let p1 = a1;
      let pb = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        const y = b[pb]!;
        s0 += a[p0]! * y;
        s1 += a[p1]! * y;
        p0 += aCol;
        p1 += aCol;
        pb += bRow;
      }
      store(c, c0 + j, alpha * s0, beta);
      store(c, c1 + j, alpha * s1, beta);
    }
  }
  if (i < m) lastRowDots(args, aOffset + i * aRow, aCol, bRow, bCol, cOffset + i * ldc);
}

// One row of C for `stridedDots`, four columns at a time.
function lastRowDots(args: GemmArgs, ai: number, aCol: number, bRow: number, bCol: number, ci: number): void {
  const { n, k, alpha, a, b, bOffset, beta, c } = args;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let pa = ai;
    let pb = bOffset + j * bCol;
    for (let p = 0; p < k; p++) {
      const av = a[pa]!;
      s0 += av * b[pb]!;
      s1 += av * b[pb + bCol]!;
      s2 += av * b[pb + 2 * bCol]!;
      s3 += av * b[pb + 3 * bCol]!;
      pa += aCol;
      pb += bRow;
    }
    store(c, ci + j, alpha * s0, beta);
    store(c, ci + j + 1, alpha * s1, beta);
    store(c, ci + j + 2, alpha * s2, beta);
    store(c, ci + j + 3, alpha * s3, beta);
  }
  for (; j < n; j++) {
    let s = 0;
    let pa = ai;
    let pb = bOffset + j * bCol;
    for (let p = 0; p < k; p++) {
      s += a[pa]! * b[pb]!;
      pa += aCol;
      pb += bRow;
    }
    store(c, ci + j, alpha * s, beta);
  }
}

// C = A·Bᵀ (the forward pass): C[i, j] is the dot product of row i of A and row j of B, both
// contiguous. Four rows of B at a time reuse each A element four times.
function dotRows(args: GemmArgs): void {
  const { m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc } = args;
  for (let i = 0; i < m; i++) {
    const ai = aOffset + i * lda;
    const ci = cOffset + i * ldc;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = bOffset + j * ldb;
      const b1 = b0 + ldb;
      const b2 = b1 + ldb;
      const b3 = b2 + ldb;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const av = a[ai + p]!;
        s0 += av * b[b0 + p]!;
        s1 += av * b[b1 + p]!;
        s2 += av * b[b2 + p]!;
        s3 += av * b[b3 + p]!;
      }
      store(c, ci + j, alpha * s0, beta);
      store(c, ci + j + 1, alpha * s1, beta);
      store(c, ci + j + 2, alpha * s2, beta);
      store(c, ci + j + 3, alpha * s3, beta);
    }
    for (; j < n; j++) {
      const bj = bOffset + j * ldb;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p]! * b[bj + p]!;
      store(c, ci + j, alpha * s, beta);
    }
  }
}

// C = op(A)·B with B not transposed (the backward multiplies δ·Θ and δᵀ·a): C[i, :]
// accumulates op(A)[i, p]·B[p, :] for p in order, streaming contiguous rows of B into float64
// accumulators. With A transposed (δᵀ·a over a whole batch) p is the outer loop, so each row
// of B is read once rather than once per row of C.
// A transposed B is copied to row-major order first (rare: no pass of the network uses it).
function streamRows(args: GemmArgs): void {
  const { transA, m, n, k, alpha, a, aOffset, lda, beta, c, cOffset, ldc } = args;
  let { b, bOffset, ldb } = args;
  if (args.transB) {
    const copy = new Float64Array(k * n);
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) copy[p * n + j] = b[bOffset + j * ldb + p]!;
    b = copy;
    bOffset = 0;
    ldb = n;
  }
  const rows = transA ? m : 1;
  if (scratch.length < rows * n) scratch = new Float64Array(rows * n);
  const acc = scratch;
  if (transA) {
    acc.fill(0, 0, m * n);
    for (let p = 0; p < k; p++) {
      const ap = aOffset + p * lda;
      const bp = bOffset + p * ldb;
      for (let i = 0; i < m; i++) {
        const av = a[ap + i]!;
        const ci = i * n;
        for (let j = 0; j < n; j++) acc[ci + j] = acc[ci + j]! + av * b[bp + j]!;
      }
    }
    for (let i = 0; i < m; i++) {
      const ci = cOffset + i * ldc;
      for (let j = 0; j < n; j++) store(c, ci + j, alpha * acc[i * n + j]!, beta);
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n);
    const ai = aOffset + i * lda;
    for (let p = 0; p < k; p++) {
      const av = a[ai + p]!;
      const bp = bOffset + p * ldb;
      for (let j = 0; j < n; j++) acc[j] = acc[j]! + av * b[bp + j]!;
    }
    const ci = cOffset + i * ldc;
    for (let j = 0; j < n; j++) store(c, ci + j, alpha * acc[j]!, beta);
  }
}

function store(c: FloatArray, at: number, value: number, beta: number): void {
  c[at] = beta === 0 ? value : value + beta * c[at]!;
}
