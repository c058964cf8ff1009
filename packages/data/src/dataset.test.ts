import { InvalidArgumentError } from '@deltanet/contract';
import { fromRows, toRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset';
import { selectRows } from './dataset';

const d: Dataset = {
  x: fromRows(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    'float32',
  ),
  y: fromRows(
    [
      [1, 0],
      [0, 1],
      [1, 0],
    ],
    'float32',
  ),
  labels: Int32Array.from([0, 1, 0]),
  classNames: ['a', 'b'],
  featureNames: ['p', 'q'],
  name: 'tiny',
};

describe('selectRows', () => {
  it('copies the chosen rows in order, repeats allowed, keeping precision and names', () => {
    const s = selectRows(d, [2, 0, 2]);
    expect(toRows(s.x)).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    expect(toRows(s.y)).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(Array.from(s.labels!)).toEqual([0, 0, 0]);
    expect(s.x.data).toBeInstanceOf(Float32Array);
    expect([s.classNames, s.featureNames, s.name]).toEqual([['a', 'b'], ['p', 'q'], 'tiny']);
    s.x.data[0] = 99;
    expect(d.x.data[4]).toBe(5);
  });

  it('leaves absent fields absent and rejects rows outside the set', () => {
    const bare = selectRows({ x: d.x, y: d.y }, [1]);
    expect(Object.keys(bare).sort()).toEqual(['x', 'y']);
    expect(() => selectRows(d, [3])).toThrow(InvalidArgumentError);
    expect(() => selectRows(d, [3])).toThrow('row index 3 is outside a dataset of 3 rows');
  });
});
