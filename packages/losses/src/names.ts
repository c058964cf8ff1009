// The built-in losses' and regularizers' names, for typed specs: `loss: 'cross-entropy'`
// completes in an editor. None of them takes options.
import type { NoOptions } from '@deltanet/contract';

/**
 * Each built-in loss's name and its options (none).
 *
 * @example
 * const spec = { layers: [4, 3], loss: 'softmax-cross-entropy' satisfies LossName };
 */
export interface LossOptionsByName {
  /** Cross-entropy for binary and multi-label outputs, each unit an independent probability (the default). */
  'cross-entropy': NoOptions;
  /** Cross-entropy for one class out of K: outputs a distribution (softmax), targets one-hot. */
  'softmax-cross-entropy': NoOptions;
  /** Squared error ½ Σₖ (h − y)² per row, for regression outputs. */
  'mean-squared-error': NoOptions;
}

/**
 * The name of a built-in loss.
 *
 * @example
 * const loss: LossName = 'mean-squared-error';
 */
export type LossName = keyof LossOptionsByName;

/**
 * Each built-in regularizer's name and its options (none).
 *
 * @example
 * type Names = keyof RegularizerOptionsByName; // 'l2' | 'l1'
 */
export interface RegularizerOptionsByName {
  /** L2 (ridge) penalty ½ ΣΘ² over the non-bias weights (column 0 of Θ excluded). */
  l2: NoOptions;
  /** L1 penalty Σ|Θ| over the non-bias weights (column 0 of Θ excluded); gives sparse Θ. */
  l1: NoOptions;
}

/**
 * The name of a built-in regularizer.
 *
 * @example
 * const penalty: RegularizerName = 'l1';
 */
export type RegularizerName = keyof RegularizerOptionsByName;
