// Shared plumbing of the playground regression sets: uniform points on [−6, 6]², a label
// function read at a noise-shifted point, assembled into x m × 2 and y m × 1 (no classes).
import { zeros } from '@deltanet/tensor';
import type { Dataset } from '../dataset';
import type { PlaygroundOptions } from '../playground/options';
import { setUpPlayground } from './playground';

/** The playground draws regression points on the square [−radius, radius]². */
const radius = 6;

/**
 * m points (x1, x2) ~ U[−6, 6)², each with target `label(x1 + ε1, x2 + ε2)` where
 * ε ~ U[−6, 6)² · noise: as in the playground, noise moves where the target is read, not the
 * point. Four draws per point in the playground's order (x1, x2, ε1, ε2). The points are
 * independent, so unlike the class sets no shuffle is needed before a split.
 */
export function generateRegression(
  name: string,
  options: PlaygroundOptions | undefined,
  label: (x1: number, x2: number) => number,
): Dataset {
  const setup = setUpPlayground(name, options);
  const { samples, noise, uniform, dtype } = setup;
  const x = zeros(samples, 2, dtype);
  const y = zeros(samples, 1, dtype);
  for (let i = 0; i < samples; i++) {
    const x1 = uniform(-radius, radius);
    const x2 = uniform(-radius, radius);
    const noise1 = uniform(-radius, radius) * noise;
    const noise2 = uniform(-radius, radius) * noise;
    x.data[2 * i] = x1;
    x.data[2 * i + 1] = x2;
    y.data[i] = label(x1 + noise1, x2 + noise2);
  }
  return { x, y, featureNames: ['x1', 'x2'], name };
}
