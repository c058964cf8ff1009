import { ShapeError } from '@deltanet/contract';
import { fromRows, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { l1 } from './l1';

// Θ = [[1, −2, 3], [4, 0, −6]]; column 0 (1, 4) holds bias weights and is not penalized.
const theta = fromRows([
  [1, -2, 3],
  [4, 0, -6],
]);

describe('l1', () => {
  it('is Σ|Θ| over the non-bias columns: 2 + 3 + 0 + 6 = 11', () => {
    expect(l1.value(theta)).toBe(11);
  });

  it('adds scale·sign(Θ) to columns 1.., 0 at Θ = 0, column 0 untouched', () => {
    const out = zeros(2, 3);
    l1.accumulateGradient(theta, 2, out);
    // 2·sign(−2, 3; 0, −6) = (−2, 2; 0, −2).
    expect(Array.from(out.data)).toEqual([0, -2, 2, 0, 0, -2]);
  });

  it('throws a ShapeError when out does not fit', () => {
    expect(() => l1.accumulateGradient(theta, 1, zeros(2, 2))).toThrow(ShapeError);
  });
});
