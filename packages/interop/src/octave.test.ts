// The course's Octave text format: round trips, the course's predict.m written out as plain
// loops, and, where GNU Octave is installed, Octave itself loading and writing the files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetwork, predictedClasses } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { randomInputs } from './internal/test-networks';
import { parseOctaveText, readOctave, writeOctave } from './octave';

/**
 * The course's predict.m for any number of layers, as loops: a = sigmoid([1, a] · Θ(l)ᵀ), then
 * p = the index of the largest output. Written from the course's formula, not from deltanet.
 */
function coursePredict(
  thetas: readonly { rows: number; cols: number; values: ArrayLike<number> }[],
  x: Matrix,
) {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const h: number[][] = [];
  for (let r = 0; r < x.rows; r++) {
    let a = Array.from(x.data.subarray(r * x.cols, (r + 1) * x.cols));
    for (const t of thetas) {
      const next: number[] = [];
      for (let i = 0; i < t.rows; i++) {
        let z = t.values[i * t.cols]!;
        for (let j = 1; j < t.cols; j++) z += t.values[i * t.cols + j]! * a[j - 1]!;
        next.push(sigmoid(z));
      }
      a = next;
    }
    h.push(a);
  }
  return h;
}

describe('writeOctave and readOctave', () => {
  it("write Octave's save -text layout, which reads back to the same network bit for bit", () => {
    const net = createNetwork({ layers: [5, 4, 3], seed: 2 });
    const text = writeOctave(net);
    expect(text.split('\n').slice(1, 6)).toEqual([
      '# name: Theta1',
      '# type: matrix',
      '# rows: 4',
      '# columns: 6',
      expect.stringMatching(/^( -?\d\S*){6}$/),
    ]);
    const back = readOctave(text);
    expect(back.layers).toEqual([5, 4, 3]);
    expect(back.activations.map((a) => a.name)).toEqual(['sigmoid', 'sigmoid']);
    expect(Array.from(back.params)).toEqual(Array.from(net.params));
  });

  it("gives the course's predict.m outputs and classes", () => {
    const net = createNetwork({ layers: [20, 7, 6, 4], seed: 5 });
    net.setParams(Array.from(net.params, (v) => 4 * v));
    const back = readOctave(writeOctave(net));
    const x = randomInputs(30, 20, 'float64', 8);
    const expected = coursePredict(
      back.thetas.map((t) => ({ ...t, values: t.data })),
      x,
    );
    const h = back.predict(x);
    expected.flat().forEach((e, i) => expect(Math.abs(h.data[i]! - e)).toBeLessThan(1e-15));
    const p = expected.map((row) => row.indexOf(Math.max(...row)));
    expect(Array.from(predictedClasses(h))).toEqual(p);
  });

  it('reads a file as Octave 7 writes it, with scalars and other variables beside Θ', () => {
    const text = [
      '# Created by Octave 7.3.0, Sat Dec 05 09:06:59 2026 UTC <root@vm>',
      '# name: lambda',
      '# type: scalar',
      '1',
      '',
      '',
      '# name: Theta2',
      '# type: matrix',
      '# rows: 1',
      '# columns: 3',
      ' -1 2 0.5',
      '',
      '',
      '# name: Theta1',
      '# type: matrix',
      '# rows: 2',
      '# columns: 2',
      ' 0.25 -Inf',
      ' 1e-300 3',
      '',
      '',
    ].join('\n');
    expect(parseOctaveText(text).map((m) => [m.name, m.rows, m.cols])).toEqual([
      ['lambda', 1, 1],
      ['Theta2', 1, 3],
      ['Theta1', 2, 2],
    ]);
    // Θ(1) holds −Inf, which a network refuses, with the place named.
    expect(() => readOctave(text)).toThrow(/parameters/);
    const finite = text.replace('-Inf', '-4');
    expect(readOctave(finite).layers).toEqual([1, 2, 1]);
    expect(Array.from(readOctave(finite).params)).toEqual([0.25, -4, 1e-300, 3, -1, 2, 0.5]);
  });

  it('refuses a network with a non-dense layer, naming it and the formats that hold it', () => {
    for (const [layer, name] of [
      [{ name: 'dropout', options: { rate: 0.2 } }, 'dropout'],
      ['batch-norm', 'batch-norm'],
    ] as const) {
      const net = createNetwork({ layers: [3, 4, layer, 2] });
      expect(() => writeOctave(net)).toThrow(
        new RegExp(`spec.layers\\[2\\] is a "${name}" layer.*export it with exportOnnx or exportTfjs`),
      );
    }
  });

  it('names the matrix, line and value at fault', () => {
    const two = writeOctave(createNetwork({ layers: [3, 2, 1], seed: 1 }));
    expect(() => readOctave(two.replace('# columns: 3', '# columns: 4'), { source: 'w.txt' })).toThrow(
      /w.txt: line 14: row 1 of Theta2 has 3 numbers, expected 4/,
    );
    const mismatched =
      '# name: Theta1\n# type: matrix\n# rows: 2\n# columns: 2\n 1 2\n 3 4\n# name: Theta2\n# type: matrix\n# rows: 1\n# columns: 4\n 1 2 3 4\n';
    expect(() => readOctave(mismatched, { source: 'w.txt' })).toThrow(
      'w.txt: Theta2: has 4 columns, but Theta1 has 2 rows, so 3 columns (bias first) were expected',
    );
    expect(() => parseOctaveText('# name: A\n# type: matrix\n# rows: 1\n# columns: 2\n 1 x\n')).toThrow(
      /line 5: row 1, column 2 of A: "x" is not a number/,
    );
    expect(() => readOctave('# name: Theta2\n# type: scalar\n1\n')).toThrow(
      /Theta1: missing \(found Theta2 instead\)/,
    );
    expect(() => parseOctaveText('# name: s\n# type: string\n')).toThrow(
      /only matrix and scalar variables are read/,
    );
  });
});

const octave = spawnSync('octave-cli', ['--version'], { encoding: 'utf8' });
const hasOctave = octave.status === 0;
const work = mkdtempSync(join(tmpdir(), 'deltanet-octave-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runOctave(script: string) {
  const result = spawnSync('octave-cli', ['--no-gui', '--quiet', '--eval', script], {
    cwd: work,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
}

function matrixText(name: string, m: Matrix): string {
  const rows = Array.from(
    { length: m.rows },
    (_, r) => ` ${Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)).join(' ')}`,
  );
  return `# name: ${name}\n# type: matrix\n# rows: ${m.rows}\n# columns: ${m.cols}\n${rows.join('\n')}\n\n\n`;
}

// The course's predict.m, verbatim in substance: h1 = sigmoid([ones(m, 1) X] * Theta1'), …
const predictM = `
  sigmoid = @(z) 1.0 ./ (1.0 + exp(-z));
  m = rows(X);
  h1 = sigmoid([ones(m, 1) X] * Theta1');
  h2 = sigmoid([ones(m, 1) h1] * Theta2');
  [dummy, p] = max(h2, [], 2);
  save -text out.txt h2 p`;

describe.skipIf(!hasOctave)('GNU Octave (skipped where octave-cli is not installed)', () => {
  it("loads writeOctave's file and its predict.m gives deltanet's outputs and classes", () => {
    const net = createNetwork({ layers: [12, 9, 5], seed: 3 });
    net.setParams(Array.from(net.params, (v) => 5 * v));
    const x = randomInputs(40, 12, 'float64', 4);
    writeFileSync(join(work, 'weights.txt'), writeOctave(net));
    writeFileSync(join(work, 'x.txt'), matrixText('X', x));
    runOctave(`load weights.txt; load x.txt; ${predictM}`);
    const [h2, p] = parseOctaveText(readFileSync(join(work, 'out.txt'), 'utf8'));
    const h = net.predict(x);
    h2!.values.forEach((v, i) => expect(Math.abs(v - h.data[i]!)).toBeLessThan(1e-15));
    expect(Array.from(p!.values, (v) => v - 1)).toEqual(Array.from(predictedClasses(h)));
  });

  it("reads Θ that Octave wrote, predicting what Octave's predict.m does", () => {
    runOctave(`rand('seed', 7); Theta1 = rand(6, 9) * 2 - 1; Theta2 = rand(3, 7) * 2 - 1; X = rand(25, 8) * 4 - 2;
      save -text theta.txt Theta1 Theta2; save -text x.txt X; ${predictM}`);
    const net = readOctave(readFileSync(join(work, 'theta.txt'), 'utf8'), { source: 'theta.txt' });
    const [xm] = parseOctaveText(readFileSync(join(work, 'x.txt'), 'utf8'));
    const [h2, p] = parseOctaveText(readFileSync(join(work, 'out.txt'), 'utf8'));
    const h = net.predict({ rows: xm!.rows, cols: xm!.cols, data: xm!.values });
    expect(net.layers).toEqual([8, 6, 3]);
    h2!.values.forEach((v, i) => expect(Math.abs(v - h.data[i]!)).toBeLessThan(1e-15));
    expect(Array.from(p!.values, (v) => v - 1)).toEqual(Array.from(predictedClasses(h)));
  });
});
