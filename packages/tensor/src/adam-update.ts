// Adam's per-parameter update as one kernel over the four arrays, for @deltanet/optimizers'
// adam and adamw. Runs in the kernel module (f64x2 SIMD, the same operations in the same
// order) when it can; the result is bit-identical to the JavaScript loop either way.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';
import { kernelThreads, SHARED_MEMORY_BOUND, shareElementwise } from './internal/kernel-helper';
import { align, copyOut, kernelFor, operandsStart, view } from './internal/wasm-memory';

// Below this many parameters the call and the seven copies outweigh the SIMD loop.
const WASM_FROM = 2048;

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
  if (gradient.length !== n || m.length !== n || v.length !== n) {
    throw new ShapeError(
      `adamUpdate: params, gradient, m and v must have one length, got ${n}, ${gradient.length}, ${m.length} and ${v.length}`,
    );
  }
  const f32 = params instanceof Float32Array;
  const sameType =
    gradient instanceof params.constructor &&
    m instanceof params.constructor &&
    v instanceof params.constructor;
  const module = n >= WASM_FROM && sameType ? kernelFor(n, SHARED_MEMORY_BOUND) : undefined;
  if (module) {
    const bytes = align(params.byteLength);
    const at = operandsStart(module);
    const heap = view(module, params, at + 4 * bytes);
    const width = params.BYTES_PER_ELEMENT;
    const gAt = at + bytes;
    const mAt = at + 2 * bytes;
    const vAt = at + 3 * bytes;
    heap.set(params, at / width);
    heap.set(gradient, gAt / width);
    heap.set(m, mAt / width);
    heap.set(v, vAt / width);
    const kernel = f32 ? 'adam32' : 'adam64';
    const threads = kernelThreads(module);
    if (threads === 1) module[kernel](at, gAt, mAt, vAt, n, beta1, beta2, stepSize, epsilonHat, decay);
    else {
      const scalars = [beta1, beta2, stepSize, epsilonHat, decay];
      shareElementwise(module, threads, kernel, [at, gAt, mAt, vAt], n, width, scalars);
    }
    copyOut(heap, at, params);
    copyOut(heap, mAt, m);
    copyOut(heap, vAt, v);
    return;
  }
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  if (m instanceof Float32Array && v instanceof Float32Array) {
    // Math.fround gives the values the arrays store, so the step uses the stored (rounded)
    // moments without reading them back (about a tenth faster than the loop below).
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
