// Helper threads: large wasm products and maps shared with a helper give the same bits as on one
// thread (and the reference's values within float32 rounding), the helper really runs pieces,
// and a process that used it still exits on its own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FloatArray, GemmArgs } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { reference } from './backends/reference';
import { wasm } from './backends/wasm';
import { helpersReady, kernelThreads, piecesRunByHelpers } from './internal/kernel-helper';
import { kernelModule, sharedKernelModule } from './internal/wasm-module';
import { logistic } from './logistic';
import { tanh } from './math/tanh';
import { createRandom } from './random';
import { setWasmThreads, wasmThreads } from './threads';

// Two threads whatever the machine's cores, set before this file's first kernel builds the module.
setWasmThreads(2);

const random = createRandom(11);

function filled(Type: typeof Float32Array | typeof Float64Array, length: number, scale = 1): FloatArray {
  const x = new Type(length);
  for (let i = 0; i < length; i++) x[i] = (random.uniform() - 0.5) * scale;
  return x;
}

/** Runs `compute` on one thread and on two; returns both results. */
function oneAndTwo<T>(compute: () => T): [T, T] {
  setWasmThreads(1);
  const one = compute();
  setWasmThreads(2);
  return [one, compute()];
}

function sameBits(a: FloatArray, b: FloatArray): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

beforeAll(async () => {
  kernelThreads(sharedKernelModule()!);
  await helpersReady();
});

describe('wasm kernels on helper threads', () => {
  it('starts one helper when two threads are asked for, for the shared-memory instance only', () => {
    expect(wasmThreads()).toBe(2);
    expect(kernelThreads(sharedKernelModule()!)).toBe(2);
    // Calls too small to share stay on the first instance, whose copies are cheaper.
    expect(kernelThreads(kernelModule()!)).toBe(1);
    expect(sharedKernelModule()).not.toBe(kernelModule());
  });

  // [m, n, k, transA, transB]: split by rows (the dot-product path, packed tiles with a ragged
  // last piece) and by columns (an odd n), every transposition.
  const shapes: [number, number, number, boolean, boolean][] = [
    [1000, 25, 400, false, true],
    [25, 400, 1000, true, false],
    [301, 200, 77, true, true],
    [40, 517, 130, false, false],
    [130, 90, 301, false, true],
  ];
  for (const Type of [Float32Array, Float64Array]) {
    const precision = Type === Float32Array ? 'float32' : 'float64';
    for (const [m, n, k, transA, transB] of shapes) {
      it(`C = α·op(A)·op(B) + β·C: ${m}×${n}×${k}${transA ? ', Aᵀ' : ''}${transB ? ', Bᵀ' : ''} (${precision}), same bits on one and two threads`, () => {
        // Offsets into A and B, a padded C row stride, and β = 0.5 so C is read as well.
        const lda = (transA ? m : k) + 3;
        const ldb = (transB ? k : n) + 1;
        const ldc = n + 5;
        const a = filled(Type, 2 + (transA ? k : m) * lda);
        const b = filled(Type, 7 + (transB ? n : k) * ldb);
        const c0 = filled(Type, 4 + m * ldc);
        const args = (c: FloatArray, beta: number): GemmArgs => ({
          ...{ transA, transB, m, n, k, alpha: 0.75, beta },
          ...{ a, aOffset: 2, lda, b, bOffset: 7, ldb, c, cOffset: 4, ldc },
        });
        for (const beta of [0, 0.5]) {
          const [one, two] = oneAndTwo(() => {
            const c = c0.slice();
            wasm.gemm(args(c, beta));
            return c;
          });
          expect(sameBits(one, two), `β = ${beta}`).toBe(true);
          const expected = c0.slice();
          reference.gemm(args(expected, beta));
          const tolerance = Type === Float32Array ? 1e-4 * Math.sqrt(k) : 1e-12 * Math.sqrt(k);
          let worst = 0;
          for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(two[i]! - expected[i]!));
          expect(worst).toBeLessThan(tolerance);
        }
      });
    }

    it(`σ, σ's backward, tanh and Adam over 100,000 values (${precision}): same bits on one and two threads`, () => {
      const n = 100_003;
      const z = filled(Type, n, 20);
      const upstream = filled(Type, n);
      const [one, two] = oneAndTwo(() => {
        const sigma = new Type(n);
        wasm.activationForward('logistic', z, sigma);
        const back = new Type(n);
        wasm.activationBackward('logistic', z, sigma, upstream, back);
        const t = new Type(n);
        wasm.activationForward('tanh', z, t);
        const theta = z.slice();
        const m = upstream.slice();
        const v = new Type(n).fill(0.25);
        wasm.adamUpdate(theta, upstream, m, v, 0.9, 0.999, 0.001, 1e-8, 1);
        return [sigma, back, t, theta, m, v];
      });
      one.forEach((values, i) => expect(sameBits(values, two[i]!), `output ${i}`).toBe(true));
      // And the scalar definitions, at both ends and the middle of the split.
      for (const i of [0, 1, n >> 1, n - 1]) {
        expect(one[0]![i]).toBe(Type === Float32Array ? Math.fround(logistic(z[i]!)) : logistic(z[i]!));
        expect(one[2]![i]).toBe(Type === Float32Array ? Math.fround(tanh(z[i]!)) : tanh(z[i]!));
      }
    });
  }

  it('reads pinned operands from whichever instance holds them, for shared and unshared products', () => {
    // A small pin lives on the first instance, a pin of 2²⁰ values or more on the shared one; a
    // product large enough to share copies an operand pinned on the other instance.
    const small = filled(Float32Array, 600 * 300);
    const large = filled(Float32Array, 4000 * 300);
    const b = filled(Float32Array, 300 * 64);
    const product = (a: FloatArray, m: number) => {
      const c = new Float32Array(m * 64);
      wasm.gemm({
        ...{ transA: false, transB: false, m, n: 64, k: 300, alpha: 1, beta: 0 },
        ...{ a, aOffset: 0, lda: 300, b, bOffset: 0, ldb: 64, c, cOffset: 0, ldc: 64 },
      });
      return c;
    };
    // 4000 × 64 × 300 = 76.8 million multiply-adds (shared); 8 × 64 × 300 (not).
    const expected = [product(large, 4000), product(large.subarray(0, 8 * 300), 8), product(small, 600)];
    const pins = [wasm.pin!(small), wasm.pin!(large)];
    try {
      expect(sameBits(product(large, 4000), expected[0]!)).toBe(true);
      expect(sameBits(product(small, 600), expected[2]!)).toBe(true);
      const largeFirstRows = product(large, 8);
      expect(sameBits(largeFirstRows, expected[1]!)).toBe(true);
    } finally {
      for (const pin of pins) pin.release();
    }
  });

  it('runs pieces on the helper, not only on the calling thread', () => {
    const before = piecesRunByHelpers();
    const a = filled(Float32Array, 2000 * 400);
    const b = filled(Float32Array, 400 * 64);
    const c = new Float32Array(2000 * 64);
    const args: GemmArgs = {
      ...{ transA: false, transB: false, m: 2000, n: 64, k: 400, alpha: 1, beta: 0 },
      ...{ a, aOffset: 0, lda: 400, b, bOffset: 0, ldb: 64, c, cOffset: 0, ldc: 64 },
    };
    // A helper that has just gone to sleep takes a moment to wake: give it many chances.
    const deadline = performance.now() + 10_000;
    while (piecesRunByHelpers() === before && performance.now() < deadline) wasm.gemm(args);
    expect(piecesRunByHelpers()).toBeGreaterThan(before);
  });

  it('rejects a thread count that is not a whole number from 1 to 8', () => {
    for (const count of [0, 1.5, 9, Number.NaN]) {
      expect(() => setWasmThreads(count)).toThrow(InvalidArgumentError);
      expect(() => setWasmThreads(count)).toThrow(`got ${count}`);
    }
  });
});

// The built package, as users run it: a process whose products used a helper must still end by
// itself (a helper with a 'message' listener added after unref() kept Node alive).
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));

describe.runIf(existsSync(built))('a process that used helper threads', () => {
  it('exits on its own when its work is done', () => {
    const script = `
      import { setWasmThreads, wasm } from ${JSON.stringify(built)};
      setWasmThreads(2);
      const m = 600, n = 600, k = 600;
      const a = new Float32Array(m * k).fill(1), b = new Float32Array(k * n).fill(1), c = new Float32Array(m * n);
      const args = { transA: false, transB: false, m, n, k, alpha: 1, a, aOffset: 0, lda: k, b, bOffset: 0, ldb: n, beta: 0, c, cOffset: 0, ldc: n };
      wasm.gemm(args);
      await new Promise((resolve) => setTimeout(resolve, 200));
      wasm.gemm(args);
      console.log(c[0], c[m * n - 1]);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('600 600');
  });
});
