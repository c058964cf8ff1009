// The wasm backend's pinned operands: read in place while pinned, copied again once released,
// and pins that nest or end out of order never disturb one another.
import type { GemmArgs } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { gemmInWasm, wasm } from './wasm';

/** C = A·B for a 2 × 2 A stored in `a` and B = the 2 × 2 identity scaled by `s`, in float32. */
function product(a: Float32Array, s: number): number[] {
  const c = new Float32Array(4);
  const args: GemmArgs = {
    ...{ transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, beta: 0 },
    ...{
      a,
      aOffset: 0,
      lda: 2,
      b: new Float32Array([s, 0, 0, s]),
      bOffset: 0,
      ldb: 2,
      c,
      cOffset: 0,
      ldc: 2,
    },
  };
  gemmInWasm(args);
  return [...c];
}

describe('wasm.pin', () => {
  it('serves the values held when pinned, and the current ones after release', () => {
    const a = new Float32Array([1, 2, 3, 4]);
    const pinned = wasm.pin!(a);
    expect(product(a, 2)).toEqual([2, 4, 6, 8]);
    // Changing a pinned array is the caller's promise not to: the resident copy still answers.
    a[0] = 10;
    expect(product(a, 1)).toEqual([1, 2, 3, 4]);
    pinned.release();
    pinned.release();
    expect(product(a, 1)).toEqual([10, 2, 3, 4]);
  });

  it('keeps every live pin intact when pins nest and are released out of order', () => {
    const first = new Float32Array([1, 0, 0, 1]);
    const second = new Float32Array([5, 6, 7, 8]);
    const pinFirst = wasm.pin!(first);
    const pinSecond = wasm.pin!(second);
    pinFirst.release();
    const third = new Float32Array([-1, -2, -3, -4]);
    const pinThird = wasm.pin!(third);
    expect(product(second, 1)).toEqual([5, 6, 7, 8]);
    expect(product(third, 3)).toEqual([-3, -6, -9, -12]);
    // An unpinned operand is copied past the pins, never over them.
    expect(product(new Float32Array([9, 9, 9, 9]), 1)).toEqual([9, 9, 9, 9]);
    expect(product(second, 1)).toEqual([5, 6, 7, 8]);
    pinSecond.release();
    pinThird.release();
  });

  it('serves a second pin of the same array from the first copy, until the outer pin ends', () => {
    const a = new Float32Array([1, 2, 3, 4]);
    const outer = wasm.pin!(a);
    a[0] = 10;
    // A copy made by the inner pin would hold 10; the outer pin's copy still holds 1.
    const inner = wasm.pin!(a);
    expect(product(a, 1)).toEqual([1, 2, 3, 4]);
    inner.release();
    expect(product(a, 1)).toEqual([1, 2, 3, 4]);
    outer.release();
    expect(product(a, 1)).toEqual([10, 2, 3, 4]);
  });
});
