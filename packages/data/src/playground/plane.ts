// Playground regression "plane": the target rises linearly along x1 + x2, y = (x1 + x2) / 10.
// After `regressPlane` in tensorflow/playground src/dataset.ts (label scale [−10, 10] → [−1, 1]).
import { generateRegression } from '../internal/playground-regression';
import type { PlaygroundGenerator } from './options';

/**
 * The plane: x1, x2 ~ U[−6, 6), target y = (x1 + x2) / 10 (in [−1.2, 1.2]), read at the point
 * moved by ε ~ U[−6, 6)² · noise (so y = (x1 + ε1 + x2 + ε2) / 10). y is m × 1 of numbers, no
 * labels or classNames.
 *
 * @example
 * const d = plane({ samples: 200, seed: 3 }); // d.y.data[i] = (x1 + x2) / 10
 */
export const plane: PlaygroundGenerator = (options) =>
  generateRegression('plane', options, (x1, x2) => (x1 + x2) / 10);
