// Two values of an f32 or f64 array as one f64x2, and back. The vector kernels compute in
// float64 whatever the storage and round once on store, as a Float32Array assignment does, so
// one generic loop per kernel serves both precisions with the JavaScript loops' exact results.

/** Two float64 lanes narrowed to T: float32 lanes 0 and 1 (rounded to nearest), or x itself. */
// @ts-expect-error: decorator
@inline export function narrowPair<T>(x: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.demote_f64x2_zero(x);
  return x;
}

/** narrowPair's result widened back to two float64 lanes (exact). */
// @ts-expect-error: decorator
@inline export function widenPair<T>(narrow: v128): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(narrow);
  return narrow;
}

/** Stores a narrowPair result as two values of a T array at `at`. */
// @ts-expect-error: decorator
@inline export function storeNarrowPair<T>(at: usize, narrow: v128): void {
  if (sizeof<T>() == 4) v128.store64_lane(at, narrow, 0);
  else v128.store(at, narrow);
}

/** Values at..at+1 of a T array, widened to float64. */
// @ts-expect-error: decorator
@inline export function loadPair<T>(at: usize): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(at));
  return v128.load(at);
}

/** Stores both lanes of x into a T array at `at`, rounded to T. */
// @ts-expect-error: decorator
@inline export function storePair<T>(at: usize, x: v128): void {
  storeNarrowPair<T>(at, narrowPair<T>(x));
}
