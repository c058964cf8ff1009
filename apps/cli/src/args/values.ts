// Flag values from text: numbers, sizes, and plugin choices with options (`sgd:momentum=0.9`).
import type { PluginOptions, PluginRef } from '@deltanet/contract';
import { UsageError } from '../exit-codes';

/** A finite number, or a UsageError naming the flag. */
export function number(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${flag} must be a number, got "${text}"`);
  return value;
}

/** A whole number ≥ `min`. */
export function integer(flag: string, text: string, min = 0): number {
  const value = number(flag, text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${text}"`);
  }
  return value;
}

/** A fraction in [0, 1). */
export function fraction(flag: string, text: string): number {
  const value = number(flag, text);
  if (!(value >= 0 && value < 1)) throw new UsageError(`${flag} must be in [0, 1), got "${text}"`);
  return value;
}

/** "25,25" → [25, 25]; "" → [] (no hidden layer). */
export function sizes(flag: string, text: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => integer(flag, part.trim(), 1));
}

/**
 * A plugin choice: `name` or `name:key=value:key=value`. Values are numbers, true/false, or
 * text. Several choices (one per layer) are separated by commas; one choice applies to every layer.
 *
 * @example
 * pluginRefs('--activation', 'leaky-relu:alpha=0.2,tanh');
 * // [{ name: 'leaky-relu', options: { alpha: 0.2 } }, 'tanh']
 * pluginRefs('--activation', 'tanh'); // 'tanh'
 */
export function pluginRefs(flag: string, text: string): PluginRef | PluginRef[] {
  const refs = text.split(',').map((part) => pluginRef(flag, part));
  return refs.length === 1 ? refs[0]! : refs;
}

/** One plugin choice, as in `pluginRefs`. */
export function pluginRef(flag: string, text: string): PluginRef {
  const [name = '', ...settings] = text.trim().split(':');
  if (name === '') throw new UsageError(`${flag}: expected a plugin name, got "${text}"`);
  if (settings.length === 0) return name;
  const options: Record<string, number | string | boolean> = {};
  for (const setting of settings) {
    const at = setting.indexOf('=');
    if (at < 1) throw new UsageError(`${flag}: expected key=value after "${name}:", got "${setting}"`);
    const key = setting.slice(0, at).trim();
    const raw = setting.slice(at + 1).trim();
    options[key] =
      raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : raw !== '' && Number.isFinite(Number(raw))
            ? Number(raw)
            : raw;
  }
  return { name, options: options as PluginOptions };
}

/** A plugin choice back to its flag text. */
export function formatPluginRef(ref: PluginRef): string {
  if (typeof ref === 'string') return ref;
  const settings = Object.entries(ref.options ?? {}).map(([key, value]) => `:${key}=${String(value)}`);
  return `${ref.name}${settings.join('')}`;
}
