// The compiled kernel module (assembly/index.ts: gemm and the vector kernels): instantiated
// once, on first use, from the embedded bytes; its linear memory holds the packing scratch and
// a copy of each call's operands. Where helper threads can run (Node), a second instance, of the
// variant on a shared memory, takes the calls large enough to share, so a helper's instance of
// the same module computes in the same memory. Every other call stays on the first instance:
// copies into and out of a shared memory cost several times as much (V8 copies shared buffers
// with relaxed atomics), which slowed B1's minibatch epochs when all calls used it.
import { wasmThreads } from '../threads';
import { sharedWasmBase64, wasmBase64 } from './wasm-bytes';

/** The exports of assembly/index.ts. Addresses are byte offsets into `memory`. */
export interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  workBytes64(): number;
  gemm32(...args: GemmCall): void;
  gemm64(...args: GemmCall): void;
  /** out[i] = σ(z[i]). */
  readonly logistic32: MapKernel;
  readonly logistic64: MapKernel;
  /** out[i] = tanh(z[i]). */
  readonly tanh32: MapKernel;
  readonly tanh64: MapKernel;
  /** a, upstream, out, n: out[i] = upstream[i]·a[i](1 − a[i]). */
  logisticBackward32(a: number, upstream: number, out: number, n: number): void;
  logisticBackward64(a: number, upstream: number, out: number, n: number): void;
  adam32(...args: AdamCall): void;
  adam64(...args: AdamCall): void;
  /** A small dense network's training evaluation, as the descriptor at byte `desc` lays it out. */
  denseStep32(desc: number): void;
  denseStep64(desc: number): void;
}

/** An elementwise kernel over n values at byte address `from`, written at `to` (may be `from`). */
export type MapKernel = (from: number, to: number, n: number) => void;

/** N numbers: a kernel's argument list as JavaScript passes it. */
type Numbers<N extends number, T extends number[] = []> = T['length'] extends N
  ? T
  : Numbers<N, [...T, number]>;

/** θ, g, m, v, n, β₁, β₂, αₜ, ε̂, decay: the AssemblyScript signature of adam32/adam64. */
export type AdamCall = Numbers<10>;

/** transA, transB, m, n, k, α, a, lda, b, ldb, β, c, ldc, work: the AssemblyScript signature. */
export type GemmCall = Numbers<14>;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// The part of the WebAssembly API used here, typed locally: the package compiles against plain
// ES2022 (no DOM or Node types), and engines without WebAssembly simply lack the global.
interface WebAssemblyApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean;
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
  instantiate(bytes: Uint8Array<ArrayBuffer>, imports: object): Promise<{ instance: { exports: unknown } }>;
}

const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

let bytes: Uint8Array<ArrayBuffer> | undefined;
let instance: KernelExports | undefined;
let shared: SharedKernel | undefined;
let sharedFailed = false;
let compiling: Promise<void> | undefined;
let invalid = false;

/** Whether this engine validates the module (WebAssembly with SIMD128). */
export function wasmSimdAvailable(): boolean {
  if (!api) return false;
  bytes ??= decode(wasmBase64);
  try {
    return api.validate(bytes);
  } catch {
    return false;
  }
}

/**
 * The instance, compiled synchronously on first call. Browsers refuse synchronous compilation
 * of modules over 4 KiB on the main thread; there this starts an asynchronous compile and
 * returns undefined until it is done, and the caller runs the JavaScript kernel meanwhile.
 */
export function kernelModule(): KernelExports | undefined {
  // While an asynchronous compile runs, callers use the JavaScript kernel.
  if (instance || !api || compiling || invalid) return instance;
  // An engine without SIMD128 rejects the module: the vector kernels' callers (σ, tanh, Adam)
  // run their JavaScript loops there, as the backends list skips `wasm`.
  if (!wasmSimdAvailable()) {
    invalid = true;
    return undefined;
  }
  bytes ??= decode(wasmBase64);
  try {
    instance = new api.Instance(new api.Module(bytes), {}).exports as KernelExports;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    compiling = api.instantiate(bytes, {}).then(
      (result) => {
        instance = result.instance.exports as KernelExports;
      },
      // No wasm after all: the JavaScript kernel keeps running every call.
      () => undefined,
    );
  }
  return instance;
}

/**
 * Settles when `kernelModule` has its final answer: at once where the module compiles
 * synchronously (Node, workers) or cannot run, after the asynchronous compile elsewhere.
 */
export function kernelModuleSettled(): Promise<void> {
  kernelModule();
  return compiling ?? Promise.resolve();
}

/** The instance on a shared memory, with what helper threads need to make their own. */
export interface SharedKernel {
  readonly exports: KernelExports;
  /** The compiled module and its shared memory, for the helpers' instances. */
  readonly module: object;
  readonly memory: object;
  /** Threads whose kernel scratch the memory reserves (fixed when the module is set up). */
  readonly threads: number;
}

// The scratch starts past the first page (AssemblyScript's stack and statics), one region per
// thread that may run kernels; pinned operands and each call's copies follow (wasm-memory.ts).
export const FIRST_BYTE = 65536;

let workBytes = 0;

/** Byte address of thread `rank`'s kernel scratch (0: the calling thread). */
export function workAt(module: KernelExports, rank: number): number {
  workBytes ||= module.workBytes64();
  return FIRST_BYTE + rank * workBytes;
}

/** Where the scratch of every thread that may run kernels on `module`'s memory ends. */
export function scratchEnd(module: KernelExports): number {
  return workAt(module, module === shared?.exports ? shared.threads : 1);
}

/** The shared-memory instance once it exists (a pinned operand may live there); else undefined. */
export function sharedKernel(): SharedKernel | undefined {
  return shared;
}

/**
 * The instance on a shared memory, for calls to share with helper threads: created on first
 * ask when more than one thread is allowed (Node only), else undefined.
 */
export function sharedKernelModule(): KernelExports | undefined {
  if (wasmThreads() === 1) return undefined;
  if (shared || sharedFailed || !kernelModule()) return shared?.exports;
  // Node, where modules compile synchronously. An engine that refuses the threads feature or a
  // shared memory runs every call on the first instance.
  try {
    const module = new api!.Module(decode(sharedWasmBase64));
    // Two pages: the first holds AssemblyScript's statics (FIRST_BYTE).
    const memory = new api!.Memory({ initial: 2, maximum: 65536, shared: true });
    const exports = new api!.Instance(module, { env: { memory } }).exports as KernelExports;
    shared = { module, memory, threads: wasmThreads(), exports };
  } catch {
    sharedFailed = true;
  }
  return shared?.exports;
}
