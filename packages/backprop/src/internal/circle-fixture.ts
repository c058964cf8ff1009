// The data and network the checkpoint tests train (and the committed checkpoint fixture was
// written with): 120 random points of the plane, labelled inside/outside the circle r² = 1.5,
// enough rows for several shuffled batches, and a small tanh network.
import { createRandom, fromRows } from '@deltanet/tensor';
import type { NetworkSpec } from '../spec';

const random = createRandom(4);
const points = Array.from({ length: 120 }, () => [random.uniform() * 4 - 2, random.uniform() * 4 - 2]);

/** x: 120 × 2 points in [−2, 2)², y: 120 × 1, 1 inside the circle. */
export const circleData = {
  x: fromRows(points),
  y: fromRows(points.map(([a, b]) => [a! * a! + b! * b! < 1.5 ? 1 : 0])),
};

/** 2-6-5-1, tanh hidden layers, seed 9. */
export const circleSpec: NetworkSpec = { layers: [2, 6, 5, 1], activation: 'tanh', seed: 9 };
