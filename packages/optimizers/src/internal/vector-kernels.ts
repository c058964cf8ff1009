// The vector kernels of a full-batch iteration (CG's and L-BFGS's dot products and steps along a
// direction), run on the backend `fit` lends the optimizer, so `backend: 'reference'` runs the
// whole of training on the reference kernels. Without one they are @deltanet/tensor's loops,
// which every built-in backend's kernels equal bit for bit.
import type { FloatArray, StepContext } from '@deltanet/contract';
import { axpy, dot } from '@deltanet/tensor';

/** Σ x[i]·y[i] and y ← y + α·x, from the context's backend or tensor's loops. */
export interface VectorKernels {
  /** Σ x[i]·y[i], added in index order in float64. */
  readonly dot: (x: FloatArray, y: FloatArray) => number;
  /** y[i] ← y[i] + α·x[i]. */
  readonly axpy: (alpha: number, x: FloatArray, y: FloatArray) => void;
}

const loops: VectorKernels = { dot, axpy };

/** The kernels a full-batch iteration runs on, for `context` (the one `fit` passes, or none). */
export function vectorKernels(context: StepContext | undefined): VectorKernels {
  const backend = context?.backend;
  if (!backend) return loops;
  return {
    dot: backend.dot ? backend.dot.bind(backend) : dot,
    axpy: backend.axpy ? backend.axpy.bind(backend) : axpy,
  };
}
