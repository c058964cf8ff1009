// The built-in losses and regularizers as lists; a consumer builds its registry from them
// (`createRegistry(losses, regularizers)`), nothing registers itself on import.
import type { LossPlugin, RegularizerPlugin } from '@deltanet/contract';
import { crossEntropy } from './cross-entropy';
import { l1 } from './l1';
import { l2 } from './l2';
import { meanSquaredError } from './mean-squared-error';
import { softmaxCrossEntropy } from './softmax-cross-entropy';

/**
 * Every built-in loss: cross-entropy (the default), softmax-cross-entropy, mean-squared-error.
 *
 * @example
 * const registry = createRegistry(losses);
 * registry.get('loss', 'cross-entropy');
 */
// @__PURE__ lets a bundler drop these when unused; a bare Object.freeze call counts as a side effect.
export const losses: readonly LossPlugin[] = /* @__PURE__ */ Object.freeze([
  crossEntropy,
  softmaxCrossEntropy,
  meanSquaredError,
]);

/**
 * Every built-in regularizer: l2 (R = ½ΣΘ²) and l1 (R = Σ|Θ|). No regularization is λ = 0 or
 * no regularizer at all, so there is no "none".
 *
 * @example
 * createRegistry(losses, regularizers).get('regularizer', 'l2');
 */
export const regularizers: readonly RegularizerPlugin[] = /* @__PURE__ */ Object.freeze([l2, l1]);
