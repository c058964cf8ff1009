// Optimizer state ↔ JSON. Typed arrays become { dtype, values } with plain number arrays; numbers
// JSON cannot hold exactly (NaN, ±Infinity, −0) become strings, so a round trip is bit-exact.
import type { DType, FloatArray, OptimizerState } from '@deltanet/contract';
import { FormatError } from '@deltanet/contract';

/** A number as JSON holds it: itself, or a string for NaN, ±Infinity and −0. */
export type SerializedNumber = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

/** A typed array as JSON holds it. */
export type SerializedArray = {
  /** The array's precision: `'float32'` for a Float32Array, `'float64'` for a Float64Array. */
  readonly dtype: DType;
  /** The elements in order, each as `SerializedNumber` (NaN, ±Infinity and −0 as strings). */
  readonly values: readonly SerializedNumber[];
};

/** Optimizer state in a form `JSON.stringify` keeps exactly. */
export type SerializedState = { readonly [key: string]: SerializedNumber | SerializedArray };

/**
 * State → JSON-safe data. Every double survives `JSON.stringify`/`JSON.parse` unchanged (JSON
 * numbers print the shortest round-tripping form), and float32 values are doubles exactly.
 *
 * @example
 * const text = JSON.stringify(serializeState({ step: 3, m: new Float32Array([0.5, -0]) }));
 * // {"step":3,"m":{"dtype":"float32","values":[0.5,"-0"]}}
 */
export function serializeState(state: OptimizerState): SerializedState {
  const out: Record<string, SerializedNumber | SerializedArray> = {};
  for (const [key, value] of Object.entries(state)) {
    setOwn(
      out,
      key,
      typeof value === 'number'
        ? encode(value)
        : { dtype: value instanceof Float32Array ? 'float32' : 'float64', values: Array.from(value, encode) },
    );
  }
  return out;
}

/**
 * JSON-safe data → state, rebuilding each typed array in its saved precision. Throws a
 * FormatError naming the field when the data is not what `serializeState` writes.
 *
 * @example
 * const state = deserializeState(JSON.parse(text)); // resume: update(params, D, state)
 */
export function deserializeState(data: unknown): OptimizerState {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FormatError(
      'state',
      `expected an object, got ${Array.isArray(data) ? 'an array' : String(data)}`,
    );
  }
  const state: OptimizerState = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { dtype, values } = value as { dtype?: unknown; values?: unknown };
      if (dtype !== 'float32' && dtype !== 'float64') {
        throw new FormatError(
          `state.${key}.dtype`,
          `expected "float32" or "float64", got ${JSON.stringify(dtype)}`,
        );
      }
      if (!Array.isArray(values))
        throw new FormatError(`state.${key}.values`, 'expected an array of numbers');
      const array: FloatArray =
        dtype === 'float32' ? new Float32Array(values.length) : new Float64Array(values.length);
      values.forEach((v, i) => {
        array[i] = decode(v, `state.${key}.values[${i}]`);
      });
      setOwn(state, key, array);
    } else {
      setOwn(state, key, decode(value, `state.${key}`));
    }
  }
  return state;
}

function encode(x: number): SerializedNumber {
  if (Number.isFinite(x) && !Object.is(x, -0)) return x;
  return Object.is(x, -0) ? '-0' : (String(x) as 'NaN' | 'Infinity' | '-Infinity');
}

function decode(value: unknown, field: string): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity' || value === '-0')
    return Number(value);
  throw new FormatError(
    field,
    `expected a number (or "NaN", "Infinity", "-Infinity", "-0"), got ${JSON.stringify(value)}`,
  );
}

/**
 * `object[key] = value` as an own property even for "__proto__", which plain assignment would
 * treat as the prototype (a state read from a file must not reach Object.prototype).
 */
function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
