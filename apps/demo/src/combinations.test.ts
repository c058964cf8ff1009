import { builtinRegistry, createNetwork } from '@deltanet/backprop';
import { pluginName } from '@deltanet/contract';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { compatible, lossProblem, outputProblem } from './combinations';

const registry = builtinRegistry();
const x = fromRows([
  [0.5, -1],
  [2, 0.3],
  [-1.5, 1],
]);
const y = fromRows([[1], [0], [1]]);
/** The library's own data cost for a 2-3-1 network with that output and loss. */
const cost = (output: string, loss: string) =>
  createNetwork(
    {
      layers: [2, 3, 1],
      outputActivation: pluginName(registry, 'activation', output),
      loss: pluginName(registry, 'loss', loss),
      seed: 3,
    },
    { registry },
  ).evaluate(x, y).dataCost;

describe('output/loss combinations', () => {
  it('rejects the pairs whose loss says nothing: softmax over one unit, cross-entropy off (0, 1)', () => {
    // The library computes these; what they give is why the page refuses them.
    expect(cost('softmax', 'mean-squared-error')).toBeGreaterThan(0);
    const h = createNetwork(
      { layers: [2, 3, 1], outputActivation: 'softmax', seed: 3 },
      { registry },
    ).predict(x);
    expect(Array.from(h.data)).toEqual([1, 1, 1]);
    expect(outputProblem('softmax')).toMatch(/always 1/);
    expect(lossProblem('cross-entropy', 'linear')).toMatch(/\(0, 1\)/);
    expect(lossProblem('softmax-cross-entropy', 'sigmoid')).toMatch(/two or more/);
  });

  it('accepts the pairs whose loss is a real cost ≥ 0', () => {
    for (const [output, loss] of [
      ['sigmoid', 'cross-entropy'],
      ['sigmoid', 'mean-squared-error'],
      ['tanh', 'mean-squared-error'],
      ['linear', 'mean-squared-error'],
    ] as const) {
      expect(outputProblem(output)).toBeUndefined();
      expect(lossProblem(loss, output)).toBeUndefined();
      expect(cost(output, loss)).toBeGreaterThan(0);
    }
  });

  it('repairs a bad pair and says what it changed', () => {
    expect(compatible('linear', 'cross-entropy')).toMatchObject({
      output: 'linear',
      loss: 'mean-squared-error',
    });
    const fixed = compatible('softmax', 'softmax-cross-entropy');
    expect(fixed).toMatchObject({ output: 'sigmoid', loss: 'mean-squared-error' });
    expect(fixed.problems).toHaveLength(2);
    expect(compatible('sigmoid', 'cross-entropy').problems).toEqual([]);
  });

  it('fits regression targets of either sign with a linear output and squared error only', () => {
    // A sigmoid output cannot reach the negative half of the targets in [−1, 1]; the library's
    // squared error on targets −1 is at least ½ there, whatever Θ is.
    const negative = fromRows([[-1], [-1], [-1]]);
    const spec = {
      layers: [2, 3, 1],
      outputActivation: 'sigmoid',
      loss: 'mean-squared-error',
      seed: 3,
    } as const;
    const net = createNetwork(spec, { registry });
    expect(net.evaluate(x, negative).dataCost).toBeGreaterThan(0.5);
    expect(outputProblem('sigmoid', 'regression')).toMatch(/linear output/);
    expect(outputProblem('linear', 'regression')).toBeUndefined();
    expect(lossProblem('cross-entropy', 'linear', 'regression')).toMatch(/squared error/);
    expect(lossProblem('mean-squared-error', 'linear', 'regression')).toBeUndefined();
    expect(compatible('tanh', 'cross-entropy', 'regression')).toMatchObject({
      output: 'linear',
      loss: 'mean-squared-error',
    });
  });
});
