// sin x as fdlibm computes it (s_sin.c of fdlibm 5.3, the algorithm V8's Math.sin ran through
// Node 20) for |x| ≤ 2²⁰·π/2, ported operation for operation in float64 so every IEEE 754 engine
// gives its bits. The playground datasets need it (points on circles and spirals).
import { InvalidArgumentError } from '@deltanet/contract';
import { highWord } from '../internal/float-words';
import { kernelCos, kernelSin, kernelSinExact, MEDIUM, reduce } from '../internal/trig-kernels';

/**
 * sin x for |x| ≤ 2²⁰·π/2 ≈ 1,647,099, within one ulp, the same bits on every engine (unlike
 * `Math.sin`). Throws beyond that range, which needs a reduction this module does not carry.
 *
 * @example
 * sin(Math.PI / 2); // 1
 * sin(Math.PI); // 1.2246467991473532e-16 (π is not a double)
 */
export function sin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSinExact(x); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // NaN for ±∞ and NaN
  if (ix > MEDIUM) {
    throw new InvalidArgumentError(`sin: |x| must be at most 2^20·π/2 (1647099), got ${x}`);
  }
  const [n, y0, y1] = reduce(x, hx, ix);
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1);
    default:
      return -kernelCos(y0, y1);
  }
}
