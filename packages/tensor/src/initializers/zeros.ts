// The all-zero start the course warns against: every hidden unit computes the same function and
// receives the same gradient, so they stay equal forever. Here for demonstrations of that failure.
import type { InitializerPlugin } from '@deltanet/contract';
import { fans } from '../internal/fans';

/**
 * Θ(l)[i, j] = 0 for every i, j. Symmetric on purpose: with it, backpropagation keeps all hidden
 * units of a layer identical, which is why the course breaks symmetry with `epsilon-uniform`.
 * Exported as `zerosInitializer` because `zeros` is the matrix constructor.
 *
 * @example
 * zerosInitializer.initialize(theta, createRandom(1)); // Θ = 0; the random stream is not read
 */
export const zerosInitializer: InitializerPlugin = {
  kind: 'initializer',
  name: 'zeros',
  description: 'Θ = 0: the symmetric start the course warns against (for demonstrations)',
  initialize(theta) {
    fans(theta, 'zeros'); // only to reject a Θ without its bias column, like the others
    theta.data.fill(0);
  },
};
