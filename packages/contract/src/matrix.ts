// The one data shape every plugin sees: a dense, row-major matrix over a float typed array.

/** Element precision of a matrix: IEEE single or double. */
export type DType = 'float32' | 'float64';

/** The typed arrays a matrix may sit on. */
export type FloatArray = Float32Array | Float64Array;

/**
 * A dense row-major matrix: element (i, j) is `data[i * cols + j]`, and `data.length` is exactly
 * `rows * cols` (a view made with `subarray` when it lives inside a larger buffer).
 *
 * A batch of m examples with n features is m × n (one example per row); Θ(l) is
 * s(l+1) × (s(l) + 1) with the bias weights in column 0.
 *
 * @example
 * const x: Matrix = { rows: 2, cols: 3, data: new Float64Array([1, 2, 3, 4, 5, 6]) };
 */
export interface Matrix<A extends FloatArray = FloatArray> {
  /** Number of rows (for data: examples, m). */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The rows × cols elements, row-major: element (i, j) at `data[i * cols + j]`. */
  readonly data: A;
}
