import { ShapeError } from '@deltanet/contract';
import { fromRows, matrix, zeros } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from './softmax-cross-entropy';

// softmax(z)ₖ = e^(zₖ − max z) / Σⱼ e^(zⱼ − max z), written here rather than imported.
function softmax(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

// The softmax backward: ∂J/∂zⱼ = hⱼ (uⱼ − Σₖ hₖ uₖ), i.e. (diag(h) − h hᵀ) u.
function softmaxBackward(h: readonly number[], u: readonly number[]): number[] {
  const dot = h.reduce((s, hk, k) => s + hk * u[k]!, 0);
  return h.map((hj, j) => hj * (u[j]! - dot));
}

describe('softmax-cross-entropy', () => {
  it('costs −ln h of the true class (worked example)', () => {
    // h = (0.7, 0.2, 0.1), y = (1, 0, 0): ℓ = −ln 0.7 ≈ 0.35667; ∂ℓ/∂h = (−1/0.7, 0, 0).
    const h = fromRows([[0.7, 0.2, 0.1]]);
    const y = fromRows([[1, 0, 0]]);
    expect(softmaxCrossEntropy.value(h, y)).toBeCloseTo(-Math.log(0.7), 14);
    const out = zeros(1, 3);
    softmaxCrossEntropy.gradient(h, y, out);
    expect(out.data[0]).toBeCloseTo(-1 / 0.7, 13);
    expect(out.data[1]).toBeCloseTo(0, 15);
    expect(out.data[2]).toBeCloseTo(0, 15);
  });

  it('sums over rows without dividing by m', () => {
    // −ln 0.5 − ln 0.25 = 3 ln 2.
    const h = fromRows([
      [0.5, 0.5],
      [0.75, 0.25],
    ]);
    const y = fromRows([
      [1, 0],
      [0, 1],
    ]);
    expect(softmaxCrossEntropy.value(h, y)).toBeCloseTo(3 * Math.LN2, 14);
  });

  it('costs exactly 0 for a perfect prediction and 7 ln 10 for a certain miss', () => {
    expect(softmaxCrossEntropy.value(fromRows([[1, 0, 0]]), fromRows([[1, 0, 0]]))).toBe(0);
    expect(softmaxCrossEntropy.value(fromRows([[0, 1, 0]]), fromRows([[1, 0, 0]]))).toBeCloseTo(
      7 * Math.LN10,
      9,
    );
    const out = zeros(1, 3);
    softmaxCrossEntropy.gradient(fromRows([[0, 1, 0]]), fromRows([[1, 0, 0]]), out);
    expect(out.data[0]! / -1e7).toBeCloseTo(1, 12);
  });

  it('declares δ = h − y for softmax, equal to the softmax backward of ∂ℓ/∂h for one-hot y', () => {
    const fused = softmaxCrossEntropy.fusedDeltas?.find((f) => f.activation === 'softmax');
    expect(fused).toBeDefined();
    fc.assert(
      // |z| ≤ 5 with K ≤ 6 keeps every hₖ ≥ e^−10 / 6 ≈ 7.6e-6, where the ε clamp is inactive.
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        (z, label) => {
          const k = z.length;
          const hRow = softmax(z);
          const h = matrix(1, k, Float64Array.from(hRow));
          const y = zeros(1, k);
          y.data[label % k] = 1;
          const upstream = zeros(1, k);
          softmaxCrossEntropy.gradient(h, y, upstream);
          const general = softmaxBackward(hRow, Array.from(upstream.data));
          const delta = zeros(1, k);
          fused!.delta(h, y, delta);
          for (const [j, g] of general.entries()) {
            expect(Math.abs(delta.data[j]! - g)).toBeLessThanOrEqual(1e-12);
          }
        },
      ),
    );
  });

  it('needs rows of y summing to 1: otherwise the general rule gives h·Σy − y, not h − y', () => {
    const hRow = softmax([0.3, -1, 2]);
    const h = matrix(1, 3, Float64Array.from(hRow));
    const y = fromRows([[1, 1, 0]]);
    const upstream = zeros(1, 3);
    softmaxCrossEntropy.gradient(h, y, upstream);
    const general = softmaxBackward(hRow, Array.from(upstream.data));
    for (const [j, g] of general.entries()) expect(g).toBeCloseTo(2 * hRow[j]! - y.data[j]!, 14);
  });

  it('gives the derivative of J(z) = −Σ y log softmax(z) for soft, multi-hot and all-zero targets (central differences)', () => {
    const fused = softmaxCrossEntropy.fusedDeltas!.find((f) => f.activation === 'softmax')!;
    const z = [
      [0.3, -1, 2],
      [1.5, 0.2, -0.7],
      [-0.4, 0.9, 0.1],
      [2, -2, 0.5],
    ];
    const targets = [
      [0.6, 0.3, 0.1], // a distribution: sums to 1
      [1, 1, 0], // multi-hot: sums to 2
      [0.2, 0.1, 0.4], // soft, sums to 0.7
      [0, 0, 0], // no class
    ];
    const cost = (zRow: readonly number[], yRow: readonly number[]) =>
      softmaxCrossEntropy.value(matrix(1, 3, Float64Array.from(softmax(zRow))), fromRows([[...yRow]]));
    const h = fromRows(z.map(softmax));
    const delta = zeros(4, 3);
    fused.delta(h, fromRows(targets), delta);
    const step = 1e-6;
    for (let r = 0; r < 4; r++) {
      for (let j = 0; j < 3; j++) {
        const plus = z[r]!.map((v, k) => (k === j ? v + step : v));
        const minus = z[r]!.map((v, k) => (k === j ? v - step : v));
        const numeric = (cost(plus, targets[r]!) - cost(minus, targets[r]!)) / (2 * step);
        expect(Math.abs(delta.data[r * 3 + j]! - numeric), `row ${r}, class ${j}`).toBeLessThan(1e-9);
      }
    }
  });

  it('keeps δ = h − y bit for bit on rows summing to exactly 1, in both precisions', () => {
    const fused = softmaxCrossEntropy.fusedDeltas!.find((f) => f.activation === 'softmax')!;
    for (const Type of [Float64Array, Float32Array]) {
      const h = matrix(2, 3, Type.from([...softmax([0.3, -1, 2]), ...softmax([1, 1, -3])]));
      const y = matrix(2, 3, Type.from([0, 0, 1, 0.25, 0.75, 0]));
      const delta = matrix(2, 3, new Type(6));
      fused.delta(h, y, delta);
      const expected = Array.from(h.data, (v, i) => v - y.data[i]!);
      const rounded = Array.from(Type.from(expected));
      expect(Array.from(delta.data)).toEqual(rounded);
    }
  });

  it('throws a ShapeError naming both shapes', () => {
    const call = () => softmaxCrossEntropy.gradient(zeros(1, 3), zeros(1, 4), zeros(1, 3));
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/1 × 3.*1 × 4/);
  });
});
