// sin x against a 320-bit reference (internal/wide-float.ts: π from Machin's formula, the Taylor
// series on BigInt), within one ulp, near multiples of π/2 too, plus the special values.
import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { spread, ulpError, wideSin } from '../internal/wide-float';
import { sin } from './sin';

describe('sin', () => {
  it('is within one ulp of sin x for |x| ≤ 2²⁰·π/2', () => {
    const nearQuarterTurns = spread(61, 400, 2 ** -45, 2 ** -20, true).map(
      (d, i) => (1 + (i % 40)) * (Math.PI / 2) + d,
    );
    const xs = [
      ...spread(62, 300, 2 ** -40, 0.79, true), // no reduction
      ...spread(63, 2000, 0.79, 4 * Math.PI, true), // the circle's and spiral's angles
      ...spread(64, 1000, 4 * Math.PI, 1.6e6, true),
      ...nearQuarterTurns,
      Math.PI / 2,
      Math.PI,
    ];
    for (const x of xs) {
      const error = ulpError(sin(x), wideSin(x));
      if (error >= 1) expect.fail(`sin(${x}) = ${sin(x)} is ${error} ulps off`);
    }
  });

  it('gives the special values and refuses arguments it cannot reduce', () => {
    expect(sin(0)).toBe(0);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(sin(1e-300)).toBe(1e-300);
    expect(sin(Math.PI / 2)).toBe(1);
    expect(sin(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(sin(Number.NaN)).toBeNaN();
    expect(() => sin(-1.7e6)).toThrow(InvalidArgumentError);
  });
});
