import type { TrainingEvent } from '@deltanet/backprop';
import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress';

const events: TrainingEvent[] = [
  { type: 'start', epochs: 2, batchesPerEpoch: 2, trainRows: 4, validationRows: 0, optimizer: 'adam' },
  { type: 'batch', epoch: 1, batch: 1, batches: 2, cost: 0.9, accuracy: 0.5 },
  { type: 'batch', epoch: 1, batch: 2, batches: 2, cost: 0.7, accuracy: 0.75 },
  { type: 'epoch', epochs: 2, seconds: 0.25, epoch: 1, cost: 0.8, accuracy: 0.75 },
  { type: 'end', reason: 'early-stopping', epochs: 1, bestEpoch: 1 },
];

function capture(isTTY: boolean, quiet = false, env: NodeJS.ProcessEnv = {}): string {
  let text = '';
  const write = (t: string) => {
    text += t;
  };
  const report = progressReporter({ write, isTTY, columns: 100 }, { quiet, env });
  for (const event of events) report(event);
  return text;
}

describe('progress', () => {
  it('writes one plain line per epoch when not on a terminal', () => {
    expect(capture(false)).toBe(
      [
        'training on 4 rows with adam, 2 epochs of 2 batches',
        'epoch 1/2 · cost 0.8000 accuracy 75.00% · 0.3s',
        'stopped after 1 epochs (early-stopping); kept the weights of epoch 1',
        '',
      ].join('\n'),
    );
  });

  it('redraws a bar with cost, accuracy and ETA on a terminal', () => {
    // "\r" + erase-line starts every redraw; shown here as <redraw>.
    const text = capture(true).replaceAll('\r\u001b[2K', '<redraw>');
    expect(text).toMatch(/<redraw>epoch 1\/2 \[=+ +\] cost 0\.9000 accuracy 50\.00% ETA \d+s/);
    expect(text).toMatch(/<redraw>epoch 1\/2 · cost 0\.8000 accuracy 75\.00% · 0\.3s\n/);
  });

  it('gives a terminal under TERM=dumb plain lines, without cursor escapes', () => {
    expect(capture(true, false, { TERM: 'dumb' })).toBe(capture(false));
    expect(capture(true, false, { TERM: 'dumb' }).includes(String.fromCharCode(27))).toBe(false);
  });

  it('writes nothing when quiet', () => {
    expect(capture(true, true)).toBe('');
  });
});
