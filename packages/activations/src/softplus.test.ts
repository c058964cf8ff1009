import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softplus } from './softplus';

const g = softplus.output!;
const dg = (z: number) => softplus.derivative!(z, g(z));

describe('softplus', () => {
  it('gives softplus(0) = ln 2 and softplus(1) = ln(1 + e) = 1.3132616875182228', () => {
    expect(g(0)).toBe(Math.LN2);
    expect(g(1)).toBeCloseTo(1.3132616875182228, 15);
  });

  it("has softplus'(z) = σ(z): 1/2 at 0, e/(1 + e) at 1", () => {
    expect(dg(0)).toBe(0.5);
    expect(dg(1)).toBeCloseTo(Math.E / (1 + Math.E), 15);
  });

  it('keeps the tails: g(−40) ≈ e^−40, g(1e3) = 1e3, g(−1e30) = 0', () => {
    // ln(1 + x) = x − x²/2 + …, so g(−40) = e^−40 = 4.248354255291589e−18 to 1e−17 relative.
    expect(g(-40) / 4.248354255291589e-18).toBeCloseTo(1, 14);
    expect([g(1e3), g(-1e30), g(1e30)]).toEqual([1e3, 0, 1e30]);
  });

  it('satisfies softplus(z) − softplus(−z) = z (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (z) => {
        expect(Math.abs(g(z) - g(-z) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)));
      }),
    );
  });
});
