import { builtinRegistry, checkGradients, createNetwork, traceBackprop } from '@deltanet/backprop';
import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { mapFeatures } from '../features';
import type { PlaygroundState } from '../state';
import { defaultState } from '../state';
import { gridInputs } from './playground-data';
import { PlaygroundSession, playgroundSpec } from './playground-session';

const registry = builtinRegistry();
const xorState: PlaygroundState = {
  ...defaultState,
  dataset: 'xor',
  hidden: [4, 2],
  activations: ['tanh', 'tanh'],
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
    expect(Array.from(snap.unitMaps[2]![0]!)).toEqual(Array.from(Float32Array.from(h.data)));
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
