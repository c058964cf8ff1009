// Helper threads for the wasm kernels (Node only): each runs its own instance of the shared-memory
// module on the same memory, so a product's operands, copied in once by the calling thread, are
// there for every thread. A large call is cut into pieces that never change a result bit (whole
// rows or column slivers of C, stretches of a map), and every thread, the caller included,
// claims pieces with a compare-and-swap until none is left. A helper that is slow to wake, busy
// or not started yet simply claims nothing: the caller runs the rest, so a call is never slower
// than on one thread by more than the split's cost, and the results are the same either way.
//
// The control block (Int32, shared): the job's generation, kernel and piece count; then one
// claim word per piece (the generation while free, its negation once claimed) and one finished
// word (the generation once done). Each piece's arguments sit in a shared Float64 block.
import { wasmThreads, workerThreads } from '../threads';
import type { KernelExports } from './wasm-module';
import { sharedKernel, workAt } from './wasm-module';

/** The kernels a piece can call, by index (the helper looks them up by these names). */
export const KERNELS = [
  'gemm32',
  'gemm64',
  'logistic32',
  'logistic64',
  'tanh32',
  'tanh64',
  'logisticBackward32',
  'logisticBackward64',
  'adam32',
  'adam64',
] as const;

export type KernelName = (typeof KERNELS)[number];

/** The kernels of the form (from, to, n): out[i] = f(x[i]). */
export type MapKernelName = 'logistic32' | 'logistic64' | 'tanh32' | 'tanh64';

/** Most pieces in one call. */
export const MAX_PIECES = 64;
/** Argument slots per piece; the running thread appends its own scratch address. */
export const PIECE_ARGS = 13;

const GEN = 0;
const KERNEL = 1;
const COUNT = 2;
const ERROR = 3;
// Pieces the helpers have run since start (for tests: proof that they share the work).
const HELPED = 4;
const CLAIM = 16;
const FINISHED = CLAIM + MAX_PIECES;
// Polls of a control word by the caller before it sleeps on it (tens of microseconds): a helper's
// last piece usually ends about when the caller's does.
const SPIN = 20000;
// How long a helper keeps polling for the next job before it sleeps: the large calls of one
// backward pass come fractions of a millisecond apart. Longer polling kept helpers hot across a
// whole B2 evaluation but, with two training processes on two cores, each process's polling
// helper took time from the other's caller. Callers
// also wake helpers ahead of a shared call (wakeHelpers), while they copy operands in.
const HELPER_POLL_MS = 0.5;

const HELPER_SOURCE = `'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const { module, memory, control, args, work, rank, parties } = workerData;
const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
const kernels = ${JSON.stringify(KERNELS)}.map((name) => exports[name]);
const ctl = new Int32Array(control);
const a = new Float64Array(args);
parentPort.postMessage('ready');
let seen = Atomics.load(ctl, ${GEN});
for (;;) {
  const until = performance.now() + ${HELPER_POLL_MS};
  while (Atomics.load(ctl, ${GEN}) === seen && performance.now() < until) {
    for (let spin = 0; spin < 1000 && Atomics.load(ctl, ${GEN}) === seen; spin++);
  }
  // Woken by a new job, or by wakeHelpers() ahead of one (the generation then is unchanged,
  // and the loop polls again).
  Atomics.wait(ctl, ${GEN}, seen);
  if (Atomics.load(ctl, ${GEN}) === seen) continue;
  const gen = Atomics.load(ctl, ${GEN});
  seen = gen;
  const count = Atomics.load(ctl, ${COUNT});
  const kernel = kernels[Atomics.load(ctl, ${KERNEL})];
  const start = Math.floor((rank * count) / parties);
  for (let i = 0; i < count; i++) {
    const c = (start + i) % count;
    if (Atomics.compareExchange(ctl, ${CLAIM} + c, gen, -gen) !== gen) continue;
    const o = c * ${PIECE_ARGS};
    try {
      kernel(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5], a[o + 6], a[o + 7], a[o + 8], a[o + 9], a[o + 10], a[o + 11], a[o + 12], work);
    } catch {
      Atomics.store(ctl, ${ERROR}, 1);
    }
    Atomics.add(ctl, ${HELPED}, 1);
    Atomics.store(ctl, ${FINISHED} + c, gen);
    Atomics.notify(ctl, ${FINISHED} + c);
  }
}
`;

interface Helpers {
  readonly control: Int32Array;
  readonly args: Float64Array;
  /** Threads in all, this one included. */
  readonly parties: number;
  alive: boolean;
  ready: Promise<void>;
}

let helpers: Helpers | undefined;
let generation = 0;

/**
 * Threads a call may use now (1: run it directly): helpers are started on first ask, and
 * until they are ready the caller runs every piece.
 */
export function kernelThreads(module: KernelExports): number {
  const kernel = sharedKernel();
  if (module !== kernel?.exports) return 1;
  helpers ??= startHelpers(module, kernel.module, kernel.memory, kernel.threads);
  return helpers.alive ? Math.min(helpers.parties, wasmThreads()) : 1;
}

/** Resolves once every helper has its instance (for tests and benchmarks' warm-up). */
export function helpersReady(): Promise<void> {
  return helpers?.ready ?? Promise.resolve();
}

/** How many pieces the helper threads have run so far. */
export function piecesRunByHelpers(): number {
  return helpers ? Atomics.load(helpers.control, HELPED) : 0;
}

/**
 * Wakes sleeping helpers ahead of a call on `module` about to be shared, so that waking (tens of
 * microseconds or more) overlaps the caller's copies into memory rather than the pieces.
 */
export function wakeHelpers(module: KernelExports): void {
  if (helpers?.alive && module === sharedKernel()?.exports) Atomics.notify(helpers.control, GEN);
}

/** The shared block where a caller writes piece c's arguments at c·PIECE_ARGS. */
export function pieceArguments(): Float64Array {
  if (!helpers) throw new Error('pieceArguments: no helper threads (ask kernelThreads first)');
  return helpers.args;
}

/**
 * Runs pieces 0…count−1 of `kernel`, piece c as kernel(args of c…, scratch of the thread),
 * on this thread and the helpers; returns when every piece is done.
 */
export function runPieces(module: KernelExports, kernel: KernelName, count: number): void {
  const h = helpers!;
  const { control, args } = h;
  generation = generation >= 0x3fffffff ? 1 : generation + 1;
  const gen = generation;
  for (let c = 0; c < count; c++) Atomics.store(control, CLAIM + c, gen);
  Atomics.store(control, KERNEL, KERNELS.indexOf(kernel));
  Atomics.store(control, COUNT, count);
  Atomics.store(control, GEN, gen);
  Atomics.notify(control, GEN);
  const run = module[kernel] as unknown as (...values: number[]) => void;
  const work = workAt(module, 0);
  let helped = false;
  let failure: unknown;
  for (let c = 0; c < count; c++) {
    if (Atomics.compareExchange(control, CLAIM + c, gen, -gen) !== gen) {
      helped = true;
      continue;
    }
    try {
      // A spread of 13 values per piece: nothing beside a product of at least 2²¹ multiply-adds.
      run(...args.subarray(c * PIECE_ARGS, (c + 1) * PIECE_ARGS), work);
    } catch (error) {
      failure ??= error;
    }
    Atomics.store(control, FINISHED + c, gen);
  }
  // Even when a piece failed here, the helpers' pieces finish before the caller goes on, so no
  // helper still writes into memory the next call reuses.
  if (helped) for (let c = 0; c < count; c++) awaitPiece(control, c, gen);
  if (failure !== undefined) throw failure;
  if (Atomics.load(control, ERROR) !== 0) {
    Atomics.store(control, ERROR, 0);
    throw new Error(`wasm kernel ${kernel} failed on a helper thread`);
  }
}

// Node lets its main thread block in Atomics.wait. A host whose main thread may not (Electron's
// renderer, say) throws instead; there the wait stays a poll.
let canBlock = true;

function awaitPiece(control: Int32Array, c: number, gen: number): void {
  for (let spin = 0; Atomics.load(control, FINISHED + c) !== gen; spin++) {
    if (spin < SPIN || !canBlock) continue;
    const now = Atomics.load(control, FINISHED + c);
    try {
      if (now !== gen) Atomics.wait(control, FINISHED + c, now);
    } catch {
      canBlock = false;
    }
  }
}

function startHelpers(module: KernelExports, wasmModule: object, memory: object, threads: number): Helpers {
  const control = new Int32Array(new SharedArrayBuffer((FINISHED + MAX_PIECES) * 4));
  const args = new Float64Array(new SharedArrayBuffer(MAX_PIECES * PIECE_ARGS * 8));
  const api = workerThreads();
  const h: Helpers = {
    control,
    args,
    parties: threads,
    alive: threads > 1 && !!api,
    ready: Promise.resolve(),
  };
  if (!h.alive) return h;
  const started: Promise<void>[] = [];
  try {
    for (let rank = 1; rank < threads; rank++) {
      const worker = new api!.Worker(HELPER_SOURCE, {
        eval: true,
        name: `deltanet wasm helper ${rank}`,
        workerData: {
          module: wasmModule,
          memory,
          control: control.buffer,
          args: args.buffer,
          work: workAt(module, rank),
          rank,
          parties: threads,
        },
      });
      started.push(
        new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          // A helper that fails (its instance, its thread) stops all helping: every later call
          // runs on the calling thread.
          worker.on('error', () => {
            h.alive = false;
            resolve();
          });
          worker.on('exit', () => {
            h.alive = false;
            resolve();
          });
        }),
      );
      // The helpers never keep the process alive; they end with it. (After the listeners:
      // Node refs a worker again when a 'message' listener is added.)
      worker.unref();
    }
  } catch {
    h.alive = false;
  }
  h.ready = Promise.all(started).then(() => undefined);
  return h;
}

// From this many values an elementwise kernel runs on the shared-memory instance and is shared
// with helper threads (its caller asks kernelFor(n, threshold) for the instance): below it, the
// work is shorter than waking a sleeping helper, and a helper that claims a stretch late makes
// the caller wait (sharing B1's Adam update slowed its epochs). Kernels that mostly move memory
// (σ's backward rule, Adam's update) do less per value and use the larger threshold.
export const SHARED_MAP = 1 << 16;
export const SHARED_MEMORY_BOUND = 1 << 19;
// Stretches start at multiples of 16 values: whole SIMD pairs, 64-byte aligned in float32.
const STRETCH_STEP = 16;

/**
 * Runs the elementwise kernel `name(pointers…, n, scalars…)` on `threads` threads (as
 * kernelThreads gave for `module`; callers call the kernel directly when it gave 1), where each
 * pointer is the byte address of an array of n values of `width` bytes. The values are cut into
 * two stretches per thread; each value's result depends on its own inputs alone, so any cut
 * gives the same bits.
 */
export function shareElementwise(
  module: KernelExports,
  threads: number,
  name: KernelName,
  pointers: readonly number[],
  n: number,
  width: number,
  scalars: readonly number[] = [],
): void {
  const args = pieceArguments();
  const size = Math.ceil(n / (2 * threads) / STRETCH_STEP) * STRETCH_STEP;
  let count = 0;
  for (let from = 0; from < n; from += size, count++) {
    let at = count * PIECE_ARGS;
    for (const pointer of pointers) args[at++] = pointer + from * width;
    args[at++] = Math.min(size, n - from);
    for (const scalar of scalars) args[at++] = scalar;
  }
  runPieces(module, name, count);
}
