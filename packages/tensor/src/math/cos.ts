// cos x as fdlibm computes it (s_cos.c of fdlibm 5.3, the algorithm V8's Math.cos ran through
// Node 20) for |x| ≤ 2²⁰·π/2, ported operation for operation in float64 so every IEEE 754 engine
// gives its bits. The seeded normal draws need it (Box–Muller's cos 2πu); larger arguments need
// fdlibm's multi-word reduction, left out.
import { InvalidArgumentError } from '@deltanet/contract';
import { highWord } from '../internal/float-words';
import { kernelCos, kernelSin, MEDIUM, reduce } from '../internal/trig-kernels';

/**
 * cos x for |x| ≤ 2²⁰·π/2 ≈ 1,647,099, within one ulp, the same bits on every engine (unlike
 * `Math.cos`). Throws beyond that range, which needs a reduction this module does not carry.
 *
 * @example
 * cos(Math.PI); // -1
 */
export function cos(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // NaN for ±∞ and NaN
  if (ix > MEDIUM) {
    throw new InvalidArgumentError(`cos: |x| must be at most 2^20·π/2 (1647099), got ${x}`);
  }
  const [n, y0, y1] = reduce(x, hx, ix);
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}
