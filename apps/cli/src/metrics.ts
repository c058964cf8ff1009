// Classification figures from outputs h and targets y: the confusion matrix and per-class
// precision, recall and F1, as scikit-learn's confusion_matrix and classification_report define them.
import type { Matrix } from '@deltanet/contract';

/** One class's figures; precision is 0 when nothing was predicted as the class (sklearn's zero_division=0). */
export interface ClassFigures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Rows whose true class this is. */
  readonly support: number;
}

/** confusion[t][p]: rows of true class t predicted as p, over `classes` classes. */
export function confusionMatrix(actual: Int32Array, predicted: Int32Array, classes: number): number[][] {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  actual.forEach((t, i) => {
    confusion[t]![predicted[i]!]! += 1;
  });
  return confusion;
}

/** Precision, recall, F1 and support of each class from a confusion matrix. */
export function classFigures(confusion: readonly (readonly number[])[]): ClassFigures[] {
  return confusion.map((row, k) => {
    const hits = row[k]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predictedAsK = confusion.reduce((sum, other) => sum + other[k]!, 0);
    const precision = predictedAsK > 0 ? hits / predictedAsK : 0;
    const recall = support > 0 ? hits / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
}

/** √(mean of (h − y)² over every row and output): a regression's error in the targets' units. */
export function rootMeanSquaredError(h: Matrix, y: Matrix): number {
  let sum = 0;
  for (let i = 0; i < h.data.length; i++) sum += (h.data[i]! - y.data[i]!) ** 2;
  return Math.sqrt(sum / h.data.length);
}

/** A regression's figures on some rows, in the targets' units. */
export interface RegressionFigures {
  /** √(mean (h − y)²) over every row and output. */
  readonly rmse: number;
  /** mean |h − y|. */
  readonly mae: number;
  /**
   * R² = 1 − Σ(h − y)² / Σ(y − ȳ)² per output, averaged over outputs (scikit-learn's
   * uniform_average), with ȳ the training targets' mean: 0 is no better than predicting that
   * mean, 1 is exact, below 0 is worse.
   */
  readonly r2: number;
  /** The RMSE of the baseline that predicts the training targets' mean for every row. */
  readonly baselineRmse: number;
}

/**
 * RMSE, MAE and R² of predictions `h` against targets `y` (both m × k, in the targets' units),
 * measured against the baseline that predicts `mean` (the training targets' mean per output).
 */
export function regressionFigures(h: Matrix, y: Matrix, mean: readonly number[]): RegressionFigures {
  const k = y.cols;
  let squares = 0;
  let absolutes = 0;
  let baseline = 0;
  let r2 = 0;
  for (let j = 0; j < k; j++) {
    let residual = 0;
    let total = 0;
    for (let i = 0; i < y.rows; i++) {
      const d = h.data[i * k + j]! - y.data[i * k + j]!;
      const t = y.data[i * k + j]! - mean[j]!;
      residual += d * d;
      absolutes += Math.abs(d);
      total += t * t;
    }
    squares += residual;
    baseline += total;
    // A constant target the baseline predicts exactly: R² is 1 if h is exact too, else 0 (sklearn).
    r2 += total > 0 ? 1 - residual / total : residual === 0 ? 1 : 0;
  }
  const n = y.rows * k;
  return {
    rmse: Math.sqrt(squares / n),
    mae: absolutes / n,
    r2: r2 / k,
    baselineRmse: Math.sqrt(baseline / n),
  };
}

/** The mean of each column of y. */
export function columnMeans(y: Matrix): number[] {
  const means = new Array<number>(y.cols).fill(0);
  for (let i = 0; i < y.rows; i++) for (let j = 0; j < y.cols; j++) means[j]! += y.data[i * y.cols + j]!;
  return means.map((sum) => sum / Math.max(1, y.rows));
}
