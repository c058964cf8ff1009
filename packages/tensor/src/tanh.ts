// tanh over whole arrays: in the kernel module (f64x2 SIMD, fdlibm's tanh and expm1 as in
// ./math/tanh.ts; for float32 results a cheaper formula, rounded only where that is certain, see
// assembly/tanh.ts) when it can, with the same bits as ./math/tanh.ts either way.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';
import { SHARED_MAP } from './internal/kernel-helper';
import { kernelFor, mapInWasm } from './internal/wasm-memory';
import { tanh } from './math/tanh';

// The SIMD tanh takes about 12 ns per value (float32 about 6) against the scalar port's 33 (V8's
// C tanh took 20, and arrays below 256 values stayed in JavaScript then), plus about 200 ns for
// the call and its copies: from 64 values the kernel is the faster (B3's 80-value layers on the
// js backend).
const WASM_FROM = 64;

/**
 * out[i] = tanh(z[i]) for every i, bit for bit with this package's `tanh` (float32 arrays:
 * computed in float64 and rounded once on store), in every engine. `out` may be `z`.
 *
 * @example
 * mapTanh(z.data, a.data); // a = tanh(z) for a whole batch
 */
export function mapTanh(z: FloatArray, out: FloatArray): void {
  if (z.length !== out.length || z.BYTES_PER_ELEMENT !== out.BYTES_PER_ELEMENT) {
    throw new ShapeError(
      `mapTanh: z and out must have one length and precision, got ${z.length} and ${out.length} values of ${z.BYTES_PER_ELEMENT * 8} and ${out.BYTES_PER_ELEMENT * 8} bits`,
    );
  }
  const module = z.length >= WASM_FROM ? kernelFor(z.length, SHARED_MAP) : undefined;
  if (!module) {
    for (let i = 0; i < out.length; i++) out[i] = tanh(z[i]!);
    return;
  }
  mapInWasm(module, z instanceof Float32Array ? 'tanh32' : 'tanh64', z, out);
}
