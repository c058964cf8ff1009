import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gelu } from './gelu';

const g = gelu.output!;
const dg = (z: number) => gelu.derivative!(z, g(z));

// The tanh form exactly as printed in Hendrycks & Gimpel, "Gaussian Error Linear Units (GELUs)",
// arXiv:1606.08415, §2: 0.5x(1 + tanh[√(2/π)(x + 0.044715x³)]), and its derivative by hand.
const r = Math.sqrt(2 / Math.PI);
const paper = (z: number) => 0.5 * z * (1 + Math.tanh(r * (z + 0.044715 * z ** 3)));
const paperDerivative = (z: number) => {
  const t = Math.tanh(r * (z + 0.044715 * z ** 3));
  return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * r * (1 + 3 * 0.044715 * z * z);
};

describe('gelu (tanh approximation)', () => {
  it("gives gelu(0) = 0 and gelu'(0) = 1/2", () => {
    expect(g(0)).toBe(0);
    expect(dg(0)).toBe(0.5);
  });

  it("matches the paper's tanh formula and its derivative (property)", () => {
    // Above z = −3 the paper's 1 + tanh(·) loses at most ~300× ε to cancellation, so the two
    // forms agree to a few ulps of max(1, |z|).
    fc.assert(
      fc.property(fc.double({ min: -3, max: 10, noNaN: true }), (z) => {
        expect(Math.abs(g(z) - paper(z))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(z)));
        expect(Math.abs(dg(z) - paperDerivative(z))).toBeLessThanOrEqual(1e-13);
      }),
    );
  });

  it('is within 5e−4 of the exact GELU z·Φ(z) at published Φ values', () => {
    // Standard normal CDF: Φ(−2) = 0.022750131948179195, Φ(−1) = 0.15865525393145707,
    // Φ(0.5) = 0.6914624612740131, Φ(1) = 0.8413447460685429, Φ(2) = 0.9772498680518208.
    const phi: [number, number][] = [
      [-2, 0.022750131948179195],
      [-1, 0.15865525393145707],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [2, 0.9772498680518208],
    ];
    for (const [z, p] of phi) expect(Math.abs(g(z) - z * p)).toBeLessThan(5e-4);
    expect(g(1)).toBeCloseTo(0.8411919906082768, 15);
  });

  it('keeps the negative tail where the paper form cancels: g(−10) ≈ −10·e^(2u)', () => {
    // For u → −∞, ½(1 + tanh u) = σ(2u) ≈ e^(2u), with u = √(2/π)(−10 − 44.715).
    const u = r * (-10 - 0.044715 * 1000);
    expect(paper(-10)).toBe(-0);
    expect(g(-10) / (-10 * Math.exp(2 * u))).toBeCloseTo(1, 12);
  });

  it('stays finite for huge |z| (z³ overflows past 1e103)', () => {
    for (const z of [1e30, -1e30, 1e200, -1e200]) {
      expect(Number.isFinite(g(z))).toBe(true);
      expect(Number.isFinite(dg(z))).toBe(true);
    }
    expect([g(1e200), dg(1e200), dg(-1e200)]).toEqual([1e200, 1, 0]);
  });
});
