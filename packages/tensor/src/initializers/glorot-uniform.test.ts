// glorot-uniform against Keras's GlorotUniform: limit √(6/(fan_in + fan_out)), std √(2/(…)).
import { describe, expect, it } from 'vitest';
import { zeros } from '../matrix';
import { createRandom } from '../random';
import { glorotUniform } from './glorot-uniform';

const split = (data: ArrayLike<number>, cols: number) => {
  const all = Array.from(data);
  return { bias: all.filter((_, at) => at % cols === 0), weights: all.filter((_, at) => at % cols !== 0) };
};
const std = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('glorot-uniform', () => {
  // fan_in = 300, fan_out = 200: limit = √(6/500) ≈ 0.1095, std = √(2/500) ≈ 0.0632.
  const theta = zeros(200, 301);
  glorotUniform.initialize(theta, createRandom(1));
  const { bias, weights } = split(theta.data, 301);

  it('leaves the bias column at zero, as Keras starts biases', () => {
    expect(bias.every((b) => b === 0)).toBe(true);
  });

  it('draws weights within ±√(6/(fan_in + fan_out)), reaching near the edge', () => {
    const limit = Math.sqrt(6 / 500);
    expect(weights.every((w) => Math.abs(w) <= limit)).toBe(true);
    expect(Math.max(...weights.map(Math.abs))).toBeGreaterThan(0.999 * limit);
  });

  it('has the standard deviation √(2/(fan_in + fan_out))', () => {
    expect(Math.abs(std(weights) / Math.sqrt(2 / 500) - 1)).toBeLessThan(0.03);
  });
});
