// √(a² + b²) as V8's Math.hypot computes it (math.tq: scale by the larger magnitude, Kahan-sum the
// squares, one square root), in plain float64 so the circle's labels are the same in every engine:
// the ECMAScript specification leaves Math.hypot's rounding to the engine.

/**
 * √(a² + b²) for two numbers, the bits V8 gives for `Math.hypot(a, b)`.
 *
 * @example
 * hypot(3, 4); // 5
 */
export function hypot(a: number, b: number): number {
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  // ∞ wins over NaN (ECMAScript's order), though Math.max would give NaN.
  if (absA === Number.POSITIVE_INFINITY || absB === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const max = Math.max(absA, absB);
  if (Number.isNaN(max)) return max;
  if (max === 0) return 0;
  let sum = 0;
  let compensation = 0;
  for (const value of [absA, absB]) {
    const n = value / max;
    const summand = n * n - compensation;
    const preliminary = sum + summand;
    compensation = preliminary - sum - summand;
    sum = preliminary;
  }
  return Math.sqrt(sum) * max;
}
