// e^x against a 320-bit reference (internal/wide-float.ts: Taylor series on BigInt), within
// fdlibm's bound of one ulp, plus the special values IEEE 754 and C99 Annex F fix.
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideExp } from '../internal/wide-float';
import { exp } from './exp';

describe('exp', () => {
  it('is within one ulp of e^x in every range it reduces differently', () => {
    const xs = [
      ...spread(1, 1500, 2 ** -30, 0.35, true), // no reduction (|x| < ln2/2)
      ...spread(2, 1500, 0.35, 1.04, true), // k = ±1
      ...spread(3, 2000, 1.04, 709, true), // general k
      ...spread(4, 300, 709, 745, false).map((x) => -x), // subnormal results
      1e-300,
      -1e-300,
      709.782712893383,
      -708.39,
      -745.13,
    ];
    let worst = 0;
    for (const x of xs) {
      const error = ulpError(exp(x), wideExp(x));
      if (error > worst) worst = error;
      if (error >= 1) expect.fail(`exp(${x}) = ${exp(x)} is ${error} ulps off`);
    }
    // A correctly rounded exp would stay below 0.5; fdlibm's measured worst is about 0.8.
    expect(worst).toBeGreaterThan(0.5);
  });

  it('gives the special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    // e is 2.718281828459045 correctly rounded; fdlibm's is 0.67 ulp off here (V8's Math.exp(1) ≠ Math.E).
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: one ulp above Math.E on purpose
    expect(exp(1)).toBe(2.7182818284590455);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(709.79)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-745.2)).toBe(0);
    expect(exp(-745.13)).toBe(5e-324); // the smallest subnormal
  });
});
