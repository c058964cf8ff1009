import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tanh } from './tanh';

const g = tanh.output!;
const dg = (z: number) => tanh.derivative!(z, g(z));

describe('tanh', () => {
  it("gives tanh(0) = 0 and tanh'(0) = 1", () => {
    expect(g(0)).toBe(0);
    expect(dg(0)).toBe(1);
  });

  it("matches published tanh 1 = 0.7615941559557649 and tanh'(1) = sech² 1 = 0.41997434161402614", () => {
    expect(g(1)).toBeCloseTo(0.7615941559557649, 15);
    expect(dg(1)).toBeCloseTo(0.41997434161402614, 15);
  });

  it("agrees with tanh'(z) = 4 / (e^z + e^−z)² (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (z) => {
        const closed = 4 / (Math.exp(z) + Math.exp(-z)) ** 2;
        expect(Math.abs(dg(z) - closed)).toBeLessThanOrEqual(1e-15);
      }),
    );
  });

  it('is odd and saturates at ±1 with derivative 0', () => {
    expect(g(-0.3)).toBe(-g(0.3));
    expect([g(1e3), g(-1e30), dg(1e30)]).toEqual([1, -1, 0]);
  });
});
