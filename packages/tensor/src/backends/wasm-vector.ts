// The wasm backend's vector kernels: σ, σ's backward rule, tanh and Adam's update in the kernel
// module (f64x2 SIMD, the same operations in the same order as the js loops, so the same bits),
// for arrays long enough to repay the call and the copies; shorter ones, and environments
// without a compiled module, run the js loops.
import type { ActivationKernel, FloatArray } from '@deltanet/contract';
import { adamUpdate } from '../adam-update';
import { kernelThreads, SHARED_MAP, SHARED_MEMORY_BOUND, shareElementwise } from '../internal/kernel-helper';
import { align, copyOut, kernelFor, mapInWasm, operandsStart, view } from '../internal/wasm-memory';
import { jsKernels } from './js-kernels';
import { assertKernelArrays } from './kernel-checks';

// Shorter arrays stay in JavaScript: the call and the two copies cost about as much as 64 σ. The
// SIMD tanh takes about 12 ns per value (float32 about 6) against the scalar port's 33, plus
// about 200 ns for the call and its copies: from 64 values the kernel is the faster too.
const MAP_FROM = 64;
// Below this many parameters the call and the seven copies outweigh the SIMD Adam loop.
const ADAM_FROM = 2048;

/** a = g(z): logistic and tanh in the module from MAP_FROM values, the rest in the js loops. */
export function activationForwardInWasm(kernel: ActivationKernel, z: FloatArray, out: FloatArray): void {
  if ((kernel === 'logistic' || kernel === 'tanh') && z.length >= MAP_FROM) {
    assertKernelArrays('activationForward', z, out);
    const module = kernelFor(z.length, SHARED_MAP);
    if (module) {
      const f32 = z instanceof Float32Array;
      const name = kernel === 'logistic' ? (f32 ? 'logistic32' : 'logistic64') : f32 ? 'tanh32' : 'tanh64';
      mapInWasm(module, name, z, out);
      return;
    }
  }
  jsKernels.activationForward(kernel, z, out);
}

/** ∂J/∂z: logistic's rule in the module from MAP_FROM values, the rest in the js loops. */
export function activationBackwardInWasm(
  kernel: ActivationKernel,
  z: FloatArray,
  a: FloatArray,
  upstream: FloatArray,
  out: FloatArray,
): void {
  if (kernel === 'logistic' && a.length >= MAP_FROM) {
    assertKernelArrays('activationBackward', z, a, upstream, out);
    const module = kernelFor(a.length, SHARED_MEMORY_BOUND);
    if (module) {
      const at = operandsStart(module);
      const second = align(at + a.byteLength);
      const heap = view(module, a, second + a.byteLength);
      heap.set(a, at / a.BYTES_PER_ELEMENT);
      heap.set(upstream, second / a.BYTES_PER_ELEMENT);
      const name = a instanceof Float32Array ? 'logisticBackward32' : 'logisticBackward64';
      const threads = kernelThreads(module);
      if (threads === 1) module[name](at, second, second, a.length);
      else shareElementwise(module, threads, name, [at, second, second], a.length, a.BYTES_PER_ELEMENT);
      copyOut(heap, second, out);
      return;
    }
  }
  jsKernels.activationBackward(kernel, z, a, upstream, out);
}

/** Adam's update in the module from ADAM_FROM parameters of one precision, else the js loop. */
export function adamUpdateInWasm(
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
  const sameType =
    gradient instanceof params.constructor &&
    m instanceof params.constructor &&
    v instanceof params.constructor &&
    gradient.length === n &&
    m.length === n &&
    v.length === n;
  const module = n >= ADAM_FROM && sameType ? kernelFor(n, SHARED_MEMORY_BOUND) : undefined;
  if (!module) {
    adamUpdate(params, gradient, m, v, beta1, beta2, stepSize, epsilonHat, decay);
    return;
  }
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
  const name = params instanceof Float32Array ? 'adam32' : 'adam64';
  const threads = kernelThreads(module);
  if (threads === 1) module[name](at, gAt, mAt, vAt, n, beta1, beta2, stepSize, epsilonHat, decay);
  else {
    const scalars = [beta1, beta2, stepSize, epsilonHat, decay];
    shareElementwise(module, threads, name, [at, gAt, mAt, vAt], n, width, scalars);
  }
  copyOut(heap, at, params);
  copyOut(heap, mAt, m);
  copyOut(heap, vAt, v);
}
