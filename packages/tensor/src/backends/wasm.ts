// The WebAssembly SIMD backend: packed, register-blocked gemm compiled from assembly/gemm.ts.
// (Memory layout and pins: internal/wasm-memory.ts.)
// Operands are copied into the module's memory (one contiguous copy each, strides kept), the
// kernel runs there, and C's rows are copied back. Products too small to repay the copies run
// in the js backend's loops instead. Pinned operands stay resident in the module's memory and
// are read there without a copy.
import type { BackendPlugin, FloatArray, GemmArgs } from '@deltanet/contract';
import { align, FIRST_BYTE, operandsStart, pinInWasm, residentAt, view } from '../internal/wasm-memory';
import { kernelModule, wasmSimdAvailable } from '../internal/wasm-module';
import { js } from './js';

/**
 * C ← α·op(A)·op(B) + β·C like `reference`, in float32 or float64 SIMD: within the storage
 * precision's rounding of the reference (sums are blocked and, in float32, accumulated in
 * float32), not bit-identical to it.
 *
 * @example
 * const net = createNetwork({ layers: [784, 128, 10], dtype: 'float32' }, { backend: wasm });
 */
export const wasm: BackendPlugin = {
  kind: 'backend',
  name: 'wasm',
  description: 'WebAssembly SIMD128 gemm with packing and register blocking (float32 and float64)',
  supports: () => wasmSimdAvailable(),
  gemm: wasmGemm,
  pin: pinInWasm,
};

// Below this many multiply-adds the copies and the call cost more than the loops they save.
const SMALL_PRODUCT = 4096;

function wasmGemm(args: GemmArgs): void {
  if (args.m * args.n * args.k < SMALL_PRODUCT) js.gemm(args);
  else gemmInWasm(args);
}

/** The wasm kernel for every size (the tests reach small shapes through this). */
export function gemmInWasm(args: GemmArgs): void {
  const module = kernelModule();
  if (!module) {
    js.gemm(args);
    return;
  }
  const { transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc } = args;
  const width = a.BYTES_PER_ELEMENT;
  const aSpan = span(transA ? k : m, transA ? m : k, lda);
  const bSpan = span(transB ? n : k, transB ? k : n, ldb);
  const cSpan = span(m, n, ldc);
  // A pinned operand is read where it lives; the others are copied past the pins.
  const aResident = residentAt(a);
  const bResident = residentAt(b);
  const aAt = aResident < 0 ? operandsStart(module) : aResident + aOffset * width;
  const bAt =
    bResident < 0 ? align(Math.max(aAt + aSpan * width, operandsStart(module))) : bResident + bOffset * width;
  const cAt = align(Math.max(aAt + aSpan * width, bAt + bSpan * width, operandsStart(module)));
  const heap = view(module, c, cAt + cSpan * width);
  if (aResident < 0) heap.set(part(a, aOffset, aSpan), aAt / width);
  if (bResident < 0) heap.set(part(b, bOffset, bSpan), bAt / width);
  // β = 0 with padded rows (the weight gradient, written beside Θ's bias column): the kernel
  // writes C packed (ldc = n) and only its rows are copied out, so C needs no copy in.
  const packed = beta === 0 && ldc !== n;
  if (beta !== 0) heap.set(part(c, cOffset, cSpan), cAt / width);
  const kernel = width === 4 ? module.gemm32 : module.gemm64;
  kernel(+transA, +transB, m, n, k, alpha, aAt, lda, bAt, ldb, beta, cAt, packed ? n : ldc, FIRST_BYTE);
  const from = cAt / width;
  if (!packed) c.set(heap.subarray(from, from + cSpan), cOffset);
  else for (let i = 0; i < m; i++) c.set(heap.subarray(from + i * n, from + i * n + n), cOffset + i * ldc);
}

/** Elements from (0, 0) to (rows−1, cols−1) of a row-major block with row stride ld. */
function span(rows: number, cols: number, ld: number): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
}

/** x[offset : offset + length], without making a view when that is all of x. */
function part(x: FloatArray, offset: number, length: number): FloatArray {
  return offset === 0 && length === x.length ? x : x.subarray(offset, offset + length);
}
