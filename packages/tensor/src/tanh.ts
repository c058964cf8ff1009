// tanh over whole arrays in plain JavaScript, with the same bits as ./math/tanh.ts per element
// in every engine. The wasm backend runs the same algorithm in SIMD.
import type { FloatArray } from '@deltanet/contract';
import { assertKernelArrays } from './backends/kernel-checks';
import { tanh } from './math/tanh';

/**
 * out[i] = tanh(z[i]) for every i, bit for bit with this package's `tanh` (float32 arrays:
 * computed in float64 and rounded once on store), in every engine. `out` may be `z`. The loop of
 * the `js` and `reference` backends' tanh kernel.
 *
 * @example
 * mapTanh(z.data, a.data); // a = tanh(z) for a whole batch
 */
export function mapTanh(z: FloatArray, out: FloatArray): void {
  assertKernelArrays('mapTanh', z, out);
  for (let i = 0; i < out.length; i++) out[i] = tanh(z[i]!);
}
