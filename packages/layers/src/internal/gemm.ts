// One gemm call with named operands, for layers outside the network's preallocated hot path.
import type { BackendPlugin, FloatArray } from '@deltanet/contract';

/** An operand: storage, the index of element (0, 0) and the row stride. */
export interface Operand {
  readonly data: FloatArray;
  readonly offset: number;
  readonly stride: number;
}

/** C ← α·op(A)·op(B) + β·C through the backend's gemm (see `GemmArgs`). */
export function gemm(
  backend: BackendPlugin,
  shape: { transA: boolean; transB: boolean; m: number; n: number; k: number; alpha: number; beta: number },
  a: Operand,
  b: Operand,
  c: Operand,
): void {
  backend.gemm({
    ...shape,
    a: a.data,
    aOffset: a.offset,
    lda: a.stride,
    b: b.data,
    bOffset: b.offset,
    ldb: b.stride,
    c: c.data,
    cOffset: c.offset,
    ldc: c.stride,
  });
}
