// ln x as fdlibm's e_log.c computes it (Sun, 1993; the algorithm V8's Math.log ran through
// Node 20), ported operation for operation in float64 so every IEEE 754 engine gives its bits.
import { highWord } from '../internal/float-words';
import { LN2_HI, LN2_LO } from '../internal/ln2-reduction';
import { twoTo } from '../internal/powers-of-two';

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
  if (hx < 0x00100000 || hx >= 0x7ff00000) {
    // Zero, negative, subnormal, ∞ or NaN. (The rare cases live in their own functions so that
    // this one stays small enough for V8 to inline into a caller's loop.)
    if (!(x > 0) || x === Number.POSITIVE_INFINITY) return logOutside(x);
    k = -54;
    x *= TWO_54; // a subnormal is scaled into the normal range
    hx = highWord(x);
  }
  const exponent = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // i is 0x100000 when the mantissa is at least √2's, and then x is normalized to x/2.
  const i = (hx + 0x95f64) & 0x100000;
  // fdlibm sets x's exponent bits (to 0x3ff or 0x3fe); scaling by a power of two is the same
  // number, and avoids writing half a double and reading it whole, which stalls the CPU.
  x *= twoTo(-(exponent + (i >> 20)));
  k += exponent + (i >> 20);
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) return logNearPowerOfTwo(f, k); // −2⁻²⁰ ≤ f < 2⁻²⁰
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/** log of 0 (−∞), of a negative number or NaN (NaN), of +∞ (+∞). */
function logOutside(x: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return x > 0 ? x : Number.NaN;
}

/** k·ln2 + log(1 + f) for |f| < 2⁻²⁰, from log(1 + f) ≈ f − f²/2 + f³/3. */
function logNearPowerOfTwo(f: number, k: number): number {
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
  const r = f * f * (0.5 - 0.3333333333333333 * f);
  return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
}
