// The fault suite: a model truncated at every byte or with any byte flipped either loads bit for
// bit as it was saved or is refused with a clear error, never a silently different model;
// SIGKILL at any moment of a run leaves the old or a new complete file; SIGTERM and SIGHUP
// mid-run save a checkpoint that resumes to the weights of an uninterrupted run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRegistry } from '@deltanet/backprop';
import { fromRows } from '@deltanet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelFileError } from '../src/exit-codes';
import type { ModelFile } from '../src/model/files';
import { readModel } from '../src/model/files';
import { irisFolder } from './fixtures';
import { binary, interruptedRun, runCli } from './run-cli';

let dir: string;
let original: Buffer;
let reference: ModelFile;
const registry = builtinRegistry();
const probe = fromRows([
  [5.1, 3.5, 1.4, 0.2],
  [6.7, 3.0, 5.2, 2.3],
  [5.9, 2.8, 4.3, 1.3],
]);

/** Everything that decides a prediction: Θ, the spec, and the metadata applied to inputs and outputs. */
function decisive(model: ModelFile) {
  return {
    params: Array.from(model.network.params),
    spec: JSON.stringify(model.network.spec),
    metadata: JSON.stringify(model.metadata),
    predictions: Array.from(model.network.predict(probe).data),
  };
}

/** Loads `bytes` as a model file: its decisive parts, or the error. */
async function load(bytes: Buffer): Promise<ReturnType<typeof decisive> | Error> {
  const path = join(dir, 'mutant.json');
  writeFileSync(path, bytes);
  try {
    return decisive(await readModel(path, registry));
  } catch (error) {
    return error as Error;
  }
}

beforeAll(async () => {
  dir = irisFolder();
  const trained = runCli(
    [
      'train',
      'iris.csv',
      '--label',
      'species',
      '--normalize',
      '--hidden',
      '3',
      '--epochs',
      '2',
      '--out',
      'small.json',
      '--quiet',
    ],
    { cwd: dir },
  );
  expect(trained.code).toBe(0);
  original = readFileSync(join(dir, 'small.json'));
  reference = await readModel(join(dir, 'small.json'), registry);
});

describe('a damaged model file', () => {
  it('truncated at any byte is refused (or, without only its final newline, loads unchanged)', async () => {
    const expected = decisive(reference);
    for (let length = 0; length < original.length; length++) {
      const result = await load(original.subarray(0, length));
      if (result instanceof Error) {
        expect(result).toBeInstanceOf(ModelFileError);
        expect(result.message).toMatch(/mutant\.json/);
      } else {
        expect(length).toBe(original.length - 1);
        expect(result).toEqual(expected);
      }
    }
  });

  it('with any byte flipped is refused or loads bit for bit as saved; none changes a prediction', async () => {
    const expected = decisive(reference);
    let refused = 0;
    let unchanged = 0;
    for (const mask of [0x01, 0x04]) {
      for (let i = 0; i < original.length; i++) {
        const bytes = Buffer.from(original);
        bytes[i] = bytes[i]! ^ mask;
        const result = await load(bytes);
        if (result instanceof Error) {
          expect(result, `byte ${i} ^ ${mask}`).toBeInstanceOf(ModelFileError);
          refused++;
        } else {
          expect(result, `byte ${i} ^ ${mask} loaded a different model`).toEqual(expected);
          unchanged++;
        }
      }
    }
    // Most flips break the JSON or the sha256; a few only touch layout (a space to a tab…).
    expect(refused).toBeGreaterThan(unchanged);
  });
});

describe('signals', () => {
  const run = ['train', 'iris.csv', '--label', 'species', '--epochs', '600', '--batch-size', '4'];

  const thetas = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')).thetas;

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} saves a checkpoint, exits ${code}, and the checkpoint resumes bit for bit`, async () => {
      const name = signal.toLowerCase();
      const result = await interruptedRun([...run, '--out', `${name}.json`], {
        cwd: dir,
        signal,
        delayMs: 100,
      });
      expect(result.stderr).toMatch(
        new RegExp(`received ${signal}: finishing this batch and saving a checkpoint`),
      );
      expect(result.stderr).toMatch(
        new RegExp(`resume with: deltanet train --resume ${name}\\.checkpoint\\.json`),
      );
      expect(result.code).toBe(code);
      expect(existsSync(join(dir, `${name}.json`))).toBe(false);
      const resumed = runCli(['train', '--resume', `${name}.checkpoint.json`, '--quiet'], { cwd: dir });
      expect(resumed.code).toBe(0);
      if (!existsSync(join(dir, 'whole.json'))) {
        expect(runCli([...run, '--out', 'whole.json', '--quiet'], { cwd: dir }).code).toBe(0);
      }
      expect(thetas(`${name}.json`)).toEqual(thetas('whole.json'));
    });
  }

  it('SIGKILL at any moment leaves the old or a new complete model and checkpoint, and the next run sweeps the rest', async () => {
    const args = [
      ...run.slice(0, -4),
      '--epochs',
      '60',
      '--checkpoint-every',
      '1',
      '--out',
      'killed.json',
      '--quiet',
    ];
    expect(runCli(args, { cwd: dir }).code).toBe(0);
    const old = readFileSync(join(dir, 'killed.json'));
    for (const delay of [250, 400, 550, 700, 900, 1200]) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [binary, ...args, '--seed', String(delay)], { cwd: dir });
        setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('close', () => resolve());
      });
      const now = readFileSync(join(dir, 'killed.json'));
      if (!now.equals(old)) await readModel(join(dir, 'killed.json'), registry);
      if (existsSync(join(dir, 'killed.checkpoint.json')))
        await readModel(join(dir, 'killed.checkpoint.json'), registry);
    }
    expect(runCli(args, { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
