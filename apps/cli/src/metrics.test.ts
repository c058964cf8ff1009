import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import {
  classFigures,
  columnMeans,
  confusionMatrix,
  regressionFigures,
  rootMeanSquaredError,
} from './metrics';

const ints = (values: number[]) => Int32Array.from(values);

describe('classification figures', () => {
  it("match scikit-learn's confusion_matrix documentation example", () => {
    // y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2] → [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
    expect(confusionMatrix(ints([2, 0, 2, 2, 0, 1]), ints([0, 0, 2, 2, 0, 2]), 3)).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });

  it("match scikit-learn's precision_score / recall_score examples (average=None)", () => {
    // y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1]: precision [0.667, 0, 0], recall [1, 0, 0]
    const figures = classFigures(confusionMatrix(ints([0, 1, 2, 0, 1, 2]), ints([0, 2, 1, 0, 0, 1]), 3));
    expect(figures.map((f) => f.precision)).toEqual([2 / 3, 0, 0]);
    expect(figures.map((f) => f.recall)).toEqual([1, 0, 0]);
    expect(figures[0]!.f1).toBeCloseTo(0.8, 12);
    expect(figures.map((f) => f.support)).toEqual([2, 2, 2]);
  });

  it('RMSE matches a hand computation', () => {
    // errors 1, −2, 2, 0 → √((1 + 4 + 4 + 0) / 4) = 1.5
    expect(
      rootMeanSquaredError(
        fromRows([
          [1, 0],
          [2, 3],
        ]),
        fromRows([
          [0, 2],
          [0, 3],
        ]),
      ),
    ).toBe(1.5);
  });
});

describe('regression figures', () => {
  it("match scikit-learn's r2_score, mean_absolute_error and mean_squared_error examples", () => {
    // y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0, 2, 8]: R² 0.948…, MAE 0.5, MSE 0.375.
    const y = fromRows([[3], [-0.5], [2], [7]]);
    const h = fromRows([[2.5], [0], [2], [8]]);
    const figures = regressionFigures(h, y, columnMeans(y));
    expect(figures.r2).toBeCloseTo(0.9486, 4);
    expect(figures.mae).toBeCloseTo(0.5, 12);
    expect(figures.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    // Predicting ȳ = 2.875 everywhere: √(mean (y − ȳ)²) = √(29.1875 / 4).
    expect(figures.baselineRmse).toBeCloseTo(Math.sqrt(29.1875 / 4), 12);
  });

  it('average R² over outputs as multioutput="uniform_average" does', () => {
    // y_true = [[0.5, 1], [-1, 1], [7, -6]], y_pred = [[0, 2], [-1, 2], [8, -5]]: R² 0.936…, MAE 0.75.
    const y = fromRows([
      [0.5, 1],
      [-1, 1],
      [7, -6],
    ]);
    const h = fromRows([
      [0, 2],
      [-1, 2],
      [8, -5],
    ]);
    const figures = regressionFigures(h, y, columnMeans(y));
    expect(figures.r2).toBeCloseTo(0.9368, 4);
    expect(figures.mae).toBeCloseTo(0.75, 12);
  });

  it('give R² = 0 for the baseline itself', () => {
    const y = fromRows([[1], [2], [6]]);
    const h = fromRows([[3], [3], [3]]);
    expect(regressionFigures(h, y, [3]).r2).toBe(0);
  });
});
