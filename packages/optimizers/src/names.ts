// The built-in optimizers' names and options types, for typed specs: `optimizer: 'adam'`
// completes in an editor, and `{ name: 'sgd', options: { momentun: 0.9 } }` does not compile.
import type { AdagradOptions } from './adagrad';
import type { AdamOptions } from './adam';
import type { AdamwOptions } from './adamw';
import type { ConjugateGradientOptions } from './conjugate-gradient';
import type { LbfgsOptions } from './lbfgs';
import type { RmspropOptions } from './rmsprop';
import type { SgdOptions } from './sgd';

/**
 * Each built-in optimizer's name and the options its factory takes.
 *
 * @example
 * type Momentum = OptimizerOptionsByName['sgd']['momentum']; // number
 */
export interface OptimizerOptionsByName {
  /** Minibatch gradient descent with optional (Nesterov) momentum. */
  sgd: SgdOptions;
  /** Minibatch AdaGrad: per-parameter steps scaled by the accumulated squared gradients. */
  adagrad: AdagradOptions;
  /** Minibatch RMSProp: steps scaled by a moving average of squared gradients. */
  rmsprop: RmspropOptions;
  /** Minibatch Adam: bias-corrected first and second moment estimates. */
  adam: AdamOptions;
  /** Minibatch AdamW: Adam with decoupled weight decay λ. */
  adamw: AdamwOptions;
  /** Full-batch nonlinear conjugate gradient with fmincg's line search. */
  'conjugate-gradient': ConjugateGradientOptions;
  /** Full-batch limited-memory BFGS (PyTorch's algorithm). */
  lbfgs: LbfgsOptions;
}

/**
 * The name of a built-in optimizer.
 *
 * @example
 * const optimizer: OptimizerName = 'lbfgs';
 */
export type OptimizerName = keyof OptimizerOptionsByName;
