// The built-in initializers' and backends' names, for typed specs: `initializer: 'he-normal'`
// completes in an editor. None of them takes options.
import type { NoOptions } from '@deltanet/contract';

/**
 * Each built-in initializer's name and its options (none).
 *
 * @example
 * type Names = keyof InitializerOptionsByName; // 'epsilon-uniform' | 'glorot-normal' | …
 */
export interface InitializerOptionsByName {
  'epsilon-uniform': NoOptions;
  'glorot-normal': NoOptions;
  'glorot-uniform': NoOptions;
  'he-normal': NoOptions;
  'he-uniform': NoOptions;
  zeros: NoOptions;
}

/**
 * The name of a built-in initializer.
 *
 * @example
 * const start: InitializerName = 'glorot-uniform';
 */
export type InitializerName = keyof InitializerOptionsByName;

/**
 * Each built-in backend's name and its options (none).
 *
 * @example
 * type Names = keyof BackendOptionsByName; // 'wasm' | 'js' | 'reference'
 */
export interface BackendOptionsByName {
  wasm: NoOptions;
  js: NoOptions;
  reference: NoOptions;
}

/**
 * The name of a built-in backend.
 *
 * @example
 * const backend: BackendName = 'js';
 */
export type BackendName = keyof BackendOptionsByName;
