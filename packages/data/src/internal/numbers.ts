// Strict number reading for text cells: plain decimals only, so "0x10", "1_000" and "" are errors.
import type { DType } from '@deltanet/contract';

/** A decimal number: optional sign, digits with an optional point, an optional exponent. */
const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const nonFiniteWord = /^[+-]?(?:nan|inf|infinity)$/i;

/** Whether `text` (trimmed) is a decimal number that this package reads. */
export function isNumeric(text: string): boolean {
  return decimal.test(text.trim());
}

/**
 * The finite number in `value` (a number, or a string holding a decimal) that stays finite in
 * `dtype`, or else a message saying what was expected and what was found.
 */
export function readNumber(value: unknown, dtype: DType = 'float64'): number | string {
  if (typeof value === 'number') return checkRange(value, String(value), dtype);
  if (typeof value !== 'string') return `expected a number, got ${describe(value)}`;
  const text = value.trim();
  if (decimal.test(text)) return checkRange(Number(text), `"${text}"`, dtype);
  if (nonFiniteWord.test(text)) {
    return `expected a finite number, got "${text}" (NaN and Infinity are not allowed in data)`;
  }
  return `expected a number, got ${describe(value)}`;
}

function checkRange(n: number, shown: string, dtype: DType): number | string {
  // Math.fround rounds to the nearest float32, which is ±Infinity past float32's range.
  const stored = dtype === 'float32' ? Math.fround(n) : n;
  if (Number.isFinite(stored)) return n;
  return `expected a finite number, got ${shown}, which overflows ${dtype} to ${stored}`;
}

/** A short description of a found value for messages: quoted and cut to 40 characters. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value !== 'string') return String(value);
  if (value.trim() === '') return value === '' ? 'an empty field' : 'a blank field';
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}
