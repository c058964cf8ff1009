// The built-in activations' names and options types, for typed specs: `activation: 'relu'`
// completes in an editor, and `{ name: 'elu', options: { alpah: 1 } }` does not compile.
import type { NoOptions } from '@deltanet/contract';
import type { EluOptions } from './elu';
import type { LeakyReluOptions } from './leaky-relu';
import type { SwishOptions } from './swish';

/**
 * Each built-in activation's name and the options its factory takes (`NoOptions`: none).
 *
 * @example
 * type AlphaOfElu = ActivationOptionsByName['elu']['alpha']; // number
 */
export interface ActivationOptionsByName {
  sigmoid: NoOptions;
  tanh: NoOptions;
  relu: NoOptions;
  'leaky-relu': LeakyReluOptions;
  elu: EluOptions;
  softplus: NoOptions;
  swish: SwishOptions;
  gelu: NoOptions;
  softmax: NoOptions;
  linear: NoOptions;
}

/**
 * The name of a built-in activation.
 *
 * @example
 * const hidden: ActivationName = 'tanh'; // 'tnah' does not compile
 */
export type ActivationName = keyof ActivationOptionsByName;
