// What `train` reports about a network: classification figures (cost, accuracy) or regression
// figures (RMSE, MAE, R² against predicting the training mean), always in the targets' units.
import type { Network } from '@deltanet/backprop';
import type { Dataset, Standardizer } from '@deltanet/data';
import { undoStandardizer } from '../data/targets';
import type { RegressionFigures } from '../metrics';
import { regressionFigures } from '../metrics';

/** How to score a network on some rows. */
export interface Scorer {
  readonly regression: boolean;
  /** Regression figures of `net` on `rows` (targets in their own units); undefined for classifiers. */
  regressionOn(net: Network, rows: Dataset, targets: Dataset['y']): RegressionFigures | undefined;
}

/**
 * A scorer; `targetMean` is the training targets' mean (the baseline's prediction) and
 * `targetNormalization` the standardization the network was trained under, undone on outputs.
 */
export function scorer(
  regression: boolean,
  targetMean: readonly number[],
  targetNormalization: Standardizer | undefined,
): Scorer {
  return {
    regression,
    regressionOn(net, rows, targets) {
      if (!regression || rows.x.rows === 0) return undefined;
      return regressionFigures(
        undoStandardizer(net.predict(rows.x), targetNormalization),
        targets,
        targetMean,
      );
    },
  };
}

/** "RMSE 1.234 · MAE 0.987 · R² 0.912" */
export function regressionLine(figures: RegressionFigures): string {
  return `RMSE ${figures.rmse.toPrecision(4)} · MAE ${figures.mae.toPrecision(4)} · R² ${figures.r2.toFixed(4)}`;
}

/** Regression figures as saved in the model and the result event. */
export function regressionMetrics(
  train: ReturnType<ReturnType<typeof scorer>['regressionOn']>,
  test: ReturnType<ReturnType<typeof scorer>['regressionOn']>,
): { [key: string]: number } | undefined {
  if (!train) return undefined;
  return {
    trainRmse: train.rmse,
    trainMae: train.mae,
    trainR2: train.r2,
    ...(test && {
      testRmse: test.rmse,
      testMae: test.mae,
      testR2: test.r2,
      baselineRmse: test.baselineRmse,
    }),
    ...(!test && { baselineRmse: train.baselineRmse }),
  };
}
