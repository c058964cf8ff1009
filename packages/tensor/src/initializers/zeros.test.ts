// zeros: Θ = 0 everywhere, without touching the random stream.
import type { Random } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../matrix';
import { zerosInitializer } from './zeros';

describe('zeros', () => {
  it('sets every entry, bias column included, to 0 and reads no random numbers', () => {
    const theta = fromRows([
      [1, 2, 3],
      [Number.NaN, 5, 6],
    ]);
    const untouchable: Random = {
      uniform: () => {
        throw new Error('read');
      },
      int: () => {
        throw new Error('read');
      },
      normal: () => {
        throw new Error('read');
      },
      state: () => [1, 2, 3, 4],
    };
    zerosInitializer.initialize(theta, untouchable);
    expect(toRows(theta)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(zerosInitializer.name).toBe('zeros');
  });
});
