// What fdlibm's exp and expm1 share (as assembly/reduction.ts does for the wasm kernels): the
// reduction x = k·ln2 + r with |r| ≤ ln2/2, its constants and k itself.

/** ln 2 split as fdlibm does: LN2_HI has 20 trailing zero bits, so k·LN2_HI is exact. */
export const LN2_HI = 0.6931471803691238;
export const LN2_LO = 1.9082149292705877e-10;
// 1/ln 2 is log₂e, the constant fdlibm writes out as 1.44269504088896338700.
export const INV_LN2 = Math.LOG2E;
// fdlibm tests the high word of |x| against 0x3fd62e42 and 0x3ff0a2b2; this is the double where
// the first test changes (high word above 0x3fd62e42, low word 0), so comparing |x| with it
// decides the same without reading x's bits through memory.
export const HALF_LN2 = 0.3465735912322998; // 0x3fd62e43_00000000

/**
 * k = round(x/ln2), halves away from 0, for |x| ≥ ln2/2 (below, fdlibm does not reduce): C's
 * (int) truncation of x·(1/ln2) ± ½, which `| 0` is for |k| < 2³¹. In the band |x| < 1.5·ln2,
 * where fdlibm sets k = ±1 directly, this gives ±1 too, and x − k·LN2_HI and k·LN2_LO are then
 * exactly fdlibm's x ∓ LN2_HI and ±LN2_LO, so one path serves both.
 *
 * @example
 * reductionMultiple(-3); // -4 (−3 = −4·ln2 + 0.77)
 */
export function reductionMultiple(x: number): number {
  return (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
}
