// The playground's points: a generated 2-D set split into train and test, with the chosen input
// features computed for every point and for the grid the heatmaps are drawn on.
import type { Batch } from '@deltanet/backprop';
import { generatePlayground, generatePlaygroundRegression, splitDataset } from '@deltanet/data';
import { matrix } from '@deltanet/tensor';
import type { FeatureName } from '../features';
import { mapFeatures } from '../features';
import type { PlaygroundState } from '../state';
import { samples } from '../state';

/** Points (x1, x2) as m × 2 row-major pairs with their targets y (a 0/1 class, or a number). */
export interface LabelledPoints {
  readonly points: Float64Array;
  /** The 0/1 classes; all 0 for a regression set. */
  readonly labels: Int32Array;
  /** y of each point: the class as a number, or the regression target. */
  readonly targets: Float64Array;
}

/** What training needs (features → class) and what the view draws (points). */
export interface PlaygroundData {
  readonly train: Batch;
  readonly test: Batch;
  readonly trainPoints: LabelledPoints;
  readonly testPoints: LabelledPoints;
}

/** The heatmaps cover [−domain, domain]², as TensorFlow Playground's do. */
export const domain = 6;

/** Every heatmap is a gridSide × gridSide picture of the domain. */
export const gridSide = 64;

/**
 * The dataset of `state`: `samples` points from its generator (noise and seed), split by
 * trainPercent with the same seed, each point mapped to the chosen features. A regression set's
 * targets are numbers in [−1, 1] (plane, multi-gaussian).
 *
 * @example
 * const { train, test } = playgroundData(defaultState); // 250 + 250 rows of (x1, x2) → class
 */
export function playgroundData(state: PlaygroundState): PlaygroundData {
  const generate = state.problem === 'regression' ? generatePlaygroundRegression : generatePlayground;
  const dataset = generate(state.dataset, { samples, noise: state.noise / 100, seed: state.dataSeed });
  const { train, test } = splitDataset(dataset, {
    testSize: samples - Math.round((samples * state.trainPercent) / 100),
    seed: state.dataSeed,
  });
  const batch = (set: typeof train): Batch => ({ x: featureMatrix(set.x.data, state.features), y: set.y });
  const points = (set: typeof train): LabelledPoints => ({
    points: Float64Array.from(set.x.data),
    labels: set.labels ?? new Int32Array(set.x.rows),
    targets: Float64Array.from(set.y.data),
  });
  return { train: batch(train), test: batch(test), trainPoints: points(train), testPoints: points(test) };
}

/** The centres of an n × n grid over the domain as (x1, x2) pairs, row 0 at the top (x2 > 0). */
export function gridPoints(n: number): Float64Array {
  const points = new Float64Array(n * n * 2);
  for (let i = 0; i < n * n; i++) {
    points[2 * i] = -domain + (2 * domain * ((i % n) + 0.5)) / n;
    points[2 * i + 1] = domain - (2 * domain * (Math.floor(i / n) + 0.5)) / n;
  }
  return points;
}

/** The grid's points as network inputs: the chosen features of each. */
export function gridInputs(n: number, features: readonly FeatureName[]) {
  return featureMatrix(gridPoints(n), features);
}

function featureMatrix(points: ArrayLike<number>, features: readonly FeatureName[]) {
  return matrix(points.length / 2, features.length, mapFeatures(points, features));
}
