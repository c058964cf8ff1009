// What fdlibm's exp and expm1 share, for their two-lane forms in vector.ts and tanh.ts: the
// constants of the reduction x = k·ln2 + r and k itself, computed the same way for every lane.

export const LN2_HI: f64 = 6.93147180369123816490e-1;
export const LN2_LO: f64 = 1.90821492927058770002e-10;
export const INV_LN2: f64 = 1.44269504088896338700e0;

// Integer masks, two lanes each, as static data (see `lane`).
const MASKS = memory.data<u64>(
  [0x8000000000000000, 0x8000000000000000, 0x3fd62e42, 0x3fd62e42, 0x7fffffff, 0x7fffffff, 0x3ff, 0x3ff],
  16,
);
export const M_SIGN = 0;
const M_HALF_LN2_HIGH = 1;
const M_ABS_HIGH = 2;
export const M_BIAS = 3; // the exponent bias, 1023
// The reduction's own constants, splatted.
const REDUCTION = memory.data<f64>([0.5, 0.5, INV_LN2, INV_LN2], 16);

/**
 * Entry `index` of a table of two-lane constants at `table`. The kernels load their constants
 * rather than writing v128.const: V8 builds a v128.const from immediates (about four
 * instructions) every time a loop reaches it, and a load from L1 is one.
 */
// @ts-expect-error: decorator
@inline export function lane(table: usize, index: i32): v128 {
  return v128.load(table + (<usize>index << 4));
}

/** Integer mask `index` (M_SIGN, M_BIAS). */
// @ts-expect-error: decorator
@inline export function mask(index: i32): v128 {
  return lane(MASKS, index);
}

/**
 * k of fdlibm's reduction as a whole float per lane: round-half-away(x/ln2) by truncating
 * x·(1/ln2) ± ½, and 0 where |x| ≤ ln2/2 (by the high word, as fdlibm tests it), where fdlibm
 * does not reduce. In fdlibm's band ln2/2 < |x| < 1.5·ln2, where it sets k = ±1 directly, the
 * truncation gives ±1 too.
 */
// @ts-expect-error: decorator
@inline export function reductionMultiple(x: v128): v128 {
  const absHigh = v128.and(i64x2.shr_u(x, 32), mask(M_ABS_HIGH));
  const reduce = i64x2.gt_s(absHigh, mask(M_HALF_LN2_HIGH));
  const half = v128.or(lane(REDUCTION, 0), v128.and(x, mask(M_SIGN)));
  return v128.and(f64x2.trunc(f64x2.add(f64x2.mul(lane(REDUCTION, 1), x), half)), reduce);
}
