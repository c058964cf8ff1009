// Waiting for the WebAssembly kernels in engines that compile them asynchronously.
import { kernelModuleSettled } from './internal/wasm-module';

/**
 * Resolves once the `wasm` backend's module is compiled (or known to be unavailable). In Node
 * and in workers it compiles synchronously on first use and this resolves at once. On a
 * browser's main thread the module compiles asynchronously, and until then the `wasm` backend
 * runs its products in the `js` backend's loops, which round differently from its SIMD kernel
 * for products of 4,096 multiply-adds and more: a run started before the compile finishes
 * depends on when it finished. Await this before training there for the same bits as in Node.
 *
 * @example
 * await wasmReady();
 * await fit(net, data, options); // the same model file as in Node, from the same seeds
 */
export function wasmReady(): Promise<void> {
  return kernelModuleSettled();
}
