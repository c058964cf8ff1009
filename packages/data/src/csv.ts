// CSV text → Dataset: RFC 4180 fields, an optional header, numeric features, labels by column.
import type { SourceLocation } from '@deltanet/contract';
import { DataError, InvalidArgumentError } from '@deltanet/contract';
import { zeros } from '@deltanet/tensor';
import type { Dataset, DTypeOption } from './dataset';
import { columnList, resolveColumns } from './internal/columns';
import type { CsvRecord } from './internal/csv-records';
import { csvRecords } from './internal/csv-records';
import { isNumeric, readNumber } from './internal/numbers';
import type { LabelCell } from './internal/targets';
import { assembleDataset, labelModeFor } from './internal/targets';
import type { ColumnRef, LabelMode } from './label-mode';

/** Options of {@link parseCsv}. */
export interface CsvOptions extends DTypeOption {
  /** File name for error messages (`iris.csv:7:3: ...`) and the dataset's default name. */
  readonly source?: string;
  /**
   * The label column(s): a header name or 0-based index; several for one-hot or multi-output
   * targets; `null` for none (a file to predict: y is m × 0). Default: the last column.
   */
  readonly label?: ColumnRef | readonly ColumnRef[] | null;
  /** The feature columns in this order (a model's saved featureNames); default: all the others. */
  readonly features?: readonly ColumnRef[];
  /**
   * Whether the first row names the columns. 'auto' (default): yes when a label or feature is
   * given by name, or when the first row has a non-number where the second row has a number.
   */
  readonly header?: boolean | 'auto';
  /** How label columns become y; default 'class' for one column, 'one-hot' for several. */
  readonly labelMode?: LabelMode;
  /** A fixed class order (the training set's); an unknown label is then a DataError. */
  readonly classNames?: readonly string[];
  /** One character; default ','. */
  readonly delimiter?: string;
  /** The dataset's name; default `source`. */
  readonly name?: string;
}

/**
 * Reads a CSV file's text into a dataset: features as numbers (x m × n), labels by `labelMode`.
 * Class labels may be any text; classes are sorted (by value when all are numbers) into
 * classNames unless `classNames` is given. Every problem is a DataError at `file:line:column`
 * (1-based, the column counting characters) naming the column (by header name, else "column 2",
 * counted from 1) and what was expected: ragged rows, non-numbers, NaN/Infinity, an empty file,
 * an unknown label column, an unterminated quote. Blank lines are skipped.
 *
 * @example
 * const iris = parseCsv(text, { source: 'iris.csv', label: 'species' });
 * iris.classNames; // ['setosa', 'versicolor', 'virginica']
 * const toPredict = parseCsv(other, { label: null, features: iris.featureNames });
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  const { source, delimiter = ',', dtype = 'float64' } = options;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new InvalidArgumentError(
      `delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`,
    );
  }
  const file: SourceLocation = source !== undefined ? { file: source } : {};
  const records = csvRecords(text, delimiter, source);
  const first = records.next().value as CsvRecord | undefined;
  if (!first) throw new DataError(file, 'empty file: expected a header row or rows of numbers');
  const second = records.next().value as CsvRecord | undefined;
  const width = first.fields.length;

  const labelRefs = options.label === undefined ? [width - 1] : columnList(options.label);
  const mode = labelModeFor(options.labelMode, labelRefs.length);
  const hasHeader =
    options.header === 'auto' || options.header === undefined
      ? [...labelRefs, ...(options.features ?? [])].some((ref) => typeof ref === 'string') ||
        looksLikeHeader(first, second)
      : options.header;
  const names = hasHeader ? first.fields.map((f) => f.trim()) : undefined;
  const headerAt: SourceLocation = { ...file, line: first.line };
  const labelColumns = resolveColumns(labelRefs, names, width, 'label', headerAt);
  const featureColumns = options.features
    ? resolveColumns(options.features, names, width, 'feature', headerAt)
    : [...Array(width).keys()].filter((j) => !labelColumns.includes(j));
  const both = featureColumns.find((j) => labelColumns.includes(j));
  if (both !== undefined) {
    throw new DataError(headerAt, `column ${names?.[both] ?? both} is both a feature and a label`);
  }
  if (featureColumns.length === 0) {
    throw new DataError(headerAt, `no feature columns: the file's ${width} column(s) are all labels`);
  }
  const fieldName = (j: number) => names?.[j] ?? `column ${j + 1}`;

  const values: number[] = [];
  const cells: LabelCell[][] = labelColumns.map(() => []);
  const cellLines: number[][] = labelColumns.map(() => []);
  const cellColumns: number[][] = labelColumns.map(() => []);
  const read = (record: CsvRecord) => {
    const { fields } = record;
    if (fields.length !== width) {
      const column = fields.length > width ? record.columns[width]! : record.endColumn;
      const line = fields.length > width ? record.lines[width]! : record.endLine;
      throw new DataError(
        { ...file, line, column },
        `expected ${width} fields (as ${hasHeader ? 'in the header' : `on line ${first.line}`}), got ${fields.length}`,
      );
    }
    for (const j of featureColumns) {
      const value = readNumber(fields[j], dtype);
      if (typeof value === 'string') {
        throw new DataError(
          { ...file, line: record.lines[j]!, column: record.columns[j]!, field: fieldName(j) },
          value,
        );
      }
      values.push(value);
    }
    labelColumns.forEach((j, k) => {
      cells[k]!.push(fields[j]!);
      cellLines[k]!.push(record.lines[j]!);
      cellColumns[k]!.push(record.columns[j]!);
    });
  };
  if (!hasHeader) read(first);
  if (second) read(second);
  for (const record of records) read(record);

  const m = values.length / featureColumns.length;
  if (m === 0) throw new DataError(headerAt, 'no data rows after the header');
  const x = zeros(m, featureColumns.length, dtype);
  x.data.set(values);
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

/**
 * A first row is a header when some field is text (not a number, not blank: a blank is more
 * likely a missing value) while the second row has a number there; a text label column stays
 * text in both rows. A lone row is a header when none of its fields is a number.
 */
function looksLikeHeader(first: CsvRecord, second: CsvRecord | undefined): boolean {
  if (!second) return first.fields.every((f) => !isNumeric(f));
  return first.fields.some((f, j) => f.trim() !== '' && !isNumeric(f) && isNumeric(second.fields[j] ?? ''));
}
