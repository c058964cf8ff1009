import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { circle } from './circle';

function radii(d: ReturnType<typeof circle>): number[] {
  return Array.from({ length: d.x.rows }, (_, i) => Math.hypot(d.x.data[2 * i]!, d.x.data[2 * i + 1]!));
}

describe('circle', () => {
  it('without noise, labels 1 exactly the points inside radius 2.5 and keeps a gap to 3.5', () => {
    const d = circle({ samples: 501, seed: 9 });
    expect([d.x.rows, d.x.cols, d.y.rows, d.y.cols]).toEqual([501, 2, 501, 1]);
    radii(d).forEach((r, i) => {
      expect(d.labels![i]).toBe(r < 2.5 ? 1 : 0);
      expect(d.y.data[i]).toBe(d.labels![i]);
      expect(r < 2.5 || (r >= 3.5 && r <= 5)).toBe(true);
    });
    // ⌈501/2⌉ = 251 points are drawn inside.
    expect(d.labels!.reduce((a, b) => a + b, 0)).toBe(251);
  });

  it('with noise, mislabels some points near the boundary but keeps their positions', () => {
    const d = circle({ samples: 1000, noise: 0.5, seed: 2 });
    const r = radii(d);
    const flipped = r.filter((ri, i) => (ri < 2.5 ? 1 : 0) !== d.labels![i]).length;
    expect(flipped).toBeGreaterThan(50);
    expect(r.every((ri) => ri < 2.5 || (ri >= 3.5 && ri <= 5))).toBe(true);
  });

  it('shuffles the classes together', () => {
    const { labels } = circle({ samples: 100, seed: 1 });
    const firstHalf = labels!.subarray(0, 50).reduce((a, b) => a + b, 0);
    expect(firstHalf).toBeGreaterThan(10);
    expect(firstHalf).toBeLessThan(40);
  });

  it('rejects noise outside [0, 0.5] and bad sample counts', () => {
    expect(() => circle({ noise: 0.6 })).toThrow(InvalidArgumentError);
    expect(() => circle({ noise: 50 })).toThrow(/fraction in \[0, 0.5\]/);
    expect(() => circle({ samples: 0 })).toThrow(/samples must be a whole number/);
  });
});
