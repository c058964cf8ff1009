// --lr-schedule and --clip on the built binary: recorded in the model's metadata, continued by
// --resume to the weights of an uninterrupted run, and refused with clear errors.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const model = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('--lr-schedule and --clip', () => {
  it('are recorded, and --resume continues the schedule to the uninterrupted weights', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-schedule-'));
    const args = ['train', 'spiral', '--epochs', '6', '--lr-schedule', 'cosine:warmup=2', '--clip', 'norm:1'];
    expect(
      runCli([...args, '--checkpoint-every', '3', '--out', 'a.json', '--quiet'], { cwd: dir }).code,
    ).toBe(0);
    const checkpoint = model(dir, 'a.checkpoint.json');
    expect(checkpoint.training.completedEpochs).toBe(3);
    expect(checkpoint.metadata.flags).toMatchObject({
      'lr-schedule': 'cosine:warmup=2:final=0:epochs=6',
      clip: 'norm:1',
    });
    // Three epochs of updates counted in the state the resumed run starts from.
    const perEpoch = checkpoint.training.optimizerState.step / 3;
    expect(checkpoint.training.optimizerState.scheduleStep).toBe(3 * perEpoch);
    // Resumed from epoch 3, the cosine goes on from update scheduleStep to the same weights.
    const resumed = runCli(['train', '--resume', 'a.checkpoint.json', '--out', 'b.json', '--quiet'], {
      cwd: dir,
    });
    expect(resumed.code).toBe(0);
    expect(model(dir, 'b.json').thetas).toEqual(model(dir, 'a.json').thetas);
    const plain = runCli(['train', 'spiral', '--epochs', '6', '--out', 'c.json', '--quiet'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(model(dir, 'c.json').thetas).not.toEqual(model(dir, 'a.json').thetas);
  });

  it('refuses a misspelt schedule or clip with a suggestion, and a full-batch optimizer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-schedule-'));
    const misspelt = runCli(['train', 'xor', '--lr-schedule', 'cosin:warmup=1'], { cwd: dir });
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toMatch(/--lr-schedule has an unknown schedule "cosin"; did you mean "cosine"\?/);
    const clip = runCli(['train', 'xor', '--clip', 'nrom:1'], { cwd: dir });
    expect(clip.code).toBe(2);
    expect(clip.stderr).toMatch(/--clip has an unknown kind "nrom"; did you mean "norm"\?/);
    const lbfgs = runCli(['train', 'xor', '--optimizer', 'lbfgs', '--clip', 'value:1'], { cwd: dir });
    expect(lbfgs.code).toBe(2);
    expect(lbfgs.stderr).toMatch(
      /--clip needs a minibatch optimizer built from transforms .*"lbfgs" is not one/,
    );
  });
});
