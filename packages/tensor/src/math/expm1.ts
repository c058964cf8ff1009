// e^x − 1 as fdlibm's s_expm1.c computes it (FreeBSD msun, the version V8's Math.expm1 ran
// through Node 20), ported operation for operation in float64.

import { HALF_LN2, LN2_HI, LN2_LO, reductionMultiple } from '../internal/ln2-reduction';
import { twoTo } from '../internal/powers-of-two';

// Scaled coefficients of the rational approximation of e^r − 1 on [−ln2/2, ln2/2] (s_expm1.c).
const Q1 = -0.03333333333333313;
const Q2 = 0.0015873015872548146;
const Q3 = -0.0000793650757867488;
const Q4 = 0.000004008217827329362;
const Q5 = -2.0109921818362437e-7;
const OVERFLOW = 709.782712893384;
const TWO_1023 = 8.98846567431158e307;

// The doubles where fdlibm's high-word tests (against 0x4043687a, 0x40862e42, 0x3c900000)
// change, so comparing |x| with them decides the same (see exp.ts).
const FAR = 38.81622314453125; // 56·ln2, 0x4043687a_00000000
const HUGE = 709.7822265625;
const TINY = 5.551115123125783e-17; // 2⁻⁵⁴

/**
 * e^x − 1 without the cancellation of `exp(x) − 1` near 0, within one ulp, the same bits on
 * every engine.
 *
 * @example
 * expm1(1e-10); // 1.00000000005e-10
 * expm1(-Infinity); // -1
 */
export function expm1(x: number): number {
  const ax = Math.abs(x);
  // Only decides where x ≠ 0.
  const negative = x < 0;
  let k = 0;
  let c = 0;
  if (!(ax < FAR)) {
    // |x| ≥ 56·ln2, ±∞ or NaN
    if (!(ax < HUGE)) {
      if (Number.isNaN(x)) return x + x;
      if (ax === Number.POSITIVE_INFINITY) return negative ? -1 : x;
      if (x > OVERFLOW) return Number.POSITIVE_INFINITY;
    }
    if (negative) return -1;
  }
  if (ax >= HALF_LN2) {
    k = reductionMultiple(x);
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    x = hi - lo;
    // The rounding error of hi − lo, added back below.
    c = hi - x - lo;
  } else if (ax < TINY) {
    return x; // |x| < 2⁻⁵⁴
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return (k === 1024 ? y * 2.0 * TWO_1023 : y * twoTo(k)) - 1;
  }
  // 1 − 2⁻ᵏ (k < 20) and 2⁻ᵏ are exact, so these are fdlibm's SET_HIGH_WORD constants.
  if (k < 20) return (1 - twoTo(-k) - (e - x)) * twoTo(k);
  return (x - (e + twoTo(-k)) + 1) * twoTo(k);
}
