// Class labels ↔ class indices: a fixed class order, and encoding with a given (training) order.
import type { SourceLocation } from '@deltanet/contract';
import { DataError } from '@deltanet/contract';
import { classLookup } from './internal/class-lookup';
import { describe, isNumeric } from './internal/numbers';

/**
 * The distinct classes of `values` in a fixed order: ascending by value when every label is a
 * number (names canonical, "1.0" → "1"), else by UTF-16 code units (not locale, so the order is
 * the same on every machine). Labels are trimmed.
 *
 * @example
 * inferClassNames(['10', '2', '2.0']); // ['2', '10']
 * inferClassNames(['versicolor', 'setosa']); // ['setosa', 'versicolor']
 */
export function inferClassNames(values: Iterable<string | number | boolean>): string[] {
  const texts = new Set<string>();
  for (const value of values) texts.add(typeof value === 'string' ? value.trim() : String(value));
  const all = [...texts];
  if (all.length > 0 && all.every(isNumeric)) {
    // Numeric labels are classes by value: "2" and "2.0" are one class, named "2".
    const numbers = [...new Set(all.map(Number))].sort((a, b) => a - b);
    return numbers.map(String);
  }
  return all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Where the labels came from, for the error on an unknown one. */
export interface EncodeLabelsOptions {
  /** File name for messages. */
  readonly source?: string;
  /** The 1-based line of each value; without it messages name the 1-based row. */
  readonly lines?: ArrayLike<number>;
  /** The 1-based column of each value. */
  readonly columns?: ArrayLike<number>;
  /** The label column's name. */
  readonly field?: string;
}

/**
 * The index of each label in `classNames` (typically the training set's), so that a test set
 * or a file to predict uses the training order. Labels match after trimming, numbers by value.
 * An unknown label is a DataError naming its line (or row), the value and the known classes;
 * repeated class names are an InvalidArgumentError.
 *
 * @example
 * encodeLabels(['b', 'a', 'b'], ['a', 'b']); // Int32Array [1, 0, 1]
 */
export function encodeLabels(
  values: readonly (string | number | boolean)[],
  classNames: readonly string[],
  options: EncodeLabelsOptions = {},
): Int32Array {
  const lookup = classLookup(classNames);
  const out = new Int32Array(values.length);
  values.forEach((value, i) => {
    const index = lookup(value);
    if (index < 0) {
      const where: SourceLocation = {
        ...(options.source !== undefined ? { file: options.source } : {}),
        ...(options.lines ? { line: options.lines[i]! } : {}),
        ...(options.columns ? { column: options.columns[i]! } : {}),
        field: options.field ?? (options.lines ? 'label' : `row ${i + 1}`),
      };
      throw new DataError(
        where,
        `unknown class ${describe(typeof value === 'string' ? value : String(value))}; known classes: ${classNames.join(', ') || '(none)'}`,
      );
    }
    out[i] = index;
  });
  return out;
}
