// Momentum as a transform: v ← μv + u, then u ← v (or Nesterov's u + μv).
import type { OptimizerState } from '@deltanet/contract';
import { stateArray, zerosLike } from '../internal/state';
import type { GradientTransform } from '../transform';

/**
 * v ← μv + u;  u ← v, or with Nesterov u ← u + μv (optax's `trace`, PyTorch's SGD momentum
 * with dampening 0). State { [key]: v }: `velocity` by default; RMSProp's preset names it
 * `momentum`, as its earlier checkpoints do.
 *
 * @example
 * const momentum = chain('sgd', [trace({ decay: 0.9 }), scaleByLearningRate(0.1)]);
 */
export function trace({
  decay,
  nesterov = false,
  key = 'velocity',
}: {
  decay: number;
  nesterov?: boolean;
  key?: string;
}): GradientTransform {
  return {
    name: 'trace',
    stateKeys: [key],
    init: (params): OptimizerState => ({ [key]: zerosLike(params) }),
    update(updates, state) {
      const v = stateArray(state, key, updates.length);
      for (let i = 0; i < updates.length; i++) {
        const g = updates[i]!;
        v[i] = decay * v[i]! + g;
        // Read v back so a float32 run steps with the stored (rounded) velocity.
        updates[i] = nesterov ? g + decay * v[i]! : v[i]!;
      }
    },
  };
}
