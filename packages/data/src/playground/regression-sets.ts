// The playground regression generators by name, for a picker in the demo or a CLI flag.
import { InvalidArgumentError } from '@deltanet/contract';
import type { Dataset } from '../dataset';
import { multiGaussian } from './multi-gaussian';
import type { PlaygroundGenerator, PlaygroundOptions } from './options';
import { plane } from './plane';

/** The names of the playground regression sets. */
export type PlaygroundRegressionSetName = 'multi-gaussian' | 'plane';

/**
 * Every playground regression generator by name (targets are numbers, not classes).
 *
 * @example
 * Object.keys(playgroundRegressionSets); // ['plane', 'multi-gaussian']
 */
export const playgroundRegressionSets: Readonly<Record<PlaygroundRegressionSetName, PlaygroundGenerator>> =
  Object.freeze({ plane, 'multi-gaussian': multiGaussian });

/**
 * The playground regression set called `name`; an unknown name is an InvalidArgumentError
 * listing the valid ones.
 *
 * @example
 * const d = generatePlaygroundRegression('plane', { samples: 300, noise: 0.1, seed: 4 });
 */
export function generatePlaygroundRegression(name: string, options?: PlaygroundOptions): Dataset {
  if (!Object.hasOwn(playgroundRegressionSets, name)) {
    throw new InvalidArgumentError(
      `unknown playground regression set "${name}"; valid sets: ${Object.keys(playgroundRegressionSets).sort().join(', ')}`,
    );
  }
  return playgroundRegressionSets[name as PlaygroundRegressionSetName](options);
}
