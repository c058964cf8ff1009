// The js backend's kernels besides gemm: the reference kernels' arithmetic in the same order (so
// the same bits), written for speed — one loop per activation kernel so V8 inlines its formula,
// column sums four rows per pass, scans eight values per branch.
import type { ActivationKernel, FloatArray } from '@deltanet/contract';
import { adamUpdate } from '../adam-update';
import { axpy, dot, findNonFinite, subtract } from '../elementwise';
import { mapLogistic, mapLogisticBackward } from '../logistic';
import { mapTanh } from '../tanh';
import { assertKernelArrays } from './kernel-checks';
import type { referenceKernels } from './reference-kernels';
import { assertColumnSum, definitionOf } from './reference-kernels';

/** The js kernels (see `BackendPlugin` for each one's definition). */
export const jsKernels: typeof referenceKernels = {
  activationForward(kernel: ActivationKernel, z: FloatArray, out: FloatArray): void {
    assertKernelArrays('activationForward', z, out);
    if (kernel === 'logistic') mapLogistic(z, out);
    else if (kernel === 'tanh') mapTanh(z, out);
    else if (kernel === 'relu') for (let i = 0; i < out.length; i++) out[i] = Math.max(0, z[i]!);
    else if (kernel === 'identity') {
      if (out !== z) out.set(z);
    } else definitionOf(kernel);
  },
  activationBackward(kernel, z, a, upstream, out) {
    assertKernelArrays('activationBackward', z, a, upstream, out);
    if (kernel === 'logistic') mapLogisticBackward(a, upstream, out);
    else if (kernel === 'tanh') {
      for (let i = 0; i < out.length; i++) {
        const ai = a[i]!;
        out[i] = upstream[i]! * (1 - ai * ai);
      }
    } else if (kernel === 'relu') {
      for (let i = 0; i < out.length; i++) out[i] = upstream[i]! * (z[i]! > 0 ? 1 : 0);
    } else if (kernel === 'identity') {
      for (let i = 0; i < out.length; i++) out[i] = upstream[i]! * 1;
    } else definitionOf(kernel);
  },
  sumColumns(rows, cols, x, alpha, beta, c, cOffset, ldc) {
    assertColumnSum(rows, cols, x, c, cOffset, ldc);
    // Row by row, so x is read in memory order; each column's sum still adds rows 0, 1, 2… in
    // float64, so the result is the reference's.
    if (sums.length < cols) sums = new Float64Array(cols);
    sums.fill(0, 0, cols);
    let i = 0;
    // Four rows per pass: each column's running sum stays in a register for four additions
    // (still rows 0, 1, 2… in order) instead of a load and a store per element.
    for (; i + 3 < rows; i += 4) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        let s = sums[j]!;
        s += x[base + j]!;
        s += x[base + cols + j]!;
        s += x[base + 2 * cols + j]!;
        s += x[base + 3 * cols + j]!;
        sums[j] = s;
      }
    }
    for (; i < rows; i++) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) sums[j]! += x[base + j]!;
    }
    for (let j = 0; j < cols; j++) {
      const at = cOffset + j * ldc;
      c[at] = beta === 0 ? alpha * sums[j]! : alpha * sums[j]! + beta * c[at]!;
    }
  },
  difference: subtract,
  axpy,
  dot,
  adamUpdate,
  findNonFinite,
};

/** Column sums of `sumColumns`, kept between calls (JavaScript runs one call at a time). */
let sums = new Float64Array(0);
