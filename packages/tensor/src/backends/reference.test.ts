// The reference gemm against a naive C = α·op(A)·op(B) + β·C written here on nested arrays,
// with operands placed as sub-blocks of larger buffers (offsets, padded row strides).
import type { DType, FloatArray } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference } from './reference';

type Dense = number[][];

const transpose = (x: Dense): Dense => (x[0] ?? []).map((_, j) => x.map((row) => row[j]!));

/** The definition, one sum per element; β = 0 ignores C entirely (BLAS convention). */
function naiveGemm(
  tA: boolean,
  tB: boolean,
  alpha: number,
  a: Dense,
  b: Dense,
  beta: number,
  c: Dense,
): Dense {
  const opA = tA ? transpose(a) : a;
  const opB = tB ? transpose(b) : b;
  return c.map((row, i) =>
    row.map((cij, j) => {
      let sum = 0;
      for (let p = 0; p < opB.length; p++) sum += opA[i]![p]! * opB[p]![j]!;
      return alpha * sum + (beta === 0 ? 0 : beta * cij);
    }),
  );
}

/** `x` written at `offset` of a buffer whose rows are `ld = cols + pad` long; the rest is `fill`. */
function embed(x: Dense, cols: number, dtype: DType, offset: number, pad: number, fill: number) {
  const ld = cols + pad;
  const data: FloatArray =
    dtype === 'float32'
      ? new Float32Array(offset + x.length * ld + 2)
      : new Float64Array(offset + x.length * ld + 2);
  data.fill(fill);
  x.forEach((row, i) => {
    row.forEach((v, j) => {
      data[offset + i * ld + j] = v;
    });
  });
  return { data, ld };
}

/** Reads the rows × cols block back out of `data`, as the values the precision actually stores. */
function extract(data: FloatArray, offset: number, ld: number, rows: number, cols: number): Dense {
  return Array.from({ length: rows }, (_, i) =>
    Array.from(data.subarray(offset + i * ld, offset + i * ld + cols)),
  );
}

interface Case {
  tA: boolean;
  tB: boolean;
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  a: Dense; // stored shape: tA ? k × m : m × k
  b: Dense; // stored shape: tB ? n × k : k × n
  c: Dense; // m × n
  offsets: [number, number, number];
  pads: [number, number, number];
}

/** Runs the reference on embedded operands; returns C's block, the expectation and C's buffer. */
function run(t: Case, dtype: DType) {
  const [aCols, bCols] = [t.tA ? t.m : t.k, t.tB ? t.k : t.n];
  // NaN around A and B: reading outside the block poisons the result. 7777 around C: writing
  // outside the block shows up as a changed sentinel.
  const A = embed(t.a, aCols, dtype, t.offsets[0], t.pads[0], Number.NaN);
  const B = embed(t.b, bCols, dtype, t.offsets[1], t.pads[1], Number.NaN);
  const C = embed(t.c, t.n, dtype, t.offsets[2], t.pads[2], 7777);
  // The oracle sees the operands as stored (float32 rounds them), computed in float64.
  const a = extract(A.data, t.offsets[0], A.ld, t.a.length, aCols);
  const b = extract(B.data, t.offsets[1], B.ld, t.b.length, bCols);
  const c = extract(C.data, t.offsets[2], C.ld, t.m, t.n);
  const expected = naiveGemm(t.tA, t.tB, t.alpha, a, b, t.beta, c);
  reference.gemm({
    transA: t.tA,
    transB: t.tB,
    m: t.m,
    n: t.n,
    k: t.k,
    alpha: t.alpha,
    a: A.data,
    aOffset: t.offsets[0],
    lda: A.ld,
    b: B.data,
    bOffset: t.offsets[1],
    ldb: B.ld,
    beta: t.beta,
    c: C.data,
    cOffset: t.offsets[2],
    ldc: C.ld,
  });
  return { actual: extract(C.data, t.offsets[2], C.ld, t.m, t.n), expected, C };
}

/** Every element of C's buffer outside the m × n block still holds the sentinel. */
function sentinelsIntact(t: Case, C: { data: FloatArray; ld: number }): boolean {
  return Array.from(C.data).every((v, at) => {
    const rel = at - t.offsets[2];
    const [i, j] = [Math.floor(rel / C.ld), rel % C.ld];
    const inside = rel >= 0 && i < t.m && j < t.n;
    return inside || v === 7777;
  });
}

const fixed = (rows: number, cols: number, seed: number): Dense =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => Math.sin(seed + 3 * i + 7 * j)),
  );

describe('reference gemm', () => {
  it('computes a 2 × 2 product worked by hand', () => {
    // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50]; then 2·that + 0.5·[1 1; 1 1].
    const c = new Float64Array([1, 1, 1, 1]);
    reference.gemm({
      ...{ transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 2, beta: 0.5 },
      ...{ a: new Float64Array([1, 2, 3, 4]), aOffset: 0, lda: 2 },
      ...{ b: new Float64Array([5, 6, 7, 8]), bOffset: 0, ldb: 2 },
      ...{ c, cOffset: 0, ldc: 2 },
    });
    expect(Array.from(c)).toEqual([38.5, 44.5, 86.5, 100.5]);
  });

  for (const dtype of ['float64', 'float32'] as const) {
    for (const [tA, tB] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const) {
      it(`matches the naive product for transA=${tA}, transB=${tB} on sub-blocks (${dtype})`, () => {
        const [m, n, k] = [3, 4, 5];
        const t: Case = {
          ...{ tA, tB, m, n, k, alpha: -1.5, beta: 0.25 },
          a: tA ? fixed(k, m, 1) : fixed(m, k, 1),
          b: tB ? fixed(n, k, 2) : fixed(k, n, 2),
          c: fixed(m, n, 3),
          offsets: [3, 5, 2],
          pads: [2, 1, 3],
        };
        const { actual, expected, C } = run(t, dtype);
        const tolerance = dtype === 'float64' ? 1e-14 : 1e-6;
        actual.flat().forEach((v, i) => {
          expect(Math.abs(v - expected.flat()[i]!)).toBeLessThanOrEqual(tolerance);
        });
        expect(sentinelsIntact(t, C)).toBe(true);
      });
    }

    it(`overwrites C when β = 0, even where C held NaN (${dtype})`, () => {
      const t: Case = {
        ...{ tA: false, tB: true, m: 2, n: 2, k: 3, alpha: 1, beta: 0 },
        a: [
          [1, 2, 3],
          [4, 5, 6],
        ],
        b: [
          [1, 0, 1],
          [0, 1, 0],
        ],
        c: [
          [Number.NaN, Number.NaN],
          [Number.NaN, Number.POSITIVE_INFINITY],
        ],
        offsets: [1, 0, 4],
        pads: [0, 2, 1],
      };
      // a·bᵀ = [1+3, 2; 4+6, 5].
      expect(run(t, dtype).actual).toEqual([
        [4, 2],
        [10, 5],
      ]);
    });
  }

  it('scales C by β when k = 0 (an empty sum)', () => {
    const t: Case = {
      ...{ tA: false, tB: false, m: 2, n: 1, k: 0, alpha: 3, beta: 2 },
      ...{ a: [[], []], b: [], c: [[1.5], [-4]], offsets: [0, 0, 1], pads: [0, 0, 1] },
    };
    expect(run(t, 'float64').actual).toEqual([[3], [-8]]);
  });

  it('agrees exactly with the naive product over random shapes, strides and flags', () => {
    // Small integers keep every product and sum exact in both precisions, so the comparison is
    // equality, and any misplaced index shows.
    const int = fc.integer({ min: -8, max: 8 });
    const shapes = fc.record({
      m: fc.integer({ min: 0, max: 6 }),
      n: fc.integer({ min: 0, max: 6 }),
      k: fc.integer({ min: 0, max: 6 }),
      tA: fc.boolean(),
      tB: fc.boolean(),
      alpha: fc.integer({ min: -3, max: 3 }),
      beta: fc.integer({ min: -2, max: 2 }),
      offsets: fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4)),
      pads: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)),
      dtype: fc.constantFrom<DType>('float32', 'float64'),
    });
    const dense = (rows: number, cols: number) =>
      fc.array(fc.array(int, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
    const cases = shapes.chain((s) =>
      fc.record({
        s: fc.constant(s),
        a: s.tA ? dense(s.k, s.m) : dense(s.m, s.k),
        b: s.tB ? dense(s.n, s.k) : dense(s.k, s.n),
        c: dense(s.m, s.n),
      }),
    );
    fc.assert(
      fc.property(cases, ({ s, a, b, c }) => {
        const t: Case = { ...s, a, b, c };
        const { actual, expected, C } = run(t, s.dtype);
        // `+ 0` maps −0 to 0: α·0 may be −0 on one side and −0 + 0 = 0 on the other.
        const plain = (x: Dense) => x.map((row) => row.map((v) => v + 0));
        expect(plain(actual)).toEqual(plain(expected));
        expect(sentinelsIntact(t, C)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('supports both precisions', () => {
    expect(reference.supports('float32')).toBe(true);
    expect(reference.supports('float64')).toBe(true);
  });
});
