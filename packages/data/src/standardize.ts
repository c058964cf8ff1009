// Feature standardization x' = (x − μ) / σ per column, with μ and σ fitted on training data.
import type { Matrix } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { dtypeOf, zeros } from '@deltanet/tensor';

/**
 * Per-column mean μ and standard deviation σ as plain arrays, so a model file can save them and
 * apply the same scaling to new data.
 *
 * @example
 * const saved = JSON.stringify(fitStandardizer(train.x)); // {"mean":[…],"std":[…]}
 */
export interface Standardizer {
  /** μⱼ, the mean of each column j of x (length n). */
  readonly mean: number[];
  /** σⱼ, the population standard deviation of each column (length n); 1 for a constant column. */
  readonly std: number[];
}

/**
 * μⱼ = (1/m) Σᵢ xᵢⱼ and σⱼ = √((1/m) Σᵢ (xᵢⱼ − μⱼ)²) (population σ) for each column j of x
 * (m × n, m ≥ 1). A constant column gets μ = its value and σ = 1 instead of 0: it then maps to
 * exactly 0 rather than dividing by zero (or by the rounding noise of a computed mean).
 *
 * @example
 * fitStandardizer(fromRows([[1, 5], [3, 5]])); // { mean: [2, 5], std: [1, 1] }
 */
export function fitStandardizer(x: Matrix): Standardizer {
  const { rows: m, cols: n, data } = x;
  if (m < 1) throw new InvalidArgumentError('fitStandardizer: x has no rows to fit');
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < n; j++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < m; i++) {
      const v = data[i * n + j]!;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!Number.isFinite(sum)) {
      throw new InvalidArgumentError(`fitStandardizer: column ${j} holds a value that is not finite`);
    }
    if (min === max) {
      mean.push(min);
      std.push(1);
      continue;
    }
    const mu = sum / m;
    // Two passes: Σ(x − μ)² keeps precision that Σx² − mμ² would lose.
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (data[i * n + j]! - mu) ** 2;
    mean.push(mu);
    std.push(Math.sqrt(squares / m));
  }
  return { mean, std };
}

/**
 * A new matrix (x − μ) / σ, column by column, in x's precision; x is m × n with n = μ.length.
 *
 * @example
 * const s = fitStandardizer(train.x);
 * const testX = applyStandardizer(test.x, s); // scaled with the training statistics
 */
export function applyStandardizer(x: Matrix, standardizer: Standardizer): Matrix {
  const { mean, std } = standardizer;
  if (mean.length !== x.cols || std.length !== x.cols) {
    throw new ShapeError(
      `applyStandardizer: x has ${x.cols} columns but the standardizer has ${mean.length} means and ${std.length} deviations`,
    );
  }
  for (let j = 0; j < x.cols; j++) {
    if (!(Number.isFinite(mean[j]) && Number.isFinite(std[j]) && std[j]! > 0)) {
      throw new InvalidArgumentError(
        `applyStandardizer: column ${j} needs a finite mean and a std > 0, got ${mean[j]} and ${std[j]}`,
      );
    }
  }
  const out = zeros(x.rows, x.cols, dtypeOf(x.data));
  const n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < n; j++) out.data[i * n + j] = (x.data[i * n + j]! - mean[j]!) / std[j]!;
  }
  return out;
}
