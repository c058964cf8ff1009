// The WebAssembly SIMD backend: packed, register-blocked gemm compiled from assembly/gemm.ts.
// (Memory layout and pins: internal/wasm-memory.ts.)
// Operands are copied into the module's memory (one contiguous copy each, strides kept), the
// kernel runs there, and C's rows are copied back. Products too small to repay the copies run
// in the js backend's loops instead. Pinned operands stay resident in the module's memory and
// are read there without a copy. Products from SHARED_PRODUCT multiply-adds run on the
// shared-memory instance, cut into pieces that helper threads share (internal/kernel-helper.ts).
import type { CompleteBackend, DenseStepArgs, FloatArray, GemmArgs } from '@deltanet/contract';
import { kernelThreads, PIECE_ARGS, pieceArguments, runPieces, wakeHelpers } from '../internal/kernel-helper';
import { align, operandsStart, pinInWasm, pinnedIn, residentAt, view } from '../internal/wasm-memory';
import type { KernelExports } from '../internal/wasm-module';
import { kernelModule, sharedKernelModule, wasmSimdAvailable, workAt } from '../internal/wasm-module';
import { js } from './js';
import { jsKernels } from './js-kernels';
import { denseStepInWasm } from './wasm-dense';
import { activationBackwardInWasm, activationForwardInWasm, adamUpdateInWasm } from './wasm-vector';

/**
 * The SIMD backend. σ, tanh and Adam's update give the reference's bits (the same algorithms,
 * rounded the same way); C ← α·op(A)·op(B) + β·C like `reference`, in float32 or float64 SIMD: within the storage
 * precision's rounding of the reference (sums are blocked and, in float32, accumulated in
 * float32), not bit-identical to it.
 *
 * @example
 * const net = createNetwork({ layers: [784, 128, 10], dtype: 'float32' }, { backend: wasm });
 */
export const wasm: CompleteBackend = {
  kind: 'backend',
  name: 'wasm',
  description: 'WebAssembly SIMD128 gemm with packing and register blocking (float32 and float64)',
  supports: () => wasmSimdAvailable(),
  gemm: wasmGemm,
  pin: pinInWasm,
  denseStep: (args) => productsAreSmall(args) && denseStepInWasm(args),
  ...jsKernels,
  // σ, its backward rule, tanh and Adam in SIMD (same bits as the js loops); the rest are the js
  // loops, memory-bound passes a copy into the module would not repay.
  activationForward: activationForwardInWasm,
  activationBackward: activationBackwardInWasm,
  adamUpdate: adamUpdateInWasm,
};

// Below this many multiply-adds the copies and the call cost more than the loops they save.
const SMALL_PRODUCT = 4096;
// From this many multiply-adds a product is shared with helper threads where there are any.
// Smaller ones (B1's minibatch products) gained little on a quiet machine and lost more when
// another process held the second core: a helper that wakes late or is descheduled after
// claiming a piece makes the caller wait.
const SHARED_PRODUCT = 1 << 24;
// Below this many values the operand a piece packs again is cheap to pack, and the product is
// cut into two pieces per thread, so a descheduled helper holds back less of it.
const SMALL_REPACK = 1 << 16;
// Pieces start at multiples of these: whole four-row tiles of A and whole 8-float slivers of B,
// so each element of C is computed exactly as in one call (see splitGemm).
const ROW_STEP = 4;
const COLUMN_STEP = 8;

function wasmGemm(args: GemmArgs): void {
  if (args.m * args.n * args.k < SMALL_PRODUCT) js.gemm(args);
  else gemmInWasm(args);
}

/**
 * Whether every product of the evaluation is one `wasmGemm` hands to the js backend: then the
 * fused kernel, which sums as the js backend does, gives the general passes' very bits. (Each
 * layer's three products, forward, weight gradient and error, share m·n·k.)
 */
function productsAreSmall({ layers, rows }: DenseStepArgs): boolean {
  for (let l = 0; l + 1 < layers.length; l++) {
    if (rows * layers[l]! * layers[l + 1]! >= SMALL_PRODUCT) return false;
  }
  return true;
}

/** The wasm kernel for every size (the tests reach small shapes through this). */
export function gemmInWasm(args: GemmArgs): void {
  const { transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc } = args;
  const large = m * n * k >= SHARED_PRODUCT;
  const module = instanceFor(a, b, large);
  if (!module) {
    js.gemm(args);
    return;
  }
  const threads = large ? kernelThreads(module) : 1;
  if (threads > 1) wakeHelpers(module);
  const width = a.BYTES_PER_ELEMENT;
  const aSpan = span(transA ? k : m, transA ? m : k, lda);
  const bSpan = span(transB ? n : k, transB ? k : n, ldb);
  const cSpan = span(m, n, ldc);
  // A pinned operand is read where it lives; the others are copied past the pins.
  const aResident = residentAt(module, a);
  const bResident = residentAt(module, b);
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
  const cStride = packed ? n : ldc;
  if (threads === 1) {
    const kernel = width === 4 ? module.gemm32 : module.gemm64;
    kernel(+transA, +transB, m, n, k, alpha, aAt, lda, bAt, ldb, beta, cAt, cStride, workAt(module, 0));
  } else {
    splitGemm(module, threads, args, aAt, bAt, cAt, cStride);
  }
  const from = cAt / width;
  if (!packed) c.set(heap.subarray(from, from + cSpan), cOffset);
  else for (let i = 0; i < m; i++) c.set(heap.subarray(from + i * n, from + i * n + n), cOffset + i * ldc);
}

/**
 * The instance a product runs on: the shared-memory one for a product `large` enough to share
 * with helpers (an operand pinned in the other instance is then copied like any other), else
 * the one holding a pinned operand, else the first.
 */
function instanceFor(a: FloatArray, b: FloatArray, large: boolean): KernelExports | undefined {
  return (large ? sharedKernelModule() : undefined) ?? pinnedIn(a) ?? pinnedIn(b) ?? kernelModule();
}

/**
 * The product in one or two pieces per thread, on the operands already in memory. Pieces are whole
 * rows of C (A's rows) or, when C is wider than tall, whole columns (B's columns), so the
 * smaller operand is the one each piece packs again. Either way every element of C sums the
 * same terms in the same order as in one call: the kernel's depth blocking does not depend on
 * m or n, tiles are aligned as in one call, and A·Bᵀ (whose narrow form sums lanes along k) is
 * split by rows only, so a piece never switches it between its two ways of summing.
 */
function splitGemm(
  module: KernelExports,
  threads: number,
  { transA, transB, m, n, k, alpha, lda, ldb, beta, a }: GemmArgs,
  aAt: number,
  bAt: number,
  cAt: number,
  ldc: number,
): void {
  const width = a.BYTES_PER_ELEMENT;
  const byRows = m >= n || (!transA && transB);
  const extent = byRows ? m : n;
  const step = byRows ? ROW_STEP : COLUMN_STEP;
  const repacked = byRows ? n * k : m * k;
  const pieces = repacked <= SMALL_REPACK ? 2 * threads : threads;
  const size = Math.ceil(extent / pieces / step) * step;
  const args = pieceArguments();
  let count = 0;
  for (let from = 0; from < extent; from += size, count++) {
    const part = Math.min(size, extent - from);
    // Moving to row `from` of op(A) and C, or to column `from` of op(B) and C.
    const aShift = byRows ? from * (transA ? 1 : lda) : 0;
    const bShift = byRows ? 0 : from * (transB ? ldb : 1);
    const cShift = byRows ? from * ldc : from;
    const at = count * PIECE_ARGS;
    args[at] = +transA;
    args[at + 1] = +transB;
    args[at + 2] = byRows ? part : m;
    args[at + 3] = byRows ? n : part;
    args[at + 4] = k;
    args[at + 5] = alpha;
    args[at + 6] = aAt + aShift * width;
    args[at + 7] = lda;
    args[at + 8] = bAt + bShift * width;
    args[at + 9] = ldb;
    args[at + 10] = beta;
    args[at + 11] = cAt + cShift * width;
    args[at + 12] = ldc;
  }
  runPieces(module, width === 4 ? 'gemm32' : 'gemm64', count);
}

/** Elements from (0, 0) to (rows−1, cols−1) of a row-major block with row stride ld. */
function span(rows: number, cols: number, ld: number): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
}

/** x[offset : offset + length], without making a view when that is all of x. */
function part(x: FloatArray, offset: number, length: number): FloatArray {
  return offset === 0 && length === x.length ? x : x.subarray(offset, offset + length);
}
