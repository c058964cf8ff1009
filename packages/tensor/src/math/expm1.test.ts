// e^x − 1 against a 320-bit reference (internal/wide-float.ts), within fdlibm's bound of one ulp,
// in each of the reconstructions s_expm1.c picks by k, plus the special values.
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideExpm1 } from '../internal/wide-float';
import { expm1 } from './expm1';

describe('expm1', () => {
  it('is within one ulp of e^x − 1 for every k', () => {
    const xs = [
      ...spread(11, 1500, 2 ** -54, 0.35, true), // k = 0
      ...spread(12, 800, 0.35, 1.04, true), // k = ±1
      ...spread(13, 1500, 1.04, 14, true), // 2 ≤ |k| < 20
      ...spread(14, 800, 14, 39, false), // 20 ≤ k ≤ 56
      ...spread(15, 800, 39, 709, false), // k > 56
      ...spread(16, 300, 1.04, 38, false).map((x) => -x), // k ≤ −2
    ];
    for (const x of xs) {
      const error = ulpError(expm1(x), wideExpm1(x));
      if (error >= 1) expect.fail(`expm1(${x}) = ${expm1(x)} is ${error} ulps off`);
    }
  });

  it('gives the special values', () => {
    expect(Object.is(expm1(-0), -0)).toBe(true);
    expect(expm1(1e-300)).toBe(1e-300);
    expect(expm1(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(expm1(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(expm1(-40)).toBe(-1); // e^−40 is below half an ulp of 1
    expect(expm1(710)).toBe(Number.POSITIVE_INFINITY);
    expect(expm1(Number.NaN)).toBeNaN();
  });
});
