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

  it('walks forward, then δ right to left, then Δ and D, then the updates', () => {
    expect(stagesOf(trace)).toEqual([
      { kind: 'forward', layer: 2 },
      { kind: 'forward', layer: 3 },
      { kind: 'delta', layer: 3 },
      { kind: 'delta', layer: 2 },
      { kind: 'gradient', layer: 2 },
      { kind: 'gradient', layer: 1 },
      { kind: 'update', layer: 2 },
      { kind: 'update', layer: 1 },
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

  describe('a minibatch', () => {
    const rows = [
      [0.4, -0.8],
      [1.5, 0.2],
      [-0.3, 0.9],
      [2, -1.1],
    ];
    const targets = [
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 0],
    ];
    const batch = traceBackprop(net, fromRows(rows), fromRows(targets));
    const settings = { ...names, learningRate: 0.3, optimizer: 'sgd' };

    it('accumulates Δ over the m examples from each example’s own trace', () => {
      expect(
        stagesOf(batch)
          .filter((s) => s.kind === 'accumulate')
          .map((s) => s.layer),
      ).toEqual([2, 1]);
      const view = viewStage(batch, { kind: 'accumulate', layer: 1 }, targets[0]!, settings, 2);
      // The oracle: one traceBackprop per example; Δ₃₁(1) is the sum of their δ₃(2)·x₁.
      let sum = 0;
      view.accumulation!.forEach((step, i) => {
        const single = traceBackprop(net, fromRows([rows[i]!]), fromRows([targets[i]!]));
        const term = single.units[1]!.delta![0]![2]! * rows[i]![0]!;
        sum += term;
        expect(step.term).toBeCloseTo(term, 14);
        expect(step.sum).toBeCloseTo(sum, 14);
      });
      expect(view.accumulation).toHaveLength(4);
      expect(batch.weights[0]!.Delta[2]![1]).toBeCloseTo(sum, 13);
      // D = Δ/m + (λ/m)Θ off the bias column, with m = 4 and λ = 0.5.
      const theta = batch.weights[0]!.theta[2]![1]!;
      expect(view.gradientRow![1]!.D).toBeCloseTo(sum / 4 + (0.5 / 4) * theta, 14);
      expect(view.formula).toContain(`<b>${Number(sum.toPrecision(4))}</b>`);
    });

    it('steps Θ := Θ − αD with the numbers', () => {
      const view = viewStage(batch, { kind: 'update', layer: 2 }, targets[0]!, settings, 1);
      const { theta, D } = batch.weights[1]!;
      view.updateRow!.forEach(({ k, next }) => expect(next).toBe(theta[1]![k]! - 0.3 * D[1]![k]!));
      expect(view.formula).toContain(`<b>${Number((theta[1]![1]! - 0.3 * D[1]![1]!).toPrecision(4))}</b>`);
      const adam = viewStage(
        batch,
        { kind: 'update', layer: 2 },
        targets[0]!,
        { ...settings, optimizer: 'adam' },
        1,
      );
      expect(adam.formula).toContain('adam');
    });
  });

  it('gives δ(L) = (a − y)·g′(z) with numbers for squared error on a sigmoid output', () => {
    const squared = createNetwork({ layers: [2, 3, 1], loss: 'mean-squared-error', seed: 4 });
    const t = traceBackprop(squared, fromRows([[0.4, -0.8]]), fromRows([[1]]));
    const view = viewStage(t, { kind: 'delta', layer: 3 }, [1], { ...names, loss: 'mean-squared-error' }, 0);
    const a = t.units[2]!.a[0]![0]!;
    // ½(a − y)² with a = σ(z): δ = (a − y)·a(1 − a), worked here from a alone.
    const delta = (a - 1) * a * (1 - a);
    expect(t.units[2]!.delta![0]![0]).toBeCloseTo(delta, 14);
    expect(view.formula).toContain(`<b>${Number(delta.toPrecision(4))}</b>`);
    expect(view.formula).toContain(
      `(${Number(a.toPrecision(4))} − 1)·${Number((a * (1 - a)).toPrecision(4))}`,
    );
  });
});
