// A dataset: m examples as rows, features x (m × n) beside targets y (m × K).
import type { DType, Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { dtypeOf, zeros } from '@deltanet/tensor';
import { withParts } from './internal/with-parts';

/**
 * m examples: features `x` (m × n) and targets `y` (m × K). For classification `labels`
 * holds each row's class index into `classNames`, and y is one-hot (K = number of classes),
 * except two-class sets with a single 0/1 output column (K = 1, y = label). Regression
 * targets have no labels. A set read for prediction only has K = 0.
 *
 * @example
 * const d: Dataset = { x: fromRows([[0, 1], [1, 0]]), y: fromRows([[1], [0]]),
 *   labels: Int32Array.from([1, 0]), classNames: ['0', '1'] };
 */
export interface Dataset {
  /** Features, m × n: one row per example, one column per feature. */
  readonly x: Matrix;
  /** Targets, m × K: one-hot classes, a single 0/1 column for two classes, or regression values; K = 0 for prediction only. */
  readonly y: Matrix;
  /** Class index of each row, when the targets are classes. */
  readonly labels?: Int32Array;
  /** Class names by index; with labels. */
  readonly classNames?: readonly string[];
  /** Column names of x, when known (a CSV header); a model saves them to read later files. */
  readonly featureNames?: readonly string[];
  /** A name for messages, e.g. the file a parser read (its `name` option, else the source); undefined when none was given. */
  readonly name?: string;
}

/**
 * The option every generator and parser takes for the precision of x and y.
 *
 * @example
 * circle({ dtype: 'float32' }); // x and y on Float32Array
 */
export interface DTypeOption {
  /** Element precision of x and y; default 'float64'. */
  readonly dtype?: DType;
}

/**
 * A new dataset of the rows `indices` (in that order), copying x, y and labels; names are kept.
 *
 * @example
 * const firstTwo = selectRows(dataset, [0, 1]);
 */
export function selectRows(dataset: Dataset, indices: ArrayLike<number>): Dataset {
  const { x, y, labels } = dataset;
  const m = indices.length;
  const outX = zeros(m, x.cols, dtypeOf(x.data));
  const outY = zeros(m, y.cols, dtypeOf(y.data));
  const outLabels = labels ? new Int32Array(m) : undefined;
  for (let r = 0; r < m; r++) {
    const i = indices[r]!;
    if (!(Number.isInteger(i) && i >= 0 && i < x.rows)) {
      throw new InvalidArgumentError(`row index ${i} is outside a dataset of ${x.rows} rows`);
    }
    outX.data.set(x.data.subarray(i * x.cols, (i + 1) * x.cols), r * x.cols);
    outY.data.set(y.data.subarray(i * y.cols, (i + 1) * y.cols), r * y.cols);
    if (outLabels && labels) outLabels[r] = labels[i]!;
  }
  return withParts(dataset, outX, outY, outLabels);
}
