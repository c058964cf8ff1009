// Adam's per-parameter update as one loop over the four arrays: the `js` backend's adamUpdate
// kernel, in plain JavaScript. The wasm backend runs the same operations in SIMD, to the bit.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';

/**
 * One Adam step over every parameter, with the bias corrections already folded into `stepSize`
 * (αₜ) and `epsilonHat` (ε̂):
 * m ← β₁m + (1 − β₁)g;  v ← β₂v + ((1 − β₂)g)g;  θ ← decay·θ − (αₜ·m) / (√v + ε̂).
 * Computed in float64; float32 moments are rounded to float32 before θ's update reads them.
 *
 * @example
 * adamUpdate(theta, gradient, m, v, 0.9, 0.999, stepSize, epsilonHat, 1);
 */
export function adamUpdate(
  params: FloatArray,
  gradient: FloatArray,
  m: FloatArray,
  v: FloatArray,
  beta1: number,
  beta2: number,
  stepSize: number,
  epsilonHat: number,
  decay: number,
): void {
  const n = params.length;
  assertAdamLengths(params, gradient, m, v);
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  if (m instanceof Float32Array && v instanceof Float32Array) {
    // Math.fround gives the values the arrays store, so the step uses the stored (rounded)
    // moments without reading them back, which is faster than the loop below.
    for (let i = 0; i < n; i++) {
      const g = gradient[i]!;
      const mi = Math.fround(beta1 * m[i]! + keep1 * g);
      const vi = Math.fround(beta2 * v[i]! + keep2 * g * g);
      m[i] = mi;
      v[i] = vi;
      params[i] = decay * params[i]! - (stepSize * mi) / (Math.sqrt(vi) + epsilonHat);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const g = gradient[i]!;
    m[i] = beta1 * m[i]! + keep1 * g;
    v[i] = beta2 * v[i]! + keep2 * g * g;
    // m and v are read back so the step uses what they store, whatever their precision.
    params[i] = decay * params[i]! - (stepSize * m[i]!) / (Math.sqrt(v[i]!) + epsilonHat);
  }
}

/** Adam's four arrays must have one length; the error names each one's. */
export function assertAdamLengths(
  params: FloatArray,
  gradient: FloatArray,
  m: FloatArray,
  v: FloatArray,
): void {
  const n = params.length;
  if (gradient.length !== n || m.length !== n || v.length !== n) {
    throw new ShapeError(
      `adamUpdate: params, gradient, m and v must have one length, got ${n}, ${gradient.length}, ${m.length} and ${v.length}`,
    );
  }
}
