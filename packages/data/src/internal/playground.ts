// Shared plumbing of the playground generators: option checks, uniform draws, assembly.
import type { DType, Random } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom, permutation, zeros } from '@deltanet/tensor';
import type { Dataset } from '../dataset';
import type { PlaygroundOptions } from '../playground/options';

/** Validated options and the seeded stream a generator draws from. */
export interface PlaygroundSetup {
  readonly samples: number;
  readonly noise: number;
  readonly random: Random;
  readonly dtype: DType;
  /** A draw from the uniform distribution on [a, b). */
  uniform(a: number, b: number): number;
}

/** Checks the options of generator `name` and starts its random stream. */
export function setUpPlayground(name: string, options: PlaygroundOptions = {}): PlaygroundSetup {
  const { samples = 500, noise = 0, seed = 1, dtype = 'float64' } = options;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new InvalidArgumentError(`${name}: samples must be a whole number ≥ 1, got ${samples}`);
  }
  if (!(noise >= 0 && noise <= 0.5)) {
    throw new InvalidArgumentError(
      `${name}: noise must be a fraction in [0, 0.5] (the playground's 0–50 %), got ${noise}`,
    );
  }
  const random = createRandom(seed);
  return { samples, noise, random, dtype, uniform: (a, b) => a + (b - a) * random.uniform() };
}

/**
 * The dataset of points (x1, x2) = (xs[i], ys[i]) with 0/1 classes, rows shuffled by the same
 * stream: the playground generates class by class and shuffles before it splits, and a
 * class-sorted set would make every prefix (a test split, a minibatch) one-sided.
 */
export function assemblePlayground(
  name: string,
  setup: PlaygroundSetup,
  xs: readonly number[],
  ys: readonly number[],
  classes: readonly number[],
): Dataset {
  const m = classes.length;
  const order = permutation(m, setup.random);
  const x = zeros(m, 2, setup.dtype);
  const y = zeros(m, 1, setup.dtype);
  const labels = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const i = order[r]!;
    x.data[2 * r] = xs[i]!;
    x.data[2 * r + 1] = ys[i]!;
    y.data[r] = classes[i]!;
    labels[r] = classes[i]!;
  }
  return { x, y, labels, classNames: ['0', '1'], featureNames: ['x1', 'x2'], name };
}
