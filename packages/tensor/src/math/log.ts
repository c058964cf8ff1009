// ln x as fdlibm's e_log.c computes it (Sun, 1993; the algorithm V8's Math.log ran through
// Node 20), ported operation for operation in float64 so every IEEE 754 engine gives its bits.
import { highWord, lowWord, withHighWord } from '../internal/float-words';
import { LN2_HI, LN2_LO } from './exp';

const TWO_54 = 1.8014398509481984e16;
// The minimax polynomial of R(s) = (log((1 + s)/(1 − s)) − 2s)/s on [0, 0.1716], error below
// 2⁻⁵⁸·⁴⁵ (e_log.c's comment). log1p shares it.
export const LG1 = 0.6666666666666735;
export const LG2 = 0.3999999999940942;
export const LG3 = 0.2857142874366239;
export const LG4 = 0.22222198432149784;
export const LG5 = 0.1818357216161805;
export const LG6 = 0.15313837699209373;
export const LG7 = 0.14798198605116586;

/**
 * The natural logarithm, within one ulp, the same bits on every engine (unlike `Math.log`).
 * x = 2ᵏ·(1 + f) with √2/2 ≤ 1 + f < √2, then log(1 + f) = 2s + s·R(s²) with s = f/(2 + f).
 * log(0) = −∞, log of a negative number or NaN is NaN.
 *
 * @example
 * log(Math.E); // 1
 * log(1e-7); // -16.11809565095832
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2⁻¹⁰²²: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO_54; // a subnormal is scaled into the normal range
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // i is 0x100000 when the mantissa is at least √2's, and then x is normalized to x/2.
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2⁻²⁰ ≤ f < 2⁻²⁰
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
