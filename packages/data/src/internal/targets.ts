// Turns the label cells read from a file into y, labels and classNames for each label mode.
import type { DType, Matrix, SourceLocation } from '@deltanet/contract';
import { DataError, InvalidArgumentError } from '@deltanet/contract';
import { oneHot, zeros } from '@deltanet/tensor';
import type { Dataset } from '../dataset';
import type { LabelMode } from '../label-mode';
import { inferClassNames } from '../labels';
import { classLookup } from './class-lookup';
import { describe, readNumber } from './numbers';

/** A raw label cell as read: CSV gives text, JSON also numbers and booleans. */
export type LabelCell = string | number | boolean;

/** The label columns of a file, column-major: cells[k][i] is row i's value of label column k. */
export interface LabelCells {
  readonly file: string | undefined;
  /** Each label column's name (header name or key), for messages and one-hot class names. */
  readonly names: readonly string[];
  readonly cells: readonly (readonly LabelCell[])[];
  /** 1-based lines and columns of the cells; without lines (plain arrays) errors name `labels[i]`. */
  readonly lines?: readonly (readonly number[])[];
  readonly columns?: readonly (readonly (number | undefined)[])[];
}

/** What the targets of a dataset are made of. */
export interface Targets {
  readonly y: Matrix;
  readonly labels?: Int32Array;
  readonly classNames?: readonly string[];
}

/**
 * The label mode for `count` label columns: the one given, checked ('class' and 'binary' read
 * one column), or by default 'class' for one column and 'one-hot' for several.
 */
export function labelModeFor(mode: LabelMode | undefined, count: number): LabelMode {
  const modes: readonly LabelMode[] = ['class', 'binary', 'one-hot', 'value'];
  if (mode !== undefined && !modes.includes(mode)) {
    throw new InvalidArgumentError(`unknown labelMode "${String(mode)}"; valid modes: ${modes.join(', ')}`);
  }
  // With no label columns (a file to predict) the mode has nothing to apply to.
  if ((mode === 'class' || mode === 'binary') && count > 1) {
    throw new InvalidArgumentError(
      `labelMode '${mode}' reads one label column, got ${count}; use 'one-hot' or 'value' for several`,
    );
  }
  return mode ?? (count > 1 ? 'one-hot' : 'class');
}

/** y, labels and classNames from label cells of m rows (m × 0 y when there are no label columns). */
export function buildTargets(
  source: LabelCells,
  rows: number,
  mode: LabelMode,
  classNames: readonly string[] | undefined,
  dtype: DType,
): Targets {
  const k = source.names.length;
  if (k === 0) return { y: zeros(rows, 0, dtype), ...(classNames ? { classNames } : {}) };
  const where = (column: number, row: number): SourceLocation => {
    if (!source.lines) return { field: `labels[${row}]` };
    const at = source.columns?.[column]?.[row];
    return {
      ...(source.file !== undefined ? { file: source.file } : {}),
      line: source.lines[column]![row]!,
      ...(at !== undefined ? { column: at } : {}),
      field: source.names[column]!,
    };
  };

  if (mode === 'class' || mode === 'binary') {
    const cells = source.cells[0]!;
    cells.forEach((cell, i) => {
      if (typeof cell === 'string' && cell.trim() === '') {
        throw new DataError(where(0, i), `expected a class label, got ${describe(cell)}`);
      }
    });
    const names = classNames ?? inferClassNames(cells);
    const lookup = classLookup(names);
    const labels = new Int32Array(rows);
    cells.forEach((cell, i) => {
      const index = lookup(cell);
      if (index < 0) {
        throw new DataError(
          where(0, i),
          `unknown class ${describe(String(cell))}; known classes: ${names.join(', ')}`,
        );
      }
      labels[i] = index;
    });
    if (mode === 'binary') {
      if (names.length !== 2) {
        throw new DataError(
          { ...(source.file !== undefined ? { file: source.file } : {}), field: source.names[0]! },
          `labelMode 'binary' needs exactly 2 classes, found ${names.length}: ${names.join(', ')}`,
        );
      }
      const y = zeros(rows, 1, dtype);
      y.data.set(labels);
      return { y, labels, classNames: names };
    }
    return { y: oneHot(labels, names.length, zeros(rows, names.length, dtype)), labels, classNames: names };
  }

  const y = zeros(rows, k, dtype);
  for (let c = 0; c < k; c++) {
    source.cells[c]!.forEach((cell, i) => {
      const value = readNumber(cell, dtype);
      if (typeof value === 'string') throw new DataError(where(c, i), value);
      y.data[i * k + c] = value;
    });
  }
  if (mode === 'value') return { y };

  // 'one-hot': every row holds 0s and exactly one 1; the 1's column is the class.
  if (classNames && classNames.length !== k) {
    throw new InvalidArgumentError(`${classNames.length} class names for ${k} one-hot columns`);
  }
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let ones = 0;
    for (let c = 0; c < k; c++) {
      const v = y.data[i * k + c]!;
      if (v !== 0 && v !== 1)
        throw new DataError(where(c, i), `expected 0 or 1 in a one-hot column, got ${v}`);
      if (v === 1) {
        ones++;
        labels[i] = c;
      }
    }
    if (ones !== 1) {
      throw new DataError(
        where(0, i),
        `expected exactly one 1 among the one-hot columns ${source.names.join(', ')}, got ${ones}`,
      );
    }
  }
  return { y, labels, classNames: classNames ?? source.names };
}

/**
 * The Dataset a parser returns: features x, targets built from the label cells, feature names
 * when the file named its columns, and a name (the option, else the file).
 */
export function assembleDataset(parts: {
  readonly x: Matrix;
  readonly labels: LabelCells;
  readonly mode: LabelMode;
  readonly classNames: readonly string[] | undefined;
  readonly dtype: DType;
  readonly columnNames: readonly string[] | undefined;
  readonly featureColumns: readonly number[];
  readonly name: string | undefined;
}): Dataset {
  const { x, labels, mode, classNames, dtype, columnNames, featureColumns, name } = parts;
  return {
    x,
    ...buildTargets(labels, x.rows, mode, classNames, dtype),
    ...(columnNames ? { featureNames: featureColumns.map((j) => columnNames[j]!) } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}
