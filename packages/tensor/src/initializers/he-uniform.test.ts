// he-uniform against Keras's HeUniform: limit √(6/fan_in), std √(2/fan_in).
import { describe, expect, it } from 'vitest';
import { zeros } from '../matrix';
import { createRandom } from '../random';
import { heUniform } from './he-uniform';

const split = (data: ArrayLike<number>, cols: number) => {
  const all = Array.from(data);
  return { bias: all.filter((_, at) => at % cols === 0), weights: all.filter((_, at) => at % cols !== 0) };
};
const std = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('he-uniform', () => {
  // fan_in = 300: limit = √(6/300) ≈ 0.1414, std = √(2/300) ≈ 0.0816; fan_out plays no part.
  const theta = zeros(200, 301);
  heUniform.initialize(theta, createRandom(1));
  const { bias, weights } = split(theta.data, 301);

  it('leaves the bias column at zero, as Keras starts biases', () => {
    expect(bias.every((b) => b === 0)).toBe(true);
  });

  it('draws weights within ±√(6/fan_in), reaching near the edge', () => {
    const limit = Math.sqrt(6 / 300);
    expect(weights.every((w) => Math.abs(w) <= limit)).toBe(true);
    expect(Math.max(...weights.map(Math.abs))).toBeGreaterThan(0.999 * limit);
  });

  it('has the standard deviation √(2/fan_in)', () => {
    expect(Math.abs(std(weights) / Math.sqrt(2 / 300) - 1)).toBeLessThan(0.03);
  });

  it('ignores fan_out', () => {
    const narrow = zeros(3, 301);
    heUniform.initialize(narrow, createRandom(2));
    const limit = Math.sqrt(6 / 300);
    const { weights: w } = split(narrow.data, 301);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.95 * limit);
  });
});
