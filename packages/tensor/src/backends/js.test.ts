// The js backend must equal the reference bit for bit: same sums in the same order.
import type { GemmArgs } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { js } from './js';
import { reference } from './reference';

describe('js gemm', () => {
  it('equals the reference exactly for every transposition, offset, stride and scalar', () => {
    fc.assert(
      fc.property(
        fc.record({
          transA: fc.boolean(),
          transB: fc.boolean(),
          // Up to 19 × 21 × 23: both sides of the small-product path (m·n·k ≤ 1024).
          m: fc.integer({ min: 1, max: 19 }),
          n: fc.integer({ min: 1, max: 21 }),
          k: fc.integer({ min: 0, max: 23 }),
          pad: fc.integer({ min: 0, max: 3 }),
          offset: fc.integer({ min: 0, max: 5 }),
          alpha: fc.constantFrom(1, -0.5, 1 / 3),
          beta: fc.constantFrom(0, 1, 0.25),
          float32: fc.boolean(),
          seed: fc.integer(),
        }),
        ({ transA, transB, m, n, k, pad, offset, alpha, beta, float32, seed }) => {
          const random = createRandom(seed);
          const make = (length: number) => {
            const data = float32 ? new Float32Array(length) : new Float64Array(length);
            for (let i = 0; i < length; i++) data[i] = random.uniform() * 4 - 2;
            return data;
          };
          // Stored shapes: A is m × k (or k × m when transposed), B is k × n (or n × k).
          const [aRows, aCols] = transA ? [k, m] : [m, k];
          const [bRows, bCols] = transB ? [n, k] : [k, n];
          const lda = aCols + pad;
          const ldb = bCols + pad;
          const ldc = n + pad;
          const a = make(offset + aRows * lda + 1);
          const b = make(offset + bRows * ldb + 1);
          const c = make(offset + m * ldc + 1);
          const args = {
            transA,
            transB,
            m,
            n,
            k,
            alpha,
            a,
            aOffset: offset,
            lda,
            b,
            bOffset: offset,
            ldb,
            beta,
            cOffset: offset,
            ldc,
          };
          const expected = c.slice();
          const actual = c.slice();
          reference.gemm({ ...args, c: expected } as GemmArgs);
          js.gemm({ ...args, c: actual } as GemmArgs);
          expect(Array.from(actual)).toEqual(Array.from(expected));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the closed form on a small case', () => {
    // [1 2; 3 4]·[5 6; 7 8]ᵀ = [17 23; 39 53]
    const c = new Float64Array(4);
    js.gemm({
      transA: false,
      transB: true,
      m: 2,
      n: 2,
      k: 2,
      alpha: 1,
      a: new Float64Array([1, 2, 3, 4]),
      aOffset: 0,
      lda: 2,
      b: new Float64Array([5, 6, 7, 8]),
      bOffset: 0,
      ldb: 2,
      beta: 0,
      c,
      cOffset: 0,
      ldc: 2,
    });
    expect(Array.from(c)).toEqual([17, 23, 39, 53]);
  });
});
