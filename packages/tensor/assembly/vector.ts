// Elementwise kernels over raw linear memory, in f64x2 SIMD: the logistic function σ(z), its
// backward rule and Adam's update. They repeat the JavaScript loops operation for operation in
// float64, so their results are bit-identical to them; exp is fdlibm's __ieee754_exp, the same
// algorithm as src/math/exp.ts, so even e^x agrees to the last bit in every engine
// (logistic.test.ts reaches every branch and compares 2¹⁹ arbitrary bit patterns).

import { loadPair, narrowPair, storeNarrowPair, storePair, widenPair } from './pairs';
import { INV_LN2, LN2_HI, LN2_LO, lane, M_SIGN, mask, reductionMultiple } from './reduction';

// fdlibm's constants for exp (e_exp.c), bit for bit.
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;
const OVERFLOW: f64 = 7.09782712893383973096e2;
const UNDERFLOW: f64 = -7.45133219101941108420e2;
const TWO_M1000: f64 = 9.33263618503218878990e-302;

/** e^x exactly as fdlibm computes it, every branch included (the lanes the SIMD path declines). */
function expScalar(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  const negative = <i32>(bits >> 63);
  const hx = <u32>(bits >> 32) & 0x7fffffff;
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | <u32>bits) != 0) return x + x; // NaN
      return negative ? 0 : x; // e^±∞
    }
    if (x > OVERFLOW) return Infinity;
    if (x < UNDERFLOW) return 0;
  }
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2: x = k·ln2 + r, with k·ln2 split into an exact high part and a low part.
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = 1 - negative - negative;
    } else {
      k = <i32>(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2⁻²⁸
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) return reinterpret<f64>(reinterpret<u64>(y) + (<u64>k << 52));
  return reinterpret<f64>(reinterpret<u64>(y) + (<u64>(k + 1000) << 52)) * TWO_M1000;
}

// The SIMD constants, each splatted to two lanes, as static data read through `lane` (see
// reduction.ts for why they are loaded).
const LANES = memory.data<f64>(
  [
    LN2_HI, LN2_HI, LN2_LO, LN2_LO, P1, P1, P2, P2, P3, P3, P4, P4, P5, P5, 1.0, 1.0, 2.0, 2.0,
    3.725290298461914e-9, 3.725290298461914e-9, 707.0, 707.0, 6755399441055744.0, 6755399441055744.0,
  ],
  16,
);
// Their indices in LANES.
const L_LN2_HI = 0;
const L_LN2_LO = 1;
const L_P1 = 2;
const L_P2 = 3;
const L_P3 = 4;
const L_P4 = 5;
const L_P5 = 6;
const L_ONE = 7;
const L_TWO = 8;
const L_TINY = 9;
const L_HUGE = 10;
const L_SHIFTER = 11; // 1.5·2⁵²

/**
 * fdlibm's e^x on two lanes whose |x| lies in [2⁻²⁸, 707): there every lane takes the same
 * formula. Below ln2/2 fdlibm skips the reduction (k = 0) and returns 1 − (xc/(c − 2) − x);
 * with hi = x, lo = 0 the general 1 − ((lo − xc/(2 − c)) − hi) is that same number, because
 * negating a rounded difference is exact. Between ln2/2 and 1.5·ln2 fdlibm sets k = ±1
 * directly, which is what the truncation gives there too.
 */
// @ts-expect-error: decorator
@inline function expLanes(x: v128): v128 {
  const t = reductionMultiple(x);
  const hi = f64x2.sub(x, f64x2.mul(t, lane(LANES, L_LN2_HI)));
  const lo = f64x2.mul(t, lane(LANES, L_LN2_LO));
  const r = f64x2.sub(hi, lo);
  const rr = f64x2.mul(r, r);
  let p = f64x2.add(lane(LANES, L_P4), f64x2.mul(rr, lane(LANES, L_P5)));
  p = f64x2.add(lane(LANES, L_P3), f64x2.mul(rr, p));
  p = f64x2.add(lane(LANES, L_P2), f64x2.mul(rr, p));
  p = f64x2.add(lane(LANES, L_P1), f64x2.mul(rr, p));
  const c = f64x2.sub(r, f64x2.mul(rr, p));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(lane(LANES, L_TWO), c));
  const y = f64x2.sub(lane(LANES, L_ONE), f64x2.sub(f64x2.sub(lo, q), hi));
  // k·2⁵² added to y's bits scales y by 2ᵏ. t is a whole number of magnitude below 2²⁰, so
  // t + 1.5·2⁵² holds k in its low mantissa bits and subtracting that constant's bits leaves k
  // as a 64-bit integer: two SIMD operations where the f64 → i32 → i64 conversions take ten.
  const k = i64x2.sub(f64x2.add(t, lane(LANES, L_SHIFTER)), lane(LANES, L_SHIFTER));
  return i64x2.add(y, i64x2.shl(k, 52));
}

/** True when a lane of x is outside expLanes' range (tiny, huge, NaN or ±∞). */
// @ts-expect-error: decorator
@inline function outsideExpLanes(x: v128): bool {
  const magnitude = v128.andnot(x, mask(M_SIGN));
  // NaN fails both comparisons, so `not in range` catches it.
  const inRange = v128.and(f64x2.ge(magnitude, lane(LANES, L_TINY)), f64x2.lt(magnitude, lane(LANES, L_HUGE)));
  return !i64x2.all_true(inRange);
}

/** σ(z) as @deltanet/activations' `logistic`: z ≥ 0 gives 1/(1 + e^−z), else e^z/(1 + e^z). */
function logisticScalar(z: f64): f64 {
  if (z >= 0) return 1 / (1 + expScalar(-z));
  const e = expScalar(z);
  return e / (1 + e);
}

/** Both branches of logisticScalar as one: e = e^−|z|, then (z ≥ 0 ? 1 : e) / (1 + e). */
// @ts-expect-error: decorator
@inline function logisticLanes(z: v128): v128 {
  const minusAbs = v128.or(z, mask(M_SIGN));
  if (outsideExpLanes(minusAbs)) {
    return f64x2.replace_lane(
      f64x2.splat(logisticScalar(f64x2.extract_lane(z, 0))),
      1,
      logisticScalar(f64x2.extract_lane(z, 1)),
    );
  }
  const e = expLanes(minusAbs);
  // No NaN or ±0 gets here, so a clear sign bit means exactly z ≥ 0.
  const nonNegative = i64x2.ge_s(z, i64x2.splat(0));
  return f64x2.div(v128.bitselect(lane(LANES, L_ONE), e, nonNegative), f64x2.add(lane(LANES, L_ONE), e));
}

/** out[i] = σ(z[i]) for n values of T at byte addresses z and out (out may be z). */
export function logistic<T>(z: usize, out: usize, n: i32): void {
  const S = sizeof<T>();
  let i = 0;
  for (; i + 1 < n; i += 2) storePair<T>(out + <usize>i * S, logisticLanes(loadPair<T>(z + <usize>i * S)));
  if (i < n) store<T>(out + <usize>i * S, <T>logisticScalar(<f64>load<T>(z + <usize>i * S)));
}

export function logistic32(z: usize, out: usize, n: i32): void {
  logistic<f32>(z, out, n);
}

export function logistic64(z: usize, out: usize, n: i32): void {
  logistic<f64>(z, out, n);
}

/**
 * Adam's update as @deltanet/optimizers writes it, operation for operation, on n parameters of
 * T (θ, g, m and v are byte addresses of n values each):
 * m ← β₁m + (1 − β₁)g; v ← β₂v + ((1 − β₂)g)g; θ ← decay·θ − (αₜm) / (√v + ε̂).
 * θ's update reads m and v as stored (rounded to float32 in f32, as the loop's Math.fround).
 */
function adam<T>(
  theta: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  stepSize: f64,
  epsilonHat: f64,
  decay: f64,
): void {
  const S = sizeof<T>();
  const b1 = f64x2.splat(beta1);
  const k1 = f64x2.splat(1 - beta1);
  const b2 = f64x2.splat(beta2);
  const k2 = f64x2.splat(1 - beta2);
  const step = f64x2.splat(stepSize);
  const eps = f64x2.splat(epsilonHat);
  const d = f64x2.splat(decay);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i * S;
    const gi = loadPair<T>(g + at);
    // m and v rounded once to T, stored, and read by θ's update as stored.
    const mNarrow = narrowPair<T>(f64x2.add(f64x2.mul(b1, loadPair<T>(m + at)), f64x2.mul(k1, gi)));
    const vNarrow = narrowPair<T>(f64x2.add(f64x2.mul(b2, loadPair<T>(v + at)), f64x2.mul(f64x2.mul(k2, gi), gi)));
    storeNarrowPair<T>(m + at, mNarrow);
    storeNarrowPair<T>(v + at, vNarrow);
    const mi = widenPair<T>(mNarrow);
    const vi = widenPair<T>(vNarrow);
    const update = f64x2.div(f64x2.mul(step, mi), f64x2.add(f64x2.sqrt(vi), eps));
    storePair<T>(theta + at, f64x2.sub(f64x2.mul(d, loadPair<T>(theta + at)), update));
  }
  if (i < n) {
    const at = <usize>i * S;
    const gi = <f64>load<T>(g + at);
    const mi = <f64>(<T>(beta1 * <f64>load<T>(m + at) + (1 - beta1) * gi));
    const vi = <f64>(<T>(beta2 * <f64>load<T>(v + at) + (1 - beta2) * gi * gi));
    store<T>(m + at, <T>mi);
    store<T>(v + at, <T>vi);
    store<T>(theta + at, <T>(decay * <f64>load<T>(theta + at) - (stepSize * mi) / (Math.sqrt(vi) + epsilonHat)));
  }
}

export function adam32(
  theta: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  stepSize: f64,
  epsilonHat: f64,
  decay: f64,
): void {
  adam<f32>(theta, g, m, v, n, beta1, beta2, stepSize, epsilonHat, decay);
}

export function adam64(
  theta: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  stepSize: f64,
  epsilonHat: f64,
  decay: f64,
): void {
  adam<f64>(theta, g, m, v, n, beta1, beta2, stepSize, epsilonHat, decay);
}

/** out[i] = upstream[i]·(a[i]·(1 − a[i])), σ's backward from its output a, on n values of T. */
export function logisticBackward<T>(a: usize, upstream: usize, out: usize, n: i32): void {
  const S = sizeof<T>();
  const one = f64x2.splat(1.0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i * S;
    const ai = loadPair<T>(a + at);
    storePair<T>(out + at, f64x2.mul(loadPair<T>(upstream + at), f64x2.mul(ai, f64x2.sub(one, ai))));
  }
  if (i < n) {
    const at = <usize>i * S;
    const ai = <f64>load<T>(a + at);
    store<T>(out + at, <T>(<f64>load<T>(upstream + at) * (ai * (1 - ai))));
  }
}

export function logisticBackward32(a: usize, upstream: usize, out: usize, n: i32): void {
  logisticBackward<f32>(a, upstream, out, n);
}

export function logisticBackward64(a: usize, upstream: usize, out: usize, n: i32): void {
  logisticBackward<f64>(a, upstream, out, n);
}
