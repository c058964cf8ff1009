// A layer kind defined in one file outside the packages, as a user would write it: a learned
// per-unit scale y = s .* x. It passes checkLayer, registers, and trains in a network.
import type { BuiltLayer, LayerPlugin, LayerShape } from '@deltanet/contract';
import { checkLayer } from '@deltanet/layers';
import { matrix } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, checkGradients, createNetwork, fit } from './index';

declare module '@deltanet/contract' {
  interface RegisteredLayers {
    scale: Record<string, never>;
  }
}

const scale: LayerPlugin = {
  kind: 'layer',
  name: 'scale',
  description: 'y = s .* x with a learned scale s per unit (starts at 1, penalized)',
  build: ({ inputUnits: n }: LayerShape): BuiltLayer => ({
    outputUnits: n,
    parameters: [{ name: 's', rows: 1, cols: n, penalized: { fromColumn: 0 }, initial: 1 }],
    state: [],
    saved: [],
    forward(_context, { input, output }, [s]) {
      for (let i = 0; i < input.data.length; i++) output.data[i] = input.data[i]! * s!.data[i % n]!;
    },
    backward(_context, { input }, g, [s], [ds], inputGradient) {
      const m = input.rows;
      ds!.data.fill(0);
      for (let i = 0; i < input.data.length; i++) {
        ds!.data[i % n] = ds!.data[i % n]! + (g.data[i]! * input.data[i]!) / m;
        if (inputGradient) inputGradient.data[i] = g.data[i]! * s!.data[i % n]!;
      }
    },
  }),
};

describe('a third-party layer', () => {
  it('passes checkLayer', () => {
    expect(checkLayer(scale).failures).toEqual([]);
  });

  it('registers and trains in a network, its gradient checked and penalized', async () => {
    const registry = builtinRegistry().with(scale);
    const net = createNetwork(
      { layers: [2, 'scale', 6, 'scale', 1], activation: 'tanh', lambda: 0.3, seed: 2 },
      { registry },
    );
    const x = matrix(4, 2, Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]));
    const y = matrix(4, 1, Float64Array.from([0, 1, 1, 0]));
    const check = checkGradients(net, x, y);
    expect(check.passed).toBe(true);
    expect(check.relativeDifference).toBeLessThan(1e-8);
    const before = net.cost(x, y);
    await fit(net, { x, y }, { epochs: 200, optimizer: { name: 'adam', options: { learningRate: 0.05 } } });
    expect(net.cost(x, y)).toBeLessThan(before);
    // The scales moved from 1.
    expect(Array.from(net.layerParams[0]![0]!.data).some((v) => v !== 1)).toBe(true);
  });
});
