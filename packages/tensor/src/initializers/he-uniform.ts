// He uniform start for ReLU layers, as Keras's HeUniform: weights U[−limit, limit] with
// limit = √(6 / fan_in); the bias column starts at zero.
import type { InitializerPlugin } from '@deltanet/contract';
import { fans } from '../internal/fans';
import { fillWeights } from '../internal/fill-weights';

/**
 * Θ(l)[i, j] ~ U[−limit, limit] for j ≥ 1 with limit = √(6 / fan_in), fan_in = theta.cols − 1
 * (standard deviation √(2 / fan_in)); Θ(l)[i, 0] = 0, as Keras starts biases at zero.
 *
 * @example
 * const theta = zeros(25, 401);
 * heUniform.initialize(theta, createRandom(1)); // |Θ[i, j]| ≤ √(6/400) ≈ 0.1225
 */
export const heUniform: InitializerPlugin = {
  kind: 'initializer',
  name: 'he-uniform',
  description: 'Θ ~ U[−l, l] with l = √(6/fan_in), biases 0 (Keras HeUniform, for ReLU)',
  initialize(theta, random) {
    const { fanIn } = fans(theta, 'he-uniform');
    const limit = Math.sqrt(6 / fanIn);
    fillWeights(theta, 'zero', () => (2 * random.uniform() - 1) * limit);
  },
};
