// Playground "gauss": two Gaussian clouds, class 1 around (2, 2) and class 0 around (−2, −2).
import { assemblePlayground, setUpPlayground } from '../internal/playground';
import type { PlaygroundGenerator } from './options';

/**
 * Two isotropic Gaussians, after the playground's `classifyTwoGaussData`: ⌈m/2⌉ points of
 * class 1 at mean (2, 2) and the rest of class 0 at (−2, −2). Noise sets the variance of
 * each coordinate, σ² = 0.5 + 7 · noise (the playground's linear map of 0..0.5 onto 0.5..4),
 * so the clouds overlap as noise grows; labels are never flipped.
 *
 * @example
 * const d = gauss({ noise: 0.5 }); // σ² = 4: the clouds overlap
 */
export const gauss: PlaygroundGenerator = (options) => {
  const setup = setUpPlayground('gauss', options);
  const { samples, noise, random } = setup;
  const sigma = Math.sqrt(0.5 + 7 * noise);
  const xs: number[] = [];
  const ys: number[] = [];
  const classes: number[] = [];
  const positive = Math.ceil(samples / 2);
  for (let i = 0; i < samples; i++) {
    const center = i < positive ? 2 : -2;
    xs.push(center + sigma * random.normal());
    ys.push(center + sigma * random.normal());
    classes.push(i < positive ? 1 : 0);
  }
  return assemblePlayground('gauss', setup, xs, ys, classes);
};
