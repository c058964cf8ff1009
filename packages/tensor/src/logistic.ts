// The logistic function σ(z) = 1 / (1 + e^−z), for one number and for whole arrays. The array
// form runs in the kernel module (f64x2 SIMD, the same fdlibm exp as ./math/exp.ts) when it
// can, and gives the same bits as the scalar loop either way, in every engine.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';
import { kernelThreads, SHARED_MAP, SHARED_MEMORY_BOUND, shareElementwise } from './internal/kernel-helper';
import { align, copyOut, kernelFor, mapInWasm, operandsStart, view } from './internal/wasm-memory';
import { exp } from './math/exp';

/**
 * σ(z) = 1 / (1 + e^−z) without overflow: for z < 0 it uses the equal form e^z / (1 + e^z), so
 * the exponent is never positive and σ(±1e30) is exactly 1 or 0 instead of NaN.
 *
 * @example
 * logistic(0); // 0.5
 * logistic(-1e3); // 0 (the naive form would compute 1 / (1 + Infinity), also 0, but its
 * //                 derivative e^−z / (1 + e^−z)² would be Infinity / Infinity = NaN)
 */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  // Also reached by NaN, which exp passes through, so NaN in gives NaN out.
  const e = exp(z);
  return e / (1 + e);
}

// Shorter arrays stay in JavaScript: the call and the two copies cost about as much as 64 σ.
const WASM_FROM = 64;

/**
 * out[i] = logistic(z[i]) for every i, bit for bit (float32 arrays: computed in float64 and
 * rounded once on store, as a Float32Array assignment does). `out` may be `z`.
 *
 * @example
 * mapLogistic(z.data, a.data); // a = σ(z) for a whole batch
 */
export function mapLogistic(z: FloatArray, out: FloatArray): void {
  if (z.length !== out.length || z.BYTES_PER_ELEMENT !== out.BYTES_PER_ELEMENT) {
    throw new ShapeError(
      `mapLogistic: z and out must have one length and precision, got ${describe(z)} and ${describe(out)}`,
    );
  }
  const module = z.length >= WASM_FROM ? kernelFor(z.length, SHARED_MAP) : undefined;
  if (!module) {
    for (let i = 0; i < out.length; i++) out[i] = logistic(z[i]!);
    return;
  }
  mapInWasm(module, z instanceof Float32Array ? 'logistic32' : 'logistic64', z, out);
}

/**
 * out[i] = upstream[i]·(a[i]·(1 − a[i])): σ's backward rule from its output a = σ(z), bit for
 * bit as that loop (float32: computed in float64, rounded once). `out` may be `upstream`.
 *
 * @example
 * mapLogisticBackward(a.data, upstream.data, delta.data); // δ = ∂J/∂a .* σ'(z)
 */
export function mapLogisticBackward(a: FloatArray, upstream: FloatArray, out: FloatArray): void {
  if (
    a.length !== upstream.length ||
    a.length !== out.length ||
    a.BYTES_PER_ELEMENT !== upstream.BYTES_PER_ELEMENT ||
    a.BYTES_PER_ELEMENT !== out.BYTES_PER_ELEMENT
  ) {
    throw new ShapeError(
      `mapLogisticBackward: a, upstream and out must have one length and precision, got ${describe(a)}, ${describe(upstream)} and ${describe(out)}`,
    );
  }
  const module = a.length >= WASM_FROM ? kernelFor(a.length, SHARED_MEMORY_BOUND) : undefined;
  if (!module) {
    for (let i = 0; i < out.length; i++) {
      const ai = a[i]!;
      out[i] = upstream[i]! * (ai * (1 - ai));
    }
    return;
  }
  const at = operandsStart(module);
  const second = align(at + a.byteLength);
  const heap = view(module, a, second + a.byteLength);
  heap.set(a, at / a.BYTES_PER_ELEMENT);
  heap.set(upstream, second / a.BYTES_PER_ELEMENT);
  const kernel = a instanceof Float32Array ? 'logisticBackward32' : 'logisticBackward64';
  const threads = kernelThreads(module);
  if (threads === 1) module[kernel](at, second, second, a.length);
  else shareElementwise(module, threads, kernel, [at, second, second], a.length, a.BYTES_PER_ELEMENT);
  copyOut(heap, second, out);
}

function describe(x: FloatArray): string {
  return `${x.length} ${x instanceof Float32Array ? 'float32' : 'float64'} values`;
}
