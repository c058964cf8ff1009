// The built-in backends, fastest first: the list a registry is built from.
import type { CompleteBackend, DType } from '@deltanet/contract';
import { js } from './js';
import { reference } from './reference';
import { wasm } from './wasm';

/** Every built-in backend; the first that supports a precision is the default. */
export const backends: readonly CompleteBackend[] = [wasm, js, reference];

/**
 * The fastest built-in backend that runs here for `dtype`: wasm where WebAssembly SIMD is
 * available (Node ≥ 16.4, every current browser), else js.
 *
 * @example
 * const net = createNetwork(spec, { backend: defaultBackend('float32') });
 */
export function defaultBackend(dtype: DType): CompleteBackend {
  return backends.find((backend) => backend.supports(dtype)) ?? reference;
}
