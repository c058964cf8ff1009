// The README's main job and the course's recipe, end to end through the built binary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNetwork } from '@deltanet/backprop';
import { describe, expect, it } from 'vitest';
import { percentAfter, runCli } from './run-cli';

describe('deltanet train', () => {
  it('runs the main job with defaults: ≥ 94% on the 2,000 held-out digits', () => {
    const result = runCli(['train']);
    expect(result.stderr).toMatch(/digits: 8000 training rows, 2000 test rows; network 784-\d+-10/);
    expect(result.stderr).toMatch(/epoch 1\/\d+ · cost/);
    expect(result.code).toBe(0);
    expect(percentAfter(result.stdout, 'test accuracy')).toBeGreaterThanOrEqual(94);
  });

  it("reaches ≥ 90% with the course's recipe: CG, λ = 1, 50 iterations, 784-25-10", () => {
    const args = ['train', 'digits', '--optimizer', 'conjugate-gradient', '--lambda', '1', '--epochs', '50'];
    const result = runCli([...args, '--hidden', '25', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(percentAfter(result.stdout, 'train accuracy')).toBeGreaterThan(90);
    expect(percentAfter(result.stdout, 'test accuracy')).toBeGreaterThanOrEqual(90);
  });

  it('saves a model that reloads and predicts the same; the same seed gives the same file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-'));
    const train = (file: string) =>
      runCli(['train', 'xor', '--epochs', '20', '--seed', '3', '--quiet', '--out', join(dir, file)]);
    expect(train('a.json').code).toBe(0);
    expect(train('b.json').code).toBe(0);
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
    const { network, metadata } = parseNetwork(text);
    expect(network.layers).toEqual([2, 8, 8, 1]);
    expect(metadata).toMatchObject({ dataset: 'xor' });
  });

  it('writes the same model whatever --threads is (the course recipe, products split across threads)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-'));
    const train = (threads: string) => {
      const out = join(dir, `threads-${threads}.json`);
      const args = ['train', 'digits', '--optimizer', 'conjugate-gradient', '--lambda', '1', '--epochs', '4'];
      const result = runCli([...args, '--hidden', '25', '--quiet', '--threads', threads, '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(train('2')).toBe(train('1'));
    expect(runCli(['train', 'xor', '--threads', '0']).stderr).toMatch(
      /--threads must be a whole number ≥ 1, got "0"/,
    );
  });

  it('trains on the --backend chosen by name, recording it; reference, js and wasm give the same Θ on xor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-'));
    const train = (backend: string) => {
      const out = join(dir, `${backend}.json`);
      const result = runCli([
        'train',
        'xor',
        '--epochs',
        '20',
        '--quiet',
        '--backend',
        backend,
        '--out',
        out,
      ]);
      expect(result.code, result.stderr).toBe(0);
      return parseNetwork(readFileSync(out, 'utf8'));
    };
    const [reference, js, wasm] = [train('reference'), train('js'), train('wasm')];
    expect(Array.from(js.network.params)).toEqual(Array.from(reference.network.params));
    expect(Array.from(wasm.network.params)).toEqual(Array.from(reference.network.params));
    expect(js.metadata).toMatchObject({ flags: { backend: 'js' } });
    expect(runCli(['train', 'xor', '--backend', 'jss']).stderr).toMatch(
      /unknown backend "jss"; did you mean "js"\?; valid backends: js, reference, wasm/,
    );
  });

  it('builds dropout and batch-norm from --hidden, saves them, and warns of them under a line search', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-'));
    const out = join(dir, 'layered.json');
    const flags = ['train', 'xor', '--hidden', '8,batch-norm,dropout:0.1', '--epochs', '30', '--quiet'];
    const result = runCli([...flags, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
    const saved = parseNetwork(readFileSync(out, 'utf8'));
    expect(saved.network.stack.map((layer) => layer.plugin.name)).toEqual([
      'dense',
      'batch-norm',
      'dropout',
      'dense',
    ]);
    // The running statistics moved from their start (mean 0, variance 1) while training.
    expect(Array.from(saved.network.state).some((v, i) => v !== (i < 8 ? 0 : 1))).toBe(true);
    // inspect lists them with their options and blocks.
    const inspected = runCli(['inspect', out]);
    expect(inspected.stdout).toMatch(/model 2-8-batch-norm-dropout-1, float64, 49 parameters/);
    expect(inspected.stdout).toMatch(
      /layer 2 +batch-norm:momentum=0\.99:epsilon=0\.001 +γ 1 × 8, β 1 × 8 +state: running mean 1 × 8, running variance 1 × 8/,
    );
    expect(inspected.stdout).toMatch(/layer 3 +dropout:rate=0\.1 +no parameters/);
    const lbfgs = runCli([...flags, '--optimizer', 'lbfgs', '--epochs', '3']);
    expect(lbfgs.code, lbfgs.stderr).toBe(0);
    expect(lbfgs.stderr).toMatch(
      /lbfgs evaluates the whole training set .* batch-norm and dropout act differently in training/,
    );
  });

  it('leaves an existing model intact when training fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-'));
    const out = join(dir, 'model.json');
    writeFileSync(out, 'previous model');
    const result = runCli(['train', 'xor', '--activation', 'relu6', '--out', out]);
    expect(result.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous model');
  });
});

describe('divergence', () => {
  it('exits 4 and says where the first NaN came from', () => {
    const result = runCli([
      'train',
      'xor',
      '--optimizer',
      'sgd',
      '--lr',
      '1e300',
      '--activation',
      'relu',
      '--epochs',
      '3',
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /training diverged at epoch 1, batch \d+: z\(\d\) is NaN at example \d+, unit \d+/,
    );
    expect(result.stderr).toMatch(/lower the learning rate/);
  });
});

describe('usage errors', () => {
  it('name the unknown thing and the valid choices, with exit code 2', () => {
    const unknownCommand = runCli(['trian']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(
      /unknown command "trian"; did you mean "train"\?; valid commands: train/,
    );

    const unknownActivation = runCli(['train', 'xor', '--activation', 'relu6']);
    expect(unknownActivation.code).toBe(2);
    expect(unknownActivation.stderr).toMatch(
      /unknown activation "relu6"; did you mean "relu"\?; valid activations: elu, gelu, .*tanh/,
    );

    const unknownDataset = runCli(['train', 'cifar']);
    expect(unknownDataset.code).toBe(2);
    expect(unknownDataset.stderr).toMatch(
      /unknown dataset "cifar"; valid datasets: digits, circle, gauss, spiral, xor/,
    );

    const badNumber = runCli(['train', 'xor', '--epochs', 'ten']);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toMatch(/--epochs must be a number, got "ten"/);

    const unknownFlag = runCli(['train', '--epoch', '3']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--epoch/);
  });

  it('prints help and the version', () => {
    expect(runCli(['--help']).stdout).toMatch(/Usage: deltanet <command>/);
    expect(runCli(['train', '--help']).stdout).toMatch(/Usage: deltanet train \[dataset \| file\]/);
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
