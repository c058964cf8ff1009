// The playground generators by name, for a CLI flag or a picker in the demo.
import { InvalidArgumentError } from '@deltanet/contract';
import type { Dataset } from '../dataset';
import { circle } from './circle';
import { gauss } from './gauss';
import type { PlaygroundGenerator, PlaygroundOptions } from './options';
import { spiral } from './spiral';
import { xor } from './xor';

/** The names of the playground sets. */
export type PlaygroundSetName = 'circle' | 'gauss' | 'spiral' | 'xor';

/**
 * Every playground generator by name.
 *
 * @example
 * Object.keys(playgroundSets); // ['circle', 'gauss', 'spiral', 'xor']
 */
export const playgroundSets: Readonly<Record<PlaygroundSetName, PlaygroundGenerator>> = Object.freeze({
  circle,
  gauss,
  spiral,
  xor,
});

/**
 * The playground set called `name`; an unknown name is an InvalidArgumentError listing the
 * valid ones.
 *
 * @example
 * const d = generatePlayground('spiral', { samples: 300, noise: 0.1, seed: 4 });
 */
export function generatePlayground(name: string, options?: PlaygroundOptions): Dataset {
  if (!Object.hasOwn(playgroundSets, name)) {
    throw new InvalidArgumentError(
      `unknown playground set "${name}"; valid sets: ${Object.keys(playgroundSets).sort().join(', ')}`,
    );
  }
  return playgroundSets[name as PlaygroundSetName](options);
}
