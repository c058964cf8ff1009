// cos x against a 320-bit reference (internal/wide-float.ts: π from Machin's formula, the Taylor
// series on BigInt), within one ulp, near multiples of π/2 too, plus the special values.
import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideCos } from '../internal/wide-float';
import { cos } from './cos';

describe('cos', () => {
  it('is within one ulp of cos x for |x| ≤ 2²⁰·π/2', () => {
    const nearQuarterTurns = spread(51, 400, 2 ** -45, 2 ** -20, true).map(
      (d, i) => (1 + (i % 40)) * (Math.PI / 2) + d,
    );
    const xs = [
      ...spread(52, 300, 2 ** -40, 0.79, true), // no reduction
      ...spread(53, 2000, 0.79, 2 * Math.PI, false), // Box–Muller's arguments, 2πu
      ...spread(54, 1000, 2 * Math.PI, 1.6e6, true),
      ...nearQuarterTurns,
      Math.PI / 2,
      Math.PI,
    ];
    for (const x of xs) {
      const error = ulpError(cos(x), wideCos(x));
      if (error >= 1) expect.fail(`cos(${x}) = ${cos(x)} is ${error} ulps off`);
    }
  });

  it('gives the special values and refuses arguments it cannot reduce', () => {
    expect(cos(0)).toBe(1);
    expect(cos(Math.PI)).toBe(-1);
    expect(cos(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(cos(Number.NaN)).toBeNaN();
    expect(() => cos(1.7e6)).toThrow(InvalidArgumentError);
  });
});
