// The built-in backends, fastest first: the list a registry is built from.
import type { BackendPlugin } from '@deltanet/contract';
import { js } from './js';
import { reference } from './reference';
import { wasm } from './wasm';

/** Every built-in backend; the first that supports a precision is the default. */
export const backends: readonly BackendPlugin[] = [wasm, js, reference];
