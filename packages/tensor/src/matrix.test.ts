// Creating, viewing and copying matrices: layout, sharing, conversions and the errors.
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  assertSameShape,
  assertShape,
  clone,
  dtypeOf,
  fromRows,
  get,
  matrix,
  rowSlice,
  toRows,
  zeros,
} from './matrix';

describe('allocate, dtypeOf, zeros', () => {
  it('makes zero-filled arrays of the asked precision', () => {
    expect(allocate('float32', 3)).toEqual(new Float32Array(3));
    expect(dtypeOf(allocate('float32', 1))).toBe('float32');
    expect(dtypeOf(allocate('float64', 1))).toBe('float64');
    const z = zeros(2, 3);
    expect([z.rows, z.cols, z.data.length, dtypeOf(z.data)]).toEqual([2, 3, 6, 'float64']);
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(dtypeOf(zeros(1, 1, 'float32').data)).toBe('float32');
  });

  it('rejects negative or fractional dimensions', () => {
    expect(() => zeros(-1, 2)).toThrow(InvalidArgumentError);
    expect(() => zeros(2, 1.5)).toThrow('cols must be a whole number ≥ 0, got 1.5');
  });
});

describe('matrix', () => {
  it('wraps data without copying, row-major', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const m = matrix(2, 3, data);
    expect(m.data).toBe(data);
    expect(get(m, 1, 0)).toBe(4);
    expect(get(m, 0, 2)).toBe(3);
  });

  it('names the shape and the length when they disagree', () => {
    expect(() => matrix(2, 3, new Float64Array(5))).toThrow(ShapeError);
    expect(() => matrix(2, 3, new Float64Array(5))).toThrow('a 2 × 3 matrix needs 6 values, got 5');
  });
});

describe('fromRows and toRows', () => {
  it('round-trip nested arrays', () => {
    const rows = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const m = fromRows(rows);
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toRows(m)).toEqual(rows);
    expect(toRows(fromRows([]))).toEqual([]);
  });

  it('rounds to float32 when asked', () => {
    expect(toRows(fromRows([[0.1]], 'float32'))).toEqual([[Math.fround(0.1)]]);
  });

  it('rejects ragged rows, naming the row', () => {
    expect(() => fromRows([[1, 2], [3]])).toThrow('row 1 has 1 values; row 0 has 2');
  });
});

describe('rowSlice', () => {
  it('is a view sharing memory with the matrix', () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const slice = rowSlice(m, 1, 3);
    expect(toRows(slice)).toEqual([
      [3, 4],
      [5, 6],
    ]);
    slice.data[0] = 30;
    expect(get(m, 1, 0)).toBe(30);
    expect(rowSlice(m, 2, 2).rows).toBe(0);
  });

  it('rejects ranges outside the matrix', () => {
    const m = zeros(3, 2);
    expect(() => rowSlice(m, 2, 4)).toThrow('row slice [2, 4) is outside a matrix of 3 rows');
    expect(() => rowSlice(m, 2, 1)).toThrow(ShapeError);
    expect(() => rowSlice(m, -1, 1)).toThrow(ShapeError);
  });
});

describe('clone', () => {
  it('copies, so writes to the copy leave the original alone', () => {
    const m = fromRows([[1, 2]]);
    const copy = clone(m);
    copy.data[0] = 9;
    expect(toRows(m)).toEqual([[1, 2]]);
    expect(dtypeOf(copy.data)).toBe('float64');
  });

  it('converts precision, rounding to the nearest float32', () => {
    const copy = clone(fromRows([[0.1, 1 / 3]]), 'float32');
    expect(dtypeOf(copy.data)).toBe('float32');
    expect(Array.from(copy.data)).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
  });
});

describe('assertShape and assertSameShape', () => {
  it('pass on a match and name both shapes otherwise', () => {
    expect(() => assertShape('Θ(1)', zeros(25, 401), 25, 401)).not.toThrow();
    expect(() => assertShape('Θ(1)', zeros(25, 400), 25, 401)).toThrow('Θ(1) must be 25 × 401, got 25 × 400');
    expect(() => assertSameShape('loss', zeros(2, 3), zeros(2, 3))).not.toThrow();
    expect(() => assertSameShape('loss', zeros(2, 3), zeros(3, 2))).toThrow(
      'loss: shapes differ, 2 × 3 vs 3 × 2',
    );
  });
});
