import type { ActivationPlugin } from '@deltanet/contract';
import { fromRows } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, createNetwork, fit, MODEL_FORMAT, parseNetwork, serializeNetwork } from './index';

const x = fromRows([
  [0.1, 0.9, -2],
  [3, -0.5, 0.25],
]);

describe('model files', () => {
  it('reload and predict identically, bit for bit, in both precisions', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const net = createNetwork({
        layers: [3, 7, 4, 2],
        activation: ['tanh', { name: 'leaky-relu', options: { alpha: 0.2 } }],
        dtype,
        seed: 4,
      });
      const { network } = parseNetwork(serializeNetwork(net));
      expect(network.dtype).toBe(dtype);
      expect(network.params).toEqual(net.params);
      expect(network.predict(x).data).toEqual(net.predict(x).data);
      expect(network.activations.map((a) => a.options ?? {})).toEqual(
        net.activations.map((a) => a.options ?? {}),
      );
    }
  });

  it('keep history and metadata; the same seed gives the same file', async () => {
    const y = fromRows([[1], [0]]);
    const train = async () => {
      const net = createNetwork({ layers: [3, 2, 1], seed: 8 });
      await fit(net, { x, y }, { epochs: 3, batchSize: 1 });
      return serializeNetwork(net, { metadata: { classNames: ['no', 'yes'] } });
    };
    const text = await train();
    expect(text).toBe(await train());
    const { network, metadata } = parseNetwork(text);
    expect(network.history).toHaveLength(3);
    expect(metadata).toEqual({ classNames: ['no', 'yes'] });
    expect(serializeNetwork(network, { metadata })).toBe(text);
  });

  it('round-trip for random architectures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
        fc.integer(),
        (layers, seed) => {
          const net = createNetwork({ layers, seed, dtype: seed % 2 ? 'float32' : 'float64' });
          const copy = parseNetwork(serializeNetwork(net)).network;
          expect(Array.from(copy.params)).toEqual(Array.from(net.params));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('name the bad field of a malformed file', () => {
    const good = JSON.parse(serializeNetwork(createNetwork({ layers: [2, 2, 1] })));
    const broken = (change: (doc: typeof good) => void) => {
      const doc = structuredClone(good);
      change(doc);
      return () => parseNetwork(JSON.stringify(doc), { source: 'model.json' });
    };
    expect(() => parseNetwork('{"format":', { source: 'model.json' })).toThrow(
      /model.json: \(document\): not valid JSON/,
    );
    expect(broken((d) => (d.format = 'keras'))).toThrow(`format: expected "${MODEL_FORMAT}", got "keras"`);
    expect(broken((d) => (d.version = 99))).toThrow(/version: 99 is newer than this deltanet reads \(1\)/);
    expect(broken((d) => (d.thetas[1].values[2] = 'x'))).toThrow(
      /thetas\[1\]\.values\[2\]: expected a finite number, got "x"/,
    );
    expect(broken((d) => d.thetas[0].values.pop())).toThrow(
      /thetas\[0\]\.values: expected an array of 6 numbers/,
    );
    expect(broken((d) => (d.thetas[0].rows = 3))).toThrow(
      /thetas\[0\]: expected 2 × 3 for Θ\(1\), got 3 × 3/,
    );
    expect(broken((d) => (d.spec.loss = { name: 'hinge' }))).toThrow(
      /spec: unknown loss "hinge"; valid losses:/,
    );
    expect(broken((d) => d.thetas.pop())).toThrow(/thetas: expected 2 matrices for layers 2-2-1/);
    expect(broken((d) => (d.history = [{ epoch: 1, cost: 'high', accuracy: 1 }]))).toThrow(
      /history\[0\]\.cost/,
    );
  });

  it('load third-party plugins from the registry the caller gives', () => {
    const cube: ActivationPlugin = {
      kind: 'activation',
      name: 'cube',
      description: 'z³',
      output: (z) => z ** 3,
      derivative: (z) => 3 * z ** 2,
      forward: (z, out) => z.data.forEach((v, i) => (out.data[i] = v ** 3)),
      backward: (z, _a, u, out) => z.data.forEach((v, i) => (out.data[i] = 3 * v ** 2 * u.data[i]!)),
    };
    const text = serializeNetwork(createNetwork({ layers: [3, 2, 1], activation: cube }));
    expect(() => parseNetwork(text)).toThrow(/unknown activation "cube"/);
    const registry = builtinRegistry().with(cube);
    expect(parseNetwork(text, { registry }).network.activations[0]).toBe(cube);
  });
});
