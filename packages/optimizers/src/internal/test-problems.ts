// Objectives with known minimizers, for the tests: a convex quadratic built around a chosen
// minimizer, and Rosenbrock's valley. Not exported from the package.
import type { DType, FloatArray, Objective } from '@deltanet/contract';
import { allocate } from '@deltanet/tensor';

/** A counted objective: `calls` is how many times it has been evaluated. */
export interface Counted {
  readonly objective: Objective;
  readonly calls: () => number;
}

/** Wraps an objective to count its evaluations. */
export function counted(objective: Objective): Counted {
  let calls = 0;
  return {
    objective: (params, gradient) => {
      calls++;
      return objective(params, gradient);
    },
    calls: () => calls,
  };
}

/**
 * f(x) = ½xᵀAx − bᵀx + c with A the n × n tridiagonal matrix (diagonal 2 + i/n, off-diagonals
 * −1), strictly diagonally dominant and so symmetric positive definite; b = A·x* for a chosen
 * x*, so the minimizer A⁻¹b is x* with no linear solve to trust. The constant c = ½x*ᵀAx* makes
 * f(x*) = 0, and f is evaluated as ½eᵀAe with e = x − x*: near the minimum the cost then keeps
 * its relative precision, which line searches comparing costs need to get below ~1e-7.
 */
export function quadratic(minimizer: readonly number[]): Objective {
  const n = minimizer.length;
  const e = new Float64Array(n);
  return (x: FloatArray, gradient: FloatArray) => {
    for (let i = 0; i < n; i++) e[i] = x[i]! - minimizer[i]!;
    let cost = 0;
    for (let i = 0; i < n; i++) {
      const ae = (2 + i / n) * e[i]! - (i > 0 ? e[i - 1]! : 0) - (i < n - 1 ? e[i + 1]! : 0);
      gradient[i] = ae; // A·e = Ax − b
      cost += 0.5 * e[i]! * ae;
    }
    return cost;
  };
}

/** Rosenbrock's f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1). */
export const rosenbrock: Objective = (p, gradient) => {
  const x = p[0]!;
  const y = p[1]!;
  gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  gradient[1] = 200 * (y - x * x);
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};

/** A typed array of the given precision holding `values`. */
export function vector(dtype: DType, values: readonly number[]): FloatArray {
  const out = allocate(dtype, values.length);
  out.set(values);
  return out;
}

/** The largest |aᵢ − bᵢ|. */
export function maxDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
