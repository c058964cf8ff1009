// The built-in activations as one list, for a consumer to build a registry from; nothing here
// registers itself.
import type { ActivationPlugin } from '@deltanet/contract';
import { elu } from './elu';
import { gelu } from './gelu';
import { leakyRelu } from './leaky-relu';
import { linear } from './linear';
import { relu } from './relu';
import { sigmoid } from './sigmoid';
import { softmax } from './softmax';
import { softplus } from './softplus';
import { swish } from './swish';
import { tanh } from './tanh';

/**
 * Every built-in activation with its default options, sigmoid (the default) first. Factories
 * appear as their default instance; a registry's `resolve` applies other options through
 * `configure`.
 *
 * @example
 * const registry = createRegistry(activations);
 * registry.resolve('activation', { name: 'leaky-relu', options: { alpha: 0.2 } });
 */
export const activations: readonly ActivationPlugin[] = /* @__PURE__ */ Object.freeze([
  sigmoid,
  tanh,
  relu,
  /* @__PURE__ */ leakyRelu(),
  /* @__PURE__ */ elu(),
  softplus,
  /* @__PURE__ */ swish(),
  gelu,
  softmax,
  linear,
]);
