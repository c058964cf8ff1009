// JSON Lines text → Dataset: one object (features by key) or array (by index) per line.
import type { SourceLocation } from '@deltanet/contract';
import { DataError } from '@deltanet/contract';
import { zeros } from '@deltanet/tensor';
import type { Dataset, DTypeOption } from './dataset';
import { columnList, resolveColumns } from './internal/columns';
import { describe, readNumber } from './internal/numbers';
import type { LabelCell } from './internal/targets';
import { assembleDataset, labelModeFor } from './internal/targets';
import type { ColumnRef, LabelMode } from './label-mode';

/** Options of {@link parseJsonLines}. */
export interface JsonLinesOptions extends DTypeOption {
  /** File name for error messages and the dataset's default name. */
  readonly source?: string;
  /**
   * The label key(s) (or 0-based indices for array rows); several for one-hot or multi-output
   * targets; `null` for none. Default: "label" when the first object has it, else its last key
   * (for arrays, the last element).
   */
  readonly label?: ColumnRef | readonly ColumnRef[] | null;
  /** Feature keys in order; default: the first line's keys holding numbers, minus the labels. */
  readonly features?: readonly ColumnRef[];
  /** How label values become y; default 'class' for one label, 'one-hot' for several. */
  readonly labelMode?: LabelMode;
  /** A fixed class order (the training set's); an unknown label is then a DataError. */
  readonly classNames?: readonly string[];
  /** The dataset's name; default `source`. */
  readonly name?: string;
}

/** One non-blank line: its parsed value, 1-based number and text. */
interface Row {
  readonly value: unknown;
  readonly line: number;
  readonly text: string;
}

/**
 * Reads JSON Lines: each non-blank line one JSON object, like `{"x1": 0.5, "x2": 1, "label":
 * "a"}`, or one array, like `[0.5, 1, "a"]` (all lines the same kind). Features are numbers (or
 * numeric strings); labels follow `labelMode` as in {@link parseCsv}. Errors are DataErrors at
 * `file:line:column` naming the key: invalid JSON, a missing key, a non-number, NaN/Infinity.
 *
 * @example
 * const d = parseJsonLines('{"a": 1, "b": 2, "label": "yes"}\n{"a": 3, "b": 4, "label": "no"}');
 * d.featureNames; // ['a', 'b']
 * d.classNames; // ['no', 'yes']
 */
export function parseJsonLines(text: string, options: JsonLinesOptions = {}): Dataset {
  const { source, dtype = 'float64' } = options;
  const file: SourceLocation = source !== undefined ? { file: source } : {};
  const at = (row: Row): SourceLocation => ({ ...file, line: row.line });
  const rows: Row[] = [];
  text.split(/\r\n|\n|\r/).forEach((lineText, i) => {
    const body = i === 0 && lineText.charCodeAt(0) === 0xfeff ? lineText.slice(1) : lineText;
    if (body.trim() === '') return;
    rows.push({ value: parseLine(body, { ...file, line: i + 1 }), line: i + 1, text: body });
  });
  const first = rows[0];
  if (!first) throw new DataError(file, 'empty file: expected one JSON object or array per line');
  const isArray = Array.isArray(first.value);
  const firstLength = isArray ? (first.value as unknown[]).length : 0;
  for (const row of rows) {
    const value = row.value;
    const ok = isArray
      ? Array.isArray(value)
      : typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!ok) {
      throw new DataError(
        { ...at(row), column: 1 },
        `expected ${isArray ? 'an array' : 'an object'} (like line ${first.line}), got ${describe(value)}`,
      );
    }
    if (isArray && (value as unknown[]).length !== firstLength) {
      throw new DataError(
        { ...at(row), column: 1 },
        `expected ${firstLength} elements (as on line ${first.line}), got ${(value as unknown[]).length}`,
      );
    }
  }

  // Columns: the first object's keys, or array positions.
  const keys = isArray
    ? Array.from({ length: firstLength }, (_, j) => String(j))
    : Object.keys(first.value as Record<string, unknown>);
  const width = keys.length;
  const names = isArray ? undefined : keys;
  const defaultLabel = isArray ? width - 1 : keys.includes('label') ? 'label' : keys[width - 1]!;
  const labelRefs = options.label === undefined ? [defaultLabel] : columnList(options.label);
  const mode = labelModeFor(options.labelMode, labelRefs.length);
  const firstAt = at(first);
  const unit = isArray ? 'element' : 'key';
  const labelColumns = resolveColumns(labelRefs, names, width, 'label', firstAt, unit);
  const featureColumns = options.features
    ? resolveColumns(options.features, names, width, 'feature', firstAt, unit)
    : keys
        .map((_, j) => j)
        .filter(
          (j) => !labelColumns.includes(j) && typeof readNumber(cell(first.value, keys[j]!)) === 'number',
        );
  const both = featureColumns.find((j) => labelColumns.includes(j));
  if (both !== undefined) throw new DataError(firstAt, `${keys[both]} is both a feature and a label`);
  if (featureColumns.length === 0) {
    throw new DataError(
      firstAt,
      `no numeric features among ${isArray ? 'the elements' : `keys ${keys.join(', ')}`}`,
    );
  }
  const fieldName = (j: number) => (isArray ? `[${j}]` : keys[j]!);
  const where = (row: Row, j: number): SourceLocation => {
    const column = isArray ? undefined : keyColumn(row.text, keys[j]!);
    return { ...at(row), ...(column !== undefined ? { column } : {}), field: fieldName(j) };
  };

  const m = rows.length;
  const n = featureColumns.length;
  const x = zeros(m, n, dtype);
  const cells: LabelCell[][] = labelColumns.map(() => []);
  const cellLines: number[][] = labelColumns.map(() => []);
  const cellColumns: (number | undefined)[][] = labelColumns.map(() => []);
  rows.forEach((row, i) => {
    const value = (j: number) => {
      const found = cell(row.value, keys[j]!);
      if (found === undefined) throw new DataError(where(row, j), `missing key (line ${first.line} has it)`);
      return found;
    };
    featureColumns.forEach((j, c) => {
      const number = readNumber(value(j), dtype);
      if (typeof number === 'string') throw new DataError(where(row, j), number);
      x.data[i * n + c] = number;
    });
    labelColumns.forEach((j, k) => {
      const label = value(j);
      if (typeof label !== 'string' && typeof label !== 'number' && typeof label !== 'boolean') {
        throw new DataError(
          where(row, j),
          `expected a label (string, number or boolean), got ${describe(label)}`,
        );
      }
      cells[k]!.push(label);
      cellLines[k]!.push(row.line);
      cellColumns[k]!.push(where(row, j).column);
    });
  });

  return assembleDataset({
    x,
    labels: {
      file: source,
      names: labelColumns.map(fieldName),
      cells,
      lines: cellLines,
      columns: cellColumns,
    },
    mode,
    classNames: options.classNames,
    dtype,
    columnNames: names,
    featureColumns,
    name: options.name ?? source,
  });
}

function parseLine(text: string, where: SourceLocation): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 and SpiderMonkey name a 0-based "position" in the message; not every engine does.
    const position = /position (\d+)/.exec(message)?.[1];
    const column = position !== undefined ? Number(position) + 1 : undefined;
    throw new DataError(
      { ...where, ...(column !== undefined ? { column } : {}) },
      `invalid JSON: ${message}`,
    );
  }
}

/** Element `key` of an array row (key is the index) or own property `key` of an object row. */
function cell(row: unknown, key: string): unknown {
  if (Array.isArray(row)) return row[Number(key)];
  return Object.hasOwn(row as object, key) ? (row as Record<string, unknown>)[key] : undefined;
}

/** The 1-based column where `"key":` first appears on the line, if it does. */
function keyColumn(line: string, key: string): number | undefined {
  const quoted = JSON.stringify(key);
  let from = line.indexOf(quoted);
  while (from >= 0) {
    if (/^\s*:/.test(line.slice(from + quoted.length))) return from + 1;
    from = line.indexOf(quoted, from + 1);
  }
  return undefined;
}
