// tanh x against a 320-bit reference (internal/wide-float.ts), within two ulps, and odd; the wasm
// kernels' agreement with it, bit for bit, is checked in ../tanh.test.ts and ../threads.test.ts.
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideTanh } from '../internal/wide-float';
import { tanh } from './tanh';

describe('tanh', () => {
  it('is within two ulps of tanh x, and odd', () => {
    const xs = [
      ...spread(41, 300, 2 ** -40, 2 ** -27, true), // tanh x = x
      ...spread(42, 1500, 2 ** -27, 1, true), // −t/(t + 2)
      ...spread(43, 1500, 1, 22, true), // 1 − 2/(t + 2)
      ...spread(44, 100, 22, 1e300, true), // ±1
    ];
    let worst = 0;
    for (const x of xs) {
      const error = ulpError(tanh(x), wideTanh(x));
      worst = Math.max(worst, error);
      if (error >= 2) expect.fail(`tanh(${x}) = ${tanh(x)} is ${error} ulps off`);
      expect(tanh(-x)).toBe(-tanh(x));
    }
    // fdlibm states no bound for tanh; −t/(t + 2) and 1 − 2/(t + 2) round twice after expm1,
    // so more than one ulp occurs (1.66 at worst in this sample), never two.
    expect(worst).toBeGreaterThan(1);
  });

  it('gives the special values', () => {
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(Number.POSITIVE_INFINITY)).toBe(1);
    expect(tanh(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(tanh(Number.NaN)).toBeNaN();
  });
});
