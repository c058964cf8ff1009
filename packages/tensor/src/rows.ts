// Row-wise kernels on batches: bias broadcast, column sums, argmax, gathering shuffled rows.
import type { Matrix } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { jsKernels } from './backends/js-kernels';

/**
 * out[i, j] += source[j, column] for every row i: adds one column of `source` (Θ's bias
 * column 0, say) to every example of a batch. source.rows must equal out.cols.
 *
 * @example
 * addColumnToRows(theta, 0, z); // z = [1, a]·Θᵀ once z holds a·Θ[:, 1:]ᵀ
 */
export function addColumnToRows(source: Matrix, column: number, out: Matrix): void {
  if (source.rows !== out.cols || !isIndex(column, source.cols)) {
    throw new ShapeError(
      `addColumnToRows: column ${column} of a ${source.rows} × ${source.cols} matrix does not fit rows of ${out.cols}`,
    );
  }
  const { rows, cols, data } = out;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) data[base + j] = data[base + j]! + source.data[j * source.cols + column]!;
  }
}

/**
 * target[j, column] ← α·Σᵢ m[i, j] + β·target[j, column]: column sums of `m` written down one
 * column of `target` (the bias gradient Δ[:, 0] = Σᵢ δᵢ). β = 0 overwrites, as gemm does.
 *
 * @example
 * sumRowsIntoColumn(delta, grad, 0, 1 / m); // D[:, 0] = (1/m)·Σᵢ δᵢ
 */
export function sumRowsIntoColumn(m: Matrix, target: Matrix, column: number, alpha = 1, beta = 0): void {
  if (target.rows !== m.cols || !isIndex(column, target.cols)) {
    throw new ShapeError(
      `sumRowsIntoColumn: ${m.cols} column sums do not fit column ${column} of ${target.rows} × ${target.cols}`,
    );
  }
  jsKernels.sumColumns(m.rows, m.cols, m.data, alpha, beta, target.data, column, target.cols);
}

/**
 * The column of each row's largest value (first on ties), e.g. predicted classes.
 *
 * @example
 * argmaxRows(h); // Int32Array of m class indices
 */
export function argmaxRows(m: Matrix, out: Int32Array = new Int32Array(m.rows)): Int32Array {
  if (m.cols === 0 && m.rows > 0)
    throw new ShapeError(`argmaxRows: rows of ${m.rows} × 0 have no largest value`);
  if (out.length < m.rows)
    throw new ShapeError(`argmaxRows: out holds ${out.length} indices, needs ${m.rows}`);
  for (let i = 0; i < m.rows; i++) {
    let best = 0;
    let bestValue = m.data[i * m.cols]!;
    for (let j = 1; j < m.cols; j++) {
      const value = m.data[i * m.cols + j]!;
      if (value > bestValue) {
        best = j;
        bestValue = value;
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * out row r ← source row indices[start + r], for r < out.rows: assembles a shuffled minibatch
 * into a preallocated buffer.
 *
 * @example
 * gatherRows(x, order, 64, batch); // batch = rows order[64..64+batch.rows) of x
 */
export function gatherRows(source: Matrix, indices: ArrayLike<number>, start: number, out: Matrix): void {
  if (
    out.cols !== source.cols ||
    !Number.isInteger(start) ||
    start < 0 ||
    start + out.rows > indices.length
  ) {
    throw new ShapeError(
      `gatherRows: ${out.rows} rows of ${out.cols} from ${source.rows} × ${source.cols} starting at index ${start}`,
    );
  }
  const { cols, rows: sourceRows, data: sourceData } = source;
  const { rows, data } = out;
  for (let r = 0; r < rows; r++) {
    const from = indices[start + r]!;
    // A fractional index would be truncated by subarray and copy the wrong row.
    if (!isIndex(from, sourceRows)) throw new ShapeError(`gatherRows: row index ${from} is out of range`);
    // Narrow rows are copied element by element: a subarray per row would allocate in the
    // training loop and cost more than the copy.
    if (cols < 64) for (let j = 0; j < cols; j++) data[r * cols + j] = sourceData[from * cols + j]!;
    else data.set(sourceData.subarray(from * cols, from * cols + cols), r * cols);
  }
}

/**
 * One-hot rows from class indices 0..classes−1: out[i, j] = 1 when labels[i] = j, else 0. A new
 * float64 matrix unless `out` (labels.length × classes) is given.
 *
 * @example
 * oneHot([2, 0], 3); // [[0, 0, 1], [1, 0, 0]]
 */
export function oneHot(labels: ArrayLike<number>, classes: number, out?: Matrix): Matrix {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new InvalidArgumentError(`oneHot: classes must be a whole number ≥ 1, got ${classes}`);
  }
  if (out && (out.rows !== labels.length || out.cols !== classes)) {
    throw new ShapeError(
      `oneHot: out must be ${labels.length} × ${classes} for ${labels.length} labels, got ${out.rows} × ${out.cols}`,
    );
  }
  const target = out ?? {
    rows: labels.length,
    cols: classes,
    data: new Float64Array(labels.length * classes),
  };
  target.data.fill(0);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new ShapeError(`oneHot: label ${label} at row ${i} is not a class index in 0..${classes - 1}`);
    }
    target.data[i * classes + label] = 1;
  }
  return target;
}

function isIndex(i: number, length: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < length;
}
