// Playground "circle": class 1 inside radius 2.5, class 0 in the ring 3.5 ≤ r < 5.
import { cos, sin } from '@deltanet/tensor';
import { hypot } from '../internal/hypot';
import { assemblePlayground, setUpPlayground } from '../internal/playground';
import type { PlaygroundGenerator } from './options';

/** Half the points inside the circle of radius 5 · 0.5, half in the ring 5 · [0.7, 1). */
const radius = 5;

/**
 * Two concentric classes, after the playground's `classifyCircleData`. A point is drawn at
 * radius r ~ U[0, 2.5) (class 1, ⌈m/2⌉ points) or r ~ U[3.5, 5) (class 0), angle ~ U[0, 2π).
 * Its class is 1 iff ‖p + ε‖ < 2.5 with ε ~ U[−5, 5)² · noise: noise moves the label, not the
 * point, so noise 0 is cleanly separable and more noise mislabels points near the boundary.
 *
 * @example
 * const d = circle({ samples: 200, noise: 0.1, seed: 3 }); // x 200 × 2, y 200 × 1
 */
export const circle: PlaygroundGenerator = (options) => {
  const setup = setUpPlayground('circle', options);
  const { samples, noise, uniform } = setup;
  const xs: number[] = [];
  const ys: number[] = [];
  const classes: number[] = [];
  const inside = Math.ceil(samples / 2);
  for (let i = 0; i < samples; i++) {
    const r = i < inside ? uniform(0, radius * 0.5) : uniform(radius * 0.7, radius);
    const angle = uniform(0, 2 * Math.PI);
    const x = r * sin(angle);
    const y = r * cos(angle);
    const noiseX = uniform(-radius, radius) * noise;
    const noiseY = uniform(-radius, radius) * noise;
    xs.push(x);
    ys.push(y);
    classes.push(hypot(x + noiseX, y + noiseY) < radius * 0.5 ? 1 : 0);
  }
  return assemblePlayground('circle', setup, xs, ys, classes);
};
