// The built-in optimizers with their default options, for building a registry.
import type { OptimizerPlugin } from '@deltanet/contract';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamw } from './adamw';
import { conjugateGradient } from './conjugate-gradient';
import { lbfgs } from './lbfgs';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

/**
 * Every built-in optimizer at its defaults, frozen. Momentum and Nesterov are options of "sgd".
 *
 * @example
 * const registry = createRegistry(optimizers);
 * registry.resolve('optimizer', { name: 'sgd', options: { momentum: 0.9 } });
 */
// @__PURE__ lets a bundler drop the list (and every factory) when it is not imported: a bare
// call at module level counts as a side effect.
export const optimizers: readonly OptimizerPlugin[] = /* @__PURE__ */ Object.freeze([
  /* @__PURE__ */ sgd(),
  /* @__PURE__ */ adagrad(),
  /* @__PURE__ */ rmsprop(),
  /* @__PURE__ */ adam(),
  /* @__PURE__ */ adamw(),
  /* @__PURE__ */ conjugateGradient(),
  /* @__PURE__ */ lbfgs(),
]);
