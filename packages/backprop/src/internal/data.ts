// Checks and conversions for user data at the public entry points, with errors that say where.
import type { DType, Matrix } from '@deltanet/contract';
import { InvalidArgumentError, NonFiniteError, ShapeError } from '@deltanet/contract';
import { clone, dtypeOf, findNonFinite } from '@deltanet/tensor';

/** `m` in the given precision: itself when it already is, else a converted copy. */
export function inPrecision(m: Matrix, dtype: DType): Matrix {
  return dtypeOf(m.data) === dtype ? m : clone(m, dtype);
}

/** Throws a NonFiniteError naming the row and column of the first NaN or ±Infinity. */
export function assertFinite(what: string, m: Matrix): void {
  const at = findNonFinite(m.data);
  if (at < 0) return;
  const row = Math.floor(at / m.cols);
  throw new NonFiniteError(
    `${what} row ${row}, column ${at - row * m.cols} is ${m.data[at]}; data must be finite`,
  );
}

/** Checks x (m × s(1)) and, when given, y (m × s(L)) against the network's layer sizes. */
export function assertBatch(layers: readonly number[], x: Matrix, y?: Matrix): void {
  const inputs = layers[0]!;
  const outputs = layers[layers.length - 1]!;
  if (x.cols !== inputs) {
    throw new ShapeError(`x has ${x.cols} features per row; the network's input layer has ${inputs} units`);
  }
  if (y && y.cols !== outputs) {
    throw new ShapeError(`y has ${y.cols} targets per row; the network's output layer has ${outputs} units`);
  }
  if (y && y.rows !== x.rows) {
    throw new ShapeError(`x has ${x.rows} rows but y has ${y.rows}; one target row per example`);
  }
  if (x.rows === 0) throw new InvalidArgumentError('x has no rows');
}

/**
 * x and y checked against the layer sizes and for NaN/Infinity, in `dtype`: the one gate user
 * data passes at every public entry point. `prefix` names the set in errors ('validation ').
 */
export function checkedBatch(
  layers: readonly number[],
  dtype: DType,
  batch: { readonly x: Matrix; readonly y: Matrix },
  prefix = '',
): { x: Matrix; y: Matrix } {
  assertBatch(layers, batch.x, batch.y);
  assertFinite(`${prefix}x`, batch.x);
  assertFinite(`${prefix}y`, batch.y);
  return { x: inPrecision(batch.x, dtype), y: inPrecision(batch.y, dtype) };
}

/** Like `checkedBatch` for inputs alone (prediction). */
export function checkedInputs(layers: readonly number[], dtype: DType, x: Matrix): Matrix {
  assertBatch(layers, x);
  assertFinite('x', x);
  return inPrecision(x, dtype);
}
