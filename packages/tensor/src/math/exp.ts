// e^x as fdlibm's e_exp.c computes it (Sun, 1993; the algorithm V8's Math.exp ran through
// Node 20), ported operation for operation in float64 so every IEEE 754 engine gives its bits.
import { HALF_LN2, LN2_HI, LN2_LO, reductionMultiple } from '../internal/ln2-reduction';
import { twoTo } from '../internal/powers-of-two';

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
// fdlibm tests the high word of |x| against 0x40862e42 and 0x3e300000 (and 0x3fd62e42: see
// HALF_LN2); these are the doubles where those tests change (high word H, low word 0), so
// comparing |x| with them decides the same, without reading x's bits through memory.
const HUGE = 709.7822265625; // 0x40862e42_00000000
const TINY = 3.725290298461914e-9; // 2⁻²⁸

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
  const ax = Math.abs(x);
  // Only decides the reductions, where x ≠ 0.
  const negative = x < 0;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (!(ax < HUGE)) {
    // |x| ≥ 709.78: overflow, underflow, ±∞ or NaN.
    if (Number.isNaN(x)) return x + x;
    if (ax === Number.POSITIVE_INFINITY) return negative ? 0 : x;
    if (x > OVERFLOW) return Number.POSITIVE_INFINITY;
    if (x < UNDERFLOW) return 0;
  }
  if (ax >= HALF_LN2) {
    // |x| > ln2/2: reduce.
    k = reductionMultiple(x);
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax < TINY) {
    return 1 + x; // |x| < 2⁻²⁸
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  // fdlibm adds k to y's exponent bits; multiplying by 2ᵏ is the same number wherever the result
  // is normal (k = 1024 takes two factors, since 2¹⁰²⁴ is not a double).
  if (k >= -1021) return k === 1024 ? y * twoTo(1023) * 2 : y * twoTo(k);
  // A subnormal result: scale by 2^(k+1000) first, then by 2^−1000, so the rounding happens once.
  return y * twoTo(k + 1000) * TWO_M1000;
}
