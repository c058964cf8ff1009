import { ShapeError } from '@deltanet/contract';
import { fromRows, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { meanSquaredError } from './mean-squared-error';

// Worked example: h = [[1, 2], [3, 4]], y = [[0, 2], [5, 1]]; differences (1, 0; −2, 3).
// ℓ = ½(1² + 0²) + ½(2² + 3²) = 0.5 + 6.5 = 7; ∂ℓ/∂h = h − y = (1, 0, −2, 3).
// Keras' MSE: mean over rows of mean over K of squares = ((1 + 0)/2 + (4 + 9)/2) / 2 = 3.5.
const h = fromRows([
  [1, 2],
  [3, 4],
]);
const y = fromRows([
  [0, 2],
  [5, 1],
]);

describe('mean-squared-error', () => {
  it('matches the worked example', () => {
    expect(meanSquaredError.value(h, y)).toBe(7);
    const out = zeros(2, 2);
    meanSquaredError.gradient(h, y, out);
    expect(Array.from(out.data)).toEqual([1, 0, -2, 3]);
  });

  it("relates to Keras' mean_squared_error as keras = 2·value / (m·K)", () => {
    const m = h.rows;
    const k = h.cols;
    expect((2 * meanSquaredError.value(h, y)) / (m * k)).toBe(3.5);
  });

  it('declares δ = h − y for a linear output (g′ = 1, so δ is the gradient itself)', () => {
    const fused = meanSquaredError.fusedDeltas?.find((f) => f.activation === 'linear');
    const delta = zeros(2, 2);
    fused!.delta(h, y, delta);
    const gradient = zeros(2, 2);
    meanSquaredError.gradient(h, y, gradient);
    expect(Array.from(delta.data)).toEqual(Array.from(gradient.data).map((g) => g * 1));
  });

  it('throws a ShapeError naming both shapes', () => {
    expect(() => meanSquaredError.value(zeros(2, 2), zeros(2, 3))).toThrow(ShapeError);
    expect(() => meanSquaredError.value(zeros(2, 2), zeros(2, 3))).toThrow(/2 × 2.*2 × 3/);
  });
});
