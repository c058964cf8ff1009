// ln(1 + x) against a 320-bit reference (internal/wide-float.ts), within fdlibm's bound of one
// ulp, plus the special values.
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideLog1p } from '../internal/wide-float';
import { log1p } from './log1p';

describe('log1p', () => {
  it('is within one ulp of ln(1 + x) over (−1, 2¹⁰²³)', () => {
    const xs = [
      ...spread(31, 1500, 2 ** -60, 0.4, true), // no reduction (√2/2 ≤ 1 + x < √2)
      ...spread(32, 300, 2 ** -60, 2 ** -29, true), // the short series
      ...spread(33, 1000, 0.3, 1, false).map((x) => -x), // toward −1
      ...spread(34, 1500, 0.4, 2 ** 1023, false),
      ...spread(35, 200, 2 ** 53, 2 ** 60, false), // 1 + x rounds to x
      -1e-7,
      -(1 - 1e-7), // the cross-entropies' log(1 − h) near their clamp
    ];
    for (const x of xs) {
      const error = ulpError(log1p(x), wideLog1p(x));
      if (error >= 1) expect.fail(`log1p(${x}) = ${log1p(x)} is ${error} ulps off`);
    }
  });

  it('gives the special values', () => {
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(1e-300)).toBe(1e-300);
    expect(log1p(1)).toBe(Math.LN2);
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(-2)).toBeNaN();
    expect(log1p(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log1p(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log1p(Number.NaN)).toBeNaN();
  });
});
