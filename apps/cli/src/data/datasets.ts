// The datasets `deltanet train` knows by name, each split into train and test sets by a seed.
import type { Dataset } from '@deltanet/data';
import { generatePlayground, playgroundSets, splitDataset } from '@deltanet/data';
import { loadDigits } from '@deltanet/digits';
import { UsageError } from '../exit-codes';
import { didYouMean } from '../suggest';

/** Train and test sets with what the CLI needs to describe them. */
export interface Split {
  readonly name: string;
  readonly train: Dataset;
  readonly test: Dataset;
}

/** Names accepted by `deltanet train <dataset>`. */
export const datasetNames: readonly string[] = ['digits', ...Object.keys(playgroundSets).sort()];

/** Loads a named dataset: digits (8,000/2,000 MNIST) or a 2-D playground set (500 points, half held out). */
export function loadNamedDataset(name: string, seed: number, dtype: 'float32' | 'float64'): Split {
  if (name === 'digits') return { name, ...loadDigits({ seed, dtype }) };
  if (name in playgroundSets) {
    const all = generatePlayground(name, { samples: 500, noise: 0, seed, dtype });
    return { name, ...splitDataset(all, { testFraction: 0.5, seed }) };
  }
  throw new UsageError(
    `unknown dataset "${name}"${didYouMean(name, datasetNames)}; valid datasets: ${datasetNames.join(', ')} (or a file: name it with its extension, e.g. ${name}.csv)`,
  );
}
