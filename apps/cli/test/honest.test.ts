// Numbers that mean what they say, and edges without stack traces: regression figures (RMSE,
// MAE, R² against predicting the training mean) checked against a computation from predict's
// own output, target standardization, softmax probabilities by default for several classes,
// warnings for nonsense combinations, model-file problems on one exit code, stdin and other
// formats, CSV injection, did-you-mean, and errors for inputs that used to crash.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { irisFolder, irisRows, writeFile } from './fixtures';
import { runCli } from './run-cli';

const schema = JSON.parse(readFileSync(new URL('../schema/events.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const events = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      if (!validate(event)) throw new Error(`invalid event ${line}: ${JSON.stringify(validate.errors)}`);
      return event;
    });
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .*\(|node:internal|\.ts:\d+:\d+/m);

let dir: string;
// y = 10 + 3a − 2b on a 20 × 20 grid: a linear network can fit it, and every figure is checkable.
const grid = Array.from({ length: 400 }, (_, i) => [(i % 20) / 4 - 2.5, Math.floor(i / 20) / 4 - 2.5]);
const target = ([a, b]: number[]) => 10 + 3 * a! - 2 * b!;

beforeAll(() => {
  dir = irisFolder();
  writeFile(dir, 'plane.csv', `a,b,y\n${grid.map((r) => `${r.join(',')},${target(r)}`).join('\n')}\n`);
  writeFile(dir, 'plane-x.csv', `a,b\n${grid.map((r) => r.join(',')).join('\n')}\n`);
});

describe('regression', () => {
  const flags = ['--label', 'y', '--label-mode', 'value', '--hidden', '', '--lr', '0.1', '--epochs', '60'];

  it('reports RMSE, MAE and R² with a baseline, never accuracy, in lines, events, evaluate and inspect', () => {
    const trained = runCli(['train', 'plane.csv', ...flags, '--out', 'plane.json'], { cwd: dir });
    expect(trained.code).toBe(0);
    expect(`${trained.stdout}${trained.stderr}`).not.toMatch(/accuracy/i);
    expect(trained.stderr).toMatch(
      /epoch 60\/60 · cost [\d.]+ · RMSE [\d.e+-]+ · MAE [\d.e+-]+ · R² [\d.-]+/,
    );
    expect(trained.stdout).toMatch(
      /test RMSE [\d.e+-]+ · MAE [\d.e+-]+ · R² [\d.]+ \(80 held-out rows; predicting the training mean: RMSE [\d.]+\)/,
    );

    const json = events(runCli(['train', 'plane.csv', ...flags, '--json'], { cwd: dir }).stdout);
    const epochs = json.filter((e) => e.event === 'epoch');
    expect(epochs).toHaveLength(60);
    for (const epoch of epochs) {
      expect(epoch).not.toHaveProperty('accuracy');
      expect(epoch).toHaveProperty('r2');
    }
    const result = json.find((e) => e.event === 'result')!;
    expect(result).not.toHaveProperty('trainAccuracy');
    expect(result.testR2 as number).toBeGreaterThan(0.999);

    // The figures from predict's own output and the file's targets, computed here.
    const predicted = runCli(['predict', '--model', 'plane.json', 'plane-x.csv'], { cwd: dir });
    const lines = predicted.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('y');
    const h = lines.slice(1).map(Number);
    const y = grid.map(target);
    const rmse = Math.sqrt(h.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / y.length);
    const mae = h.reduce((s, v, i) => s + Math.abs(v - y[i]!), 0) / y.length;
    const saved = JSON.parse(readFileSync(join(dir, 'plane.json'), 'utf8')).metadata;
    const mean = saved.targetMean[0] as number;
    const baseline = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length);
    const evaluated = events(
      runCli(['evaluate', '--model', 'plane.json', 'plane.csv', '--json'], { cwd: dir }).stdout,
    )[0]!;
    expect(evaluated).not.toHaveProperty('accuracy');
    expect(evaluated.rmse as number).toBeCloseTo(rmse, 10);
    expect(evaluated.mae as number).toBeCloseTo(mae, 10);
    expect(evaluated.baselineRmse as number).toBeCloseTo(baseline, 10);
    expect(evaluated.r2 as number).toBeCloseTo(1 - (rmse / baseline) ** 2, 10);

    const inspected = runCli(['inspect', 'plane.json'], { cwd: dir });
    expect(inspected.stdout).toMatch(/test: RMSE [\d.e+-]+ · MAE [\d.e+-]+ · R² [\d.]+/);
    expect(inspected.stdout).not.toMatch(/accuracy/);
  });

  it("standardizes targets on request, saves μ and σ, and predicts in the targets' units", () => {
    const trained = runCli(
      ['train', 'plane.csv', ...flags, '--normalize-targets', '--out', 'scaled.json', '--quiet'],
      {
        cwd: dir,
      },
    );
    expect(trained.code).toBe(0);
    const { targetNormalization } = JSON.parse(readFileSync(join(dir, 'scaled.json'), 'utf8')).metadata;
    expect(targetNormalization.mean[0]).toBeGreaterThan(5);
    const h = runCli(['predict', '--model', 'scaled.json', 'plane-x.csv'], { cwd: dir })
      .stdout.trimEnd()
      .split('\n')
      .slice(1)
      .map(Number);
    // Outputs in y's units, not standardized ones: within 0.1 of 10 + 3a − 2b on every row.
    h.forEach((v, i) => expect(Math.abs(v - target(grid[i]!))).toBeLessThan(0.1));
  });

  it('stops a cost that explodes without NaN as a divergence (exit 4)', () => {
    const result = runCli(
      [
        'train',
        'plane.csv',
        '--label',
        'y',
        '--label-mode',
        'value',
        '--lr',
        '1000',
        '--epochs',
        '30',
        '--quiet',
      ],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/training diverged at epoch \d+: the mean cost .* without reaching NaN/);
  });
});

describe('classifier outputs', () => {
  it('a file with three classes trains softmax + softmax cross-entropy: p(class) columns summing to 1', () => {
    expect(
      runCli(['train', 'iris.csv', '--label', 'species', '--normalize', '--out', 'iris.json', '--quiet'], {
        cwd: dir,
      }).code,
    ).toBe(0);
    const inspected = runCli(['inspect', 'iris.json'], { cwd: dir }).stdout;
    expect(inspected).toMatch(/output activation +softmax/);
    expect(inspected).toMatch(/loss +softmax-cross-entropy/);
    const lines = runCli(['predict', '--model', 'iris.json', 'iris-unlabelled.csv'], { cwd: dir })
      .stdout.trimEnd()
      .split('\n');
    expect(lines[0]).toBe('class,p(setosa),p(versicolor),p(virginica)');
    for (const line of lines.slice(1)) {
      const sum = line
        .split(',')
        .slice(1)
        .map(Number)
        .reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
    }
  });

  it("the digits job keeps the course's sigmoid outputs, labelled as per-class scores", () => {
    expect(
      runCli(['train', 'digits', '--epochs', '1', '--hidden', '8', '--out', 'digits.json', '--quiet'], {
        cwd: dir,
      }).code,
    ).toBe(0);
    const header = runCli(['predict', '--model', 'digits.json', 'digits'], { cwd: dir }).stdout.split(
      '\n',
    )[0];
    expect(header).toBe(`class,${[...Array(10).keys()].map((d) => `score(${d})`).join(',')}`);
  });

  it('escapes class names a spreadsheet would run as formulas', () => {
    const names = ['=HYPERLINK("http://x")', '+1', 'ok'];
    writeFile(
      dir,
      'evil.csv',
      `a,b,label\n${grid.map((r, i) => `${r.join(',')},"${names[i % 3]!.replace(/"/g, '""')}"`).join('\n')}\n`,
    );
    expect(
      runCli(['train', 'evil.csv', '--label', 'label', '--epochs', '2', '--out', 'evil.json', '--quiet'], {
        cwd: dir,
      }).code,
    ).toBe(0);
    const out = runCli(['predict', '--model', 'evil.json', 'plane-x.csv'], { cwd: dir }).stdout;
    expect(out.split('\n')[0]).not.toMatch(/(^|,)"?[=+\-@]/);
    for (const line of out.trimEnd().split('\n').slice(1)) expect(line).toMatch(/^("'=|'\+1|ok)/);
  });
});

describe('warnings', () => {
  it('name nonsense combinations on stderr and as warning events', () => {
    const cases: [string[], RegExp][] = [
      [
        ['--loss', 'softmax-cross-entropy', '--output-activation', 'sigmoid'],
        /expects each output row to be a probability distribution/,
      ],
      [
        ['--loss', 'cross-entropy', '--output-activation', 'linear'],
        /must lie in \[0, 1\], but --output-activation linear gives values outside it/,
      ],
    ];
    for (const [flags, message] of cases) {
      const result = runCli(
        ['train', 'iris.csv', '--label', 'species', '--normalize', '--epochs', '1', '--json', ...flags],
        { cwd: dir },
      );
      expect(result.stderr).toMatch(message);
      expect(events(result.stdout).filter((e) => e.event === 'warning')[0]!.message).toMatch(message);
    }
    const sigmoid = runCli(
      [
        'train',
        'plane.csv',
        '--label',
        'y',
        '--label-mode',
        'value',
        '--output-activation',
        'sigmoid',
        '--epochs',
        '1',
        '--quiet',
      ],
      {
        cwd: dir,
      },
    );
    expect(sigmoid.stderr).toMatch(
      /--output-activation sigmoid gives values in \[0, 1\], but the targets range over \[/,
    );
    const ce = runCli(
      [
        'train',
        'plane.csv',
        '--label',
        'y',
        '--label-mode',
        'value',
        '--loss',
        'cross-entropy',
        '--epochs',
        '1',
        '--quiet',
      ],
      { cwd: dir },
    );
    expect(ce.stderr).toMatch(/--loss cross-entropy expects targets in \[0, 1\]/);
    writeFile(
      dir,
      'scales.csv',
      `small,large,label\n${grid.map((r, i) => `${r[0]! / 1000},${r[1]! * 1000},${i % 2}`).join('\n')}\n`,
    );
    const scales = runCli(['train', 'scales.csv', '--label', 'label', '--epochs', '1', '--quiet'], {
      cwd: dir,
    });
    expect(scales.stderr).toMatch(/feature scales differ by 6 orders of magnitude .*pass --normalize/);
    expect(
      runCli(['train', 'scales.csv', '--label', 'label', '--epochs', '1', '--quiet', '--normalize'], {
        cwd: dir,
      }).stderr,
    ).toBe('');
  });
});

describe('model files', () => {
  it('every problem is exit 7: not JSON, changed, inconsistent metadata, missing plugin', () => {
    const model = JSON.parse(readFileSync(join(dir, 'iris.json'), 'utf8'));
    writeFile(dir, 'text.json', 'species,setosa\n');
    const notJson = runCli(['predict', '--model', 'text.json', 'iris.csv'], { cwd: dir });
    expect(notJson.code).toBe(7);
    expect(notJson.stderr).toMatch(/text\.json: not a model file: not valid JSON/);
    const dropped = structuredClone(model);
    delete dropped.metadata.normalization;
    writeFile(dir, 'dropped.json', JSON.stringify(dropped));
    const changed = runCli(['evaluate', '--model', 'dropped.json', 'iris.csv'], { cwd: dir });
    expect(changed.code).toBe(7);
    expect(changed.stderr).toMatch(/dropped\.json: integrity: the content does not match/);
    const short = structuredClone(model);
    short.metadata.normalization.mean.pop();
    short.metadata.classNames = ['setosa', 'setosa', 'virginica'];
    writeFile(dir, 'short.json', JSON.stringify(short));
    const inconsistent = runCli(['predict', '--model', 'short.json', 'iris.csv', '--accept-edits'], {
      cwd: dir,
    });
    expect(inconsistent.code).toBe(7);
    expect(inconsistent.stderr).toMatch(
      /warning: short\.json was changed after it was saved; loading it anyway/,
    );
    expect(inconsistent.stderr).toMatch(/short\.json: metadata: normalization must hold 4 finite means/);
    expect(inconsistent.stdout).toBe('');
  });

  it('a version 1 file (before integrity checks) still loads, with a notice', () => {
    const { integrity: _, ...model } = JSON.parse(readFileSync(join(dir, 'iris.json'), 'utf8'));
    writeFile(dir, 'v1.json', JSON.stringify({ ...model, version: 1 }));
    const result = runCli(['predict', '--model', 'v1.json', 'iris-unlabelled.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/v1\.json was written before model files carried an integrity check/);
    expect(result.stdout).toBe(
      runCli(['predict', '--model', 'iris.json', 'iris-unlabelled.csv'], { cwd: dir }).stdout,
    );
  });
});

describe('predict and evaluate read other files', () => {
  it('take standard input (-), --delimiter, --no-header and --format', () => {
    const expected = runCli(['predict', '--model', 'iris.json', 'iris-unlabelled.csv'], { cwd: dir }).stdout;
    const semicolons = irisRows.map((r) => r.slice(0, 4).join(';')).join('\n');
    const piped = runCli(['predict', '--model', 'iris.json', '-', '--delimiter', ';', '--no-header'], {
      cwd: dir,
      input: `${semicolons}\n`,
    });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(expected);
    const keys = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
    writeFileSync(
      join(dir, 'rows.txt'),
      irisRows.map((r) => JSON.stringify(Object.fromEntries(keys.map((k, j) => [k, r[j]])))).join('\n'),
    );
    const jsonl = runCli(['evaluate', '--model', 'iris.json', 'rows.txt', '--format', 'jsonl'], { cwd: dir });
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout).toBe(runCli(['evaluate', '--model', 'iris.json', 'iris.csv'], { cwd: dir }).stdout);
  });
});

describe('gradcheck', () => {
  it('passes a trained network and a larger relu network (correct backprop is never FAILED)', () => {
    const trained = runCli(['gradcheck', '--model', 'iris.json', 'iris.csv', '--rows', '30'], { cwd: dir });
    expect(trained.stdout).toMatch(/gradient check passed/);
    expect(trained.code).toBe(0);
    const relu = runCli(
      ['gradcheck', '--layers', '12,40,40,6', '--activation', 'relu', '--rows', '20', '--json'],
      { cwd: dir },
    );
    expect(relu.code).toBe(0);
    const [report] = events(relu.stdout);
    expect(report).toMatchObject({ passed: true, flagged: 0 });
  });
});

describe('edges', () => {
  it('no command: help on stderr, exit 2', () => {
    const result = runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: deltanet <command>/);
  });

  it('did you mean, for flags, plugins and datasets', () => {
    expect(runCli(['train', 'xor', '--epoch', '3']).stderr).toMatch(
      /unknown option --epoch; did you mean "--epochs"\?/,
    );
    expect(runCli(['train', 'xor', '--activation', 'sigmiod']).stderr).toMatch(
      /unknown activation "sigmiod"; did you mean "sigmoid"\?/,
    );
    expect(runCli(['train', 'spirl']).stderr).toMatch(/unknown dataset "spirl"; did you mean "spiral"\?/);
  });

  it('no stack trace: a huge layer, plugins without their functions, an import that never settles', () => {
    const huge = runCli(['train', 'xor', '--hidden', '2000000000']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/network 2-2000000000-1 has 8\.00e\+9 parameters/);
    noStack(huge.stderr);
    writeFile(
      dir,
      'no-forward.mjs',
      'export const bad = { kind: "activation", name: "bad", description: "" };\n',
    );
    writeFile(
      dir,
      'no-value.mjs',
      'export const bad = { kind: "loss", name: "bad", description: "", gradient() {} };\n',
    );
    writeFile(dir, 'hang.mjs', 'await new Promise(() => {});\nexport const never = 1;\n');
    const noForward = runCli(
      ['train', 'xor', '--plugin', './no-forward.mjs', '--unverified-plugins', '--activation', 'bad'],
      { cwd: dir },
    );
    expect(noForward.code).toBe(2);
    expect(noForward.stderr).toMatch(/activation "bad" lacks forward\(\) and backward\(\)/);
    noStack(noForward.stderr);
    const noValue = runCli(
      ['train', 'xor', '--plugin', './no-value.mjs', '--unverified-plugins', '--loss', 'bad'],
      { cwd: dir },
    );
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toMatch(/loss "bad" lacks value\(\)/);
    noStack(noValue.stderr);
    const hang = runCli(['plugins', '--plugin', './hang.mjs', '--plugin-timeout', '1'], { cwd: dir });
    expect(hang.code).toBe(2);
    expect(hang.stderr).toMatch(/--plugin \.\/hang\.mjs: its import did not finish within 1 s/);
  });
});
