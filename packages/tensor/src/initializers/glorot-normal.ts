// Glorot (Xavier) normal start, as Keras's GlorotNormal: a normal truncated at two standard
// deviations, scaled so the kept draws have std √(2 / (fan_in + fan_out)); biases start at zero.
import type { InitializerPlugin } from '@deltanet/contract';
import { fans } from '../internal/fans';
import { fillWeights } from '../internal/fill-weights';
import { truncatedNormal } from '../internal/truncated-normal';

/**
 * Θ(l)[i, j] for j ≥ 1 drawn from N(0, σ²) truncated to [−2σ, 2σ] (out-of-range draws redrawn),
 * σ = √(2 / (fan_in + fan_out)) / 0.87962566103423978, so the draws' standard deviation is
 * √(2 / (fan_in + fan_out)); fan_in = theta.cols − 1, fan_out = theta.rows. Θ(l)[i, 0] = 0.
 * This matches Keras (truncated, not plain normal).
 *
 * @example
 * const theta = zeros(25, 401);
 * glorotNormal.initialize(theta, createRandom(1)); // std ≈ 0.0686, |Θ[i, j]| ≤ 0.156
 */
export const glorotNormal: InitializerPlugin = {
  kind: 'initializer',
  name: 'glorot-normal',
  description: 'Truncated normal (±2σ) with std √(2/(fan_in + fan_out)), biases 0 (Keras GlorotNormal)',
  initialize(theta, random) {
    const { fanIn, fanOut } = fans(theta, 'glorot-normal');
    const std = Math.sqrt(2 / (fanIn + fanOut));
    fillWeights(theta, 'zero', () => truncatedNormal(random, std));
  },
};
