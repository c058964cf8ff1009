// The built-in layers' names and options, for typed specs: `'batch-norm'` completes in an editor.
import type { NoOptions } from '@deltanet/contract';
import type { BatchNormOptions } from './batch-norm';
import type { DropoutOptions } from './dropout';

/**
 * Each built-in layer's name and its options.
 *
 * @example
 * const spec = { layers: [2, 8, { name: 'dropout', options: { rate: 0.2 } } satisfies LayerRef, 1] };
 */
export interface LayerOptionsByName {
  /** s(l+1) units a = g([1, x]·Θᵀ): the course's layer; in specs it is written as its unit count. */
  dense: NoOptions;
  /** Inverted dropout: in training each unit is zeroed with probability `rate`, the rest scaled by 1/(1 − rate). */
  dropout: DropoutOptions;
  /** Batch normalization with learned γ, β and running statistics for inference. */
  'batch-norm': BatchNormOptions;
}

/**
 * The name of a built-in layer.
 *
 * @example
 * const layer: LayerName = 'dropout';
 */
export type LayerName = keyof LayerOptionsByName;
