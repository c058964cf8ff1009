// The course's weights as Octave text matrices (`save -text`): Theta1, Theta2, … each
// s(l+1) × (s(l)+1) with the bias weights in column 1, exactly deltanet's Θ(l).
import type { Network } from '@deltanet/backprop';
import { checkSpec, createNetwork } from '@deltanet/backprop';
import type { DType, PluginRef } from '@deltanet/contract';
import { FormatError, InvalidArgumentError } from '@deltanet/contract';
import { defaultLoss } from './internal/default-loss';

/** A named matrix read from an Octave text file, row-major. */
export interface OctaveMatrix {
  /** The variable's name from its `# name:` line, e.g. `'Theta1'`. */
  readonly name: string;
  /** Number of rows (1 for a scalar). */
  readonly rows: number;
  /** Number of columns (1 for a scalar). */
  readonly cols: number;
  /** The rows × cols elements, row-major: (i, j) at `values[i * cols + j]`. */
  readonly values: Float64Array;
}

/**
 * Θ(1)…Θ(L−1) as an Octave text file: variables Theta1, Theta2, … in `save -text`'s layout, one
 * matrix row per line, numbers in shortest round-trip form (Octave's strtod reads each back to
 * the same double). `load('weights.txt')` in Octave then gives the course's Theta1 and Theta2.
 * Throws an InvalidArgumentError naming the first non-dense layer (dropout, batch-norm, …) of a
 * network that has one: the format has no place for it, and leaving it out would change the
 * network's predictions (batch-norm) or hide it (dropout).
 *
 * @example
 * await writeFile('weights.txt', writeOctave(net));
 * // octave> load weights.txt; p = predict(Theta1, Theta2, X);
 */
export function writeOctave(net: Network): string {
  const other = net.stack.find((layer) => layer.dense === undefined);
  if (other) {
    throw new InvalidArgumentError(
      `cannot write this network as Octave matrices: spec.layers[${other.index}] is a "${other.plugin.name}" layer, and the course's format holds only the dense layers' Theta1, Theta2, …; export it with exportOnnx or exportTfjs (deltanet export --format onnx or tfjs) instead`,
    );
  }
  const parts = [
    `# Created by deltanet, ${net.layers.join('-')} network: Theta(l) is s(l+1) x (s(l)+1), bias weights in column 1\n`,
  ];
  net.thetas.forEach(({ rows, cols, data }, l) => {
    parts.push(`# name: Theta${l + 1}\n# type: matrix\n# rows: ${rows}\n# columns: ${cols}\n`);
    for (let i = 0; i < rows; i++) {
      let line = '';
      for (let j = 0; j < cols; j++) line += ` ${octaveNumber(data[i * cols + j]!)}`;
      parts.push(`${line}\n`);
    }
    parts.push('\n\n');
  });
  return parts.join('');
}

/** Options of `readOctave`: the plugins the weights were trained with (the course's by default). */
export interface OctaveReadOptions {
  /** Hidden activation(s). Default sigmoid, as in the course. */
  readonly activation?: PluginRef | readonly PluginRef[];
  /** Default sigmoid. */
  readonly outputActivation?: PluginRef;
  /** Default: cross-entropy after sigmoid (the course's J), softmax-cross-entropy after softmax, else mean-squared-error. */
  readonly loss?: PluginRef;
  /** Default float64. */
  readonly dtype?: DType;
  /** File name for error messages. */
  readonly source?: string;
}

/**
 * A network from an Octave text file holding Theta1, Theta2, … (other variables are ignored):
 * layers [columns(Theta1) − 1, rows(Theta1), rows(Theta2), …], sigmoid units and cross-entropy
 * unless told otherwise, so `predict` gives the course's predict.m outputs. Throws a FormatError
 * naming the line or matrix at fault.
 *
 * @example
 * const net = readOctave(await readFile('ex4weights.txt', 'utf8'));
 * net.predict(x); // h2 of the course's predict.m
 */
export function readOctave(text: string, options: OctaveReadOptions = {}): Network {
  const source = options.source;
  const thetas = parseOctaveText(text, source).filter((m) => /^Theta\d+$/.test(m.name));
  thetas.sort((a, b) => Number(a.name.slice(5)) - Number(b.name.slice(5)));
  if (thetas.length === 0) throw new FormatError('Theta1', 'no variable named Theta1, Theta2, …', source);
  thetas.forEach((m, l) => {
    if (m.name !== `Theta${l + 1}`)
      throw new FormatError(`Theta${l + 1}`, `missing (found ${m.name} instead)`, source);
    if (m.cols < 2)
      throw new FormatError(
        m.name,
        `expected a bias column and at least one weight column, got ${m.cols} column(s)`,
        source,
      );
    const previous = thetas[l - 1];
    if (previous && m.cols !== previous.rows + 1) {
      throw new FormatError(
        m.name,
        `has ${m.cols} columns, but ${previous.name} has ${previous.rows} rows, so ${previous.rows + 1} columns (bias first) were expected`,
        source,
      );
    }
  });
  const layers = [thetas[0]!.cols - 1, ...thetas.map((m) => m.rows)];
  const net = createNetwork(
    checkSpec({
      layers,
      activation: options.activation ?? 'sigmoid',
      outputActivation: options.outputActivation ?? 'sigmoid',
      loss: options.loss ?? defaultLoss(options.outputActivation ?? 'sigmoid'),
      dtype: options.dtype ?? 'float64',
    }),
  );
  const params = new Float64Array(net.params.length);
  let offset = 0;
  for (const m of thetas) {
    params.set(m.values, offset);
    offset += m.values.length;
  }
  net.setParams(params);
  return net;
}

/**
 * Every matrix (and scalar) in an Octave `save -text` file, in file order.
 *
 * @example
 * parseOctaveText('# name: A\n# type: matrix\n# rows: 1\n# columns: 2\n 1 2\n');
 * // [{ name: 'A', rows: 1, cols: 2, values: Float64Array [1, 2] }]
 */
export function parseOctaveText(text: string, source?: string): OctaveMatrix[] {
  const lines = text.split(/\r?\n/);
  const out: OctaveMatrix[] = [];
  let i = 0;
  const fail = (line: number, message: string): never => {
    throw new FormatError(`line ${line + 1}`, message, source);
  };
  const header = (key: string): string => {
    const match = /^#\s*(\w+):\s*(.*?)\s*$/.exec(lines[i] ?? '');
    if (!match || match[1] !== key)
      fail(i, `expected "# ${key}: …", got ${JSON.stringify(lines[i] ?? '(end of file)')}`);
    i++;
    return match![2]!;
  };
  const whole = (key: string): number => {
    const value = header(key);
    if (!/^\d+$/.test(value)) fail(i - 1, `${key} must be a whole number, got ${JSON.stringify(value)}`);
    return Number(value);
  };
  while (i < lines.length) {
    if (!/^#\s*name:/.test(lines[i]!)) {
      i++; // comments (Octave's "# Created by" line) and the blank lines between variables
      continue;
    }
    const name = header('name');
    const type = header('type');
    let rows = 1;
    let cols = 1;
    if (type === 'matrix') {
      rows = whole('rows');
      cols = whole('columns');
    } else if (type !== 'scalar') {
      fail(i - 1, `variable ${name} is of type "${type}"; only matrix and scalar variables are read`);
    }
    const values = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++, i++) {
      const fields = (lines[i] ?? '')
        .trim()
        .split(/\s+/)
        .filter((f) => f !== '');
      if (fields.length !== cols)
        fail(i, `row ${r + 1} of ${name} has ${fields.length} numbers, expected ${cols}`);
      fields.forEach((field, c) => {
        const v = octaveValue(field);
        if (v === undefined)
          fail(i, `row ${r + 1}, column ${c + 1} of ${name}: ${JSON.stringify(field)} is not a number`);
        values[r * cols + c] = v!;
      });
    }
    out.push({ name, rows, cols, values });
  }
  return out;
}

function octaveNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function octaveValue(field: string): number | undefined {
  if (field === 'NaN' || field === 'NA') return Number.NaN;
  if (field === 'Inf') return Infinity;
  if (field === '-Inf') return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(field)) return undefined;
  return Number(field);
}
