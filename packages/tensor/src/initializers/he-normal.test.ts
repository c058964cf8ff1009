// he-normal against Keras's HeNormal: a normal truncated at two parent standard deviations
// whose kept draws have std √(2/fan_in).
import { describe, expect, it } from 'vitest';
import { zeros } from '../matrix';
import { createRandom } from '../random';
import { heNormal } from './he-normal';

const split = (data: ArrayLike<number>, cols: number) => {
  const all = Array.from(data);
  return { bias: all.filter((_, at) => at % cols === 0), weights: all.filter((_, at) => at % cols !== 0) };
};
const std = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('he-normal', () => {
  // fan_in = 300: std = √(2/300) ≈ 0.0816; parent σ = std/0.8796 ≈ 0.0928.
  const theta = zeros(200, 301, 'float32');
  heNormal.initialize(theta, createRandom(1));
  const { bias, weights } = split(theta.data, 301);
  const target = Math.sqrt(2 / 300);
  const parent = target / 0.87962566103423978;

  it('leaves the bias column at zero, as Keras starts biases', () => {
    expect(bias.every((b) => b === 0)).toBe(true);
  });

  it('has the standard deviation √(2/fan_in) after truncation', () => {
    expect(Math.abs(std(weights) / target - 1)).toBeLessThan(0.03);
  });

  it('cuts at two parent standard deviations', () => {
    // float32 storage may round a draw at the cut up by half an ulp.
    expect(weights.every((w) => Math.abs(w) <= Math.fround(2 * parent))).toBe(true);
    expect(Math.max(...weights.map(Math.abs))).toBeGreaterThan(0.98 * 2 * parent);
  });
});
