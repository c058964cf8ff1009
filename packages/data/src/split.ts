// Seeded shuffles and train/test splits of a dataset: a permutation, then contiguous slices.
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom, permutation } from '@deltanet/tensor';
import type { Dataset } from './dataset';
import { selectRows } from './dataset';

/** Options of {@link splitDataset}: give at most one of testFraction and testSize. */
export interface SplitOptions {
  /** Share of rows in the test set, rounded to the nearest row; default 0.2. */
  readonly testFraction?: number;
  /** Exact number of test rows. */
  readonly testSize?: number;
  /** Seed of the permutation; default 1. */
  readonly seed?: number;
}

/**
 * Disjoint train and test sets covering every row: the rows are permuted by
 * `permutation(m, createRandom(seed))`, the first m − testSize become train and the rest test.
 * Both copies keep the dataset's names.
 *
 * @example
 * const { train, test } = splitDataset(circle({ samples: 500 }), { testFraction: 0.5, seed: 3 });
 * test.x.rows; // 250
 */
export function splitDataset(
  dataset: Dataset,
  options: SplitOptions = {},
): {
  /** The first m − testSize permuted rows. */
  train: Dataset;
  /** The remaining testSize rows, disjoint from train. */
  test: Dataset;
} {
  const m = dataset.x.rows;
  const { testFraction, testSize, seed = 1 } = options;
  if (testFraction !== undefined && testSize !== undefined) {
    throw new InvalidArgumentError('splitDataset: give testFraction or testSize, not both');
  }
  if (testFraction !== undefined && !(testFraction >= 0 && testFraction <= 1)) {
    throw new InvalidArgumentError(`splitDataset: testFraction must be in [0, 1], got ${testFraction}`);
  }
  const size = testSize ?? Math.round((testFraction ?? 0.2) * m);
  if (!Number.isInteger(size) || size < 0 || size > m) {
    throw new InvalidArgumentError(
      `splitDataset: testSize must be a whole number in 0..${m} (the dataset's rows), got ${size}`,
    );
  }
  const order = permutation(m, createRandom(seed));
  return {
    train: selectRows(dataset, order.subarray(0, m - size)),
    test: selectRows(dataset, order.subarray(m - size)),
  };
}

/**
 * A copy with the rows in the seeded order `permutation(m, createRandom(seed))`.
 *
 * @example
 * const shuffled = shuffleDataset(dataset, { seed: 42 });
 */
export function shuffleDataset(dataset: Dataset, options: { readonly seed?: number } = {}): Dataset {
  return selectRows(dataset, permutation(dataset.x.rows, createRandom(options.seed ?? 1)));
}
