// ln(1 + x) as fdlibm's s_log1p.c computes it (FreeBSD msun, the version V8's Math.log1p ran
// through Node 20), ported operation for operation in float64.
import { highWord } from '../internal/float-words';
import { twoTo } from '../internal/powers-of-two';
import { LN2_HI, LN2_LO } from './exp';
import { LG1, LG2, LG3, LG4, LG5, LG6, LG7 } from './log';

/**
 * ln(1 + x) without the rounding of 1 + x, within one ulp, the same bits on every engine.
 * log1p(−1) = −∞; below −1 (and NaN) it is NaN.
 *
 * @example
 * log1p(1e-10); // 9.9999999995e-11
 * log1p(-0.5); // -0.6931471805599453
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < √2
    if (ax >= 0x3ff00000) {
      // x ≤ −1
      return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2⁻²⁹
      return ax < 0x3c900000 ? x : x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // √2/2 ≤ 1 + x < √2: no reduction
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      // The rounding error of 1 + x, carried into the result.
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    // fdlibm sets u's exponent bits; scaling by 2⁻ᵏ is the same number without a memory stall.
    if (hu < 0x6a09e) {
      u *= twoTo(-k); // u ≲ √2
    } else {
      k += 1;
      u *= twoTo(-k); // u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  // (A helper, so that this function stays small enough for V8 to inline into a caller's loop.)
  if (hu === 0) return log1pNearPowerOfTwo(f, k, c, hfsq); // |f| < 2⁻²⁰
  const s = f / (2.0 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

/** k·ln2 + log(1 + f) + c for |f| < 2⁻²⁰, c the rounding error of 1 + x over u. */
function log1pNearPowerOfTwo(f: number, k: number, c: number, hfsq: number): number {
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
  const r = hfsq * (1.0 - 0.6666666666666666 * f);
  return k === 0 ? f - r : k * LN2_HI - (r - (k * LN2_LO + c) - f);
}
