import { describe, expect, it } from 'vitest';
import { multiGaussian } from './multi-gaussian';

/**
 * The target written another way: the six cones have radius 2 and centres at least 4 apart,
 * so at most one is non-zero at any point, the one whose centre is nearest.
 */
function nearestCone(x1: number, x2: number): number {
  const centres = [-4, 0, 4].flatMap((c1) => [2.5, -2.5].map((c2) => [c1, c2] as const));
  let best = centres[0]!;
  for (const c of centres) {
    if ((x1 - c[0]) ** 2 + (x2 - c[1]) ** 2 < (x1 - best[0]) ** 2 + (x2 - best[1]) ** 2) best = c;
  }
  // Signs alternate like a chessboard: + at (−4, 2.5), − at (0, 2.5), and flipped below.
  const column = (best[0] + 4) / 4;
  const sign = (column % 2 === 0) === best[1] > 0 ? 1 : -1;
  const distance = Math.sqrt((x1 - best[0]) ** 2 + (x2 - best[1]) ** 2);
  return sign * Math.max(0, 1 - distance / 2);
}

describe('multiGaussian', () => {
  it('without noise, the target is the nearest centre’s signed cone 1 − d/2, 0 beyond d = 2', () => {
    const d = multiGaussian({ samples: 2000, seed: 5 });
    expect([d.x.rows, d.x.cols, d.y.rows, d.y.cols]).toEqual([2000, 2, 2000, 1]);
    expect(d.labels).toBeUndefined();
    let zeros = 0;
    for (let i = 0; i < d.x.rows; i++) {
      const [x1, x2] = [d.x.data[2 * i]!, d.x.data[2 * i + 1]!];
      expect(d.y.data[i]).toBeCloseTo(nearestCone(x1, x2), 14);
      if (d.y.data[i] === 0) zeros++;
    }
    // Six discs of area 4π cover 24π/144 ≈ 52 % of the square [−6, 6]² (they lie inside it),
    // so about 48 % of the targets are 0: 960 ± 3σ (σ ≈ 22).
    expect(Math.abs(zeros - 2000 * (1 - (24 * Math.PI) / 144))).toBeLessThan(70);
  });

  it('is +1 at (−4, 2.5) and −1 at (0, 2.5): the tips of the cones', () => {
    // Many points land near the tips; the largest and smallest targets approach ±1.
    const d = multiGaussian({ samples: 4000, seed: 9 });
    expect(Math.max(...d.y.data)).toBeGreaterThan(0.9);
    expect(Math.min(...d.y.data)).toBeLessThan(-0.9);
    expect(Math.max(...d.y.data.map(Math.abs))).toBeLessThanOrEqual(1);
  });

  it('with noise, the target moves away from the noise-free cone for some points', () => {
    const d = multiGaussian({ samples: 500, noise: 0.3, seed: 5 });
    let moved = 0;
    for (let i = 0; i < d.x.rows; i++) {
      if (Math.abs(d.y.data[i]! - nearestCone(d.x.data[2 * i]!, d.x.data[2 * i + 1]!)) > 0.05) moved++;
    }
    expect(moved).toBeGreaterThan(100);
  });
});
