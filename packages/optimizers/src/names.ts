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
  sgd: SgdOptions;
  adagrad: AdagradOptions;
  rmsprop: RmspropOptions;
  adam: AdamOptions;
  adamw: AdamwOptions;
  'conjugate-gradient': ConjugateGradientOptions;
  lbfgs: LbfgsOptions;
}

/**
 * The name of a built-in optimizer.
 *
 * @example
 * const optimizer: OptimizerName = 'lbfgs';
 */
export type OptimizerName = keyof OptimizerOptionsByName;
