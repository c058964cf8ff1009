// Row-wise kernels on small batches whose results are worked by hand.
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows, zeros } from './matrix';
import { addColumnToRows, argmaxRows, gatherRows, oneHot, sumRowsIntoColumn } from './rows';

describe('addColumnToRows', () => {
  it('adds a column of Θ to every row, the bias term of z = [1, a]·Θᵀ', () => {
    // Θ = [b₀ w₀; b₁ w₁] = [10 1; 20 2]; a = [[3], [4]] → z = [10+3, 20+6; 10+4, 20+8].
    const theta = fromRows([
      [10, 1],
      [20, 2],
    ]);
    const z = fromRows([
      [3, 6],
      [4, 8],
    ]);
    addColumnToRows(theta, 0, z);
    expect(toRows(z)).toEqual([
      [13, 26],
      [14, 28],
    ]);
  });

  it('rejects a column that does not fit', () => {
    expect(() => addColumnToRows(zeros(3, 2), 0, zeros(1, 2))).toThrow(ShapeError);
    expect(() => addColumnToRows(zeros(2, 2), 2, zeros(1, 2))).toThrow('column 2 of a 2 × 2 matrix');
  });
});

describe('sumRowsIntoColumn', () => {
  const delta = fromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]); // column sums 9 and 12

  it('writes α·Σᵢ rows into one column, overwriting when β = 0 (even NaN)', () => {
    const grad = fromRows([
      [Number.NaN, 7],
      [Number.NaN, 8],
    ]);
    sumRowsIntoColumn(delta, grad, 0, 1 / 3);
    expect(toRows(grad)).toEqual([
      [3, 7],
      [4, 8],
    ]);
  });

  it('blends with β', () => {
    const grad = fromRows([
      [1, 1],
      [1, 1],
    ]);
    sumRowsIntoColumn(delta, grad, 1, 2, -1);
    expect(toRows(grad)).toEqual([
      [1, 17],
      [1, 23],
    ]);
  });

  it('adds rows in order, 0, 1, 2…, on both sides of each group of four', () => {
    // Order-sensitive values: in order, 1e16 + 1 rounds back to 1e16, so the sum is not the
    // pairwise one. The expected sums are the plain row-order loop.
    const column = [1e16, 1, -1e16, 1, 1, 1e16, 1, -3, 0.1];
    for (let rows = 1; rows <= column.length; rows++) {
      const values = column.slice(0, rows);
      const m = fromRows(values.map((v) => [v, -v]));
      const grad = zeros(2, 1);
      sumRowsIntoColumn(m, grad, 0);
      let inOrder = 0;
      let negated = 0;
      for (const v of values) {
        inOrder += v;
        negated += -v;
      }
      expect(toRows(grad)).toEqual([[inOrder], [negated]]);
    }
  });

  it('rejects a target of the wrong height', () => {
    expect(() => sumRowsIntoColumn(delta, zeros(3, 1), 0)).toThrow(ShapeError);
  });
});

describe('argmaxRows', () => {
  it('takes the first column on ties', () => {
    const h = fromRows([
      [0.1, 0.7, 0.2],
      [0.5, 0.5, 0.1],
      [-1, -1, -1],
      [0, 0, 3],
    ]);
    expect(Array.from(argmaxRows(h))).toEqual([1, 0, 0, 2]);
  });

  it('writes into a given buffer and refuses rows with no columns', () => {
    const out = new Int32Array(1);
    expect(argmaxRows(fromRows([[1, 9]]), out)).toBe(out);
    expect(out[0]).toBe(1);
    expect(() => argmaxRows(zeros(2, 0))).toThrow(ShapeError);
    expect(() => argmaxRows(zeros(2, 2), new Int32Array(1))).toThrow(ShapeError);
  });
});

describe('gatherRows', () => {
  const x = fromRows([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
  ]);

  it('copies the rows named by indices[start..] in order', () => {
    const batch = zeros(2, 2);
    gatherRows(x, [3, 0, 2, 1], 1, batch);
    expect(toRows(batch)).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it('rejects out-of-range or fractional indices and a short index list', () => {
    expect(() => gatherRows(x, [4], 0, zeros(1, 2))).toThrow('row index 4 is out of range');
    expect(() => gatherRows(x, [1.5], 0, zeros(1, 2))).toThrow(ShapeError);
    expect(() => gatherRows(x, [0, 1], 1, zeros(2, 2))).toThrow(ShapeError);
    expect(() => gatherRows(x, [0], 0, zeros(1, 3))).toThrow(ShapeError);
  });
});

describe('oneHot', () => {
  it('puts a single 1 per row at the label', () => {
    expect(toRows(oneHot([2, 0, 1], 3))).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it('fills a given buffer, clearing what was there', () => {
    const out = fromRows([
      [5, 5],
      [5, 5],
    ]);
    expect(oneHot(new Int32Array([1, 1]), 2, out)).toBe(out);
    expect(toRows(out)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('names a bad label and its row', () => {
    expect(() => oneHot([0, 3], 3)).toThrow('label 3 at row 1 is not a class index in 0..2');
    expect(() => oneHot([-1], 3)).toThrow(ShapeError);
    expect(() => oneHot([0.5], 3)).toThrow(ShapeError);
  });

  it('rejects a bad class count or an out of the wrong shape', () => {
    expect(() => oneHot([0], 0)).toThrow(InvalidArgumentError);
    expect(() => oneHot([0], 2.5)).toThrow(InvalidArgumentError);
    expect(() => oneHot([0, 1], 2, zeros(2, 3))).toThrow('out must be 2 × 2 for 2 labels, got 2 × 3');
  });
});
