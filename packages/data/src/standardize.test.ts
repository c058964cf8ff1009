import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { fromRows, toRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { applyStandardizer, fitStandardizer } from './standardize';

describe('fitStandardizer', () => {
  it('computes column means and population deviations', () => {
    // Column 0: 1, 2, 3, 6 → μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5. Column 1: 10, 10, 20, 20 → μ = 15, σ = 5.
    const s = fitStandardizer(
      fromRows([
        [1, 10],
        [2, 10],
        [3, 20],
        [6, 20],
      ]),
    );
    expect(s.mean).toEqual([3, 15]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(3.5), 14);
    expect(s.std[1]).toBe(5);
  });

  it('gives a constant column σ = 1, so it maps to exactly 0', () => {
    const x = fromRows([
      [0.1, 1],
      [0.1, 2],
      [0.1, 3],
    ]);
    const s = fitStandardizer(x);
    expect(s).toEqual({ mean: [0.1, 2], std: [1, Math.sqrt(2 / 3)] });
    expect(toRows(applyStandardizer(x, s)).map((row) => row[0])).toEqual([0, 0, 0]);
  });

  it('is plain data that survives JSON', () => {
    const s = fitStandardizer(fromRows([[1], [3]]));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('refuses an empty matrix and non-finite values', () => {
    expect(() => fitStandardizer(fromRows([]))).toThrow(InvalidArgumentError);
    expect(() => fitStandardizer(fromRows([[1], [Number.NaN]]))).toThrow(/column 0/);
  });
});

describe('applyStandardizer', () => {
  it('returns a new matrix (x − μ)/σ in the same precision, leaving x alone', () => {
    const x = fromRows(
      [
        [1, 10],
        [3, 30],
      ],
      'float32',
    );
    const out = applyStandardizer(x, { mean: [2, 20], std: [1, 10] });
    expect(toRows(out)).toEqual([
      [-1, -1],
      [1, 1],
    ]);
    expect(out.data).toBeInstanceOf(Float32Array);
    expect(toRows(x)).toEqual([
      [1, 10],
      [3, 30],
    ]);
  });

  it('checks the column count and the saved statistics', () => {
    expect(() => applyStandardizer(fromRows([[1, 2]]), { mean: [0], std: [1] })).toThrow(ShapeError);
    expect(() => applyStandardizer(fromRows([[1]]), { mean: [0], std: [0] })).toThrow(/std > 0/);
  });
});
