// Creating, viewing and copying dense row-major matrices in float32 or float64.
import type { DType, FloatArray, Matrix } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';

/** A zero-filled typed array of the given precision. @example allocate('float32', 10) */
export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** The precision of a typed array. @example dtypeOf(new Float32Array(1)) // 'float32' */
export function dtypeOf(data: FloatArray): DType {
  return data instanceof Float32Array ? 'float32' : 'float64';
}

/**
 * A zero-filled rows × cols matrix.
 *
 * @example
 * const theta = zeros(25, 785, 'float32'); // Θ(1) of a 784-25-10 network
 */
export function zeros(rows: number, cols: number, dtype: DType = 'float64'): Matrix {
  assertDimension('rows', rows);
  assertDimension('cols', cols);
  return { rows, cols, data: allocate(dtype, rows * cols) };
}

/**
 * A rows × cols matrix over `data` (no copy), checking that the length fits.
 *
 * @example
 * const x = matrix(2, 2, new Float64Array([1, 2, 3, 4])); // [[1, 2], [3, 4]]
 */
export function matrix<A extends FloatArray>(rows: number, cols: number, data: A): Matrix<A> {
  assertDimension('rows', rows);
  assertDimension('cols', cols);
  if (data.length !== rows * cols) {
    throw new ShapeError(`a ${rows} × ${cols} matrix needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data };
}

/**
 * A matrix copied from nested arrays, one inner array per row; all rows must be equally long.
 *
 * @example
 * fromRows([[1, 2], [3, 4]]); // 2 × 2, float64
 */
export function fromRows(rows: readonly (readonly number[])[], dtype: DType = 'float64'): Matrix {
  const cols = rows[0]?.length ?? 0;
  const out = zeros(rows.length, cols, dtype);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new ShapeError(`row ${i} has ${row.length} values; row 0 has ${cols}`);
    }
    out.data.set(row, i * cols);
  });
  return out;
}

/** The rows of a matrix as nested plain arrays (a copy). @example toRows(x) // [[1, 2], [3, 4]] */
export function toRows(m: Matrix): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < m.rows; i++) rows.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return rows;
}

/**
 * Rows [start, end) as a view sharing memory with `m` (rows are contiguous in row-major order).
 *
 * @example
 * const batch = rowSlice(x, 64, 128); // the second minibatch of 64
 */
export function rowSlice<A extends FloatArray>(m: Matrix<A>, start: number, end: number): Matrix<A> {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= m.rows)) {
    throw new ShapeError(`row slice [${start}, ${end}) is outside a matrix of ${m.rows} rows`);
  }
  return { rows: end - start, cols: m.cols, data: m.data.subarray(start * m.cols, end * m.cols) as A };
}

/** A copy of `m`, optionally converted to another precision. @example clone(theta, 'float32') */
export function clone(m: Matrix, dtype: DType = dtypeOf(m.data)): Matrix {
  const out = zeros(m.rows, m.cols, dtype);
  out.data.set(m.data);
  return out;
}

/** Element (i, j) = data[i·cols + j]; not bounds-checked. @example get(theta, 0, 0) // a bias weight */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

/**
 * Throws a ShapeError unless `m` is rows × cols; `what` names the operand in the message.
 *
 * @example
 * assertShape('Θ(1)', theta, 25, 401);
 */
export function assertShape(what: string, m: Matrix, rows: number, cols: number): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new ShapeError(`${what} must be ${rows} × ${cols}, got ${m.rows} × ${m.cols}`);
  }
}

/** Throws a ShapeError unless `a` and `b` have the same shape. @example assertSameShape('loss', h, y) */
export function assertSameShape(what: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new ShapeError(`${what}: shapes differ, ${a.rows} × ${a.cols} vs ${b.rows} × ${b.cols}`);
  }
}

function assertDimension(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got ${n}`);
  }
}
