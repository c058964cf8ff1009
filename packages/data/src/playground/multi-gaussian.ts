// Playground regression "multi-gaussian": six signed bumps on a 3 × 2 grid of centres.
// After `regressGaussian` in tensorflow/playground src/dataset.ts.
import { generateRegression } from '../internal/playground-regression';
import type { PlaygroundGenerator } from './options';

/** The bumps' centres (c1, c2) and signs, as the playground lists them. */
export const multiGaussianBumps: readonly (readonly [number, number, number])[] = Object.freeze([
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
]);

/**
 * Six bumps: for each centre c with sign s, b(x) = s · max(0, 1 − ‖x − c‖ / 2) (a cone of
 * height 1 and radius 2, the playground's clamped scale [0, 2] → [1, 0]); the target is the
 * bump of largest |b| (the first on a tie; 0 away from every centre). x1, x2 ~ U[−6, 6), read
 * at the point moved by ε ~ U[−6, 6)² · noise. y is m × 1 in [−1, 1], no labels.
 *
 * @example
 * const d = multiGaussian({ samples: 500, seed: 1 }); // y = 1 at (−4, 2.5), −1 at (0, 2.5)
 */
export const multiGaussian: PlaygroundGenerator = (options) =>
  generateRegression('multi-gaussian', options, (x1, x2) => {
    let label = 0;
    for (const [c1, c2, sign] of multiGaussianBumps) {
      // sqrt, not hypot: sqrt is correctly rounded everywhere, so every engine gives the same bits.
      const bump = sign * Math.max(0, 1 - Math.sqrt((x1 - c1) ** 2 + (x2 - c2) ** 2) / 2);
      if (Math.abs(bump) > Math.abs(label)) label = bump;
    }
    return label;
  });
