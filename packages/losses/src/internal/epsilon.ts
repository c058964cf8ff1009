// The ε that keeps log h and log(1 − h) finite, shared by both cross-entropies.
import { log, log1p } from '@deltanet/tensor';

/**
 * h is clamped into [ε, 1 − ε] before a logarithm or a division, so one output costs at most
 * −ln ε = 7 ln 10 ≈ 16.12 and a gradient at most 1/ε = 1e7 in size.
 *
 * Why 1e-7: it is Keras' `backend.epsilon()` and tfjs-layers' float32 epsilon, the clip both
 * apply in their cross-entropies, so our values match theirs on the same h. It is ten times
 * below the 1e-6 edge of the float64 gradient-check range, so the clamp is never active there.
 *
 * The clamp is applied as max(h, ε) and max(1 − h, ε), not min(h, 1 − ε): the constant 1 − ε
 * rounds (by ~1e-9 relative to ε), and that error would reach log(1 − h). It runs on
 * JavaScript numbers (float64) after reading the element, so a float32 sigmoid that has
 * saturated to exactly 0 or 1 is caught just the same.
 */
export const EPSILON = 1e-7;

/** max(x, ε) for the argument of a logarithm or a division; NaN stays NaN so divergence shows. */
export function atLeastEpsilon(x: number): number {
  return Math.max(x, EPSILON);
}

/**
 * log(max(1 − h, ε)). log1p(−h) rather than log(1 − h): for tiny h the rounding of 1 − h would
 * cost ~1e-16 absolute, which a central difference with a small step magnifies into noise.
 */
export function logOneMinusClamped(h: number): number {
  return 1 - h < EPSILON ? LOG_EPSILON : log1p(-h);
}

const LOG_EPSILON = /* @__PURE__ */ log(EPSILON);
