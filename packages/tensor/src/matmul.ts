// Matrix-level multiply over a backend's BLAS-style gemm: out ← α·op(a)·op(b) + β·out.
import type { BackendPlugin, FloatArray, Matrix } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { defaultBackend } from './backends/index';
import { dtypeOf } from './matrix';

/** Transposition flags and scalars for `matmul`; β = 0 overwrites `out`. */
export interface MatmulOptions {
  /** Use aᵀ instead of a (default false). */
  readonly transA?: boolean;
  /** Use bᵀ instead of b (default false). */
  readonly transB?: boolean;
  /** α, the scale of op(a)·op(b) (default 1). */
  readonly alpha?: number;
  /** β, the scale of the old `out` added in (default 0: `out` is overwritten). */
  readonly beta?: number;
  /** Default `defaultBackend(dtype)`: wasm where WebAssembly SIMD runs, else js. */
  readonly backend?: BackendPlugin;
}

/**
 * out ← α·op(a)·op(b) + β·out, where op transposes when asked. Shapes: op(a) m × k, op(b)
 * k × n, out m × n; all three in the same precision, and `out` must not share memory with
 * `a` or `b` (each output element is written while inputs are still being read). Runs on the
 * fastest built-in backend for the precision unless `backend` names one (`reference` gives the
 * specification's sums, in order).
 *
 * @example
 * matmul(x, theta, z, { transB: true }); // z = x·Θᵀ, the forward pass without bias
 */
export function matmul(a: Matrix, b: Matrix, out: Matrix, options: MatmulOptions = {}): Matrix {
  const { transA = false, transB = false, alpha = 1, beta = 0 } = options;
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  // Name the shapes of op(a) and op(b), the ones that must fit.
  const describe = (x: Matrix, t: boolean, name: string) =>
    t ? `${name}ᵀ (${x.cols} × ${x.rows})` : `${name} (${x.rows} × ${x.cols})`;
  const product = `${describe(a, transA, 'a')} · ${describe(b, transB, 'b')}`;
  if (k !== kb) throw new ShapeError(`matmul: inner dimensions differ, ${product}`);
  if (out.rows !== m || out.cols !== n) {
    throw new ShapeError(`matmul: out must be ${m} × ${n} for ${product}, got ${out.rows} × ${out.cols}`);
  }
  const dtype = dtypeOf(out.data);
  if (dtypeOf(a.data) !== dtype || dtypeOf(b.data) !== dtype) {
    throw new InvalidArgumentError(
      `matmul: a, b and out must share one precision, got ${dtypeOf(a.data)}, ${dtypeOf(b.data)} and ${dtype}`,
    );
  }
  if (overlaps(out.data, a.data) || overlaps(out.data, b.data)) {
    throw new InvalidArgumentError('matmul: out shares memory with a or b; give it its own buffer');
  }
  const backend = options.backend ?? defaultBackend(dtype);
  if (!backend.supports(dtype)) {
    throw new InvalidArgumentError(`matmul: backend "${backend.name}" does not support ${dtype}`);
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

function overlaps(x: FloatArray, y: FloatArray): boolean {
  return (
    x.buffer === y.buffer &&
    x.byteOffset < y.byteOffset + y.byteLength &&
    y.byteOffset < x.byteOffset + x.byteLength
  );
}
