import { DataError, NonFiniteError, ShapeError } from '@deltanet/contract';
import { toRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './from-rows';

describe('datasetFromRows', () => {
  it('one-hot encodes class labels in inferred order', () => {
    const d = datasetFromRows([[1], [2], [3]], ['b', 'a', 'b']);
    expect(toRows(d.x)).toEqual([[1], [2], [3]]);
    expect(d.classNames).toEqual(['a', 'b']);
    expect(Array.from(d.labels!)).toEqual([1, 0, 1]);
    expect(toRows(d.y)).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
    ]);
  });

  it('makes a single 0/1 column for binary output, as the playground sets have', () => {
    const d = datasetFromRows(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      [0, 1, 1, 0],
      { output: 'binary', dtype: 'float32' },
    );
    expect(toRows(d.y)).toEqual([[0], [1], [1], [0]]);
    expect(d.y.data).toBeInstanceOf(Float32Array);
    expect(() => datasetFromRows([[0], [1], [2]], ['a', 'b', 'c'], { output: 'binary' })).toThrow(
      /exactly 2 classes, found 3/,
    );
  });

  it('keeps x only without labels, and follows given class names', () => {
    const d = datasetFromRows([[5]], null, { classNames: ['no', 'yes'], featureNames: ['f'] });
    expect([d.y.rows, d.y.cols]).toEqual([1, 0]);
    expect(d.classNames).toEqual(['no', 'yes']);
    expect(() => datasetFromRows([[1]], ['maybe'], { classNames: ['no', 'yes'] })).toThrow(DataError);
    expect(() => datasetFromRows([[1]], ['maybe'], { classNames: ['no', 'yes'] })).toThrow(/labels\[0\]/);
  });

  it('rejects ragged rows, NaN and mismatched label counts', () => {
    expect(() => datasetFromRows([[1, 2], [3]])).toThrow(ShapeError);
    expect(() =>
      datasetFromRows([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(NonFiniteError);
    expect(() =>
      datasetFromRows([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow('row 1, feature 1 is NaN');
    expect(() => datasetFromRows([[1]], ['a', 'b'])).toThrow(/2 labels for 1 rows/);
  });
});
