// tanh over raw linear memory in f64x2 SIMD, bit-identical to src/math/tanh.ts: fdlibm's
// s_tanh.c and s_expm1.c (FreeBSD msun), ported operation for operation. tanh.test.ts in src
// reaches every branch and compares 2¹⁹ arbitrary bit patterns.

import { loadPair, storeNarrowPair, storePair } from './pairs';
import { INV_LN2, LN2_HI, LN2_LO, lane, M_BIAS, M_SIGN, mask, reductionMultiple } from './reduction';

const Q1: f64 = -3.33333333333331316428e-2;
const Q2: f64 = 1.58730158725481460165e-3;
const Q3: f64 = -7.93650757867487942473e-5;
const Q4: f64 = 4.00821782732936239552e-6;
const Q5: f64 = -2.01099218183624371326e-7;

/** 2ᵏ for a whole number k in the normal range, from its exponent bits. */
// @ts-expect-error: decorator
@inline function powerOfTwo(k: i32): f64 {
  return reinterpret<f64>(<u64>(0x3ff + k) << 52);
}

/** e^x − 1 as fdlibm's expm1, every branch included. */
function expm1Scalar(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  const negative = <i32>(bits >> 63);
  const hx = <u32>(bits >> 32) & 0x7fffffff;
  let k: i32 = 0;
  let hi: f64 = 0;
  let lo: f64 = 0;
  let c: f64 = 0;
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return ((hx & 0xfffff) | <u32>bits) != 0 ? x + x : negative ? -1 : x;
      if (x > 7.09782712893383973096e2) return Infinity;
    }
    if (negative) return -1;
  }
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = <i32>(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2⁻⁵⁴
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k == 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k == -1) return 0.5 * (x - e) - 0.5;
  if (k == 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  if (k <= -2 || k > 56) {
    let y = 1 - (e - x);
    y = k == 1024 ? y * 2.0 * 8.98846567431157953865e307 : y * powerOfTwo(k);
    return y - 1;
  }
  if (k < 20) return (1 - powerOfTwo(-k) - (e - x)) * powerOfTwo(k);
  return (x - (e + powerOfTwo(-k)) + 1) * powerOfTwo(k);
}

/** tanh x as fdlibm computes it, every branch included (the lanes the SIMD path declines). */
function tanhScalar(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  const ix = <u32>(bits >> 32) & 0x7fffffff;
  if (ix >= 0x7ff00000) return <i64>bits >= 0 ? 1 / x + 1 : 1 / x - 1; // ±∞, NaN
  let z: f64;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x; // |x| < 2⁻²⁸
    if (ix >= 0x3ff00000) {
      const t = expm1Scalar(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1Scalar(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| ≥ 22
  }
  return <i64>bits >= 0 ? z : -z;
}

// The SIMD constants, each splatted to two lanes, as static data read through `lane` (see
// reduction.ts for why they are loaded).
const LANES = memory.data<f64>(
  [
    LN2_HI, LN2_HI, LN2_LO, LN2_LO, Q1, Q1, Q2, Q2, Q3, Q3, Q4, Q4, Q5, Q5,
    0.5, 0.5, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 6.0, 6.0, 3.725290298461914e-9, 3.725290298461914e-9,
    22.0, 22.0, 6755399441055744.0, 6755399441055744.0, -1.0, -1.0, 20.0, 20.0, 56.0, 56.0,
  ],
  16,
);
const L_LN2_HI = 0;
const L_LN2_LO = 1;
const L_Q1 = 2;
const L_Q2 = 3;
const L_Q3 = 4;
const L_Q4 = 5;
const L_Q5 = 6;
const L_HALF = 7;
const L_ONE = 8;
const L_TWO = 9;
const L_THREE = 10;
const L_SIX = 11;
const L_TINY = 12;
const L_LIMIT = 13;
const L_SHIFTER = 14; // 1.5·2⁵²
const L_MINUS_ONE = 15;
const L_TWENTY = 16;
const L_FIFTY_SIX = 17;

/**
 * expm1 on two lanes with |x| in [2⁻²⁷, 44) and x > −2, which is what tanh asks for: the
 * reduction, polynomial and correction are one formula for every lane (as in vector.ts's exp:
 * k is forced to 0 below ln2/2, and the truncation gives k = −1 in fdlibm's ±1 band); the five
 * reconstructions fdlibm picks by k are all computed and selected per lane. k = 1 and k = 2
 * cannot occur in this domain (positive arguments are at least 2).
 */
// @ts-expect-error: decorator
@inline function expm1Lanes(x: v128): v128 {
  const t = reductionMultiple(x);
  const hi = f64x2.sub(x, f64x2.mul(t, lane(LANES, L_LN2_HI)));
  const lo = f64x2.mul(t, lane(LANES, L_LN2_LO));
  const r = f64x2.sub(hi, lo);
  const c = f64x2.sub(f64x2.sub(hi, r), lo);
  const hfx = f64x2.mul(lane(LANES, L_HALF), r);
  const hxs = f64x2.mul(r, hfx);
  let p = f64x2.add(lane(LANES, L_Q4), f64x2.mul(hxs, lane(LANES, L_Q5)));
  p = f64x2.add(lane(LANES, L_Q3), f64x2.mul(hxs, p));
  p = f64x2.add(lane(LANES, L_Q2), f64x2.mul(hxs, p));
  p = f64x2.add(lane(LANES, L_Q1), f64x2.mul(hxs, p));
  const r1 = f64x2.add(lane(LANES, L_ONE), f64x2.mul(hxs, p));
  const t3 = f64x2.sub(lane(LANES, L_THREE), f64x2.mul(r1, hfx));
  const e = f64x2.mul(hxs, f64x2.div(f64x2.sub(r1, t3), f64x2.sub(lane(LANES, L_SIX), f64x2.mul(r, t3))));
  // k = 0: no reconstruction.
  const whenZero = f64x2.sub(r, f64x2.sub(f64x2.mul(r, e), hxs));
  const e2 = f64x2.sub(f64x2.sub(f64x2.mul(r, f64x2.sub(e, c)), c), hxs);
  // k = −1.
  const whenMinusOne = f64x2.sub(f64x2.mul(lane(LANES, L_HALF), f64x2.sub(r, e2)), lane(LANES, L_HALF));
  // 2ᵏ and 2⁻ᵏ from k's bits (t + 1.5·2⁵² holds k in its low mantissa bits).
  const k = i64x2.sub(f64x2.add(t, lane(LANES, L_SHIFTER)), lane(LANES, L_SHIFTER));
  const twoK = i64x2.shl(i64x2.add(k, mask(M_BIAS)), 52);
  const twoMinusK = i64x2.shl(i64x2.sub(mask(M_BIAS), k), 52);
  const oneMinusEx = f64x2.sub(lane(LANES, L_ONE), f64x2.sub(e2, r));
  // k ≤ −2 or k > 56.
  const whenFar = f64x2.sub(f64x2.mul(oneMinusEx, twoK), lane(LANES, L_ONE));
  // 2 < k < 20 (in this domain).
  const whenLow = f64x2.mul(f64x2.sub(f64x2.sub(lane(LANES, L_ONE), twoMinusK), f64x2.sub(e2, r)), twoK);
  // 20 ≤ k ≤ 56.
  const whenHigh = f64x2.mul(f64x2.add(f64x2.sub(r, f64x2.add(e2, twoMinusK)), lane(LANES, L_ONE)), twoK);
  const isZero = f64x2.eq(t, f64x2.splat(0));
  const isMinusOne = f64x2.eq(t, lane(LANES, L_MINUS_ONE));
  const isFar = v128.or(f64x2.lt(t, lane(LANES, L_MINUS_ONE)), f64x2.gt(t, lane(LANES, L_FIFTY_SIX)));
  const isLow = f64x2.lt(t, lane(LANES, L_TWENTY));
  let y = v128.bitselect(whenLow, whenHigh, isLow);
  y = v128.bitselect(whenFar, y, isFar);
  y = v128.bitselect(whenMinusOne, y, isMinusOne);
  return v128.bitselect(whenZero, y, isZero);
}

/** tanh on two lanes, each either through the SIMD formula or (outside it) the scalar port. */
// @ts-expect-error: decorator
@inline function tanhLanes(x: v128): v128 {
  const magnitude = v128.andnot(x, mask(M_SIGN));
  // NaN fails both comparisons, so `not in range` catches it.
  const inRange = v128.and(f64x2.ge(magnitude, lane(LANES, L_TINY)), f64x2.lt(magnitude, lane(LANES, L_LIMIT)));
  if (!i64x2.all_true(inRange)) {
    return f64x2.replace_lane(
      f64x2.splat(tanhScalar(f64x2.extract_lane(x, 0))),
      1,
      tanhScalar(f64x2.extract_lane(x, 1)),
    );
  }
  // |x| ≥ 1: t = expm1(2|x|), z = 1 − 2/(t + 2); below: t = expm1(−2|x|), z = −t/(t + 2).
  const big = f64x2.ge(magnitude, lane(LANES, L_ONE));
  const twice = f64x2.mul(lane(LANES, L_TWO), magnitude);
  const t = expm1Lanes(v128.bitselect(twice, f64x2.neg(twice), big));
  // One division for both forms: the numerator is chosen first, the quotient is the same.
  const q = f64x2.div(v128.bitselect(lane(LANES, L_TWO), f64x2.neg(t), big), f64x2.add(t, lane(LANES, L_TWO)));
  const z = v128.bitselect(f64x2.sub(lane(LANES, L_ONE), q), q, big);
  // z > 0 in both forms; tanh(−x) = −tanh(x) is the sign bit of x.
  return v128.or(z, v128.and(x, mask(M_SIGN)));
}

// float32 results need tanh x only to the precision that decides their rounding. For them a
// cheaper formula runs, and its result is rounded to float32 only where that rounding is
// certain to equal the exact port's (Ziv's test): z·(1 − δ) and z·(1 + δ) must round to the same
// float32. The formula is within about 2·10⁻¹³ of tanh x relative, δ = 2⁻³⁶ is 70 times that,
// and fdlibm's result is within one ulp, so both lie in that interval, and rounding, being
// monotonic, sends every number in it to the same float32. Otherwise (about one lane in 2¹¹)
// the exact port runs. Every float32 argument was checked against the exact port this way, and
// src/tanh.test.ts keeps arguments where the formula alone would round the other way.
//
// The formula: tanh |x| = m/(m + 2) with m = e^w − 1, w = 2|x|, one division and no branch.
// w = k·ln2 + r with |r| ≤ ln2/2 (fdlibm's reduction), so m = 2ᵏ·(e^r − 1) + (2ᵏ − 1) with
// e^r − 1 = r·q(r), q a degree-8 polynomial: no cancellation worse than a factor 2.4 (k = 1,
// r < 0), and none near 0, where k = 0 and m = r·q(r).
const NARROW = memory.data<f64>(
  [
    40.0, 40.0,
    // q(r) ≈ (e^r − 1)/r = 1 + c₁r + … + c₈r⁸ for |r| ≤ ln2/2: the polynomial through it at nine
    // Chebyshev nodes; r·q(r) is within 9·10⁻¹⁴ of e^r − 1 relative (scripts/tanh-coefficients.mjs).
    // c₈ … c₁.
    0.0000027625165059187913, 0.0000027625165059187913, 0.000024876160162284216, 0.000024876160162284216, 0.00019841208593653436, 0.00019841208593653436, 0.0013888821685135977, 0.0013888821685135977,
    0.008333333353825686, 0.008333333353825686, 0.041666666890913855, 0.041666666890913855, 0.1666666666664816, 0.1666666666664816, 0.4999999999979802, 0.4999999999979802,
    // 1 ∓ δ with δ = 2⁻³⁶, and 1/ln2.
    0.9999999999854481, 0.9999999999854481, 1.000000000014552, 1.000000000014552, 1.4426950408889634, 1.4426950408889634,
  ],
  16,
);
const N_CLAMP = 0;
const N_POLYNOMIAL = 1; // eight entries, c₈ … c₁
const N_BELOW = 9;
const N_ABOVE = 10;
const N_INV_LN2 = 11;

// The float32 sign bit in each of four lanes.
const SIGN32 = memory.data<u32>([0x80000000, 0x80000000, 0x80000000, 0x80000000], 16);

/**
 * tanh on two float64 lanes (float32 arguments) rounded to two float32 lanes (lanes 0 and 1 of
 * the result), each equal to Math.fround(tanh(x)) with src/math/tanh.ts's tanh.
 */
// @ts-expect-error: decorator
@inline function tanhNarrowLanes(x: v128): v128 {
  const magnitude = v128.andnot(x, mask(M_SIGN));
  const one = lane(LANES, L_ONE);
  // w = min(2|x|, 40) (tanh 20 is 1 in float64; pmin takes NaN through and ±∞ to 40).
  const w = f64x2.pmin(f64x2.add(magnitude, magnitude), lane(NARROW, N_CLAMP));
  const t = f64x2.trunc(f64x2.add(f64x2.mul(w, lane(NARROW, N_INV_LN2)), lane(LANES, L_HALF)));
  const r = f64x2.sub(f64x2.sub(w, f64x2.mul(t, lane(LANES, L_LN2_HI))), f64x2.mul(t, lane(LANES, L_LN2_LO)));
  let q = lane(NARROW, N_POLYNOMIAL);
  for (let c = 1; c < 8; c++) q = f64x2.add(f64x2.mul(q, r), lane(NARROW, N_POLYNOMIAL + c));
  q = f64x2.add(f64x2.mul(q, r), one);
  // 2ᵏ from k's bits (t + 1.5·2⁵² holds k in its low mantissa bits).
  const k = i64x2.sub(f64x2.add(t, lane(LANES, L_SHIFTER)), lane(LANES, L_SHIFTER));
  const twoK = i64x2.shl(i64x2.add(k, mask(M_BIAS)), 52);
  const m = f64x2.add(f64x2.mul(twoK, f64x2.mul(r, q)), f64x2.sub(twoK, one));
  const z = f64x2.div(m, f64x2.add(m, lane(LANES, L_TWO)));
  // Ziv's test; NaN fails it (NaN ≠ NaN) and takes the exact port, as do the rare close calls.
  const below = f32x4.demote_f64x2_zero(f64x2.mul(z, lane(NARROW, N_BELOW)));
  const above = f32x4.demote_f64x2_zero(f64x2.mul(z, lane(NARROW, N_ABOVE)));
  if (!i32x4.all_true(f32x4.eq(below, above))) {
    return f32x4.demote_f64x2_zero(
      f64x2.replace_lane(f64x2.splat(tanhScalar(f64x2.extract_lane(x, 0))), 1, tanhScalar(f64x2.extract_lane(x, 1))),
    );
  }
  // z ≥ 0; tanh(−x) = −tanh(x), and rounding is symmetric.
  return v128.or(below, v128.and(f32x4.demote_f64x2_zero(x), v128.load(SIGN32)));
}

/** out[i] = tanh(z[i]) for n values of T at byte addresses z and out (out may be z). */
export function tanh<T>(z: usize, out: usize, n: i32): void {
  const S = sizeof<T>();
  let i = 0;
  if (sizeof<T>() == 4) {
    for (; i + 1 < n; i += 2) storeNarrowPair<T>(out + <usize>i * S, tanhNarrowLanes(loadPair<T>(z + <usize>i * S)));
  } else {
    for (; i + 1 < n; i += 2) storePair<T>(out + <usize>i * S, tanhLanes(loadPair<T>(z + <usize>i * S)));
  }
  if (i < n) store<T>(out + <usize>i * S, <T>tanhScalar(<f64>load<T>(z + <usize>i * S)));
}

export function tanh32(z: usize, out: usize, n: i32): void {
  tanh<f32>(z, out, n);
}

export function tanh64(z: usize, out: usize, n: i32): void {
  tanh<f64>(z, out, n);
}

/** out[i] = upstream[i]·(1 − a[i]·a[i]), tanh's backward from its output a, on n values of T. */
export function tanhBackward<T>(a: usize, upstream: usize, out: usize, n: i32): void {
  const S = sizeof<T>();
  const one = lane(LANES, L_ONE);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i * S;
    const ai = loadPair<T>(a + at);
    storePair<T>(out + at, f64x2.mul(loadPair<T>(upstream + at), f64x2.sub(one, f64x2.mul(ai, ai))));
  }
  if (i < n) {
    const at = <usize>i * S;
    const ai = <f64>load<T>(a + at);
    store<T>(out + at, <T>(<f64>load<T>(upstream + at) * (1 - ai * ai)));
  }
}
