import { builtinRegistry, checkGradients, createNetwork, fit, traceBackprop } from '@deltanet/backprop';
import type { OptimizerState } from '@deltanet/contract';
import { adam, cosineDecay, withSchedule } from '@deltanet/optimizers';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { mapFeatures } from '../features';
import type { PlaygroundState } from '../state';
import { defaultState, problemDefaults, spiralPreset } from '../state';
import { divergenceReport } from './divergence-report';
import { gridInputs } from './playground-data';
import { PlaygroundSession, playgroundSpec } from './playground-session';

const registry = builtinRegistry();
const xorState: PlaygroundState = {
  ...defaultState,
  dataset: 'xor',
  hidden: [4, 2],
  activations: ['tanh', 'tanh'],
  optimizer: 'adam',
};

describe('PlaygroundSession', () => {
  it('learns XOR to a test loss below 0.1', async () => {
    const session = new PlaygroundSession(xorState, registry);
    const before = session.losses().test;
    await session.train(100);
    expect(session.epoch).toBe(100);
    expect(before).toBeGreaterThan(0.5);
    expect(session.losses().test).toBeLessThan(0.1);
  });

  it('fits the regression plane y = (x1 + x2)/10 with a linear output under squared error', async () => {
    const state: PlaygroundState = { ...defaultState, ...problemDefaults('regression') };
    const session = new PlaygroundSession(state, registry);
    const { train, trainPoints } = session.data;
    // The targets are the plane itself (no noise), not classes.
    for (let i = 0; i < train.y.rows; i++) {
      const [x1, x2] = [trainPoints.points[2 * i]!, trainPoints.points[2 * i + 1]!];
      expect(trainPoints.targets[i]).toBeCloseTo((x1 + x2) / 10, 15);
      expect(train.y.data[i]).toBe(trainPoints.targets[i]);
    }
    expect(playgroundSpec(state)).toMatchObject({ outputActivation: 'linear', loss: 'mean-squared-error' });
    // Predicting 0 everywhere scores ½·E[y²] = ½ · 0.24 = 0.12 (x1 + x2 has variance 24).
    const before = session.losses().test;
    await session.train(60);
    expect(before).toBeGreaterThan(0.05);
    expect(session.losses().test).toBeLessThan(0.01);
  });

  it('splits 500 points by the train percentage into features and classes', () => {
    const session = new PlaygroundSession(
      { ...xorState, trainPercent: 70, features: ['x1', 'x1·x2'] },
      registry,
    );
    const { train, test, trainPoints } = session.data;
    expect([train.x.rows, test.x.rows, train.x.cols]).toEqual([350, 150, 2]);
    // Feature columns are the mapped points; an XOR class is 1 where x1·x2 ≥ 0 (no noise).
    for (let i = 0; i < 5; i++) {
      const [x1, x2] = [trainPoints.points[2 * i]!, trainPoints.points[2 * i + 1]!];
      expect([train.x.data[2 * i], train.x.data[2 * i + 1]]).toEqual([x1, x1 * x2]);
      expect(train.y.data[i]).toBe(x1 * x2 >= 0 ? 1 : 0);
    }
  });

  it('pictures every unit over the grid with the network’s own forward pass', () => {
    const session = new PlaygroundSession(xorState, registry, 8);
    const snap = session.snapshot();
    expect(snap.unitMaps.map((layer) => layer.length)).toEqual([4, 2, 1]);
    const h = session.net.predict(gridInputs(8, xorState.features));
    expect(Array.from(snap.output)).toEqual(Array.from(Float32Array.from(h.data)));
    // Each unit picture is the 8 × 8 grid averaged over 2 × 2 blocks: 4 × 4 values.
    expect(snap.unitResolution).toBe(4);
    const block = (r: number, c: number) =>
      (h.data[2 * r * 8 + 2 * c]! +
        h.data[2 * r * 8 + 2 * c + 1]! +
        h.data[(2 * r + 1) * 8 + 2 * c]! +
        h.data[(2 * r + 1) * 8 + 2 * c + 1]!) /
      4;
    expect(snap.unitMaps[2]![0]![1 * 4 + 2]).toBeCloseTo(block(1, 2), 6);
    expect(snap.unitMaps[2]![0]!.length).toBe(16);
    expect(snap.thetas.map((t) => [t.length, t[0]!.length])).toEqual([
      [4, 3],
      [2, 5],
      [1, 3],
    ]);
  });

  it('traces a training example exactly as traceBackprop does on a copy of the network', () => {
    const session = new PlaygroundSession({ ...xorState, lambda: 0.3 }, registry);
    const copy = createNetwork(playgroundSpec({ ...xorState, lambda: 0.3 }));
    const p = session.data.trainPoints.points;
    const x = fromRows([Array.from(mapFeatures([p[14]!, p[15]!], xorState.features))]);
    const y = fromRows([[session.data.trainPoints.labels[7]!]]);
    expect(session.trace(7)).toEqual(traceBackprop(copy, x, y));
    expect(() => session.trace(250)).toThrow(/0\.\.249/);
  });

  it('reports a passing gradient check, and the library’s error for an impossible choice', () => {
    const session = new PlaygroundSession({ ...xorState, lambda: 1 }, registry);
    const report = session.gradientCheck();
    // Inputs up to ±5.3 put some tanh units near saturation, so round-off is a little above 1e-9.
    expect(report.relativeDifference).toBeLessThan(1e-7);
    expect(report).toEqual(
      checkGradients(session.net, session.data.train.x, session.data.train.y, { worst: 5 }),
    );
    expect(() => new PlaygroundSession({ ...xorState, loss: 'hinge' }, registry)).toThrow(/hinge/);
  });
});

describe('PlaygroundSession with dropout and batch-norm', () => {
  const layered: PlaygroundState = { ...xorState, optimizer: 'sgd', batchNorm: true, dropout: 0.2 };

  it('puts batch-norm, then dropout, after every hidden layer, and nothing when both are off', () => {
    const dropout = { name: 'dropout', options: { rate: 0.2 } };
    expect(playgroundSpec(layered).layers).toEqual([
      2,
      4,
      'batch-norm',
      dropout,
      2,
      'batch-norm',
      dropout,
      1,
    ]);
    expect(playgroundSpec({ ...xorState, dropout: 0.2 }).layers).toEqual([2, 4, dropout, 2, dropout, 1]);
    expect(playgroundSpec({ ...xorState, batchNorm: true }).layers).toEqual([
      2,
      4,
      'batch-norm',
      2,
      'batch-norm',
      1,
    ]);
    expect(playgroundSpec(xorState).layers).toEqual([2, 4, 2, 1]);
  });

  it('trains them exactly as fit does on the same spec, and keeps the running statistics across a retune', async () => {
    const session = new PlaygroundSession(layered, registry);
    await session.train(3);
    const net = createNetwork(playgroundSpec(layered), { registry });
    for (let epoch = 1; epoch <= 3; epoch++) {
      await fit(net, session.data.train, {
        optimizer: { name: 'sgd', options: { learningRate: layered.learningRate } },
        epochs: 1,
        batchSize: layered.batchSize,
        seed: layered.seed * 100_003 + epoch,
      });
    }
    expect(Array.from(session.net.params)).toEqual(Array.from(net.params));
    expect(Array.from(session.net.state)).toEqual(Array.from(net.state));
    // The running means moved off 0 (and variances off 1) while training.
    expect(Array.from(net.state).every((v) => v !== 0 && v !== 1)).toBe(true);
    session.retune({ ...session.state, regularizer: 'l2', lambda: 0.1 });
    expect(Array.from(session.net.state)).toEqual(Array.from(net.state));
    expect(Array.from(session.net.params)).toEqual(Array.from(net.params));
  });
});

describe('PlaygroundSession mid-run changes', () => {
  it('keeps Θ and the epoch when the learning rate and batch size change', async () => {
    const state: PlaygroundState = { ...defaultState, dataset: 'xor', optimizer: 'sgd' };
    const session = new PlaygroundSession(state, registry);
    await session.train(3);
    session.retune({ ...state, learningRate: 0.1, batchSize: 25 });
    await session.train(2);
    expect(session.epoch).toBe(5);
    // The oracle: one network, fit by hand with the same shuffles, 3 epochs at 0.03 then 2 at 0.1.
    const net = createNetwork(playgroundSpec(state), { registry });
    for (let epoch = 1; epoch <= 5; epoch++) {
      await fit(net, session.data.train, {
        optimizer: { name: 'sgd', options: { learningRate: epoch <= 3 ? 0.03 : 0.1 } },
        epochs: 1,
        batchSize: epoch <= 3 ? 10 : 25,
        seed: state.seed * 100_003 + epoch,
      });
    }
    expect(Array.from(session.net.params)).toEqual(Array.from(net.params));
  });

  it('adds the λ term to the same Θ when λ and the regularizer change', async () => {
    const session = new PlaygroundSession({ ...xorState, regularizer: 'none', lambda: 0.5 }, registry);
    await session.train(2);
    const { train } = session.data;
    const before = Float64Array.from(session.net.params);
    expect(session.net.evaluate(train.x, train.y).cost).toBe(session.net.evaluate(train.x, train.y).dataCost);
    session.retune({ ...session.state, regularizer: 'l2' });
    expect(Array.from(session.net.params)).toEqual(Array.from(before));
    // J = data cost + (λ/2m) Σ Θ² over the non-bias weights (the course's L2 term).
    const thetas = session.net.thetas;
    let squares = 0;
    for (const t of thetas)
      for (let i = 0; i < t.rows; i++)
        for (let k = 1; k < t.cols; k++) squares += t.data[i * t.cols + k]! ** 2;
    const { cost, dataCost } = session.net.evaluate(train.x, train.y);
    expect(cost - dataCost).toBeCloseTo((0.5 / (2 * train.x.rows)) * squares, 12);
  });

  it('reports a divergence with the playground epoch and where the first NaN appeared', async () => {
    const state: PlaygroundState = {
      ...defaultState,
      dataset: 'spiral',
      hidden: [8, 8],
      activations: ['relu', 'relu'],
      outputActivation: 'linear',
      loss: 'mean-squared-error',
      learningRate: 10,
    };
    const session = new PlaygroundSession(state, registry);
    let report: ReturnType<typeof divergenceReport>;
    for (let e = 0; e < 50 && !report; e++) {
      try {
        await session.train(1);
      } catch (error) {
        report = divergenceReport(error, session.epoch + 1);
        if (!report) throw error;
      }
    }
    expect(report).toBeDefined();
    expect(report!.epoch).toBe(session.epoch + 1);
    expect(report!.message).toMatch(new RegExp(`^Training diverged in epoch ${report!.epoch}, batch \\d+: `));
    expect(report!.message).not.toMatch(/at epoch 1,/);
    expect(['z', 'a', 'cost', 'delta', 'gradient', 'theta']).toContain(report!.origin.quantity);
    expect(divergenceReport(new Error('other'), 3)).toBeUndefined();
  });

  it('sets one weight, and refuses entries Θ does not have', () => {
    const session = new PlaygroundSession(xorState, registry);
    session.setWeight(2, 1, 0, 2.5);
    expect(session.net.thetas[1]!.data[1 * 5 + 0]).toBe(2.5);
    expect(() => session.setWeight(2, 2, 0, 1)).toThrow(/Θ\(2\) has no entry at row 2/);
    expect(() => session.setWeight(1, 0, 0, Number.NaN)).toThrow(/finite/);
  });
});

describe('PlaygroundSession learning-rate schedules', () => {
  // 250 training points in batches of 10: u = 25 updates an epoch.
  const cosineState: PlaygroundState = {
    ...xorState,
    learningRate: 0.03,
    schedule: 'cosine',
    scheduleEpochs: 8,
  };

  it('counts the schedule’s t across training slices: α after n slices is the closed form at t = 25n', async () => {
    const session = new PlaygroundSession(cosineState, registry);
    // Horizon T = 8 · 25 = 200 updates, warm-up w = ⌊200/20⌋ = 10:
    // α(t) = 0.03·t/10 for t < 10, then 0.03·½(1 + cos(π(t − 10)/190)).
    const closedForm = (t: number) =>
      t < 10 ? (0.03 * t) / 10 : 0.03 * 0.5 * (1 + Math.cos((Math.PI * (t - 10)) / 190));
    expect(session.learningRate).toBe(0);
    for (let slice = 1; slice <= 6; slice++) {
      await session.train(1);
      expect(session.learningRate).toBeCloseTo(closedForm(25 * slice), 15);
      expect(session.snapshot().learningRate).toBe(session.learningRate);
    }
    // Past the horizon the rate stays at 0.
    await session.train(3);
    expect(session.learningRate).toBe(0);
  });

  it('trains slice by slice exactly as one chain threaded through fit by hand', async () => {
    const session = new PlaygroundSession(cosineState, registry);
    for (let slice = 0; slice < 4; slice++) await session.train(1);
    const net = createNetwork(playgroundSpec(cosineState), { registry });
    const optimizer = withSchedule(
      adam({ learningRate: 0.03 }),
      cosineDecay({ peak: 0.03, warmup: 10, total: 200 }),
    );
    let optimizerState: OptimizerState | undefined;
    for (let epoch = 1; epoch <= 4; epoch++) {
      const history = await fit(net, session.data.train, {
        optimizer,
        ...(optimizerState && { optimizerState }),
        epochs: 1,
        batchSize: 10,
        seed: cosineState.seed * 100_003 + epoch,
      });
      optimizerState = history.optimizerState;
    }
    expect(optimizerState?.['scheduleStep']).toBe(100);
    expect(Array.from(session.net.params)).toEqual(Array.from(net.params));
  });

  it('continues L-BFGS’s history across slices: three slices equal one three-iteration fit', async () => {
    const state: PlaygroundState = { ...xorState, optimizer: 'lbfgs' };
    const session = new PlaygroundSession(state, registry);
    for (let slice = 0; slice < 3; slice++) await session.train(1);
    const net = createNetwork(playgroundSpec(state), { registry });
    // L-BFGS takes the page's learning rate as its first trial step's scale.
    const optimizer = { name: 'lbfgs' as const, options: { learningRate: state.learningRate } };
    await fit(net, session.data.train, { optimizer, epochs: 3 });
    expect(Array.from(session.net.params)).toEqual(Array.from(net.params));
  });

  it('starts a schedule chosen mid-run at the run’s update count, and keeps it across a new optimizer', async () => {
    const state: PlaygroundState = { ...defaultState, dataset: 'xor', optimizer: 'sgd', learningRate: 0.04 };
    const session = new PlaygroundSession(state, registry);
    await session.train(2);
    expect(session.learningRate).toBe(0.04);
    // Step decay over H = 4 epochs = 100 updates: α·0.5^⌊t/25⌋, and t = 50 already.
    const stepped: PlaygroundState = { ...state, schedule: 'step', scheduleEpochs: 4 };
    session.retune(stepped);
    expect(session.learningRate).toBe(0.04 * 0.25);
    await session.train(1);
    expect(session.learningRate).toBe(0.04 * 0.125);
    session.retune({ ...stepped, optimizer: 'adam' });
    expect(session.learningRate).toBe(0.04 * 0.125);
    await session.train(1);
    expect(session.learningRate).toBe(0.04 * 0.0625);
    session.retune({ ...stepped, optimizer: 'lbfgs' });
    expect(session.learningRate).toBeNull();
  });
});

describe('the defaults teach', () => {
  // TensorFlow Playground's defaults learn these three in well under 1,000 epochs; so must ours.
  it.each(['circle', 'xor', 'gauss'] as const)(
    'learn %s to a test loss below 0.1 within 300 epochs',
    async (dataset) => {
      const session = new PlaygroundSession({ ...defaultState, dataset }, registry, 8);
      while (session.epoch < 300 && session.losses().test >= 0.1) await session.train(10);
      expect(session.losses().test).toBeLessThan(0.1);
    },
  );

  it('give the spiral preset a test loss below 0.1 within 400 epochs', async () => {
    const session = new PlaygroundSession({ ...defaultState, ...spiralPreset.state }, registry, 8);
    await session.train(400);
    expect(session.losses().test).toBeLessThan(0.1);
  });
});

describe('PlaygroundSession minibatch trace', () => {
  it('traces m consecutive training examples as one batch, and says when m runs past the set', () => {
    const session = new PlaygroundSession(xorState, registry);
    const { x, y } = session.data.train;
    const copy = createNetwork(playgroundSpec(xorState), { registry });
    const rows = (m: { cols: number; data: ArrayLike<number> }, from: number, to: number) =>
      fromRows(
        Array.from({ length: to - from }, (_, i) =>
          Array.from(m.data).slice((from + i) * m.cols, (from + i + 1) * m.cols),
        ),
      );
    expect(session.trace(20, 10)).toEqual(traceBackprop(copy, rows(x, 20, 30), rows(y, 20, 30)));
    expect(session.trace(20, 10).m).toBe(10);
    expect(() => session.trace(245, 10)).toThrow(/choose 1\.\.5/);
  });
});
