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
