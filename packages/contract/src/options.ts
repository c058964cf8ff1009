// Shared validation for parameterized plugins' options, so every factory fails the same way.
import { InvalidArgumentError } from './errors';
import type { PluginOptions } from './plugin';

/**
 * Merges `given` over `defaults`, rejecting unknown keys and values of the wrong type.
 *
 * @example
 * const { alpha } = mergeOptions('activation "leaky-relu"', { alpha: 0.01 }, { alpha: 0.2 });
 */
export function mergeOptions<T extends Record<string, number | string | boolean>>(
  owner: string,
  defaults: T,
  given: PluginOptions | Partial<T> | undefined,
): T {
  const merged: Record<string, number | string | boolean> = { ...defaults };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (!(key in defaults)) {
      throw new InvalidArgumentError(
        `${owner} has no option "${key}"; valid options: ${Object.keys(defaults).join(', ') || '(none)'}`,
      );
    }
    const expected = typeof defaults[key];
    if (typeof value !== expected || (expected === 'number' && !Number.isFinite(value))) {
      throw new InvalidArgumentError(
        `${owner} option "${key}" must be a finite ${expected}, got ${String(value)}`,
      );
    }
    merged[key] = value as number | string | boolean;
  }
  return merged as T;
}
