import { createNetwork, traceBackprop } from '@deltanet/backprop';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { stagesOf, viewStage } from './step-through';
import { denseInput, placedLayers } from './step-through-layers';

describe('step-through with batch-norm and dropout after a hidden layer', () => {
  const net = createNetwork({
    layers: [2, 3, 'batch-norm', { name: 'dropout', options: { rate: 0.3 } }, 1],
    activation: 'tanh',
    seed: 5,
  });
  // γ and β off their start (1 and 0), so a view that ignored them would show other numbers.
  net.layerParams[1]![0]!.data.set([1.5, -0.5, 2]);
  net.layerParams[1]![1]!.data.set([0.1, 0.2, -0.3]);
  const rows = [
    [0.4, -0.8],
    [1.2, 0.3],
    [-0.6, 0.9],
    [0.1, 0.1],
  ];
  const targets = [[1], [0], [1], [0]];
  const trace = traceBackprop(net, fromRows(rows), fromRows(targets));
  const names = { activations: ['tanh', 'sigmoid'], regularizer: 'l2', dropout: 0.3 };

  it('places each layer after the dense layer it follows, and walks them forward and back', () => {
    expect(placedLayers(trace).map(({ after, layer }) => [after, layer.kind])).toEqual([
      [2, 'batch-norm'],
      [2, 'dropout'],
    ]);
    expect(stagesOf(trace)).toEqual([
      { kind: 'forward', layer: 2 },
      { kind: 'layer-forward', layer: 2, position: 0 },
      { kind: 'layer-forward', layer: 2, position: 1 },
      { kind: 'forward', layer: 3 },
      { kind: 'delta', layer: 3 },
      { kind: 'layer-backward', layer: 2, position: 1 },
      { kind: 'layer-backward', layer: 2, position: 0 },
      { kind: 'delta', layer: 2 },
      { kind: 'accumulate', layer: 2 },
      { kind: 'accumulate', layer: 1 },
      { kind: 'update', layer: 2 },
      { kind: 'update', layer: 1 },
    ]);
  });

  it('shows batch-norm’s x̂ and output per unit, x̂ worked from a(2) over the batch', () => {
    const view = viewStage(trace, { kind: 'layer-forward', layer: 2, position: 0 }, [1], names, 1);
    expect(view.title).toMatch(/^Forward: batch-norm after layer 2/);
    const a = trace.units[1]!.a;
    view.layerTable!.rows.forEach((cells, j) => {
      const column = a.map((row) => row[j]!);
      const mean = column.reduce((s, v) => s + v, 0) / 4;
      const variance = column.reduce((s, v) => s + (v - mean) ** 2, 0) / 4;
      // The oracle: batch normalization written out (biased variance, Keras's ε = 1e-3).
      const xHat = (column[0]! - mean) / Math.sqrt(variance + 1e-3);
      const cell = (q: string) => cells.find((c) => c.quantity === q)!.value;
      expect(cell('x-hat')).toBeCloseTo(xHat, 12);
      expect(cell('bn')).toBeCloseTo([1.5, -0.5, 2][j]! * xHat + [0.1, 0.2, -0.3][j]!, 12);
    });
    expect(view.values[1]!.map((unit) => unit.map((v) => v.quantity))).toEqual([
      ['a', 'bn'],
      ['a', 'bn'],
      ['a', 'bn'],
    ]);
  });

  it('gives Dβ as the mean of the gradient at batch-norm’s output, and Dγ from the trace', () => {
    const view = viewStage(trace, { kind: 'layer-backward', layer: 2, position: 0 }, [1], names, 0);
    expect(view.title).toMatch(/^Backward: through batch-norm after layer 2/);
    const bn = trace.layers[0]!;
    view.layerTable!.rows.forEach((cells, j) => {
      const cell = (q: string) => cells.find((c) => c.quantity === q)!.value;
      const mean = bn.outputGradient.reduce((s, row) => s + row[j]!, 0) / 4;
      expect(cell('D-beta')).toBeCloseTo(mean, 14);
      expect(cell('D-gamma')).toBe(bn.parameters[0]!.D[0]![j]);
    });
  });

  it('shows dropout passing a(2) through with mask 1 (no draws in a trace), and its rate', () => {
    const view = viewStage(trace, { kind: 'layer-forward', layer: 2, position: 1 }, [1], names, 0);
    expect(view.title).toBe('Forward: dropout after layer 2, drop(2) = a(2) .* mask, rate 0.3');
    for (const cells of view.layerTable!.rows) {
      const cell = (q: string) => cells.find((c) => c.quantity === q)!.value;
      expect(cell('mask')).toBe(1);
      expect(cell('drop')).toBe(cell('a'));
    }
  });

  it('feeds Θ(2) with the dropout’s output, not a(2): z(3) and Δ(2) worked from it', () => {
    const fed = denseInput(trace, 2);
    expect(fed).toEqual(trace.layers[1]!.output);
    const theta = trace.weights[1]!.theta[0]!;
    const z = theta[0]! + theta[1]! * fed[0]![0]! + theta[2]! * fed[0]![1]! + theta[3]! * fed[0]![2]!;
    expect(trace.units[2]!.z![0]![0]).toBeCloseTo(z, 14);
    const forward = viewStage(trace, { kind: 'forward', layer: 3 }, [1], names, 0);
    expect(forward.formula).toContain(`<b>${Number(z.toPrecision(4))}</b>`);
    expect(forward.formula).toContain('output of the batch-norm then dropout after layer 2');
    const gradient = viewStage(trace, { kind: 'accumulate', layer: 2 }, [1], names, 0);
    expect(gradient.gradientRow!.map((r) => r.a)).toEqual([1, ...fed[0]!]);
  });

  it('says δ(2) came back through the layers after it', () => {
    const view = viewStage(trace, { kind: 'delta', layer: 2 }, [1], names, 0);
    expect(view.title).toBe(
      'Backward: δ(2) = ∂J/∂a(2) .* g′(z(2)), ∂J/∂a(2) back through the batch-norm and dropout',
    );
    expect(view.formula).toContain(`<b>${Number(trace.units[1]!.delta![0]![0]!.toPrecision(4))}</b>`);
  });
});
