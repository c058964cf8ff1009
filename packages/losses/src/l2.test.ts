import { ShapeError } from '@deltanet/contract';
import { fromRows, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { l2 } from './l2';

// Θ = [[1, 2, 3], [4, 5, 6]]; column 0 (1, 4) holds bias weights and is not penalized.
const theta = fromRows([
  [1, 2, 3],
  [4, 5, 6],
]);

describe('l2', () => {
  it('is ½ΣΘ² over the non-bias columns: ½(4 + 9 + 25 + 36) = 37', () => {
    expect(l2.value(theta)).toBe(37);
  });

  it("gives the course's λ/(2m) ΣΘ² once the network scales by λ/m", () => {
    // λ = 1, m = 2: λ/(2m) · (4 + 9 + 25 + 36) = 74 / 4 = 18.5.
    const lambda = 1;
    const m = 2;
    expect((lambda / m) * l2.value(theta)).toBe(18.5);
  });

  it('adds scale·Θ to columns 1.. and leaves column 0 alone', () => {
    const out = fromRows([
      [10, 10, 10],
      [10, 10, 10],
    ]);
    l2.accumulateGradient(theta, 0.5, out);
    // 10 + 0.5·(2, 3; 5, 6) = (11, 11.5; 12.5, 13); column 0 stays 10.
    expect(Array.from(out.data)).toEqual([10, 11, 11.5, 10, 12.5, 13]);
  });

  it('throws a ShapeError naming both shapes when out does not fit', () => {
    const call = () => l2.accumulateGradient(theta, 1, zeros(3, 2));
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/3 × 2.*2 × 3/);
  });
});

describe('l2 over a declared region', () => {
  it('penalizes from the region’s first column: the whole block with fromColumn 0', () => {
    const theta = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    // ½(1 + 4 + 9 + 16 + 25 + 36) = 45.5 over the whole block; 37 without column 0, as before.
    expect(l2.value(theta, { fromColumn: 0 })).toBe(45.5);
    expect(l2.value(theta)).toBe(37);
    expect(l2.value(theta, { fromColumn: 2 })).toBe(0.5 * (9 + 36));
    const out = { rows: 2, cols: 3, data: new Float64Array(6) };
    l2.accumulateGradient(theta, 0.5, out, { fromColumn: 0 });
    expect(Array.from(out.data)).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
  });
});
