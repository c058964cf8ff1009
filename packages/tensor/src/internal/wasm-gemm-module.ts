// The compiled gemm module: instantiated once, on first use, from the embedded bytes; its
// linear memory holds the packing scratch and a copy of each call's operands.
import { gemmWasmBase64 } from './gemm-wasm-bytes';

/** The exports of assembly/gemm.ts. Addresses are byte offsets into `memory`. */
export interface GemmExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  workBytes64(): number;
  gemm32(...args: GemmCall): void;
  gemm64(...args: GemmCall): void;
}

/** transA, transB, m, n, k, α, a, lda, b, ldb, β, c, ldc, work: the AssemblyScript signature. */
export type GemmCall = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

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
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
  instantiate(bytes: Uint8Array<ArrayBuffer>, imports: object): Promise<{ instance: { exports: unknown } }>;
}

const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

let bytes: Uint8Array<ArrayBuffer> | undefined;
let instance: GemmExports | undefined;
let compiling = false;

/** Whether this engine validates the module (WebAssembly with SIMD128). */
export function wasmSimdAvailable(): boolean {
  if (!api) return false;
  bytes ??= decode(gemmWasmBase64);
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
export function gemmModule(): GemmExports | undefined {
  // While an asynchronous compile runs, callers use the JavaScript kernel.
  if (instance || !api || compiling) return instance;
  bytes ??= decode(gemmWasmBase64);
  try {
    instance = new api.Instance(new api.Module(bytes), {}).exports as GemmExports;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    compiling = true;
    void api.instantiate(bytes, {}).then(
      (result) => {
        instance = result.instance.exports as GemmExports;
      },
      // No wasm after all: the JavaScript kernel keeps running every call.
      () => undefined,
    );
  }
  return instance;
}
