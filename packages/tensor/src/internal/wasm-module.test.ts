// Engines whose WebAssembly lacks SIMD128 (the module fails to validate and to compile) must
// still train: the vector kernels fall back to their JavaScript loops, with the same results.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('without SIMD128', () => {
  it('runs σ, tanh and Adam in JavaScript, equal to the scalar forms, and defaults to the js backend', async () => {
    // The package compiles without DOM or Node types, so the global is typed here.
    const real = (globalThis as unknown as { WebAssembly: { CompileError: new (message: string) => Error } })
      .WebAssembly;
    vi.stubGlobal('WebAssembly', {
      ...real,
      validate: () => false,
      Module: () => {
        throw new real.CompileError('SIMD unsupported');
      },
    });
    vi.resetModules();
    const tensor = await import('../index');
    const z = Float64Array.from({ length: 300 }, (_, i) => (i - 150) / 20);
    const sigma = new Float64Array(300);
    tensor.mapLogistic(z, sigma);
    sigma.forEach((s, i) => expect(s).toBe(tensor.logistic(z[i]!)));
    const t = new Float64Array(300);
    tensor.mapTanh(z, t);
    t.forEach((s, i) => expect(s).toBe(tensor.tanh(z[i]!)));
    const theta = new Float64Array(4096).fill(1);
    tensor.adamUpdate(
      theta,
      new Float64Array(4096).fill(2),
      new Float64Array(4096),
      new Float64Array(4096),
      0.9,
      0.999,
      0.01,
      0,
      1,
    );
    // First step from zero moments: θ − αₜ·(0.1·2)/√(0.001·4) = 1 − 0.01·0.2/0.0632… (closed form).
    expect(theta[0]).toBeCloseTo(1 - (0.01 * 0.2) / Math.sqrt(0.004), 12);
    expect(tensor.wasm.supports('float32')).toBe(false);
    expect(tensor.defaultBackend('float32').name).toBe('js');
  });
});
