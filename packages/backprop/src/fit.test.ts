import type { ActivationPlugin, MinibatchOptimizer } from '@deltanet/contract';
import { fromRows, matrix, rowSlice } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from './index';
import { createNetwork, DivergenceError, ExplodingCostError, fit, Network, serializeNetwork } from './index';

// XOR: the smallest problem a network without hidden units cannot learn.
const xor = {
  x: fromRows([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]),
  y: fromRows([[0], [1], [1], [0]]),
};

describe('fit', () => {
  it('learns XOR with the defaults of the course (sigmoid, cross-entropy)', async () => {
    const net = createNetwork({ layers: [2, 4, 1], seed: 1 });
    const history = await fit(net, xor, {
      optimizer: { name: 'adam' as const, options: { learningRate: 0.05 } },
      epochs: 400,
      batchSize: 4,
    });
    expect(history.stopReason).toBe('completed');
    expect(net.evaluate(xor.x, xor.y).accuracy).toBe(1);
    expect(history.epochs.at(-1)!.cost).toBeLessThan(0.1);
  });

  it('trains full-batch with conjugate gradient and L-BFGS', async () => {
    for (const optimizer of ['conjugate-gradient', 'lbfgs'] as const) {
      const net = createNetwork({ layers: [2, 4, 1], seed: 2 });
      await fit(net, xor, { optimizer, epochs: 100 });
      expect(net.evaluate(xor.x, xor.y).cost, optimizer).toBeLessThan(0.05);
    }
  });

  it('is bit-reproducible from a seed', async () => {
    const run = async () => {
      const net = createNetwork({ layers: [2, 3, 1], seed: 5 });
      await fit(net, xor, { epochs: 20, batchSize: 2, optimizer: 'sgd' });
      return serializeNetwork(net);
    };
    expect(await run()).toBe(await run());
  });

  it('emits typed events in order', async () => {
    const events: TrainingEvent[] = [];
    const net = createNetwork({ layers: [2, 3, 1] });
    await fit(net, xor, { epochs: 2, batchSize: 3, onEvent: (e) => events.push(e) });
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'batch',
      'batch',
      'epoch',
      'batch',
      'batch',
      'epoch',
      'end',
    ]);
    expect(events[0]).toMatchObject({ epochs: 2, batchesPerEpoch: 2, trainRows: 4, optimizer: 'adam' });
  });

  it('stops early and restores the best Θ', async () => {
    const net = createNetwork({ layers: [2, 3, 1], seed: 3 });
    // A learning rate this large makes the validation cost bounce; the best epoch is kept.
    const history = await fit(net, xor, {
      optimizer: { name: 'sgd', options: { learningRate: 40 } },
      epochs: 200,
      batchSize: 1,
      validationData: xor,
      earlyStopping: { patience: 2 },
    });
    expect(history.stopReason).toBe('early-stopping');
    const best = history.epochs.find((e) => e.epoch === history.bestEpoch)!;
    expect(Math.min(...history.epochs.map((e) => e.validationCost!))).toBe(best.validationCost);
    expect(net.evaluate(xor.x, xor.y).cost).toBeCloseTo(best.validationCost!, 12);
  });

  it('holds out the last rows with validationSplit', async () => {
    const events: TrainingEvent[] = [];
    await fit(createNetwork({ layers: [2, 2, 1] }), xor, {
      epochs: 1,
      validationSplit: 0.25,
      onEvent: (e) => events.push(e),
    });
    expect(events[0]).toMatchObject({ trainRows: 3, validationRows: 1 });
  });

  it('stops after the current batch when aborted', async () => {
    const controller = new AbortController();
    const net = createNetwork({ layers: [2, 3, 1] });
    const history = await fit(net, xor, {
      epochs: 50,
      batchSize: 1,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'batch' && e.epoch === 3 && e.batch === 2) controller.abort();
      },
    });
    expect(history.stopReason).toBe('aborted');
    // Epoch 3 was cut short: only finished epochs are recorded.
    expect(history.epochs).toHaveLength(2);
    expect(net.history).toHaveLength(2);
  });

  it('stops on the first NaN and says where it came from', async () => {
    // An activation that overflows to Infinity once its input passes 3.
    const explosive: ActivationPlugin = {
      kind: 'activation',
      name: 'explosive',
      description: 'exp(z³)',
      forward: (z, out) => z.data.forEach((v, i) => (out.data[i] = Math.exp(v ** 3 * 1e3))),
      backward: (_z, _a, upstream, out) => out.data.set(upstream.data),
    };
    const net = createNetwork({ layers: [2, 3, 1], activation: explosive, seed: 1 });
    const params = Array.from(net.params);
    const x = matrix(1, 2, new Float64Array([100, 100]));
    const error = await fit(net, { x, y: fromRows([[1]]) }, { epochs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).origin).toMatchObject({ quantity: 'a', layer: 2, row: 0 });
    expect((error as Error).message).toMatch(/epoch 1, batch 1: a\(2\) is Infinity at example 0, unit \d/);
    expect(Array.from(net.params)).toEqual(params);
  });

  it('with costGuard, stops a cost that explodes without NaN and puts back the last sound Θ', async () => {
    // y = 20 + 3x₁ − 2x₂ + x₃ on a grid: MSE with a linear output, Adam at a learning rate of 1000.
    const rows = Array.from({ length: 64 }, (_, i) => [(i % 4) - 1.5, ((i >> 2) % 4) - 1.5, (i >> 4) - 1.5]);
    const data = {
      x: fromRows(rows),
      y: fromRows(rows.map(([a, b, c]) => [20 + 3 * a! - 2 * b! + c!])),
    };
    const spec = {
      layers: [3, 8, 1],
      outputActivation: 'linear',
      loss: 'mean-squared-error',
      seed: 2,
    } as const;
    const options = {
      optimizer: { name: 'adam' as const, options: { learningRate: 1000 } },
      epochs: 30,
      batchSize: 8,
    };
    const unguarded = createNetwork(spec);
    const history = await fit(unguarded, data, options);
    // The failure the guard exists for: "completed", at a finite cost far above the first one.
    expect(history.stopReason).toBe('completed');
    expect(Number.isFinite(history.epochs.at(-1)!.cost)).toBe(true);
    // J(Θ₀) is about 20² / 2 = 200 (outputs near 0).
    expect(Math.max(...history.epochs.map((e) => e.cost))).toBeGreaterThan(1e6);

    const guarded = createNetwork(spec);
    const error = await fit(guarded, data, { ...options, costGuard: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExplodingCostError);
    const { epoch } = error as ExplodingCostError;
    expect((error as Error).message).toMatch(
      /training diverged at epoch \d+: the mean cost .* without reaching NaN/,
    );
    // Θ is where a run of epoch − 1 epochs ends (runs are bit-reproducible from the seed).
    const before = createNetwork(spec);
    await fit(before, data, { ...options, epochs: epoch - 1 });
    expect(guarded.params).toEqual(before.params);
  });

  it('with costGuard, leaves a sound run alone', async () => {
    const plain = createNetwork({ layers: [2, 4, 1], seed: 1 });
    const guarded = createNetwork({ layers: [2, 4, 1], seed: 1 });
    const options = {
      optimizer: { name: 'adam' as const, options: { learningRate: 0.05 } },
      epochs: 200,
      batchSize: 4,
    };
    await fit(plain, xor, options);
    const history = await fit(guarded, xor, { ...options, costGuard: { factor: 10 } });
    expect(history.stopReason).toBe('completed');
    expect(guarded.params).toEqual(plain.params);
  });

  it('rejects NaN in the data before training, naming row and column', async () => {
    const x = fromRows([
      [0, 0],
      [Number.NaN, 1],
    ]);
    await expect(fit(createNetwork({ layers: [2, 1] }), { x, y: fromRows([[0], [1]]) })).rejects.toThrow(
      /x row 1, column 0 is NaN/,
    );
  });

  it('rejects unknown optimizers naming the valid ones', async () => {
    // @ts-expect-error a misspelled name does not compile; the run-time check stands behind it
    await expect(fit(createNetwork({ layers: [2, 1] }), xor, { optimizer: 'adamax' })).rejects.toThrow(
      /unknown optimizer "adamax"; valid optimizers: .*adam/,
    );
  });
});

describe('regularization in minibatches', () => {
  it('scales λ by the training set size, so each batch estimates the full-batch gradient', async () => {
    const net = createNetwork({ layers: [2, 3, 1], lambda: 3, seed: 4 });
    const start = new Network(net.spec, { params: net.params });
    const seen: Float64Array[] = [];
    const recorder: MinibatchOptimizer = {
      kind: 'optimizer',
      name: 'recorder',
      description: 'keeps the gradients it is given',
      mode: 'minibatch',
      init: () => ({}),
      update: (_params, gradient) => void seen.push(Float64Array.from(gradient)),
    };
    await fit(net, xor, { optimizer: recorder, epochs: 1, batchSize: 2, shuffle: false });
    // Rows 0–1 of 4: D = Δ/2 + (3/4)Θ, which is the course's D for those rows with λ' = 1.5.
    const equivalent = new Network({ ...start.spec, lambda: 1.5 }, { params: start.params });
    const expected = new Float64Array(net.parameterCount);
    equivalent.gradients(rowSlice(xor.x, 0, 2), rowSlice(xor.y, 0, 2), expected);
    expect(Array.from(seen[0]!)).toEqual(Array.from(expected));
  });
});

describe('plugins from outside the packages', () => {
  it('train exactly like the built-ins', async () => {
    // relu written here, against the contract only.
    const myRelu: ActivationPlugin = {
      kind: 'activation',
      name: 'my-relu',
      description: 'max(0, z), defined in a test',
      output: (z) => Math.max(z, 0),
      derivative: (z) => (z > 0 ? 1 : 0),
      forward: (z, out) => {
        for (let i = 0; i < z.data.length; i++) out.data[i] = Math.max(z.data[i]!, 0);
      },
      backward: (z, _a, upstream, out) => {
        for (let i = 0; i < z.data.length; i++) out.data[i] = z.data[i]! > 0 ? upstream.data[i]! : 0;
      },
    };
    const train = async (activation: ActivationPlugin | 'relu') => {
      const net = createNetwork({ layers: [2, 5, 1], activation, seed: 9 });
      await fit(net, xor, { epochs: 30, batchSize: 2 });
      return Array.from(net.params);
    };
    expect(await train(myRelu)).toEqual(await train('relu'));
  });
});
