// Shape checks every loss runs before its loops: h, y and out must agree, or the loops would
// read past a row or silently pair the wrong numbers.
import type { Matrix } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';

/**
 * Throws a ShapeError naming both shapes unless y (and `out`, when given) has h's shape.
 * `owner` says which plugin and function asked, e.g. "cross-entropy gradient".
 */
export function assertLossShapes(owner: string, h: Matrix, y: Matrix, out?: Matrix, outName = 'out'): void {
  if (h.rows !== y.rows || h.cols !== y.cols) {
    throw new ShapeError(
      `${owner}: h is ${h.rows} × ${h.cols} but y is ${y.rows} × ${y.cols}; they must match`,
    );
  }
  if (out !== undefined && (out.rows !== h.rows || out.cols !== h.cols)) {
    throw new ShapeError(
      `${owner}: ${outName} is ${out.rows} × ${out.cols} but h is ${h.rows} × ${h.cols}; they must match`,
    );
  }
}

/** Throws a ShapeError naming both shapes unless `out` has theta's shape. */
export function assertRegularizerShapes(owner: string, theta: Matrix, out: Matrix): void {
  if (theta.rows !== out.rows || theta.cols !== out.cols) {
    throw new ShapeError(
      `${owner}: out is ${out.rows} × ${out.cols} but theta is ${theta.rows} × ${theta.cols}; they must match`,
    );
  }
}

/** The region penalized when a caller gives none: a dense Θ without its bias column 0. */
export const THETA_REGION = Object.freeze({ fromColumn: 1 });
