// ln(1 + x) as fdlibm's s_log1p.c computes it (FreeBSD msun, the version V8's Math.log1p ran
// through Node 20), ported operation for operation in float64.
import { highWord } from '../internal/float-words';
import { LN2_HI, LN2_LO } from '../internal/ln2-reduction';
import { twoTo } from '../internal/powers-of-two';
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
  // x ≤ −1, |x| < 2⁻²⁹, x ≥ 2⁵³, ±∞ and NaN take a helper, so that this function stays small
  // enough for V8 to inline into a caller's loop.
  if (hx >= 0x43400000 || (hx < 0x3fda827a && (ax >= 0x3ff00000 || ax < 0x3e200000))) {
    return log1pOutside(x, hx, ax);
  }
  if (hx < 0x3fda827a && (hx > 0 || hx <= (0xbfd2bec4 | 0))) {
    return fromReduced(x, 0, 0, 1); // √2/2 ≤ 1 + x < √2: no reduction
  }
  const u = 1.0 + x;
  let hu = highWord(u);
  let k = (hu >> 20) - 1023;
  // The rounding error of 1 + x, carried into the result.
  const c = (k > 0 ? 1.0 - (u - x) : x - (u - 1.0)) / u;
  hu &= 0x000fffff;
  // fdlibm sets u's exponent bits; scaling by 2⁻ᵏ is the same number without a memory stall.
  if (hu >= 0x6a09e) {
    k += 1; // u/2 rather than u ≳ √2
    hu = (0x00100000 - hu) >> 2;
  }
  return fromReduced(u * twoTo(-k) - 1.0, k, c, hu);
}

/** log1p where 1 + x is not needed: x ≤ −1, tiny, huge, ±∞ or NaN. */
function log1pOutside(x: number, hx: number, ax: number): number {
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN; // x ≤ −1
    return ax < 0x3c900000 ? x : x - x * x * 0.5; // |x| < 2⁻²⁹
  }
  if (hx >= 0x7ff00000) return x + x;
  // x ≥ 2⁵³: 1 + x rounds to x, so log1p x = log x, from x's own bits with no correction.
  let hu = hx;
  let k = (hu >> 20) - 1023;
  hu &= 0x000fffff;
  if (hu >= 0x6a09e) {
    k += 1;
    hu = (0x00100000 - hu) >> 2;
  }
  return fromReduced(x * twoTo(-k) - 1.0, k, 0, hu);
}

/**
 * k·ln2 + log(1 + f) + c, f = u/2ᵏ − 1 with √2/2 ≤ 1 + f < √2, c the rounding error of 1 + x
 * over u; hu = 0 marks |f| < 2⁻²⁰ (fdlibm's test of the mantissa bits).
 */
function fromReduced(f: number, k: number, c: number, hu: number): number {
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
    const r = hfsq * (1.0 - 0.6666666666666666 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - (k * LN2_LO + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}
