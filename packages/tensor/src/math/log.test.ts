// ln x against a 320-bit reference (internal/wide-float.ts: the atanh series on BigInt), within
// fdlibm's bound of one ulp, subnormals included, plus the special values.
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideLog } from '../internal/wide-float';
import { log } from './log';

describe('log', () => {
  it('is within one ulp of ln x from subnormals to the largest double', () => {
    const xs = [
      ...spread(21, 1500, 0.5, 2, false), // k = 0 and ±1, near 1 where ln x is small
      ...spread(22, 300, 1 - 2 ** -20, 1 + 2 ** -20, false), // |f| < 2⁻²⁰
      ...spread(23, 1500, 2 ** -1022, 2 ** 1023, false),
      ...spread(24, 200, 5e-324, 2 ** -1022, false), // subnormals
      1e-7, // the cross-entropies' log ε
      Number.MAX_VALUE,
    ];
    for (const x of xs) {
      const error = ulpError(log(x), wideLog(x));
      if (error >= 1) expect.fail(`log(${x}) = ${log(x)} is ${error} ulps off`);
    }
  });

  it('gives the special values', () => {
    expect(log(1)).toBe(0);
    expect(log(2)).toBe(Math.LN2);
    expect(log(10)).toBe(Math.LN10);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log(Number.NaN)).toBeNaN();
  });
});
