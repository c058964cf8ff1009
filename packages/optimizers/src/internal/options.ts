// Option handling shared by every optimizer factory: merge over defaults (unknown names fail
// listing the valid ones), then check each number against its allowed range.
import type { PluginOptions } from '@deltanet/contract';
import { InvalidArgumentError, mergeOptions } from '@deltanet/contract';

/** The hyper-parameters of one optimizer: plain numbers and flags. */
export type OptionValues = Record<string, number | boolean>;

/** Where a numeric option may lie; `above`/`below` are exclusive, `min`/`max` inclusive. */
export interface Bounds {
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly below?: number;
  readonly integer?: boolean;
}

/**
 * `given` merged over `defaults`, checked against `bounds`, frozen.
 *
 * @example
 * resolveOptions('adam', { beta1: 0.9 }, { beta1: 1 }, { beta1: { min: 0, below: 1 } });
 * // throws: optimizer "adam" option "beta1" must be a number in [0, 1), got 1
 */
export function resolveOptions<T extends OptionValues>(
  name: string,
  defaults: T,
  given: PluginOptions | Partial<T> | undefined,
  bounds: { readonly [K in keyof T]?: Bounds },
): Readonly<T> {
  const options = mergeOptions(`optimizer "${name}"`, defaults, given);
  for (const [key, bound] of Object.entries(bounds) as [string, Bounds][]) {
    const value = options[key] as number;
    if (!within(value, bound)) {
      const kind = bound.integer ? 'a whole number' : 'a number';
      fail(name, `option "${key}" must be ${kind} in ${describe(bound)}, got ${value}`);
    }
  }
  return Object.freeze(options);
}

/** Throws the same kind of error as a failed range check, for rules linking two options. */
export function fail(name: string, message: string): never {
  throw new InvalidArgumentError(`optimizer "${name}" ${message}`);
}

function within(value: number, { min, above, max, below, integer }: Bounds): boolean {
  return (
    (min === undefined || value >= min) &&
    (above === undefined || value > above) &&
    (max === undefined || value <= max) &&
    (below === undefined || value < below) &&
    (!integer || Number.isInteger(value))
  );
}

function describe({ min, above, max, below }: Bounds): string {
  const low = min !== undefined ? `[${min}` : above !== undefined ? `(${above}` : '(−∞';
  const high = max !== undefined ? `${max}]` : below !== undefined ? `${below})` : '∞)';
  return `${low}, ${high}`;
}
