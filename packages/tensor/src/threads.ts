// How many threads the wasm kernels may use, and Node's worker_threads where they exist. Reached
// through `process.getBuiltinModule` (Node ≥ 20.16), not an import, so bundles for browsers stay
// free of Node built-ins; there, and on older Node, the kernels run on the calling thread alone.
import { InvalidArgumentError } from '@deltanet/contract';

/** The part of node:worker_threads' Worker used here. */
export interface HelperWorker {
  unref(): void;
  on(event: 'error' | 'exit', listener: (value: unknown) => void): void;
  once(event: 'message', listener: (value: unknown) => void): void;
}

interface WorkerThreadsApi {
  readonly Worker: new (
    source: string,
    options: { eval: true; workerData: unknown; name: string },
  ) => HelperWorker;
}

interface NodeProcess {
  getBuiltinModule?(id: string): unknown;
}

const MAX_THREADS = 8;

let requested: number | undefined;
// One per core up to MAX_THREADS, asked of the OS once.
let byCores: number | undefined;

function builtin<T>(id: string): T | undefined {
  const process = (globalThis as { process?: NodeProcess }).process;
  return typeof process?.getBuiltinModule === 'function' ? (process.getBuiltinModule(id) as T) : undefined;
}

/** Node's Worker, where helper threads can share a wasm memory with this one; else undefined. */
export function workerThreads(): WorkerThreadsApi | undefined {
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') return undefined;
  return builtin<WorkerThreadsApi>('node:worker_threads');
}

/**
 * Threads for large wasm products and maps: the calling one plus helpers. By default one per
 * core up to 8 in Node (`os.availableParallelism()`), 1 elsewhere.
 */
export function wasmThreads(): number {
  if (!workerThreads()) return 1;
  if (requested !== undefined) return requested;
  byCores ??= Math.max(
    1,
    Math.min(
      MAX_THREADS,
      builtin<{ availableParallelism?(): number }>('node:os')?.availableParallelism?.() ?? 1,
    ),
  );
  return byCores;
}

/**
 * Sets how many threads the `wasm` backend and the wasm vector kernels use for large operands
 * (Node only; browsers always use one). Any count gives the same results, bit for bit: work is
 * split so that every output element is computed as on one thread. Raising the count takes
 * effect only until the first large call sets up the shared memory and its helpers; lowering
 * it takes effect at once. 1 keeps everything on the calling thread.
 *
 * @example
 * setWasmThreads(1); // several training processes share this machine: one core each
 */
export function setWasmThreads(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_THREADS) {
    throw new InvalidArgumentError(
      `setWasmThreads: count must be a whole number from 1 to ${MAX_THREADS}, got ${String(count)}`,
    );
  }
  requested = count;
}
