// Ctrl-C finishes the batch, writes a checkpoint and exits 130; --resume then reaches the very
// weights of an uninterrupted run. Also: --checkpoint-every, --config, and --inspect of a checkpoint.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedRun, runCli } from './run-cli';

const thetas = (path: string) => JSON.parse(readFileSync(path, 'utf8')).thetas;

/** Starts training, sends SIGINT as soon as the first epoch is reported (twelve epochs leave it time to land), resolves with the exit code and stderr. */
describe('checkpoints', () => {
  const run = ['train', 'digits', '--hidden', '24', '--epochs', '12'];

  it('Ctrl-C saves a checkpoint; --resume reaches the weights of an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-resume-'));
    const stopped = await interruptedRun([...run, '--out', 'model.json'], { cwd: dir });
    expect(stopped.stderr).toMatch(
      /saved checkpoint model\.checkpoint\.json \(after epoch \d(, batch \d+)?\)/,
    );
    expect(stopped.stderr).toMatch(/resume with: deltanet train --resume model\.checkpoint\.json/);
    expect(stopped.code).toBe(130);
    expect(existsSync(join(dir, 'model.json'))).toBe(false);

    const inspected = runCli(['inspect', 'model.checkpoint.json'], { cwd: dir });
    expect(inspected.stdout).toMatch(/checkpoint: \d epochs done/);

    const resumed = runCli(['train', '--resume', 'model.checkpoint.json', '--quiet'], { cwd: dir });
    expect(resumed.code).toBe(0);
    const whole = runCli([...run, '--out', 'whole.json', '--quiet'], { cwd: dir });
    expect(whole.code).toBe(0);
    expect(thetas(join(dir, 'model.json'))).toEqual(thetas(join(dir, 'whole.json')));
    expect(resumed.stdout.replace('model.json', 'whole.json')).toBe(whole.stdout);
  });

  it('--checkpoint-every writes one every n epochs; resuming it finishes the same run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-resume-'));
    const args = ['train', 'spiral', '--epochs', '30', '--quiet'];
    expect(runCli([...args, '--checkpoint-every', '20', '--out', 'a.json'], { cwd: dir }).code).toBe(0);
    const checkpoint = JSON.parse(readFileSync(join(dir, 'a.checkpoint.json'), 'utf8'));
    expect(checkpoint.training.completedEpochs).toBe(20);
    expect(
      runCli(['train', '--resume', 'a.checkpoint.json', '--out', 'b.json', '--quiet'], { cwd: dir }).code,
    ).toBe(0);
    expect(thetas(join(dir, 'b.json'))).toEqual(thetas(join(dir, 'a.json')));
  });

  it('--resume refuses flags that would change the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-resume-'));
    runCli(['train', 'xor', '--epochs', '4', '--checkpoint-every', '2', '--out', 'x.json', '--quiet'], {
      cwd: dir,
    });
    const result = runCli(['train', '--resume', 'x.checkpoint.json', '--lr', '0.5'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--resume repeats the checkpoint's run; .*got --lr/);
  });
});

describe('--config', () => {
  it('reads flags from JSON; flags on the command line win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-config-'));
    writeFileSync(
      join(dir, 'run.json'),
      JSON.stringify({ hidden: [5, 4], activation: 'relu', epochs: 3, seed: 2 }),
    );
    const result = runCli(['train', 'circle', '--config', 'run.json', '--epochs', '2', '--json'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const start = JSON.parse(result.stdout.split('\n')[0]!);
    expect(start).toMatchObject({
      layers: [2, 5, 4, 1],
      activations: ['relu', 'relu', 'sigmoid'],
      epochs: 2,
      seed: 2,
    });
  });

  it('names an unknown key and the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-config-'));
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ hiden: [5] }));
    const result = runCli(['train', 'circle', '--config', 'run.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /run\.json: unknown key "hiden"; did you mean "hidden"\?; valid keys: hidden, layers/,
    );
  });
});
