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
  /** U[−ε, ε] with ε = √6/√(fan_in + fan_out), bias column included (the course's; the default). */
  'epsilon-uniform': NoOptions;
  /** Truncated normal with std √(2/(fan_in + fan_out)); biases 0 (Keras). */
  'glorot-normal': NoOptions;
  /** U[−limit, limit] with limit = √(6/(fan_in + fan_out)); biases 0 (Keras). */
  'glorot-uniform': NoOptions;
  /** Truncated normal with std √(2/fan_in); biases 0 (Keras). */
  'he-normal': NoOptions;
  /** U[−limit, limit] with limit = √(6/fan_in); biases 0 (Keras). */
  'he-uniform': NoOptions;
  /** All zeros, biases included (symmetric: hidden units stay identical). */
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
  /** WebAssembly SIMD GEMM; rounds like the reference in the matrix's precision, not bit-identical. */
  wasm: NoOptions;
  /** Blocked JavaScript GEMM; bit-identical to `reference`, several times faster. */
  js: NoOptions;
  /** Plain loops accumulating in float64: the specification the faster backends are tested against. */
  reference: NoOptions;
}

/**
 * The name of a built-in backend.
 *
 * @example
 * const backend: BackendName = 'js';
 */
export type BackendName = keyof BackendOptionsByName;
