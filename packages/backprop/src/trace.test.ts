import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { createNetwork, traceBackprop } from './index';

describe('traceBackprop', () => {
  // Checks every traced quantity against the course's formulas evaluated here on plain arrays.
  const net = createNetwork({ layers: [3, 4, 2], lambda: 2, seed: 6 });
  const x = fromRows([
    [0.3, -1, 2],
    [1.5, 0.2, -0.7],
  ]);
  const y = fromRows([
    [1, 0],
    [0, 1],
  ]);
  const trace = traceBackprop(net, x, y);
  const [theta1, theta2] = trace.weights.map((w) => w.theta);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const dot = (row: number[], bias1: number[]) => row.reduce((s, w, j) => s + w * bias1[j]!, 0);

  it('shows z(l) = Θ(l−1)·[1; a(l−1)] and a(l) = g(z(l))', () => {
    expect(trace.units.map((u) => u.layer)).toEqual([1, 2, 3]);
    for (let i = 0; i < 2; i++) {
      const a1 = [1, ...trace.units[0]!.a[i]!];
      const z2 = theta1!.map((row) => dot(row, a1));
      z2.forEach((z, j) => expect(trace.units[1]!.z![i]![j]).toBeCloseTo(z, 14));
      z2.forEach((z, j) => expect(trace.units[1]!.a[i]![j]).toBeCloseTo(sigmoid(z), 14));
      trace.units[1]!.gPrime![i]!.forEach((g, j) =>
        expect(g).toBeCloseTo(sigmoid(z2[j]!) * (1 - sigmoid(z2[j]!)), 14),
      );
    }
  });

  it('shows δ(3) = a(3) − y and δ(2) = (Θ(2))ᵀδ(3) .* g′(z(2)) without the bias row', () => {
    for (let i = 0; i < 2; i++) {
      const delta3 = trace.units[2]!.a[i]!.map((a, k) => a - y.data[i * 2 + k]!);
      delta3.forEach((d, k) => expect(trace.units[2]!.delta![i]![k]).toBeCloseTo(d, 14));
      for (let j = 0; j < 4; j++) {
        const back = delta3.reduce((s, d, k) => s + theta2![k]![j + 1]! * d, 0);
        expect(trace.units[1]!.delta![i]![j]).toBeCloseTo(back * trace.units[1]!.gPrime![i]![j]!, 14);
      }
    }
  });

  it('shows Δ(l) = Σᵢ δ(l+1)[1; a(l)]ᵀ and D(l) = Δ(l)/m + (λ/m)Θ(l) off the bias column', () => {
    for (const [l, w] of trace.weights.entries()) {
      w.Delta.forEach((row, r) =>
        row.forEach((value, c) => {
          const expected = [0, 1].reduce((s, i) => {
            const below = c === 0 ? 1 : trace.units[l]!.a[i]![c - 1]!;
            return s + trace.units[l + 1]!.delta![i]![r]! * below;
          }, 0);
          expect(value).toBeCloseTo(expected, 14);
          const penalty = c === 0 ? 0 : (2 / 2) * w.theta[r]![c]!;
          expect(w.D[r]![c]).toBeCloseTo(value / 2 + penalty, 14);
        }),
      );
    }
  });

  it('equals the gradient the network trains with', () => {
    const gradient = new Float64Array(net.parameterCount);
    expect(net.gradients(x, y, gradient)).toBeCloseTo(trace.cost, 15);
    expect(Array.from(gradient)).toEqual(trace.weights.flatMap((w) => w.D.flat()));
  });
});
