// tanh over whole arrays in plain JavaScript, with the same bits as ./math/tanh.ts per element
// in every engine (float32 arrays through ./math/tanh-float32.ts, the cheaper formula the wasm
// kernel uses for them). The wasm backend runs the same algorithms in SIMD.
import type { FloatArray } from '@deltanet/contract';
import { assertKernelArrays } from './backends/kernel-checks';
import { tanh } from './math/tanh';
import { tanhFloat32 } from './math/tanh-float32';

/**
 * out[i] = tanh(z[i]) for every i, bit for bit with this package's `tanh` (float32 arrays:
 * computed in float64 and rounded once on store), in every engine. `out` may be `z`. The loop of
 * the `js` backend's tanh kernel (`reference` runs the scalar port on every element).
 *
 * @example
 * mapTanh(z.data, a.data); // a = tanh(z) for a whole batch
 */
export function mapTanh(z: FloatArray, out: FloatArray): void {
  assertKernelArrays('mapTanh', z, out);
  if (out instanceof Float32Array) for (let i = 0; i < out.length; i++) out[i] = tanhFloat32(z[i]!);
  else for (let i = 0; i < out.length; i++) out[i] = tanh(z[i]!);
}
