// The course's symmetry-breaking start: every entry of Θ(l), bias column included, uniform in
// [−ε_init, ε_init] with ε_init = √6 / √(L_in + L_out). The default initializer of deltanet.
import type { InitializerPlugin } from '@deltanet/contract';
import { fans } from '../internal/fans';
import { fillWeights } from '../internal/fill-weights';

/**
 * Θ(l)[i, j] ~ U[−ε_init, ε_init] for every i, j (bias column 0 included, as the course does),
 * with ε_init = √6 / √(L_in + L_out), L_in = theta.cols − 1, L_out = theta.rows. The standard
 * deviation is ε_init/√3 = √(2 / (L_in + L_out)), Glorot's. For a 400-25-10 network
 * ε_init(1) = √6/√425 ≈ 0.119, close to the course's fixed 0.12.
 *
 * @example
 * const theta = zeros(25, 401);
 * epsilonUniform.initialize(theta, createRandom(1)); // every |Θ[i, j]| ≤ 0.1188
 */
export const epsilonUniform: InitializerPlugin = {
  kind: 'initializer',
  name: 'epsilon-uniform',
  description: "Θ ~ U[−ε, ε] with ε = √6/√(L_in + L_out), bias column included (the course's start)",
  initialize(theta, random) {
    const { fanIn, fanOut } = fans(theta, 'epsilon-uniform');
    const epsilon = Math.sqrt(6) / Math.sqrt(fanIn + fanOut);
    // 2u − 1 is exact for u = k/2⁵³, so draws stay within [−ε, ε) before rounding to storage.
    fillWeights(theta, 'draw', () => (2 * random.uniform() - 1) * epsilon);
  },
};
