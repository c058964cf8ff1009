// The pure TypeScript backend: plain loops, the living specification every faster backend is
// tested against. Accumulates in JavaScript numbers (float64) whatever the storage precision.
// No WebAssembly anywhere under it.
import type { CompleteBackend, GemmArgs } from '@deltanet/contract';
import { referenceKernels } from './reference-kernels';

/**
 * Every kernel as the plainest loop: C ← α·op(A)·op(B) + β·C with row-major storage, strides
 * and offsets (see GemmArgs), and the activation, column-sum, difference, axpy, dot, Adam and scan
 * kernels of `BackendPlugin`. `completeBackend` fills a partial backend's gaps from it.
 *
 * @example
 * reference.gemm({ transA: false, transB: true, m, n, k, alpha: 1, a, aOffset: 0, lda: k,
 *   b, bOffset: 0, ldb: k, beta: 0, c, cOffset: 0, ldc: n });
 */
export const reference: CompleteBackend = {
  kind: 'backend',
  name: 'reference',
  description: 'Pure TypeScript loops; the reference every other backend is tested against',
  supports: () => true,
  gemm: referenceGemm,
  ...referenceKernels,
};

function referenceGemm(args: GemmArgs): void {
  const { transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc } = args;
  // Strides of op(A)[i][p] and op(B)[p][j] in the underlying storage.
  const aRow = transA ? 1 : lda;
  const aCol = transA ? lda : 1;
  const bRow = transB ? 1 : ldb;
  const bCol = transB ? ldb : 1;
  for (let i = 0; i < m; i++) {
    const cBase = cOffset + i * ldc;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let ai = aOffset + i * aRow;
      let bj = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        sum += a[ai]! * b[bj]!;
        ai += aCol;
        bj += bRow;
      }
      // β = 0 must overwrite, not multiply, so stale NaN in C cannot leak through.
      c[cBase + j] = beta === 0 ? alpha * sum : alpha * sum + beta * c[cBase + j]!;
    }
  }
}
