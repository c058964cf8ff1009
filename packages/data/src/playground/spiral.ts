// Playground "spiral": two interleaved arms, r = 5s and θ = 3.5πs (+π for class 0), s ∈ [0, 1).
import { cos, sin } from '@deltanet/tensor';
import { assemblePlayground, setUpPlayground } from '../internal/playground';
import type { PlaygroundGenerator } from './options';

/**
 * Two spiral arms, after the playground's `classifySpiralData`. With n = m/2, point i of an
 * arm sits at s = i/n, r = 5s, θ = 1.75 · 2π · s + δ (δ = 0 for class 1, π for class 0),
 * (x1, x2) = (r sin θ, r cos θ) + U[−1, 1)² · noise. Here noise moves the points (by at most
 * 0.5), and the labels stay those of the arms.
 *
 * @example
 * const d = spiral({ samples: 600, noise: 0.2, seed: 5 });
 */
export const spiral: PlaygroundGenerator = (options) => {
  const setup = setUpPlayground('spiral', options);
  const { samples, noise, uniform } = setup;
  const n = samples / 2;
  const xs: number[] = [];
  const ys: number[] = [];
  const classes: number[] = [];
  const arm = (count: number, deltaT: number, label: number) => {
    for (let i = 0; i < count; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      xs.push(r * sin(t) + uniform(-1, 1) * noise);
      ys.push(r * cos(t) + uniform(-1, 1) * noise);
      classes.push(label);
    }
  };
  arm(Math.ceil(n), 0, 1);
  arm(samples - Math.ceil(n), Math.PI, 0);
  return assemblePlayground('spiral', setup, xs, ys, classes);
};
