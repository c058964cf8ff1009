// A dataset from plain arrays: feature rows and class labels, for demos, tests and the CLI.
import { InvalidArgumentError, NonFiniteError } from '@deltanet/contract';
import { findNonFinite, fromRows, zeros } from '@deltanet/tensor';
import type { Dataset, DTypeOption } from './dataset';
import { buildTargets } from './internal/targets';

/** Options of {@link datasetFromRows}. */
export interface FromRowsOptions extends DTypeOption {
  /** A fixed class order; default: inferred as by {@link inferClassNames}. */
  readonly classNames?: readonly string[];
  /** 'one-hot' (default): y m × K; 'binary': exactly two classes, y m × 1 holding 0/1. */
  readonly output?: 'one-hot' | 'binary';
  /** Column names of x, one per feature (throws when the count differs); default none. */
  readonly featureNames?: readonly string[];
  /** The dataset's `name`, for messages; default none. */
  readonly name?: string;
}

/**
 * x from `features` (m rows of n finite numbers) and, when `labels` is given, class targets:
 * labels (strings, numbers or booleans) become class indices into classNames, y one-hot or a
 * single 0/1 column. Without labels y is m × 0.
 *
 * @example
 * const d = datasetFromRows([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], { output: 'binary' });
 * d.y.cols; // 1
 */
export function datasetFromRows(
  features: readonly (readonly number[])[],
  labels?: readonly (string | number | boolean)[] | null,
  options: FromRowsOptions = {},
): Dataset {
  const { dtype = 'float64', classNames, featureNames, name } = options;
  const x = fromRows(features, dtype);
  // fromRows checked the shape; NaN would only surface later as a NaN cost.
  const at = findNonFinite(x.data);
  if (at >= 0) {
    const [i, j] = [Math.floor(at / x.cols), at % x.cols];
    throw new NonFiniteError(`datasetFromRows: row ${i}, feature ${j} is ${x.data[at]}`);
  }
  if (featureNames && featureNames.length !== x.cols) {
    throw new InvalidArgumentError(`${featureNames.length} feature names for ${x.cols} features`);
  }
  if (labels && labels.length !== x.rows) {
    throw new InvalidArgumentError(`${labels.length} labels for ${x.rows} rows of features`);
  }
  const targets = labels
    ? buildTargets(
        { file: undefined, names: ['label'], cells: [labels] },
        x.rows,
        options.output === 'binary' ? 'binary' : 'class',
        classNames,
        dtype,
      )
    : { y: zeros(x.rows, 0, dtype), ...(classNames ? { classNames } : {}) };
  return {
    x,
    ...targets,
    ...(featureNames ? { featureNames } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}
