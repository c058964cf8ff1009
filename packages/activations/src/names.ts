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
  /** Logistic sigmoid σ(z) = 1/(1 + e^−z); no options. */
  sigmoid: NoOptions;
  /** Hyperbolic tangent; no options. */
  tanh: NoOptions;
  /** ReLU max(0, z); no options. */
  relu: NoOptions;
  /** Leaky ReLU; options: the negative slope α (default 0.01). */
  'leaky-relu': LeakyReluOptions;
  /** ELU; options: α, the negative saturation (default 1). */
  elu: EluOptions;
  /** Softplus ln(1 + e^z); no options. */
  softplus: NoOptions;
  /** Swish z·σ(βz); options: β (default 1). */
  swish: SwishOptions;
  /** GELU, tanh approximation of z·Φ(z); no options. */
  gelu: NoOptions;
  /** Softmax over each row (for the output layer); no options. */
  softmax: NoOptions;
  /** Identity g(z) = z; no options. */
  linear: NoOptions;
}

/**
 * The name of a built-in activation.
 *
 * @example
 * const hidden: ActivationName = 'tanh'; // 'tnah' does not compile
 */
export type ActivationName = keyof ActivationOptionsByName;
