import { describe, expect, it } from 'vitest';
import { spiral } from './spiral';

describe('spiral', () => {
  it('without noise, puts every point on its arm: θ = 3.5π · r/5 (+π for class 0)', () => {
    const d = spiral({ samples: 400, seed: 3 });
    expect(d.labels!.reduce((a, b) => a + b, 0)).toBe(200);
    for (let i = 0; i < d.x.rows; i++) {
      const [a, b] = [d.x.data[2 * i]!, d.x.data[2 * i + 1]!];
      const r = Math.hypot(a, b);
      const theta = 3.5 * Math.PI * (r / 5) + (d.labels![i] === 1 ? 0 : Math.PI);
      expect(a).toBeCloseTo(r * Math.sin(theta), 9);
      expect(b).toBeCloseTo(r * Math.cos(theta), 9);
      expect(r).toBeLessThan(5);
    }
  });

  it('with noise, moves points by at most noise in each coordinate', () => {
    const clean = spiral({ samples: 200, seed: 3 });
    const noisy = spiral({ samples: 200, noise: 0.5, seed: 3 });
    // Clean radii are below 5 and noise adds at most 0.5 per coordinate (√2 · 0.5 < 0.71 in all).
    for (let i = 0; i < noisy.x.rows; i++) {
      const r = Math.hypot(noisy.x.data[2 * i]!, noisy.x.data[2 * i + 1]!);
      expect(r).toBeLessThan(5 + 0.71);
    }
    expect(noisy.x.data).not.toEqual(clean.x.data);
  });
});
