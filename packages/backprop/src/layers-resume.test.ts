// A run with dropout and batch-norm cut mid-epoch and resumed from its checkpoint ends on the
// same weights and running statistics as the uninterrupted run, bit for bit.
import { describe, expect, it } from 'vitest';
import type { FitOptions, LayeredNetworkSpec } from './index';
import { createNetwork, fit, parseNetwork, serializeNetwork } from './index';
import { circleData as data } from './internal/circle-fixture';

const spec: LayeredNetworkSpec = {
  layers: [2, 6, { name: 'dropout', options: { rate: 0.3 } }, 'batch-norm', 5, 1],
  activation: 'tanh',
  seed: 9,
};
const options: FitOptions = {
  optimizer: { name: 'adam', options: { learningRate: 0.02 } },
  epochs: 4,
  batchSize: 16,
};

describe('checkpoints of a network with dropout and batch-norm', () => {
  it('resume mid-epoch to the same parameters and state, bit for bit', async () => {
    const whole = createNetwork(spec);
    await fit(whole, data, options);

    const controller = new AbortController();
    const first = createNetwork(spec);
    let saved: string | undefined;
    await fit(first, data, {
      ...options,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'batch' && event.epoch === 2 && event.batch === 3) controller.abort();
      },
      onCheckpoint: (training) => {
        saved = serializeNetwork(first, { training });
      },
    });
    const { network, training } = parseNetwork(saved!);
    expect(training?.layerRandom).toHaveLength(4);
    await fit(network, data, { ...options, resume: training! });
    expect(Array.from(network.params)).toEqual(Array.from(whole.params));
    expect(Array.from(network.state)).toEqual(Array.from(whole.state));
  });
});
