import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { classFigures, confusionMatrix, rootMeanSquaredError } from './metrics';

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
