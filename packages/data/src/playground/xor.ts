// Playground "xor": class 1 where x1 and x2 have the same sign, in the square [−5.3, 5.3]².
import { assemblePlayground, setUpPlayground } from '../internal/playground';
import type { PlaygroundGenerator } from './options';

/** Points keep this distance from both axes, so noise-free classes have a margin. */
const padding = 0.3;

/**
 * The four quadrants, after the playground's `classifyXORData`: x1, x2 ~ U[−5, 5), each pushed
 * 0.3 away from 0. The class is 1 iff (x1 + ε1)(x2 + ε2) ≥ 0 with ε ~ U[−5, 5)² · noise, so
 * noise mislabels points near the axes; the points themselves do not move.
 *
 * @example
 * const d = xor({ samples: 400, seed: 2 }); // label 1 iff x1 · x2 ≥ 0
 */
export const xor: PlaygroundGenerator = (options) => {
  const setup = setUpPlayground('xor', options);
  const { samples, noise, uniform } = setup;
  const xs: number[] = [];
  const ys: number[] = [];
  const classes: number[] = [];
  for (let i = 0; i < samples; i++) {
    let x = uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = uniform(-5, 5) * noise;
    const noiseY = uniform(-5, 5) * noise;
    xs.push(x);
    ys.push(y);
    classes.push((x + noiseX) * (y + noiseY) >= 0 ? 1 : 0);
  }
  return assemblePlayground('xor', setup, xs, ys, classes);
};
