// Keras's truncated normal: draws beyond two standard deviations are discarded and redrawn.
import type { Random } from '@deltanet/contract';

/**
 * The standard deviation of a standard normal truncated to [−2, 2]:
 * √(1 − 4φ(2)/(2Φ(2) − 1)) ≈ 0.8796. Keras divides by it so that the truncated draws, not the
 * untruncated parent, have the requested standard deviation.
 */
export const TRUNCATED_UNIT_STD = 0.87962566103423978;

/**
 * A draw with mean 0 and standard deviation `std` from a normal whose parent standard deviation
 * σ = std / 0.8796 is truncated at ±2σ (Keras's VarianceScaling 'truncated_normal').
 */
export function truncatedNormal(random: Random, std: number): number {
  let z = random.normal();
  // Rejection keeps the shape of the normal inside the cut; about 95.4% of draws are kept.
  while (Math.abs(z) > 2) z = random.normal();
  return (z * std) / TRUNCATED_UNIT_STD;
}
