import { ShapeError } from '@deltanet/contract';
import { fromRows, matrix, zeros } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossEntropy } from './cross-entropy';

// σ(z) = 1 / (1 + e^−z), written here so the test does not depend on @deltanet/activations.
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const one = (x: number) => matrix(1, 1, new Float64Array([x]));

describe('cross-entropy', () => {
  it('costs ln 2 per output at h = 0.5, whatever the target', () => {
    const h = fromRows([[0.5, 0.5, 0.5]]);
    const y = fromRows([[1, 0, 1]]);
    expect(crossEntropy.value(h, y)).toBeCloseTo(3 * Math.LN2, 14);
  });

  it('matches a worked 2 × 2 example, value and gradient', () => {
    // Row 1: h = (0.5, 0.8), y = (1, 1) → −ln 0.5 − ln 0.8.
    // Row 2: h = (0.1, 0.6), y = (0, 1) → −ln(1 − 0.1) − ln 0.6.
    // Σ = −ln(0.5 · 0.8 · 0.9 · 0.6) = −ln 0.216 ≈ 1.53248, not divided by m = 2.
    // ∂ℓ/∂h = −y/h + (1 − y)/(1 − h): (−1/0.5, −1/0.8; 1/0.9, −1/0.6) = (−2, −1.25; 1.111…, −1.666…).
    const h = fromRows([
      [0.5, 0.8],
      [0.1, 0.6],
    ]);
    const y = fromRows([
      [1, 1],
      [0, 1],
    ]);
    expect(crossEntropy.value(h, y)).toBeCloseTo(-Math.log(0.216), 14);
    const out = zeros(2, 2);
    crossEntropy.gradient(h, y, out);
    const expected = [-2, -1.25, 1 / 0.9, -1 / 0.6];
    for (const [i, g] of expected.entries()) expect(out.data[i]).toBeCloseTo(g, 13);
  });

  it('caps a saturated wrong output at −ln ε = 7 ln 10 and keeps the gradient finite', () => {
    expect(crossEntropy.value(one(0), one(1))).toBeCloseTo(7 * Math.LN10, 13);
    expect(crossEntropy.value(one(1), one(0))).toBeCloseTo(7 * Math.LN10, 13);
    // A saturated right output costs nothing: the clamped term is multiplied by 1 − y = 0.
    expect(crossEntropy.value(one(1), one(1))).toBe(0);
    expect(crossEntropy.value(one(0), one(0))).toBe(0);
    const out = zeros(1, 1);
    crossEntropy.gradient(one(0), one(1), out);
    // −y/max(h, ε) + (1 − y)/max(1 − h, ε) = −1/ε: the formula at the clamped h, finite.
    expect(out.data[0]! / -1e7).toBeCloseTo(1, 12);
    crossEntropy.gradient(one(1), one(0), out);
    expect(out.data[0]! / 1e7).toBeCloseTo(1, 12);
  });

  it('works on float32 storage, where a saturated sigmoid is exactly 1', () => {
    const h = matrix(1, 2, new Float32Array([0.5, 1]));
    const y = matrix(1, 2, new Float32Array([1, 0]));
    expect(crossEntropy.value(h, y)).toBeCloseTo(Math.LN2 + 7 * Math.LN10, 6);
  });

  it('is the unclamped closed form on [1e-6, 1 − 1e-6], and its gradient the derivative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        // Hard labels take their own one-logarithm path in value; soft ones the general formula.
        fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        (p, t) => {
          const closed = -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
          expect(Math.abs(crossEntropy.value(one(p), one(t)) - closed)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, closed),
          );
          // Central difference in float64 with a step relative to the distance to 0 and 1.
          // Dividing by the step actually taken, (p + s) − (p − s) after rounding, not 2s.
          const s = 1e-6 * Math.min(p, 1 - p);
          const [plus, minus] = [p + s, p - s];
          const numeric =
            (crossEntropy.value(one(plus), one(t)) - crossEntropy.value(one(minus), one(t))) / (plus - minus);
          const out = zeros(1, 1);
          crossEntropy.gradient(one(p), one(t), out);
          expect(Math.abs(out.data[0]! - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
        },
      ),
    );
  });

  it('declares δ = h − y for sigmoid, equal to ∂ℓ/∂h .* σ′(z) with σ written inline', () => {
    const fused = crossEntropy.fusedDeltas?.find((f) => f.activation === 'sigmoid');
    expect(fused).toBeDefined();
    fc.assert(
      // |z| ≤ 13 keeps σ(z) in (2.2e-6, 1 − 2.2e-6), where the ε clamp is inactive.
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -13, max: 13, noNaN: true }), fc.integer({ min: 0, max: 1 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (pairs) => {
          const k = pairs.length;
          const h = matrix(
            1,
            k,
            Float64Array.from(pairs, ([z]) => sigma(z)),
          );
          const y = matrix(
            1,
            k,
            Float64Array.from(pairs, ([, t]) => t),
          );
          const upstream = zeros(1, k);
          crossEntropy.gradient(h, y, upstream);
          const delta = zeros(1, k);
          fused!.delta(h, y, delta);
          for (let j = 0; j < k; j++) {
            const a = h.data[j]!;
            const general = upstream.data[j]! * a * (1 - a);
            expect(Math.abs(delta.data[j]! - general)).toBeLessThanOrEqual(1e-12);
            expect(delta.data[j]).toBe(a - y.data[j]!);
          }
        },
      ),
    );
  });

  it('throws a ShapeError naming both shapes when h and y differ', () => {
    const call = () => crossEntropy.value(zeros(2, 3), zeros(3, 2));
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/2 × 3.*3 × 2/);
    expect(() => crossEntropy.gradient(zeros(2, 3), zeros(2, 3), zeros(3, 2))).toThrow(/out is 3 × 2/);
  });
});
