// The argument checks the built-in backends' vector kernels share: one length, one precision.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';

/**
 * Throws a ShapeError naming `kernel` unless every array given has a's length and precision.
 * Fixed arity rather than a rest parameter, so a check allocates nothing.
 */
export function assertKernelArrays(
  kernel: string,
  a: FloatArray,
  b: FloatArray,
  c?: FloatArray,
  d?: FloatArray,
): void {
  if (fits(a, b) && (c === undefined || fits(a, c)) && (d === undefined || fits(a, d))) return;
  const arrays = [a, b, c, d].filter((x) => x !== undefined);
  throw new ShapeError(
    `${kernel}: arrays must have one length and precision, got ${arrays.map(describe).join(', ')}`,
  );
}

function fits(a: FloatArray, b: FloatArray): boolean {
  return a.length === b.length && a.BYTES_PER_ELEMENT === b.BYTES_PER_ELEMENT;
}

function describe(x: FloatArray): string {
  return `${x.length} ${x instanceof Float32Array ? 'float32' : 'float64'} values`;
}
