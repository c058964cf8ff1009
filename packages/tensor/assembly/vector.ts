// Elementwise kernels over raw linear memory, in f64x2 SIMD: the logistic function σ(z), its
// backward rule and Adam's update. They repeat the JavaScript loops operation for operation in
// float64, so their results are bit-identical to them; exp is fdlibm's __ieee754_exp, the
// algorithm behind V8's Math.exp, so even e^x agrees to the last bit (checked against Math.exp
// on two million arguments while porting; logistic.test.ts reaches every branch).

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

/** σ from e = e^−|z| for lanes that are neither NaN nor ±0: (z ≥ 0 ? 1 : e) / (1 + e). */
// @ts-expect-error: decorator
@inline function logisticFromExp(z: v128, e: v128): v128 {
  // No NaN or ±0 gets here, so a clear sign bit means exactly z ≥ 0.
  const nonNegative = i64x2.ge_s(z, i64x2.splat(0));
  return f64x2.div(v128.bitselect(lane(LANES, L_ONE), e, nonNegative), f64x2.add(lane(LANES, L_ONE), e));
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
  return logisticFromExp(z, expLanes(minusAbs));
}

/**
 * logisticLanes on four values, z0 and z1, written to out and out + step. One long dependency
 * chain per pair (reduction, polynomial, two divisions) leaves the FP units idle; two
 * independent chains in one block overlap.
 */
// @ts-expect-error: decorator
@inline function logisticQuad(z0: v128, z1: v128, out: usize, step: usize, f32: bool): void {
  const minusAbs0 = v128.or(z0, mask(M_SIGN));
  const minusAbs1 = v128.or(z1, mask(M_SIGN));
  let s0: v128;
  let s1: v128;
  if (outsideExpLanes(minusAbs0) || outsideExpLanes(minusAbs1)) {
    s0 = logisticLanes(z0);
    s1 = logisticLanes(z1);
  } else {
    const e0 = expLanes(minusAbs0);
    const e1 = expLanes(minusAbs1);
    s0 = logisticFromExp(z0, e0);
    s1 = logisticFromExp(z1, e1);
  }
  if (f32) {
    v128.store64_lane(out, f32x4.demote_f64x2_zero(s0), 0);
    v128.store64_lane(out + step, f32x4.demote_f64x2_zero(s1), 0);
  } else {
    v128.store(out, s0);
    v128.store(out + step, s1);
  }
}

/** out[i] = σ(z[i]) for n float64 values at byte addresses z and out (out may be z). */
export function logistic64(z: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const at = <usize>i << 3;
    logisticQuad(v128.load(z + at), v128.load(z + at, 16), out + at, 16, false);
  }
  for (; i + 1 < n; i += 2) v128.store(out + (<usize>i << 3), logisticLanes(v128.load(z + (<usize>i << 3))));
  if (i < n) store<f64>(out + (<usize>i << 3), logisticScalar(load<f64>(z + (<usize>i << 3))));
}

/** out[i] = σ(z[i]) for n float32 values, computed in float64 and rounded once, like a Float32Array store. */
export function logistic32(z: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const at = <usize>i << 2;
    const four = v128.load(z + at);
    const high = i64x2.shuffle(four, four, 1, 0);
    logisticQuad(f64x2.promote_low_f32x4(four), f64x2.promote_low_f32x4(high), out + at, 8, true);
  }
  for (; i + 1 < n; i += 2) {
    const lanes = logisticLanes(f64x2.promote_low_f32x4(v128.load64_zero(z + (<usize>i << 2))));
    v128.store64_lane(out + (<usize>i << 2), f32x4.demote_f64x2_zero(lanes), 0);
  }
  if (i < n) store<f32>(out + (<usize>i << 2), <f32>logisticScalar(<f64>load<f32>(z + (<usize>i << 2))));
}

/**
 * Adam's update as @deltanet/optimizers writes it, operation for operation, on n float64
 * parameters (θ, g, m and v are byte addresses of n values each):
 * m ← β₁m + (1 − β₁)g; v ← β₂v + ((1 − β₂)g)g; θ ← decay·θ − (αₜm) / (√v + ε̂).
 */
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
  const b1 = f64x2.splat(beta1);
  const k1 = f64x2.splat(1 - beta1);
  const b2 = f64x2.splat(beta2);
  const k2 = f64x2.splat(1 - beta2);
  const step = f64x2.splat(stepSize);
  const eps = f64x2.splat(epsilonHat);
  const d = f64x2.splat(decay);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i << 3;
    const gi = v128.load(g + at);
    const mi = f64x2.add(f64x2.mul(b1, v128.load(m + at)), f64x2.mul(k1, gi));
    const vi = f64x2.add(f64x2.mul(b2, v128.load(v + at)), f64x2.mul(f64x2.mul(k2, gi), gi));
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    const update = f64x2.div(f64x2.mul(step, mi), f64x2.add(f64x2.sqrt(vi), eps));
    v128.store(theta + at, f64x2.sub(f64x2.mul(d, v128.load(theta + at)), update));
  }
  if (i < n) {
    const at = <usize>i << 3;
    const gi = load<f64>(g + at);
    const mi = beta1 * load<f64>(m + at) + (1 - beta1) * gi;
    const vi = beta2 * load<f64>(v + at) + (1 - beta2) * gi * gi;
    store<f64>(m + at, mi);
    store<f64>(v + at, vi);
    store<f64>(theta + at, decay * load<f64>(theta + at) - (stepSize * mi) / (Math.sqrt(vi) + epsilonHat));
  }
}

/**
 * adam64's update on float32 storage: each value is widened to float64, m and v are rounded to
 * float32 before θ's update reads them (as the JavaScript loop's Math.fround), θ is rounded once.
 */
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
  const b1 = f64x2.splat(beta1);
  const k1 = f64x2.splat(1 - beta1);
  const b2 = f64x2.splat(beta2);
  const k2 = f64x2.splat(1 - beta2);
  const step = f64x2.splat(stepSize);
  const eps = f64x2.splat(epsilonHat);
  const d = f64x2.splat(decay);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i << 2;
    const gi = f64x2.promote_low_f32x4(v128.load64_zero(g + at));
    const m32 = f32x4.demote_f64x2_zero(
      f64x2.add(f64x2.mul(b1, f64x2.promote_low_f32x4(v128.load64_zero(m + at))), f64x2.mul(k1, gi)),
    );
    const v32 = f32x4.demote_f64x2_zero(
      f64x2.add(f64x2.mul(b2, f64x2.promote_low_f32x4(v128.load64_zero(v + at))), f64x2.mul(f64x2.mul(k2, gi), gi)),
    );
    v128.store64_lane(m + at, m32, 0);
    v128.store64_lane(v + at, v32, 0);
    const update = f64x2.div(
      f64x2.mul(step, f64x2.promote_low_f32x4(m32)),
      f64x2.add(f64x2.sqrt(f64x2.promote_low_f32x4(v32)), eps),
    );
    const thetaLanes = f64x2.promote_low_f32x4(v128.load64_zero(theta + at));
    v128.store64_lane(theta + at, f32x4.demote_f64x2_zero(f64x2.sub(f64x2.mul(d, thetaLanes), update)), 0);
  }
  if (i < n) {
    const at = <usize>i << 2;
    const gi = <f64>load<f32>(g + at);
    const mi = <f64>(<f32>(beta1 * <f64>load<f32>(m + at) + (1 - beta1) * gi));
    const vi = <f64>(<f32>(beta2 * <f64>load<f32>(v + at) + (1 - beta2) * gi * gi));
    store<f32>(m + at, <f32>mi);
    store<f32>(v + at, <f32>vi);
    store<f32>(theta + at, <f32>(decay * <f64>load<f32>(theta + at) - (stepSize * mi) / (Math.sqrt(vi) + epsilonHat)));
  }
}

/** out[i] = upstream[i]·(a[i]·(1 − a[i])), σ's backward from its output a, on n float64 values. */
export function logisticBackward64(a: usize, upstream: usize, out: usize, n: i32): void {
  const one = f64x2.splat(1.0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i << 3;
    const ai = v128.load(a + at);
    v128.store(out + at, f64x2.mul(v128.load(upstream + at), f64x2.mul(ai, f64x2.sub(one, ai))));
  }
  if (i < n) {
    const at = <usize>i << 3;
    const ai = load<f64>(a + at);
    store<f64>(out + at, load<f64>(upstream + at) * (ai * (1 - ai)));
  }
}

/** logisticBackward64 on float32 storage, computed in float64 and rounded once. */
export function logisticBackward32(a: usize, upstream: usize, out: usize, n: i32): void {
  const one = f64x2.splat(1.0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i << 2;
    const ai = f64x2.promote_low_f32x4(v128.load64_zero(a + at));
    const gi = f64x2.promote_low_f32x4(v128.load64_zero(upstream + at));
    v128.store64_lane(out + at, f32x4.demote_f64x2_zero(f64x2.mul(gi, f64x2.mul(ai, f64x2.sub(one, ai)))), 0);
  }
  if (i < n) {
    const at = <usize>i << 2;
    const ai = <f64>load<f32>(a + at);
    store<f32>(out + at, <f32>(<f64>load<f32>(upstream + at) * (ai * (1 - ai))));
  }
}
