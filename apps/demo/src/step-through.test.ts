import { createNetwork, traceBackprop } from '@deltanet/backprop';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { stagesOf, viewStage } from './step-through';

describe('step-through', () => {
  const net = createNetwork({ layers: [2, 3, 2], lambda: 0.5, seed: 2 });
  const y = [1, 0];
  const trace = traceBackprop(net, fromRows([[0.4, -0.8]]), fromRows([y]));
  const names = { activations: ['sigmoid', 'sigmoid'], regularizer: 'l2' };
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  it('walks forward, then δ right to left, then Δ and D', () => {
    expect(stagesOf(trace)).toEqual([
      { kind: 'forward', layer: 2 },
      { kind: 'forward', layer: 3 },
      { kind: 'delta', layer: 3 },
      { kind: 'delta', layer: 2 },
      { kind: 'gradient', layer: 2 },
      { kind: 'gradient', layer: 1 },
    ]);
  });

  it('puts the trace’s z and a on the layer being computed', () => {
    const view = viewStage(trace, { kind: 'forward', layer: 2 }, y, names, 1);
    expect(view.values[0]!.map((v) => v[0])).toEqual([
      { quantity: 'x', value: 0.4 },
      { quantity: 'x', value: -0.8 },
    ]);
    expect(view.values[1]![1]).toEqual([
      { quantity: 'z', value: trace.units[1]!.z![0]![1] },
      { quantity: 'a', value: trace.units[1]!.a[0]![1] },
    ]);
    // z₂(2) = Θ₂₀ + Θ₂₁x₁ + Θ₂₂x₂, worked here from Θ; the formula shows it to 4 digits.
    const [t0, t1, t2] = trace.weights[0]!.theta[1]!;
    const z = t0! + t1! * 0.4 + t2! * -0.8;
    expect(view.formula).toContain(`<b>${Number(z.toPrecision(4))}</b>`);
    expect(view.formula).toContain(`<b>${Number(sigmoid(z).toPrecision(4))}</b>`);
    expect(view).toMatchObject({ litLayer: 0, focus: { column: 1, unit: 1 }, litFromFocus: false });
  });

  it('shows δ(3) = a(3) − y and δ(2) as the sum the seeds drew, lighting Θ(2)’s links', () => {
    const out = viewStage(trace, { kind: 'delta', layer: 3 }, y, names, 0);
    const a = trace.units[2]!.a[0]![0]!;
    expect(out.formula).toContain(`= <b>${Number((a - 1).toPrecision(4))}</b>`);
    const hidden = viewStage(trace, { kind: 'delta', layer: 2 }, y, names, 1);
    const theta2 = trace.weights[1]!.theta;
    const [d1, d2] = trace.units[2]!.delta![0]!;
    const a2 = trace.units[1]!.a[0]![1]!;
    const delta = (theta2[0]![2]! * d1! + theta2[1]![2]! * d2!) * a2 * (1 - a2);
    expect(hidden.formula).toContain(
      'Θ<sub>12</sub><sup>(2)</sup>·δ<sub>1</sub><sup>(3)</sup> + Θ<sub>22</sub><sup>(2)</sup>·δ<sub>2</sub><sup>(3)</sup>',
    );
    expect(hidden.formula).toContain(`<b>${Number(delta.toPrecision(4))}</b>`);
    expect(hidden).toMatchObject({ litLayer: 1, focus: { column: 1, unit: 1 }, litFromFocus: true });
  });

  it('lists row j of Δ(l) and D(l), with D = Δ/m + (λ/m)Θ off the bias column', () => {
    const view = viewStage(trace, { kind: 'gradient', layer: 1 }, y, names, 2);
    const theta = trace.weights[0]!.theta[2]!;
    const delta = trace.units[1]!.delta![0]![2]!;
    view.gradientRow!.forEach(({ k, a, Delta, D }) => {
      expect(a).toBe([1, 0.4, -0.8][k]);
      expect(Delta).toBeCloseTo(delta * a, 15);
      expect(D).toBeCloseTo(Delta + (k === 0 ? 0 : 0.5 * theta[k]!), 15);
    });
  });
});
