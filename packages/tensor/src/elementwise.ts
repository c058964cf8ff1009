// Elementwise kernels over flat typed arrays: the loops the layers above call instead of
// writing their own. Every output is a caller-owned buffer; nothing allocates.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';

/** y ← y + α·x. @example axpy(-0.1, gradient, params) // one gradient-descent step */
export function axpy(alpha: number, x: FloatArray, y: FloatArray): void {
  assertLengths('axpy', x, y);
  const n = y.length;
  let i = 0;
  // Unrolled by four: V8 does not vectorize, and this halves the loop overhead on a pass that
  // runs over every parameter once per optimizer step.
  for (; i + 3 < n; i += 4) {
    y[i] = y[i]! + alpha * x[i]!;
    y[i + 1] = y[i + 1]! + alpha * x[i + 1]!;
    y[i + 2] = y[i + 2]! + alpha * x[i + 2]!;
    y[i + 3] = y[i + 3]! + alpha * x[i + 3]!;
  }
  for (; i < n; i++) y[i] = y[i]! + alpha * x[i]!;
}

/** x ← α·x. @example scale(1 / m, delta) */
export function scale(alpha: number, x: FloatArray): void {
  for (let i = 0; i < x.length; i++) x[i] = alpha * x[i]!;
}

/** out ← a .* b (Hadamard product); out may alias a or b. @example hadamard(upstream, gPrime, delta) */
export function hadamard(a: FloatArray, b: FloatArray, out: FloatArray): void {
  assertLengths('hadamard', a, b);
  assertLengths('hadamard', a, out);
  for (let i = 0; i < out.length; i++) out[i] = a[i]! * b[i]!;
}

/** out ← a − b; out may alias a or b. @example subtract(h, y, delta) // δ(L) = a(L) − y */
export function subtract(a: FloatArray, b: FloatArray, out: FloatArray): void {
  assertLengths('subtract', a, b);
  assertLengths('subtract', a, out);
  for (let i = 0; i < out.length; i++) out[i] = a[i]! - b[i]!;
}

/** Σ aᵢbᵢ, accumulated in float64. @example dot(direction, gradient) // slope along a search line */
export function dot(a: FloatArray, b: FloatArray): number {
  assertLengths('dot', a, b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Σ xᵢ², accumulated in float64. @example (lambda / (2 * m)) * sumOfSquares(weights) */
export function sumOfSquares(x: FloatArray): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * x[i]!;
  return sum;
}

/** The index of the first NaN or ±Infinity in x, or −1 when all are finite. @example findNonFinite(z) */
export function findNonFinite(x: FloatArray): number {
  const n = x.length;
  let i = 0;
  // x·0 is ±0 for finite x and NaN for NaN and ±Infinity, so a sum of eight such terms is 0
  // exactly when all eight are finite: one branch per eight elements instead of one per
  // element, which matters because this runs over every parameter after every step.
  for (; i + 7 < n; i += 8) {
    const any =
      x[i]! * 0 +
      x[i + 1]! * 0 +
      (x[i + 2]! * 0 + x[i + 3]! * 0) +
      (x[i + 4]! * 0 + x[i + 5]! * 0 + (x[i + 6]! * 0 + x[i + 7]! * 0));
    if (any !== 0) break;
  }
  for (; i < n; i++) {
    // x − x is 0 for finite x and NaN for NaN and ±Infinity.
    if (x[i]! - x[i]! !== 0) return i;
  }
  return -1;
}

function assertLengths(op: string, a: FloatArray, b: FloatArray): void {
  if (a.length !== b.length) throw new ShapeError(`${op}: lengths differ, ${a.length} vs ${b.length}`);
}
