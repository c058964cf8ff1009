// Training continues across `fit` calls with the returned optimizer state, and checkpoints
// written by the optimizers of earlier releases (before they were chains) still resume.
import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/main-checkpoints.json';
import type { FitOptions } from './index';
import { createNetwork, fit, parseNetwork } from './index';
import { circleData, circleSpec } from './internal/circle-fixture';

const data = circleData;
const spec = circleSpec;

function bytes(values: Float64Array | Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

describe('fit with optimizerState', () => {
  it('fit 5 + fit 5 epochs with the returned Adam state gives the Θ of fit 10, bit for bit', async () => {
    const options: FitOptions = {
      optimizer: { name: 'adam', options: { learningRate: 0.02 } },
      batchSize: 16,
      shuffle: false,
    };
    const whole = createNetwork(spec);
    await fit(whole, data, { ...options, epochs: 10 });
    const halves = createNetwork(spec);
    const first = await fit(halves, data, { ...options, epochs: 5 });
    expect(first.optimizerState?.['step']).toBe(5 * 8); // 120 rows / 16 = 8 batches an epoch
    const second = await fit(halves, data, { ...options, epochs: 5, optimizerState: first.optimizerState! });
    expect(bytes(halves.params)).toEqual(bytes(whole.params));
    expect(second.optimizerState?.['step']).toBe(80);
    expect(first.optimizerState?.['step']).toBe(40); // copied on the way in, not advanced
  });
  it('refuses optimizerState together with resume', async () => {
    const { training } = parseNetwork(JSON.stringify(fixture.adam.checkpoint));
    const net = createNetwork(spec);
    await expect(fit(net, data, { resume: training!, optimizerState: {} })).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

describe('checkpoints written before optimizers were chains', () => {
  // Written by main's code at be9f02d (adam, adamw, Nesterov sgd, centered rmsprop with
  // momentum, adagrad), cut at epoch 3 batch 4 of 6 epochs; finalParams is that code's
  // uninterrupted run.
  it.each(Object.keys(fixture))('%s resumes to the old code’s final Θ, bit for bit', async (name) => {
    const run = fixture[name as keyof typeof fixture];
    const { network, training } = parseNetwork(JSON.stringify(run.checkpoint));
    expect(training).toMatchObject({ completedEpochs: 2, batchesDone: 4 });
    await fit(network, data, { ...(run.options as FitOptions), resume: training! });
    expect(bytes(network.params)).toEqual(bytes(Float64Array.from(run.finalParams)));
  });
});
