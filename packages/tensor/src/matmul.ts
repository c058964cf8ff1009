// Matrix-level multiply over a backend's BLAS-style gemm: out ← α·op(a)·op(b) + β·out.
import type { BackendPlugin, Matrix } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';
import { reference } from './backends/reference';
import { dtypeOf } from './matrix';

/** Transposition flags and scalars for `matmul`; β = 0 overwrites `out`. */
export interface MatmulOptions {
  readonly transA?: boolean;
  readonly transB?: boolean;
  readonly alpha?: number;
  readonly beta?: number;
  readonly backend?: BackendPlugin;
}

/**
 * out ← α·op(a)·op(b) + β·out, where op transposes when asked. Shapes: op(a) m × k, op(b)
 * k × n, out m × n; all three in the same precision.
 *
 * @example
 * matmul(x, theta, z, { transB: true }); // z = x·Θᵀ, the forward pass without bias
 */
export function matmul(a: Matrix, b: Matrix, out: Matrix, options: MatmulOptions = {}): Matrix {
  const { transA = false, transB = false, alpha = 1, beta = 0, backend = reference } = options;
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  const describe = (x: Matrix, t: boolean, name: string) => `${name}${t ? 'ᵀ' : ''} (${x.rows} × ${x.cols})`;
  if (k !== kb) {
    throw new ShapeError(
      `matmul: inner dimensions differ, ${describe(a, transA, 'a')} · ${describe(b, transB, 'b')}`,
    );
  }
  if (out.rows !== m || out.cols !== n) {
    throw new ShapeError(`matmul: out must be ${m} × ${n}, got ${out.rows} × ${out.cols}`);
  }
  if (dtypeOf(a.data) !== dtypeOf(b.data) || dtypeOf(a.data) !== dtypeOf(out.data)) {
    throw new ShapeError('matmul: a, b and out must share one precision (all float32 or all float64)');
  }
  backend.gemm({
    transA,
    transB,
    m,
    n,
    k,
    alpha,
    a: a.data,
    aOffset: 0,
    lda: a.cols,
    b: b.data,
    bOffset: 0,
    ldb: b.cols,
    beta,
    c: out.data,
    cOffset: 0,
    ldc: out.cols,
  });
  return out;
}
