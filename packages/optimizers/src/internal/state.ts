// Reading and allocating optimizer state. State arrays share the parameters' precision, and every
// read checks name, type and length, so a checkpoint from another network fails loudly.
import type { FloatArray, OptimizerState } from '@deltanet/contract';
import { FormatError, NonFiniteError, ShapeError } from '@deltanet/contract';
import { allocate, dtypeOf } from '@deltanet/tensor';

/** A new array of `length` (default: the parameters' length) in the parameters' precision, filled. */
export function zerosLike(params: FloatArray, fill = 0, length = params.length): FloatArray {
  const out = allocate(dtypeOf(params), length);
  if (fill !== 0) out.fill(fill);
  return out;
}

/** Throws unless the gradient D has one entry per parameter. */
export function assertGradient(name: string, params: FloatArray, gradient: FloatArray): void {
  if (gradient.length !== params.length) {
    throw new ShapeError(
      `optimizer "${name}": gradient has ${gradient.length} values for ${params.length} parameters`,
    );
  }
}

/** Returns the cost an objective gave at the starting point, or throws when it is NaN or ±∞. */
export function assertFiniteCost(name: string, cost: number): number {
  if (!Number.isFinite(cost)) {
    throw new NonFiniteError(`optimizer "${name}": the objective returned ${cost} at the starting point`);
  }
  return cost;
}

/** The typed array `state[key]`, which must hold exactly `length` values. */
export function stateArray(state: OptimizerState, key: string, length: number): FloatArray {
  const value = state[key];
  if (!(value instanceof Float32Array || value instanceof Float64Array)) {
    throw new FormatError(`state.${key}`, `expected a Float32Array or Float64Array, got ${describe(value)}`);
  }
  if (value.length !== length) {
    throw new FormatError(`state.${key}`, `expected ${length} values, got ${value.length}`);
  }
  return value;
}

/** The number `state[key]`. */
export function stateNumber(state: OptimizerState, key: string): number {
  const value = state[key];
  if (typeof value !== 'number') {
    throw new FormatError(`state.${key}`, `expected a number, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  return typeof value === 'object' && value !== null ? value.constructor.name : typeof value;
}
