// log h computed from the pre-activation z, for the entries where h itself has lost the
// precision a logarithm needs (h below the cross-entropies' ε, or 1 − h below it).
import { exp, log, log1p } from '@deltanet/tensor';

/**
 * log σ(z) = −softplus(−z) = −(max(−z, 0) + log1p(e^−|z|)): exact for every z, where log of a
 * rounded σ(z) loses everything once σ(z) is within 2⁻⁵³ of 1 or underflows. log(1 − σ(z)) is
 * logSigmoid(−z).
 */
export function logSigmoid(z: number): number {
  return -(Math.max(-z, 0) + log1p(exp(-Math.abs(z))));
}

/**
 * log softmax(z)ⱼ = (zⱼ − m) − log Σₖ e^(zₖ − m) for the row zs[start, end), m its maximum:
 * the shift keeps every exponent ≤ 0, and the sum is ≥ 1, so nothing overflows or underflows
 * to −∞ however far zⱼ lies below m.
 */
export function logSoftmaxNormalizer(zs: ArrayLike<number>, start: number, end: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) if (zs[i]! > max) max = zs[i]!;
  let sum = 0;
  for (let i = start; i < end; i++) sum += exp(zs[i]! - max);
  return max + log(sum);
}
