import { InvalidArgumentError } from '@deltanet/contract';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset';
import { shuffleDataset, splitDataset } from './split';

/** Row i has features [i, 10i] and class i mod 3, so every row can be traced by x[0]. */
function tagged(m: number): Dataset {
  const labels = Int32Array.from({ length: m }, (_, i) => i % 3);
  return {
    x: fromRows(Array.from({ length: m }, (_, i) => [i, 10 * i])),
    y: fromRows(Array.from(labels, (c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)))),
    labels,
    classNames: ['a', 'b', 'c'],
    featureNames: ['i', 'ten_i'],
    name: 'tagged',
  };
}

const ids = (d: Dataset) => Array.from({ length: d.x.rows }, (_, r) => d.x.data[r * 2]!);

describe('splitDataset', () => {
  it('makes disjoint sets that cover every row, with rows kept intact', () => {
    const { train, test } = splitDataset(tagged(50), { testFraction: 0.3, seed: 4 });
    expect([train.x.rows, test.x.rows]).toEqual([35, 15]);
    expect([...ids(train), ...ids(test)].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    for (const d of [train, test]) {
      ids(d).forEach((id, r) => {
        expect(d.x.data[2 * r + 1]).toBe(10 * id);
        expect(d.labels![r]).toBe(id % 3);
        expect(d.y.data[3 * r + (id % 3)]).toBe(1);
      });
      expect(d.classNames).toEqual(['a', 'b', 'c']);
      expect(d.featureNames).toEqual(['i', 'ten_i']);
    }
  });

  it('is deterministic per seed and defaults to a 20 % test set', () => {
    const a = splitDataset(tagged(40), { seed: 7 });
    const b = splitDataset(tagged(40), { seed: 7 });
    const c = splitDataset(tagged(40), { seed: 8 });
    expect(a.test.x.rows).toBe(8);
    expect(ids(b.test)).toEqual(ids(a.test));
    expect(ids(c.test)).not.toEqual(ids(a.test));
  });

  it('takes an exact testSize, including the empty and the whole set', () => {
    expect(splitDataset(tagged(10), { testSize: 3 }).test.x.rows).toBe(3);
    expect(splitDataset(tagged(10), { testSize: 0 }).train.x.rows).toBe(10);
    expect(splitDataset(tagged(10), { testSize: 10 }).train.x.rows).toBe(0);
  });

  it('rejects impossible sizes and both options at once', () => {
    expect(() => splitDataset(tagged(10), { testSize: 11 })).toThrow(InvalidArgumentError);
    expect(() => splitDataset(tagged(10), { testSize: 11 })).toThrow(/0\.\.10/);
    expect(() => splitDataset(tagged(10), { testFraction: 1.5 })).toThrow(/testFraction must be in/);
    expect(() => splitDataset(tagged(10), { testFraction: 0.5, testSize: 2 })).toThrow(/not both/);
  });
});

describe('shuffleDataset', () => {
  it('permutes the rows with their targets, deterministically', () => {
    const shuffled = shuffleDataset(tagged(30), { seed: 2 });
    const order = ids(shuffled);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(Array.from(shuffled.labels!)).toEqual(order.map((id) => id % 3));
    expect(ids(shuffleDataset(tagged(30), { seed: 2 }))).toEqual(order);
  });
});
