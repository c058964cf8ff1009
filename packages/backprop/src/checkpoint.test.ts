import { FormatError, InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import type { FitOptions, TrainingState } from './index';
import { createNetwork, fit, parseNetwork, serializeNetwork } from './index';
import { documentIntegrity } from './integrity';
import { circleData, circleSpec } from './internal/circle-fixture';

const data = circleData;
const spec = circleSpec;

/** Trains without interruption; the reference every resumed run must equal bit for bit. */
async function uninterrupted(options: FitOptions) {
  const net = createNetwork(spec);
  const history = await fit(net, data, options);
  return { params: Array.from(net.params), history };
}

/**
 * Trains until `stopAt` says so, saves the network and its checkpoint to JSON text, loads them
 * into a fresh process-like state and finishes the run from there.
 */
async function interruptedAndResumed(options: FitOptions, stopAt: (epoch: number, batch: number) => boolean) {
  const controller = new AbortController();
  const first = createNetwork(spec);
  let saved: string | undefined;
  const stopped = await fit(first, data, {
    ...options,
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'batch' && stopAt(event.epoch, event.batch)) controller.abort();
    },
    onCheckpoint: (training) => {
      saved = serializeNetwork(first, { training });
    },
  });
  expect(stopped.stopReason).toBe('aborted');
  expect(saved).toBeDefined();
  const { network, training } = parseNetwork(saved!);
  expect(training).toBeDefined();
  const history = await fit(network, data, { ...options, resume: training! });
  return { params: Array.from(network.params), history, training: training! };
}

describe('checkpoints', () => {
  it('resume a shuffled Adam run cut mid-epoch to the same weights, bit for bit', async () => {
    const options: FitOptions = {
      optimizer: { name: 'adam', options: { learningRate: 0.02 } },
      epochs: 6,
      batchSize: 16,
    };
    const whole = await uninterrupted(options);
    const resumed = await interruptedAndResumed(options, (epoch, batch) => epoch === 3 && batch === 4);
    expect(resumed.training).toMatchObject({ completedEpochs: 2, batchesDone: 4 });
    expect(resumed.params).toEqual(whole.params);
    expect(resumed.history.epochs).toEqual(whole.history.epochs);
  });

  it('resume from an epoch boundary, with momentum and early stopping state', async () => {
    const options: FitOptions = {
      optimizer: { name: 'sgd', options: { learningRate: 0.1, momentum: 0.9 } },
      epochs: 12,
      batchSize: 10,
      validationSplit: 0.25,
      earlyStopping: { patience: 2 },
    };
    const whole = await uninterrupted(options);
    const resumed = await interruptedAndResumed(options, (epoch, batch) => epoch === 4 && batch === 9);
    expect(resumed.training).toMatchObject({ completedEpochs: 4, batchesDone: 0 });
    expect(resumed.history).toEqual(whole.history);
    expect(resumed.params).toEqual(whole.params);
  });

  it('resume conjugate gradient between iterations', async () => {
    const options: FitOptions = { optimizer: 'conjugate-gradient', epochs: 15 };
    const whole = await uninterrupted(options);
    const resumed = await interruptedAndResumed(options, (epoch) => epoch === 6);
    expect(resumed.training.completedEpochs).toBe(6);
    expect(resumed.params).toEqual(whole.params);
  });

  it('are taken every n epochs, and not after the last', async () => {
    const net = createNetwork(spec);
    const taken: TrainingState[] = [];
    await fit(net, data, { epochs: 7, checkpointEvery: 3, onCheckpoint: (state) => void taken.push(state) });
    expect(taken.map((state) => state.completedEpochs)).toEqual([3, 6]);
    expect(taken[1]!.records).toHaveLength(6);
  });

  it('refuse to resume with another optimizer, batch size or data', async () => {
    const net = createNetwork(spec);
    let state: TrainingState | undefined;
    await fit(net, data, {
      epochs: 2,
      batchSize: 16,
      checkpointEvery: 1,
      onCheckpoint: (s) => {
        state ??= s;
      },
    });
    const again = (options: FitOptions, rows = data) =>
      fit(createNetwork(spec), rows, { epochs: 3, ...options, resume: state! });
    await expect(again({ optimizer: 'sgd', batchSize: 16 })).rejects.toThrow(
      /checkpoint was taken with optimizer adam, this run has sgd/,
    );
    await expect(again({ batchSize: 8 })).rejects.toThrow(InvalidArgumentError);
    const fewer = { x: { ...data.x, rows: 100 }, y: { ...data.y, rows: 100 } };
    await expect(again({ batchSize: 16 }, fewer)).rejects.toThrow(/training rows 120, this run has 100/);
  });

  it('name the bad field of a malformed training state', async () => {
    const net = createNetwork(spec);
    let state: TrainingState | undefined;
    await fit(net, data, {
      epochs: 2,
      checkpointEvery: 1,
      onCheckpoint: (s) => {
        state ??= s;
      },
    });
    const doc = JSON.parse(serializeNetwork(net, { training: state! }));
    doc.training.shuffle = [1, 2, 3];
    // Re-sealed, so that the field checks (not the integrity check) meet the change.
    doc.integrity = documentIntegrity(doc);
    expect(() => parseNetwork(JSON.stringify(doc), { source: 'ckpt.json' })).toThrow(FormatError);
    expect(() => parseNetwork(JSON.stringify(doc), { source: 'ckpt.json' })).toThrow(/training\.shuffle/);
    doc.training.shuffle = null;
    doc.training.records = [];
    doc.integrity = documentIntegrity(doc);
    expect(() => parseNetwork(JSON.stringify(doc))).toThrow(/training\.records: expected 1 records/);
  });
});
