// The logistic function σ(z) = 1 / (1 + e^−z), for one number and for whole arrays, in plain
// JavaScript (the same bits in every engine). The wasm backend runs the same algorithm in SIMD.
import type { FloatArray } from '@deltanet/contract';
import { assertKernelArrays } from './backends/kernel-checks';
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

/**
 * out[i] = logistic(z[i]) for every i, bit for bit (float32 arrays: computed in float64 and
 * rounded once on store, as a Float32Array assignment does). `out` may be `z`. The loop of the
 * `js` and `reference` backends' logistic kernel; to run it on a backend of your choice, use
 * `backend.activationForward('logistic', z, out)`.
 *
 * @example
 * mapLogistic(z.data, a.data); // a = σ(z) for a whole batch
 */
export function mapLogistic(z: FloatArray, out: FloatArray): void {
  assertKernelArrays('mapLogistic', z, out);
  for (let i = 0; i < out.length; i++) out[i] = logistic(z[i]!);
}

/**
 * out[i] = upstream[i]·(a[i]·(1 − a[i])): σ's backward rule from its output a = σ(z), bit for
 * bit as that loop (float32: computed in float64, rounded once). `out` may be `upstream`.
 *
 * @example
 * mapLogisticBackward(a.data, upstream.data, delta.data); // δ = ∂J/∂a .* σ'(z)
 */
export function mapLogisticBackward(a: FloatArray, upstream: FloatArray, out: FloatArray): void {
  assertKernelArrays('mapLogisticBackward', a, upstream, out);
  for (let i = 0; i < out.length; i++) {
    const ai = a[i]!;
    out[i] = upstream[i]! * (ai * (1 - ai));
  }
}
