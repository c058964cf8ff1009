// Glorot (Xavier) uniform start, as Keras's GlorotUniform: weights U[−limit, limit] with
// limit = √(6 / (fan_in + fan_out)); the bias column starts at zero.
import type { InitializerPlugin } from '@deltanet/contract';
import { fans } from '../internal/fans';
import { fillWeights } from '../internal/fill-weights';

/**
 * Θ(l)[i, j] ~ U[−limit, limit] for j ≥ 1 with limit = √(6 / (fan_in + fan_out)),
 * fan_in = theta.cols − 1, fan_out = theta.rows (standard deviation √(2 / (fan_in + fan_out)));
 * Θ(l)[i, 0] = 0, as Keras starts biases at zero.
 *
 * @example
 * const theta = zeros(25, 401);
 * glorotUniform.initialize(theta, createRandom(1)); // |Θ[i, j]| ≤ 0.1188, Θ[i, 0] = 0
 */
export const glorotUniform: InitializerPlugin = {
  kind: 'initializer',
  name: 'glorot-uniform',
  description: 'Θ ~ U[−l, l] with l = √(6/(fan_in + fan_out)), biases 0 (Keras GlorotUniform)',
  initialize(theta, random) {
    const { fanIn, fanOut } = fans(theta, 'glorot-uniform');
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    fillWeights(theta, 'zero', () => (2 * random.uniform() - 1) * limit);
  },
};
