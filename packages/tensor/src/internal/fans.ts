// Fan-in and fan-out of Θ(l) (s(l+1) × (s(l)+1)): the sizes the scaled initializers read.
import type { Matrix } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';

/** fanIn = s(l) = theta.cols − 1 (the bias column is no input unit), fanOut = s(l+1) = theta.rows. */
export function fans(theta: Matrix, initializer: string): { fanIn: number; fanOut: number } {
  if (theta.cols < 1) {
    throw new ShapeError(
      `initializer "${initializer}": Θ needs a bias column, got ${theta.rows} × ${theta.cols}`,
    );
  }
  return { fanIn: theta.cols - 1, fanOut: theta.rows };
}
