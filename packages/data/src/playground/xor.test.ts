import { describe, expect, it } from 'vitest';
import { xor } from './xor';

describe('xor', () => {
  it('without noise, labels 1 iff x1 · x2 ≥ 0, with every point 0.3 away from the axes', () => {
    const d = xor({ samples: 800, seed: 4 });
    for (let i = 0; i < d.x.rows; i++) {
      const [a, b] = [d.x.data[2 * i]!, d.x.data[2 * i + 1]!];
      expect(d.labels![i]).toBe(a * b >= 0 ? 1 : 0);
      for (const v of [a, b]) {
        expect(Math.abs(v)).toBeGreaterThanOrEqual(0.3);
        expect(Math.abs(v)).toBeLessThanOrEqual(5.3);
      }
    }
    // Quadrants are equally likely: 400 ± 3σ (σ = √(800 · ¼) ≈ 14).
    const ones = d.labels!.reduce((a, b) => a + b, 0);
    expect(Math.abs(ones - 400)).toBeLessThan(45);
  });

  it('with noise, flips labels of some points', () => {
    const d = xor({ samples: 800, noise: 0.3, seed: 4 });
    let flipped = 0;
    for (let i = 0; i < d.x.rows; i++) {
      if ((d.x.data[2 * i]! * d.x.data[2 * i + 1]! >= 0 ? 1 : 0) !== d.labels![i]) flipped++;
    }
    expect(flipped).toBeGreaterThan(20);
    expect(flipped).toBeLessThan(400);
  });
});
