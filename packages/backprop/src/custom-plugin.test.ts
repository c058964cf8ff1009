// A third-party plugin that carries options but no `configure` saves as { name, options } and
// loads back through a registry that holds it, giving the same outputs.

import { assertActivation } from '@deltanet/activations';
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import { pluginName } from '@deltanet/contract';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from './builtins';
import { createNetwork } from './network';
import { parseNetwork, serializeNetwork } from './serialize';

/** Softsign scaled by s: g(z) = s·z/(1 + |z|), g'(z) = s/(1 + |z|)²; s fixed, no configure. */
const scale = 0.5;
const derivative = (z: number) => scale / (1 + Math.abs(z)) ** 2;
const scaledSoftsign: ActivationPlugin = {
  kind: 'activation',
  name: 'scaled-softsign',
  description: 'g(z) = s·z / (1 + |z|)',
  options: { scale },
  forward(z: Matrix, out: Matrix) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = (scale * z.data[i]!) / (1 + Math.abs(z.data[i]!));
  },
  backward(z: Matrix, _a: Matrix, upstream: Matrix, out: Matrix) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = upstream.data[i]! * derivative(z.data[i]!);
  },
  output: (z) => (scale * z) / (1 + Math.abs(z)),
  derivative: (z) => derivative(z),
};

describe('a custom plugin with options and no configure', () => {
  it('passes the activation checker', () => {
    expect(() => assertActivation(scaledSoftsign)).not.toThrow();
  });

  it('saves with its options and loads back to the same outputs', () => {
    const registry = builtinRegistry().with(scaledSoftsign);
    const net = createNetwork(
      {
        layers: [2, 3, 1],
        activation: pluginName(registry, 'activation', 'scaled-softsign'),
        outputActivation: 'sigmoid',
        seed: 4,
      },
      { registry },
    );
    const text = serializeNetwork(net);
    expect(JSON.parse(text).spec.activation).toEqual([{ name: 'scaled-softsign', options: { scale: 0.5 } }]);
    const loaded = parseNetwork(text, { registry }).network;
    const x = fromRows([
      [0.3, -0.7],
      [1.2, 0.4],
    ]);
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(net.predict(x).data));
  });
});
