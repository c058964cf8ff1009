import { fromRows, toRows, zeros } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid } from './sigmoid';

const g = sigmoid.output!;
const dg = (z: number) => sigmoid.derivative!(z, g(z));

describe('sigmoid', () => {
  it('is the default name and shape', () => {
    expect(sigmoid.kind).toBe('activation');
    expect(sigmoid.name).toBe('sigmoid');
  });

  it("matches the published σ'(z) at −1, −0.5, 0, 0.5, 1 to 6 decimals", () => {
    // σ'(z) = σ(z)(1 − σ(z)); the values appear in Ng's course notes and every table of σ'.
    const published = [0.196612, 0.235004, 0.25, 0.235004, 0.196612];
    [-1, -0.5, 0, 0.5, 1].forEach((z, i) => {
      expect(dg(z)).toBeCloseTo(published[i]!, 6);
    });
  });

  it('gives σ(0) = 1/2, σ(1) = e/(1 + e), σ(−1) = 1/(1 + e)', () => {
    expect(g(0)).toBe(0.5);
    expect(g(1)).toBeCloseTo(Math.E / (1 + Math.E), 15);
    expect(g(-1)).toBeCloseTo(1 / (1 + Math.E), 15);
  });

  it('keeps the tail: σ(−40) = e^−40(1 − e^−40 + …) ≈ 4.248354255291589e−18', () => {
    // e^−40 = 4.248354255291589e−18 (published value of the constant).
    expect(g(-40) / 4.248354255291589e-18).toBeCloseTo(1, 14);
  });

  it('saturates without NaN for large |z|', () => {
    expect([g(-1e3), g(1e3), g(-1e30), g(1e30)]).toEqual([0, 1, 0, 1]);
    expect([dg(-1e3), dg(1e3)]).toEqual([0, 0]);
  });

  it('is symmetric: σ(−z) = 1 − σ(z) (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        // Each side is within about an ulp of the true 1 − σ(z), so they differ by at most 2⁻⁵².
        expect(Math.abs(g(-z) - (1 - g(z)))).toBeLessThanOrEqual(Number.EPSILON);
      }),
    );
  });

  it('maps a batch elementwise and backward multiplies by σ′', () => {
    const z = fromRows([
      [-1, 0],
      [0.5, 1],
    ]);
    const a = zeros(2, 2);
    sigmoid.forward(z, a);
    expect(toRows(a)[0]![1]).toBe(0.5);
    const out = zeros(2, 2);
    sigmoid.backward(
      z,
      a,
      fromRows([
        [2, 4],
        [1, -1],
      ]),
      out,
    );
    expect(out.data[1]).toBe(1); // 4 · 0.25
    expect(out.data[0]).toBeCloseTo(2 * 0.196612, 6);
  });
});
