// He normal start for ReLU layers, as Keras's HeNormal: a normal truncated at two standard
// deviations, scaled so the kept draws have std √(2 / fan_in); biases start at zero.
import type { InitializerPlugin } from '@deltanet/contract';
import { fans } from '../internal/fans';
import { fillWeights } from '../internal/fill-weights';
import { truncatedNormal } from '../internal/truncated-normal';

/**
 * Θ(l)[i, j] for j ≥ 1 drawn from N(0, σ²) truncated to [−2σ, 2σ] (out-of-range draws redrawn),
 * σ = √(2 / fan_in) / 0.87962566103423978, so the draws' standard deviation is √(2 / fan_in);
 * fan_in = theta.cols − 1. Θ(l)[i, 0] = 0. This matches Keras (truncated, not plain normal).
 *
 * @example
 * const theta = zeros(25, 401);
 * heNormal.initialize(theta, createRandom(1)); // std ≈ 0.0707, |Θ[i, j]| ≤ 0.161
 */
export const heNormal: InitializerPlugin = {
  kind: 'initializer',
  name: 'he-normal',
  description: 'Truncated normal (±2σ) with std √(2/fan_in), biases 0 (Keras HeNormal, for ReLU)',
  initialize(theta, random) {
    const { fanIn } = fans(theta, 'he-normal');
    const std = Math.sqrt(2 / fanIn);
    fillWeights(theta, 'zero', () => truncatedNormal(random, std));
  },
};
