import { describe, expect, it } from 'vitest';
import { cubicInterpolate, strongWolfe } from './line-search';

describe('cubicInterpolate', () => {
  it('finds the minimizer of a cubic from two values and slopes', () => {
    // f = (x − 1)²: the fit through (0, 1, −2) and (2, 1, 2) is f itself, minimum at 1.
    expect(cubicInterpolate(0, 1, -2, 2, 1, 2)).toBe(1);
    // f = x³ − 3x: f(0) = 0, f′(0) = −3; f(2) = 2, f′(2) = 9; the local minimum is x = 1.
    expect(cubicInterpolate(0, 0, -3, 2, 2, 9)).toBeCloseTo(1, 12);
    expect(cubicInterpolate(2, 2, 9, 0, 0, -3)).toBeCloseTo(1, 12); // order does not matter
  });

  it('clamps to the bounds, and bisects when the cubic has no real minimizer', () => {
    expect(cubicInterpolate(0, 0, -3, 2, 2, 9, 1.5, 4)).toBe(1.5);
    // Rising with slope 1 at both ends and f(1) − f(0) = 0.5: d1 = 1 + 1 − 3·(−0.5)/(−1) = 0.5,
    // d1² − g1·g2 = 0.25 − 1 < 0, no real minimizer: the midpoint.
    expect(cubicInterpolate(0, 0, 1, 1, 0.5, 1)).toBe(0.5);
  });
});

describe('strongWolfe', () => {
  it('accepts a step on f(x) = ½x² that satisfies both strong Wolfe conditions', () => {
    // φ(t) = ½(1 − t)² from x = 1 along d = −1; φ(0) = ½, φ′(0) = −1.
    const x0 = 1;
    const d = new Float64Array([-1]);
    const g = new Float64Array([1]);
    const evaluate = (t: number, out: Float64Array | Float32Array) => {
      const x = x0 + t * d[0]!;
      out[0] = x;
      return 0.5 * x * x;
    };
    const work = [new Float64Array(1), new Float64Array(1), new Float64Array(1)] as const;
    const constants = { c1: 1e-4, c2: 0.1, toleranceChange: 1e-12, maxLineSearch: 25 };
    // From t = 3, φ(3) = 2 > ½: bracket [0, 3]; the cubic fit of a quadratic is exact: t = 1.
    const result = strongWolfe(evaluate, d, 3, 0.5, g, -1, work, constants);
    expect(result.t).toBeCloseTo(1, 12);
    expect(result.evaluations).toBe(2);
    expect(Math.abs(result.g[0]! * d[0]!)).toBeLessThanOrEqual(0.1); // |φ′(t)| ≤ c2·|φ′(0)|
    expect(g[0]).toBe(1); // the starting gradient is never written
  });
});
