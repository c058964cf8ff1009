// Nothing the user had is lost: --out onto any file the command reads is refused before any
// work (exit 2, naming both roles); a file of another kind needs --force; an unwritable --out or
// --checkpoint is reported before training; symlinks are written through, modes kept, and
// temporary files of dead writers swept.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { irisFolder, writeFile } from './fixtures';
import { runCli } from './run-cli';

let dir: string;
const fast = ['--epochs', '2', '--quiet'];
const bytes = (name: string) => readFileSync(join(dir, name));

beforeAll(() => {
  dir = irisFolder();
  expect(
    runCli(['train', 'iris.csv', '--label', 'species', '--out', 'iris.json', ...fast], { cwd: dir }).code,
  ).toBe(0);
  writeFile(dir, 'run.json', JSON.stringify({ label: 'species', epochs: 2 }));
  writeFile(dir, 'test.csv', readFileSync(join(dir, 'iris.csv'), 'utf8'));
  writeFile(dir, 'cube.mjs', readFileSync(new URL('../examples/cube.mjs', import.meta.url), 'utf8'));
  expect(
    runCli(
      [
        'train',
        'iris.csv',
        '--label',
        'species',
        '--checkpoint-every',
        '1',
        '--epochs',
        '2',
        '--out',
        'ck.json',
        '--quiet',
      ],
      { cwd: dir },
    ).code,
  ).toBe(0);
});

describe('--out onto a file the command reads', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'the training data',
      ['train', 'iris.csv', '--label', 'species', '--out', 'iris.csv'],
      /--out iris\.csv is the data file iris\.csv/,
    ],
    [
      '--test',
      ['train', 'iris.csv', '--label', 'species', '--test', 'test.csv', '--out', 'test.csv'],
      /--out test\.csv is --test test\.csv/,
    ],
    [
      '--config',
      ['train', 'iris.csv', '--config', 'run.json', '--out', 'run.json'],
      /--out run\.json is --config run\.json/,
    ],
    [
      '--resume',
      ['train', '--resume', 'ck.checkpoint.json', '--out', 'ck.checkpoint.json'],
      /--out ck\.checkpoint\.json is --resume ck\.checkpoint\.json/,
    ],
    [
      'a plugin',
      ['train', 'xor', '--plugin', './cube.mjs', '--out', 'cube.mjs'],
      /--out cube\.mjs is --plugin \.\/cube\.mjs/,
    ],
    [
      'predict: the input',
      ['predict', '--model', 'iris.json', 'iris.csv', '--out', 'iris.csv'],
      /--out iris\.csv is the data file iris\.csv/,
    ],
    [
      'predict: the model',
      ['predict', '--model', 'iris.json', 'iris.csv', '--out', 'iris.json'],
      /--out iris\.json is --model iris\.json/,
    ],
    [
      'through another path',
      ['predict', '--model', 'iris.json', 'iris.csv', '--out', './sub/../iris.csv'],
      /is the data file iris\.csv/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`is refused for ${what}, before any work, and the file is untouched`, () => {
      mkdirSync(join(dir, 'sub'), { recursive: true });
      const before = readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs]);
      const result = runCli(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/epoch|training on/);
      expect(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs])).toEqual(before);
    });
  }

  it('is refused through a symlink to the input', () => {
    symlinkSync('iris.csv', join(dir, 'alias.csv'));
    const result = runCli(['predict', '--model', 'iris.json', 'iris.csv', '--out', 'alias.csv'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out alias\.csv is the data file iris\.csv/);
  });
});

describe('replacing a file of another kind', () => {
  it('needs --force for a model over a CSV and predictions over a model, not a model over a model', () => {
    writeFile(dir, 'notes.csv', 'a,b\n1,2\n');
    const overCsv = runCli(['train', 'iris.csv', '--label', 'species', '--out', 'notes.csv', ...fast], {
      cwd: dir,
    });
    expect(overCsv.code).toBe(2);
    expect(overCsv.stderr).toMatch(/--out notes\.csv exists and is not a deltanet model .*pass --force/);
    expect(readFileSync(join(dir, 'notes.csv'), 'utf8')).toBe('a,b\n1,2\n');
    const forced = runCli(
      ['train', 'iris.csv', '--label', 'species', '--out', 'notes.csv', '--force', ...fast],
      { cwd: dir },
    );
    expect(forced.code).toBe(0);

    runCli(['train', 'iris.csv', '--label', 'species', '--out', 'other.json', ...fast], { cwd: dir });
    const overModel = runCli(['predict', '--model', 'iris.json', 'iris.csv', '--out', 'other.json'], {
      cwd: dir,
    });
    expect(overModel.code).toBe(2);
    expect(overModel.stderr).toMatch(/--out other\.json holds a deltanet model.*pass --force/);
    const again = runCli(
      ['train', 'iris.csv', '--label', 'species', '--out', 'other.json', '--seed', '3', ...fast],
      {
        cwd: dir,
      },
    );
    expect(again.code).toBe(0);
  });
});

describe('an unwritable --out or --checkpoint', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a missing folder',
      ['--out', 'no/such/m.json'],
      /cannot write no\/such\/m\.json: the folder .*no\/such does not exist/,
    ],
    ['a directory', ['--out', 'sub'], /cannot write sub: it is a folder/],
    [
      'a checkpoint in a missing folder',
      ['--checkpoint', 'gone/c.json'],
      /cannot write gone\/c\.json: the folder .* does not exist/,
    ],
  ];
  for (const [what, flags, message] of cases) {
    it(`is reported before training: ${what} (exit 5)`, () => {
      mkdirSync(join(dir, 'sub'), { recursive: true });
      const result = runCli(['train', 'iris.csv', '--label', 'species', '--epochs', '50', ...flags], {
        cwd: dir,
      });
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/epoch 1|training on|\.tmp/);
    });
  }
});

describe('writing', () => {
  it('writes through a symlink to its target and keeps an existing mode', () => {
    mkdirSync(join(dir, 'models'), { recursive: true });
    symlinkSync('models/real.json', join(dir, 'link.json'));
    expect(
      runCli(['train', 'iris.csv', '--label', 'species', '--out', 'link.json', ...fast], { cwd: dir }).code,
    ).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('models/real.json');
    expect(JSON.parse(bytes('models/real.json').toString()).format).toBe('deltanet-model');
    chmodSync(join(dir, 'models/real.json'), 0o640);
    expect(
      runCli(['train', 'iris.csv', '--label', 'species', '--out', 'link.json', '--seed', '2', ...fast], {
        cwd: dir,
      }).code,
    ).toBe(0);
    expect(statSync(join(dir, 'models/real.json')).mode & 0o777).toBe(0o640);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
  });

  it('sweeps temporary files a killed writer left, and leaves a live one alone', () => {
    // Process ids past the kernel's pid_max (4194304) run nowhere.
    const dead = join(dir, '.swept.json.99999999.1733000000000.tmp');
    const live = join(dir, `.swept.json.${process.pid}.1733000000000.tmp`);
    writeFile(dir, '.swept.json.99999999.1733000000000.tmp', 'x'.repeat(1000));
    writeFile(dir, `.swept.json.${process.pid}.1733000000000.tmp`, 'partial');
    expect(
      runCli(['train', 'iris.csv', '--label', 'species', '--out', 'swept.json', ...fast], { cwd: dir }).code,
    ).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
