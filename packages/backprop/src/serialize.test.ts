import type { ActivationPlugin } from '@deltanet/contract';
import { fromRows } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, createNetwork, fit, MODEL_FORMAT, parseNetwork, serializeNetwork } from './index';
import { documentIntegrity } from './integrity';

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
      // Re-sealed, so that the field checks (not the integrity check) meet the change.
      doc.integrity = documentIntegrity(doc);
      return () => parseNetwork(JSON.stringify(doc), { source: 'model.json' });
    };
    expect(() => parseNetwork('{"format":', { source: 'model.json' })).toThrow(
      /model.json: \(document\): not valid JSON/,
    );
    expect(broken((d) => (d.format = 'keras'))).toThrow(`format: expected "${MODEL_FORMAT}", got "keras"`);
    expect(broken((d) => (d.version = 99))).toThrow(/version: 99 is newer than this deltanet reads \(2\)/);
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

  it('refuse a document changed after it was written, unless told to accept it', () => {
    const net = createNetwork({ layers: [3, 4, 2], seed: 3 });
    const text = serializeNetwork(net, { metadata: { normalization: { mean: [1, 2, 3], std: [1, 1, 1] } } });
    const doc = JSON.parse(text);
    expect(doc.integrity).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parseNetwork(text).integrity).toBe('verified');
    // Reformatting (indentation, key order) changes no value: still verified.
    const reordered = JSON.stringify({ ...doc, spec: doc.spec, format: doc.format });
    expect(parseNetwork(reordered).integrity).toBe('verified');
    const edited = structuredClone(doc);
    edited.thetas[0].values[5] += 1e-9;
    expect(() => parseNetwork(JSON.stringify(edited), { source: 'm.json' })).toThrow(
      /m.json: integrity: the content does not match the sha256 written with it/,
    );
    const dropped = structuredClone(doc);
    delete dropped.metadata.normalization;
    expect(() => parseNetwork(JSON.stringify(dropped))).toThrow(/integrity/);
    const accepted = parseNetwork(JSON.stringify(edited), { verifyIntegrity: false });
    expect(accepted.integrity).toBe('modified');
    expect(accepted.network.params[5]).toBe(net.params[5]! + 1e-9);
    const unsealed = structuredClone(doc);
    delete unsealed.integrity;
    expect(() => parseNetwork(JSON.stringify(unsealed))).toThrow(/integrity: expected "sha256:"/);
  });

  it('still read version 1 files, which have no integrity check', () => {
    const net = createNetwork({ layers: [2, 3, 1], seed: 5 });
    const { integrity: _, ...doc } = JSON.parse(serializeNetwork(net));
    const loaded = parseNetwork(JSON.stringify({ ...doc, version: 1 }));
    expect(loaded.integrity).toBe('absent');
    expect(loaded.network.params).toEqual(net.params);
  });
});
