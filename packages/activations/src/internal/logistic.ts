// The logistic function σ(z) = 1 / (1 + e^−z), written so that e^x is only ever taken of x ≤ 0.

/**
 * σ(z) = 1 / (1 + e^−z) without overflow: for z < 0 it uses the equal form e^z / (1 + e^z), so
 * the exponent is never positive and σ(±1e30) is exactly 1 or 0 instead of NaN.
 *
 * @example
 * logistic(0); // 0.5
 * logistic(-1e3); // 0 (the naive form would compute 1 / (1 + Infinity), also 0, but its
 * //                 derivative e^−z / (1 + e^−z)² would be Infinity / Infinity = NaN)
 */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  // Also reached by NaN, which Math.exp passes through, so NaN in gives NaN out.
  const e = Math.exp(z);
  return e / (1 + e);
}
