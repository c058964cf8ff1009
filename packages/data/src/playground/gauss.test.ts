import { describe, expect, it } from 'vitest';
import { gauss } from './gauss';

/** Mean and (population) variance of one coordinate over the rows of one class. */
function moments(d: ReturnType<typeof gauss>, label: number, column: number): [number, number] {
  const values: number[] = [];
  for (let i = 0; i < d.x.rows; i++) if (d.labels![i] === label) values.push(d.x.data[2 * i + column]!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [mean, values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length];
}

describe('gauss', () => {
  it('centers class 1 at (2, 2) and class 0 at (−2, −2) with variance 0.5 at noise 0', () => {
    const d = gauss({ samples: 2000, seed: 8 });
    expect(d.labels!.reduce((a, b) => a + b, 0)).toBe(1000);
    for (const column of [0, 1]) {
      const [m1, v1] = moments(d, 1, column);
      const [m0, v0] = moments(d, 0, column);
      // Standard error of the mean √(0.5 / 1000) ≈ 0.022; of the variance ≈ 0.5 · √(2/1000) ≈ 0.022.
      expect(Math.abs(m1 - 2)).toBeLessThan(0.1);
      expect(Math.abs(m0 + 2)).toBeLessThan(0.1);
      expect(Math.abs(v1 - 0.5)).toBeLessThan(0.1);
      expect(Math.abs(v0 - 0.5)).toBeLessThan(0.1);
    }
  });

  it('raises the variance to 4 at noise 0.5, the top of the playground scale', () => {
    const d = gauss({ samples: 2000, noise: 0.5, seed: 8 });
    const [, v] = moments(d, 1, 0);
    expect(Math.abs(v - 4)).toBeLessThan(0.6);
  });
});
