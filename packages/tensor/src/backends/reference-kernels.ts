// The reference backend's kernels besides gemm: the specification of every activation kernel,
// column sum, difference, axpy, dot product, Adam step and non-finite scan, as the plainest loops. Every
// other backend gives these bits (checkBackend holds it to them).
import type { ActivationKernel, CompleteBackend, FloatArray } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { assertAdamLengths } from '../adam-update';
import { logistic } from '../logistic';
import { tanh } from '../math/tanh';
import { assertKernelArrays } from './kernel-checks';

type Kernels = Omit<
  CompleteBackend,
  'kind' | 'name' | 'description' | 'supports' | 'gemm' | 'pin' | 'denseStep'
>;

/**
 * Each activation kernel's definition, g(z) and ∂J/∂z = u·g'(z) from z, a = g(z) and u = ∂J/∂a,
 * in float64 (a float32 array rounds once on store). Keyed by the contract's `activationKernels`,
 * so a kernel added there does not compile until it is defined here.
 */
export const activationDefinitions: Readonly<
  Record<
    ActivationKernel,
    {
      readonly forward: (z: number) => number;
      readonly backward: (z: number, a: number, u: number) => number;
    }
  >
> = {
  identity: { forward: (z) => z, backward: (_z, _a, u) => u * 1 },
  logistic: { forward: logistic, backward: (_z, a, u) => u * (a * (1 - a)) },
  tanh: { forward: tanh, backward: (_z, a, u) => u * (1 - a * a) },
  // Math.max passes NaN through, so divergence shows; the kink's derivative is 0.
  relu: { forward: (z) => Math.max(0, z), backward: (z, _a, u) => u * (z > 0 ? 1 : 0) },
};

/** The reference kernels (see `BackendPlugin` for each one's definition). */
export const referenceKernels: Kernels = {
  activationForward(kernel, z, out) {
    assertKernelArrays('activationForward', z, out);
    const g = definitionOf(kernel).forward;
    for (let i = 0; i < out.length; i++) out[i] = g(z[i]!);
  },
  activationBackward(kernel, z, a, upstream, out) {
    assertKernelArrays('activationBackward', z, a, upstream, out);
    const rule = definitionOf(kernel).backward;
    for (let i = 0; i < out.length; i++) out[i] = rule(z[i]!, a[i]!, upstream[i]!);
  },
  sumColumns(rows, cols, x, alpha, beta, c, cOffset, ldc) {
    assertColumnSum(rows, cols, x, c, cOffset, ldc);
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let i = 0; i < rows; i++) sum += x[i * cols + j]!;
      const at = cOffset + j * ldc;
      // β = 0 must overwrite, not multiply, so stale NaN in c cannot leak through.
      c[at] = beta === 0 ? alpha * sum : alpha * sum + beta * c[at]!;
    }
  },
  difference(a, b, out) {
    assertKernelArrays('difference', a, b, out);
    for (let i = 0; i < out.length; i++) out[i] = a[i]! - b[i]!;
  },
  axpy(alpha, x, y) {
    assertKernelArrays('axpy', x, y);
    for (let i = 0; i < y.length; i++) y[i] = y[i]! + alpha * x[i]!;
  },
  dot(x, y) {
    assertKernelArrays('dot', x, y);
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
    return sum;
  },
  adamUpdate(params, gradient, m, v, beta1, beta2, stepSize, epsilonHat, decay) {
    assertAdamLengths(params, gradient, m, v);
    const keep1 = 1 - beta1;
    const keep2 = 1 - beta2;
    for (let i = 0; i < params.length; i++) {
      const g = gradient[i]!;
      m[i] = beta1 * m[i]! + keep1 * g;
      v[i] = beta2 * v[i]! + keep2 * g * g;
      // m and v are read back so the step uses what they store, whatever their precision.
      params[i] = decay * params[i]! - (stepSize * m[i]!) / (Math.sqrt(v[i]!) + epsilonHat);
    }
  },
  findNonFinite(x) {
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return i;
    return -1;
  },
};

/** The definition of `kernel`, or an error naming the valid kernels. */
export function definitionOf(kernel: ActivationKernel): (typeof activationDefinitions)[ActivationKernel] {
  const definition = Object.hasOwn(activationDefinitions, kernel) ? activationDefinitions[kernel] : undefined;
  if (definition === undefined) {
    throw new InvalidArgumentError(
      `activation kernel ${JSON.stringify(kernel)} is not one of ${Object.keys(activationDefinitions).join(', ')}`,
    );
  }
  return definition;
}

/** The shape checks of `sumColumns`, shared by every built-in backend. */
export function assertColumnSum(
  rows: number,
  cols: number,
  x: FloatArray,
  c: FloatArray,
  cOffset: number,
  ldc: number,
): void {
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows < 0 ||
    cols < 0 ||
    x.length < rows * cols ||
    (cols > 0 && (cOffset < 0 || ldc < 1 || cOffset + (cols - 1) * ldc >= c.length))
  ) {
    throw new ShapeError(
      `sumColumns: ${rows} × ${cols} values (x holds ${x.length}) into a column at ${cOffset} with stride ${ldc} of ${c.length} values`,
    );
  }
}
