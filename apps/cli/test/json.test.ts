// --json: every stdout line is one event valid against schema/events.schema.json, and nothing
// else is written there.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { irisFolder } from './fixtures';
import { runCli } from './run-cli';

const schema = JSON.parse(readFileSync(new URL('../schema/events.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Parses stdout as NDJSON and validates every event; returns them. */
function events(stdout: string): Record<string, unknown>[] {
  const lines = stdout.trimEnd().split('\n');
  return lines.map((line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    if (!validate(event)) throw new Error(`invalid event ${line}: ${JSON.stringify(validate.errors)}`);
    return event;
  });
}

let dir: string;
beforeAll(() => {
  dir = irisFolder();
});

describe('--json', () => {
  it('train: start, one epoch event per epoch, checkpoints, end, result', () => {
    const result = runCli(
      ['train', 'iris.csv', '--epochs', '4', '--checkpoint-every', '2', '--out', 'm.json', '--json'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const all = events(result.stdout);
    expect(all.map((e) => e.event)).toEqual([
      'start',
      'epoch',
      'epoch',
      'checkpoint',
      'epoch',
      'epoch',
      'end',
      'result',
    ]);
    expect(all.at(-1)).toMatchObject({
      command: 'train',
      stopReason: 'completed',
      epochs: 4,
      model: 'm.json',
    });
  });

  it('evaluate, predict, gradcheck, inspect and plugins', () => {
    runCli(['train', 'iris.csv', '--epochs', '3', '--out', 'm.json', '--quiet'], { cwd: dir });
    const evaluate = events(
      runCli(['evaluate', '--model', 'm.json', 'iris.csv', '--json'], { cwd: dir }).stdout,
    );
    expect(evaluate).toHaveLength(1);
    expect((evaluate[0]!.confusion as number[][]).flat().reduce((a, b) => a + b, 0)).toBe(150);

    const predictions = events(
      runCli(['predict', '--model', 'm.json', 'iris.csv', '--json'], { cwd: dir }).stdout,
    );
    expect(predictions.map((e) => e.row)).toEqual([...Array(150).keys()].map((i) => i + 1));

    const gradcheck = events(runCli(['gradcheck', '--json']).stdout);
    expect(gradcheck[0]).toMatchObject({ command: 'gradcheck', passed: true });

    const inspect = events(runCli(['inspect', 'm.json', '--json'], { cwd: dir }).stdout);
    expect(inspect[0]).toMatchObject({ layers: [4, 16, 3], parameters: 16 * 5 + 3 * 17 });

    const plugins = events(runCli(['plugins', '--json']).stdout);
    expect((plugins[0]!.plugins as unknown[]).length).toBeGreaterThan(20);
  });

  it('an error is an event too, with the exit code', () => {
    const result = runCli(['train', 'iris.csv', '--label', 'colour', '--json'], { cwd: dir });
    expect(result.code).toBe(3);
    const [error] = events(result.stdout);
    expect(error).toMatchObject({ event: 'error', exitCode: 3 });
    expect(error!.message).toMatch(/label column "colour"/);
  });

  it('the schema rejects what it should', () => {
    expect(validate({ event: 'epoch', epoch: 1 })).toBe(false);
    expect(validate({ event: 'result', command: 'train' })).toBe(false);
    expect(validate({ event: 'progress' })).toBe(false);
  });
});
