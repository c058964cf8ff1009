// The WebAssembly SIMD backend: packed, register-blocked gemm compiled from assembly/gemm.ts.
// Operands are copied into the module's memory (one contiguous copy each, strides kept), the
// kernel runs there, and C's rows are copied back. Products too small to repay the copies run
// in the js backend's loops instead.
import type { BackendPlugin, FloatArray, GemmArgs } from '@deltanet/contract';
import type { GemmExports } from '../internal/wasm-gemm-module';
import { gemmModule, wasmSimdAvailable } from '../internal/wasm-gemm-module';
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
};

// Below this many multiply-adds the copies and the call cost more than the loops they save.
const SMALL_PRODUCT = 4096;
// Operands start past the first page (AssemblyScript's stack and statics) and the scratch.
const FIRST_BYTE = 65536;

let workAt = 0;

function wasmGemm(args: GemmArgs): void {
  if (args.m * args.n * args.k < SMALL_PRODUCT) js.gemm(args);
  else gemmInWasm(args);
}

/** The wasm kernel for every size (the tests reach small shapes through this). */
export function gemmInWasm(args: GemmArgs): void {
  const module = gemmModule();
  if (!module) {
    js.gemm(args);
    return;
  }
  const { transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc } = args;
  const width = a.BYTES_PER_ELEMENT;
  const aSpan = span(transA ? k : m, transA ? m : k, lda);
  const bSpan = span(transB ? n : k, transB ? k : n, ldb);
  const cSpan = span(m, n, ldc);
  workAt ||= FIRST_BYTE;
  const aAt = align(workAt + module.workBytes64());
  const bAt = align(aAt + aSpan * width);
  const cAt = align(bAt + bSpan * width);
  const heap = view(module, c, cAt + cSpan * width);
  heap.set(a.subarray(aOffset, aOffset + aSpan), aAt / width);
  heap.set(b.subarray(bOffset, bOffset + bSpan), bAt / width);
  // β = 0 with padded rows (the weight gradient, written beside Θ's bias column): the kernel
  // writes C packed (ldc = n) and only its rows are copied out, so C needs no copy in.
  const packed = beta === 0 && ldc !== n;
  if (beta !== 0) heap.set(c.subarray(cOffset, cOffset + cSpan), cAt / width);
  const kernel = width === 4 ? module.gemm32 : module.gemm64;
  kernel(+transA, +transB, m, n, k, alpha, aAt, lda, bAt, ldb, beta, cAt, packed ? n : ldc, workAt);
  const from = cAt / width;
  if (!packed) c.set(heap.subarray(from, from + cSpan), cOffset);
  else for (let i = 0; i < m; i++) c.set(heap.subarray(from + i * n, from + i * n + n), cOffset + i * ldc);
}

/** Elements from (0, 0) to (rows−1, cols−1) of a row-major block with row stride ld. */
function span(rows: number, cols: number, ld: number): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
}

function align(byte: number): number {
  return (byte + 15) & ~15;
}

// Views of the module's memory, remade only when it grows (growing detaches the old buffer).
let views: { buffer: ArrayBuffer; f32: Float32Array; f64: Float64Array } | undefined;

/** A typed view of the module's memory like `like`, grown to at least `bytes`. */
function view(module: GemmExports, like: FloatArray, bytes: number): FloatArray {
  const { memory } = module;
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  if (views?.buffer !== memory.buffer) {
    views = {
      buffer: memory.buffer,
      f32: new Float32Array(memory.buffer),
      f64: new Float64Array(memory.buffer),
    };
  }
  return like instanceof Float32Array ? views.f32 : views.f64;
}
