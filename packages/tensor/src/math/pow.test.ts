// x^y against a 320-bit reference (internal/wide-float.ts: e^(y·ln x) on BigInt), within one
// ulp, and ECMAScript's special values (which differ from C's pow at ±1 and NaN).
import { describe, expect, it } from 'vitest';
import { spread, ulpError, widePow } from '../internal/wide-float';
import { pow } from './pow';

describe('pow', () => {
  it('is within one ulp of x^y, Adam’s β^t among the cases', () => {
    const bases = spread(61, 600, 1e-3, 1e3, false);
    const exponents = spread(62, 600, 1e-3, 60, true);
    const cases: [number, number][] = bases.map((x, i) => [x, exponents[i]!]);
    for (let t = 1; t <= 4000; t += 37) cases.push([0.9, t], [0.999, t], [0.99, t]);
    cases.push([1 + 2 ** -30, 3e9], [0.5, 1074], [2, 1023], [1.0000001, -7e6]);
    for (const [x, y] of cases) {
      const error = ulpError(pow(x, y), widePow(x, y));
      if (error >= 1) expect.fail(`pow(${x}, ${y}) = ${pow(x, y)} is ${error} ulps off`);
    }
  });

  it('gives whole powers of whole numbers exactly, and odd powers of negatives their sign', () => {
    expect(pow(3, 20)).toBe(3486784401);
    expect(pow(10, 15)).toBe(1e15);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(-2, -2)).toBe(0.25);
  });

  it('gives the special values ECMAScript specifies', () => {
    expect(pow(Number.NaN, 0)).toBe(1);
    expect(pow(1, Number.NaN)).toBeNaN(); // C's pow says 1
    expect(pow(1, Number.POSITIVE_INFINITY)).toBeNaN(); // C's pow says 1
    expect(pow(-1, Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(pow(0.5, Number.POSITIVE_INFINITY)).toBe(0);
    expect(pow(2, Number.NEGATIVE_INFINITY)).toBe(0);
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(pow(-0, -3)).toBe(Number.NEGATIVE_INFINITY);
    expect(pow(0, -2)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(Number.NEGATIVE_INFINITY, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(pow(2, 1024)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(2, -1080)).toBe(0);
    expect(pow(4, 0.5)).toBe(2);
  });
});
