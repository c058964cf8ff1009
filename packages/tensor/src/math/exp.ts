// e^x as fdlibm's e_exp.c computes it (Sun, 1993; the algorithm V8's Math.exp ran through
// Node 20), ported operation for operation in float64 so every IEEE 754 engine gives its bits.
import { highWord, lowWord, withHighWord } from '../internal/float-words';

/** ln 2 split as fdlibm does: LN2_HI has 20 trailing zero bits, so k·LN2_HI is exact. */
export const LN2_HI = 0.6931471803691238;
export const LN2_LO = 1.9082149292705877e-10;
// 1/ln 2 is log₂e, the constant fdlibm writes out as 1.44269504088896338700.
export const INV_LN2 = Math.LOG2E;

// The minimax polynomial of R(r²) = r·(e^r + 1)/(e^r − 1) ≈ 2 + P1·r² + … + P5·r¹⁰ on
// [−ln2/2, ln2/2], error below 2⁻⁵⁹ (e_exp.c's comment).
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;
const OVERFLOW = 709.782712893384;
const UNDERFLOW = -745.1332191019411;
const TWO_M1000 = 9.332636185032189e-302;

/**
 * e^x, within one ulp (fdlibm's bound; the tests measure it against a 200-bit reference) and the
 * same bits on every engine, unlike `Math.exp`, whose algorithm each engine chooses. x = k·ln2 + r
 * with |r| ≤ ln2/2, then e^r from a rational approximation and 2ᵏ put into the exponent.
 *
 * @example
 * exp(1); // 2.7182818284590455 (fdlibm; Math.E is one ulp below)
 * exp(-Infinity); // 0
 */
export function exp(x: number): number {
  const high = highWord(x);
  const negative = high < 0;
  const hx = high & 0x7fffffff;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78: overflow, underflow, ±∞ or NaN.
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x;
      return negative ? 0 : x;
    }
    if (x > OVERFLOW) return Number.POSITIVE_INFINITY;
    if (x < UNDERFLOW) return 0;
  }
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: reduce. Below 1.5·ln2, k = ±1 directly.
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      // C's (int) conversion truncates toward zero, as `| 0` does for |value| < 2³¹.
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2⁻²⁸
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  // A subnormal result: scale by 2^(k+1000) first, then by 2^−1000, so the rounding happens once.
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}
