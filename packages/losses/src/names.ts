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
  'cross-entropy': NoOptions;
  'softmax-cross-entropy': NoOptions;
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
  l2: NoOptions;
  l1: NoOptions;
}

/**
 * The name of a built-in regularizer.
 *
 * @example
 * const penalty: RegularizerName = 'l1';
 */
export type RegularizerName = keyof RegularizerOptionsByName;
