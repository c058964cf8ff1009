// Keras's constant 0.8796… checked by integrating the standard normal over [−2, 2] here.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { TRUNCATED_UNIT_STD, truncatedNormal } from './truncated-normal';

/** Composite Simpson's rule with 2n intervals. */
function simpson(f: (x: number) => number, a: number, b: number, n = 5000): number {
  const h = (b - a) / (2 * n);
  let sum = f(a) + f(b);
  for (let i = 1; i < 2 * n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

describe('truncatedNormal', () => {
  it('uses the standard deviation of a unit normal truncated to [−2, 2]', () => {
    const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const mass = simpson(phi, -2, 2); // 2Φ(2) − 1 ≈ 0.9545
    const secondMoment = simpson((z) => z * z * phi(z), -2, 2);
    expect(mass).toBeCloseTo(0.954499736, 9);
    expect(Math.sqrt(secondMoment / mass)).toBeCloseTo(TRUNCATED_UNIT_STD, 12);
  });

  it('draws within ±2σ of the parent and with the requested standard deviation', () => {
    const random = createRandom(11);
    const std = 0.3;
    const xs = Array.from({ length: 100_000 }, () => truncatedNormal(random, std));
    const bound = (2 * std) / TRUNCATED_UNIT_STD;
    expect(xs.every((x) => Math.abs(x) <= bound)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(sd / std - 1)).toBeLessThan(0.02);
    // Inside the cut the shape is normal's: P(|z| ≤ 1) / P(|z| ≤ 2) = 0.682689 / 0.954500.
    const withinOne = xs.filter((x) => Math.abs(x) <= bound / 2).length / xs.length;
    expect(Math.abs(withinOne - 0.682689 / 0.9545)).toBeLessThan(0.01);
  });
});
