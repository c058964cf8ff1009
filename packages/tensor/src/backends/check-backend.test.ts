// checkBackend against the built-in backends (which must pass), a gemm-only backend completed
// from reference (which must pass, listing what reference runs), and broken ones (which must
// fail naming the kernel). The oracle of each broken case is the defect put in by hand.

import { readFileSync } from 'node:fs';
import type { BackendPlugin, GemmArgs } from '@deltanet/contract';
import { activationKernels, backendKernels } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { checkBackend } from './check-backend';
import { completeBackend } from './complete';
import { js } from './js';
import { reference } from './reference';
import { wasm } from './wasm';

// A textbook triple loop, written here rather than taken from reference.
function naiveGemm({
  transA,
  transB,
  m,
  n,
  k,
  alpha,
  a,
  aOffset,
  lda,
  b,
  bOffset,
  ldb,
  beta,
  c,
  cOffset,
  ldc,
}: GemmArgs): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const x = transA ? a[aOffset + p * lda + i]! : a[aOffset + i * lda + p]!;
        const y = transB ? b[bOffset + j * ldb + p]! : b[bOffset + p * ldb + j]!;
        sum += x * y;
      }
      const at = cOffset + i * ldc + j;
      c[at] = beta === 0 ? alpha * sum : alpha * sum + beta * c[at]!;
    }
  }
}

const naive: BackendPlugin = {
  kind: 'backend',
  name: 'naive',
  description: 'A triple-loop gemm; every other kernel from reference',
  supports: () => true,
  gemm: naiveGemm,
};

describe('checkBackend', () => {
  it('passes every built-in backend, js and reference with gemm bit for bit', () => {
    for (const [backend, exactGemm] of [
      [reference, true],
      [js, true],
      [wasm, false],
    ] as const) {
      const report = checkBackend(backend, { exactGemm });
      expect(report.failures, backend.name).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.fromReference).toEqual([]);
    }
  });

  it('passes a gemm-only backend and lists the kernels reference runs for it', () => {
    const report = checkBackend(naive, { exactGemm: true });
    expect(report.failures).toEqual([]);
    expect(report.fromReference).toEqual([...backendKernels]);
    const complete = completeBackend(naive);
    expect(complete.gemm).toBe(naiveGemm);
    expect(complete.adamUpdate).toBe(reference.adamUpdate);
    expect(completeBackend(naive)).toBe(complete);
    expect(completeBackend(js)).toBe(js);
  });

  it('rejects a gemm that ignores β = 0 (NaN in C leaks through), naming gemm and the case', () => {
    const leaky: BackendPlugin = {
      ...naive,
      name: 'leaky',
      gemm: (args) => naiveGemm({ ...args, beta: args.beta === 0 ? 1e-300 : args.beta }),
    };
    const report = checkBackend(leaky);
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toMatch(
      /^gemm \(float64, A·B, m 3, n 4, k 0, α 1, β 0\): C\[0, 0\] = NaN, reference gives 0/,
    );
  });

  it('rejects a tanh off by one ulp in float32 only, naming the kernel, precision and input', () => {
    const sloppy: BackendPlugin = {
      ...naive,
      name: 'sloppy',
      activationForward(kernel, z, out) {
        reference.activationForward(kernel, z, out);
        if (kernel === 'tanh' && out instanceof Float32Array && out.length > 8)
          out[8] = Math.fround(out[8]! * (1 + 2 ** -23));
      },
    };
    const report = checkBackend(sloppy, { exactGemm: true });
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures.every((f) => f.startsWith('activationForward (tanh, float32'))).toBe(true);
    expect(report.failures[0]).toMatch(/out\[8\] = .* at z = 20, reference gives/);
  });

  it('rejects an Adam that reads m before storing it in float32 (unrounded), naming θ', () => {
    const unrounded: BackendPlugin = {
      ...naive,
      name: 'unrounded',
      adamUpdate(params, gradient, m, v, beta1, beta2, stepSize, epsilonHat, decay) {
        for (let i = 0; i < params.length; i++) {
          const g = gradient[i]!;
          const mi = beta1 * m[i]! + (1 - beta1) * g;
          const vi = beta2 * v[i]! + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          params[i] = decay * params[i]! - (stepSize * mi) / (Math.sqrt(vi) + epsilonHat);
        }
      },
    };
    const failures = checkBackend(unrounded).failures;
    expect(failures.length).toBeGreaterThan(0);
    expect(
      failures.every((f) =>
        /^adamUpdate \(float32\): \[\d+\]|^adamUpdate \(\d+ values, step \d\): θ \(float32\)/.test(f),
      ),
    ).toBe(true);
  });

  it('rejects a scan that misses −Infinity, a sum that adds rows out of order, and a non-backend', () => {
    const blind: BackendPlugin = {
      ...naive,
      name: 'blind',
      findNonFinite: (x) => x.findIndex((v) => Number.isNaN(v) || v === Number.POSITIVE_INFINITY),
    };
    expect(checkBackend(blind).failures[0]).toMatch(
      /^findNonFinite \(float64, 1 values, -Infinity at 0\): gives -1/,
    );
    const reversed: BackendPlugin = {
      ...naive,
      name: 'reversed',
      sumColumns(rows, cols, x, alpha, beta, c, cOffset, ldc) {
        for (let j = 0; j < cols; j++) {
          let sum = 0;
          for (let i = rows - 1; i >= 0; i--) sum += x[i * cols + j]!;
          const at = cOffset + j * ldc;
          c[at] = beta === 0 ? alpha * sum : alpha * sum + beta * c[at]!;
        }
      },
    };
    expect(checkBackend(reversed).failures[0]).toMatch(/^sumColumns \(/);
    const report = checkBackend({ ...naive, gemm: undefined } as unknown as BackendPlugin);
    expect(report.failures).toEqual([
      'identity: InvalidArgumentError: backend "naive" has no gemm, the one kernel a backend must have',
    ]);
  });
});

describe('the activation kernels, defined once', () => {
  it('are numbered in assembly/dense.ts by their index in the contract list', () => {
    const source = readFileSync(new URL('../../assembly/dense.ts', import.meta.url), 'utf8');
    for (const [index, kernel] of activationKernels.entries()) {
      const constant = kernel === 'logistic' ? 'LOGISTIC' : kernel.toUpperCase();
      expect(source).toContain(`const ${constant} = ${index};`);
    }
  });
});
