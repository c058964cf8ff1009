import { describe, expect, it } from 'vitest';
import { plane } from './plane';

describe('plane', () => {
  it('without noise, the target is the plane y = (x1 + x2) / 10 over x ∈ [−6, 6)²', () => {
    const d = plane({ samples: 600, seed: 3 });
    expect([d.x.rows, d.x.cols, d.y.rows, d.y.cols]).toEqual([600, 2, 600, 1]);
    expect(d.labels).toBeUndefined();
    expect(d.classNames).toBeUndefined();
    for (let i = 0; i < d.x.rows; i++) {
      const [x1, x2] = [d.x.data[2 * i]!, d.x.data[2 * i + 1]!];
      expect(Math.abs(x1)).toBeLessThanOrEqual(6);
      expect(Math.abs(x2)).toBeLessThanOrEqual(6);
      // The plane through (0, 0, 0) with slope 1/10 in both directions (the playground's scale
      // of x1 + x2 ∈ [−10, 10] onto [−1, 1]); 1e-15 allows the rounding of one add and divide.
      expect(Math.abs(d.y.data[i]! - (x1 + x2) / 10)).toBeLessThan(1e-15);
    }
    // Uniform points: the mean of x1 + x2 is 0 and its variance 2 · 12²/12 = 24, so the target's
    // variance is 0.24 (standard error of the sample variance ≈ 0.24 · √(0.8/600) ≈ 0.009).
    const targets = Array.from(d.y.data);
    const mean = targets.reduce((a, b) => a + b, 0) / 600;
    const variance = targets.reduce((a, v) => a + (v - mean) ** 2, 0) / 600;
    expect(Math.abs(mean)).toBeLessThan(0.06);
    expect(Math.abs(variance - 0.24)).toBeLessThan(0.04);
  });

  it('with noise ν, reads the plane at a point moved by at most 6ν per coordinate', () => {
    const d = plane({ samples: 600, noise: 0.5, seed: 3 });
    let moved = 0;
    for (let i = 0; i < d.x.rows; i++) {
      const off = Math.abs(d.y.data[i]! - (d.x.data[2 * i]! + d.x.data[2 * i + 1]!) / 10);
      // |ε1 + ε2| / 10 ≤ 2 · 6 · 0.5 / 10 = 0.6.
      expect(off).toBeLessThanOrEqual(0.6 + 1e-12);
      if (off > 0.1) moved++;
    }
    // ε1 + ε2 at ν = ½ is a triangle on [−6, 6]; P(|ε1 + ε2| > 1) = (5/6)² ≈ 0.69.
    expect(moved / 600).toBeGreaterThan(0.6);
  });
});
