// The kernel module's linear memory, laid out for the calls that copy operands into it: the
// module's own scratch first, then pinned operands (resident across calls), then each call's
// copies. Shared by the gemm backend and the vector kernels, since they share one module.
import type { FloatArray, PinnedOperand } from '@deltanet/contract';
import type { MapKernelName } from './kernel-helper';
import { runElementwise } from './kernel-helper';
import type { KernelExports } from './wasm-module';
import { kernelModule, scratchEnd } from './wasm-module';

/** A pinned array's copy in the module's memory, bytes `at` to `end`. */
interface Resident {
  readonly data: FloatArray;
  readonly at: number;
  readonly end: number;
}

// Live pins in address order: each new one starts where the last ends, and a call's copies
// start past all of them. A pin released out of order leaves a gap until those above it go.
const residents: Resident[] = [];
// Where the kernels' scratch ends (asked of the module once).
let operandsFrom = 0;

/**
 * Copies `data` into the module's memory once; products reading it as A or B use that copy
 * until release. Without a module yet (a browser still compiling it) nothing is kept and the
 * products copy per call as usual.
 */
export function pinInWasm(data: FloatArray): PinnedOperand {
  const module = kernelModule();
  // Pinned already (an outer caller owns data for longer): the resident copy serves this pin too.
  if (!module || residentAt(data) >= 0) return { release: () => {} };
  const at = operandsStart(module);
  const resident: Resident = { data, at, end: align(at + data.byteLength) };
  view(module, data, resident.end).set(data, at / data.BYTES_PER_ELEMENT);
  residents.push(resident);
  return {
    release: () => {
      const index = residents.indexOf(resident);
      if (index >= 0) residents.splice(index, 1);
    },
  };
}

/** The byte address of `data`'s pinned copy, or −1. */
export function residentAt(data: FloatArray): number {
  for (const resident of residents) if (resident.data === data) return resident.at;
  return -1;
}

/** The first byte free for a call's copies: past the scratch and every live pin. */
export function operandsStart(module: KernelExports): number {
  const last = residents[residents.length - 1];
  operandsFrom ||= align(scratchEnd(module));
  return last ? last.end : operandsFrom;
}

/** `byte` rounded up to a multiple of 16, where v128 loads are aligned. */
export function align(byte: number): number {
  return (byte + 15) & ~15;
}

// Views of the module's memory. Only `view` grows it, and growing detaches the old buffer
// (its views' length drops to 0), so the length check alone tells when to remake them: no
// `memory.buffer` lookup per call.
let views: { f32: Float32Array; f64: Float64Array } | undefined;

/** A typed view of the module's memory like `like`, grown to at least `bytes`. */
export function view(module: KernelExports, like: FloatArray, bytes: number): FloatArray {
  if (!views || views.f32.byteLength < bytes) {
    const { memory } = module;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
    views = { f32: new Float32Array(memory.buffer), f64: new Float64Array(memory.buffer) };
  }
  return like instanceof Float32Array ? views.f32 : views.f64;
}

/** Copies into.length values from byte address `at` of `heap` (a view of the memory) into `into`. */
export function copyOut(heap: FloatArray, at: number, into: FloatArray): void {
  const from = at / into.BYTES_PER_ELEMENT;
  into.set(heap.subarray(from, from + into.length));
}

/**
 * Runs an elementwise kernel `(from, to, n)` of the module over x in place in the module's
 * memory (x copied in past the pins) and copies the n results into `out`.
 */
export function mapInWasm(
  module: KernelExports,
  kernel: MapKernelName,
  x: FloatArray,
  out: FloatArray,
): void {
  const at = operandsStart(module);
  const heap = view(module, x, at + x.byteLength);
  heap.set(x, at / x.BYTES_PER_ELEMENT);
  runElementwise(module, kernel, [at, at], x.length, x.BYTES_PER_ELEMENT);
  copyOut(heap, at, out);
}
