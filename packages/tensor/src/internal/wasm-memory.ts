// The kernel instances' linear memories, each laid out for the calls that copy operands into it:
// the kernels' scratch first, then pinned operands (resident across calls), then each call's
// copies. Shared by the gemm backend and the vector kernels, which use the same instances: the
// first for ordinary calls, the shared-memory one for calls shared with helper threads and for
// large pins.
import type { FloatArray, PinnedOperand } from '@deltanet/contract';
import type { MapKernelName } from './kernel-helper';
import { kernelThreads, shareElementwise, wakeHelpers } from './kernel-helper';
import type { KernelExports } from './wasm-module';
import { kernelModule, scratchEnd, sharedKernelModule } from './wasm-module';

/** A pinned array's copy in an instance's memory, bytes `at` to `end`. */
interface Resident {
  readonly data: FloatArray;
  readonly at: number;
  readonly end: number;
}

// Pins of at least this many values (4 MiB in float32: a full batch, not a minibatch) go to the
// shared-memory instance, since the products reading them are the ones worth sharing; a
// minibatch's pin stays on the first instance with the rest of its step.
const SHARED_PIN = 1 << 20;

/** One instance's memory: its pins, where copies start, and views of it. */
interface Layout {
  readonly module: KernelExports;
  // Live pins in address order: each new one starts where the last ends, and a call's copies
  // start past all of them. A pin released out of order leaves a gap until those above it go.
  readonly residents: Resident[];
  // Where the kernels' scratch ends (asked of the instance once).
  readonly operandsFrom: number;
  // Views of the memory. Only `view` grows it. Growing detaches a plain memory's old buffer (its
  // views' length drops to 0) and leaves a shared one's old buffer at its old length, so the
  // length check alone tells when to remake them: no `memory.buffer` lookup per call.
  views?: { f32: Float32Array; f64: Float64Array };
}

// At most two (the first instance and the shared-memory one): searched in a loop, which
// allocates nothing on the way to every product.
const layouts: Layout[] = [];

function layoutOf(module: KernelExports): Layout {
  for (const layout of layouts) if (layout.module === module) return layout;
  const layout: Layout = { module, residents: [], operandsFrom: align(scratchEnd(module)) };
  layouts.push(layout);
  return layout;
}

/**
 * Copies `data` into an instance's memory once (the shared-memory one from SHARED_PIN values);
 * products reading it as A or B run on that instance and use that copy until release. Without
 * a module yet (a browser still compiling it) nothing is kept and the products copy per call.
 */
export function pinInWasm(data: FloatArray): PinnedOperand {
  // Pinned already (an outer caller owns data for longer): the resident copy serves this pin too.
  if (pinnedIn(data)) return { release: () => {} };
  const module = kernelFor(data.length, SHARED_PIN);
  if (!module) return { release: () => {} };
  const { residents } = layoutOf(module);
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

/** The instance holding `data`'s pinned copy, if any. */
export function pinnedIn(data: FloatArray): KernelExports | undefined {
  for (const { module, residents } of layouts) {
    for (const resident of residents) if (resident.data === data) return module;
  }
  return undefined;
}

/** The byte address of `data`'s pinned copy in `module`'s memory, or −1. */
export function residentAt(module: KernelExports, data: FloatArray): number {
  for (const resident of layoutOf(module).residents) if (resident.data === data) return resident.at;
  return -1;
}

/** The first byte free for a call's copies: past the scratch and every live pin. */
export function operandsStart(module: KernelExports): number {
  const { residents, operandsFrom } = layoutOf(module);
  const last = residents[residents.length - 1];
  return last ? last.end : operandsFrom;
}

/** The instance for a call over `values` values that helpers share from `sharedFrom` on. */
export function kernelFor(values: number, sharedFrom: number): KernelExports | undefined {
  return (values >= sharedFrom ? sharedKernelModule() : undefined) ?? kernelModule();
}

/** `byte` rounded up to a multiple of 16, where v128 loads are aligned. */
export function align(byte: number): number {
  return (byte + 15) & ~15;
}

/** A typed view of the instance's memory like `like`, grown to at least `bytes`. */
export function view(module: KernelExports, like: FloatArray, bytes: number): FloatArray {
  const layout = layoutOf(module);
  let views = layout.views;
  if (!views || views.f32.byteLength < bytes) {
    const { memory } = module;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
    views = { f32: new Float32Array(memory.buffer), f64: new Float64Array(memory.buffer) };
    layout.views = views;
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
  wakeHelpers(module);
  const at = operandsStart(module);
  const heap = view(module, x, at + x.byteLength);
  heap.set(x, at / x.BYTES_PER_ELEMENT);
  const threads = kernelThreads(module);
  if (threads === 1) module[kernel](at, at, x.length);
  else shareElementwise(module, threads, kernel, [at, at], x.length, x.BYTES_PER_ELEMENT);
  copyOut(heap, at, out);
}
