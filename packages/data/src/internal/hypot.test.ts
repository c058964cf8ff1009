// hypot against closed forms (Pythagorean triples) and against Node 20's Math.hypot, bit for bit,
// on random pairs: the port is of V8's algorithm, so on V8 the two agree everywhere.
import { describe, expect, it } from 'vitest';
import { hypot } from './hypot';

describe('hypot', () => {
  it('gives exact triples and the special values', () => {
    expect(hypot(3, 4)).toBe(5);
    expect(hypot(-5, 12)).toBe(13);
    expect(hypot(0, -0)).toBe(0);
    expect(hypot(1e300, 1e300)).toBe(1.4142135623730952e300);
    expect(hypot(Number.NaN, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(hypot(Number.NaN, 1)).toBeNaN();
  });

  it('gives the bits of V8’s Math.hypot on random pairs', () => {
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state / 2 ** 32) * 20 - 10;
    };
    for (let i = 0; i < 100_000; i++) {
      const a = next();
      const b = next() * 10 ** Math.floor(next() / 2);
      if (!Object.is(hypot(a, b), Math.hypot(a, b))) expect.fail(`hypot(${a}, ${b})`);
    }
  });
});
