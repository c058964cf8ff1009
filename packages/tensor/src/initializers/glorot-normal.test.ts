// glorot-normal against Keras's GlorotNormal: a normal truncated at two parent standard
// deviations whose kept draws have std √(2/(fan_in + fan_out)).
import { describe, expect, it } from 'vitest';
import { zeros } from '../matrix';
import { createRandom } from '../random';
import { glorotNormal } from './glorot-normal';

const split = (data: ArrayLike<number>, cols: number) => {
  const all = Array.from(data);
  return { bias: all.filter((_, at) => at % cols === 0), weights: all.filter((_, at) => at % cols !== 0) };
};
const std = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('glorot-normal', () => {
  // fan_in = 300, fan_out = 200: std = √(2/500) ≈ 0.0632; parent σ = std/0.8796 ≈ 0.0719.
  const theta = zeros(200, 301);
  glorotNormal.initialize(theta, createRandom(1));
  const { bias, weights } = split(theta.data, 301);
  const target = Math.sqrt(2 / 500);
  const parent = target / 0.87962566103423978;

  it('leaves the bias column at zero, as Keras starts biases', () => {
    expect(bias.every((b) => b === 0)).toBe(true);
  });

  it('has the standard deviation √(2/(fan_in + fan_out)) after truncation', () => {
    expect(Math.abs(std(weights) / target - 1)).toBeLessThan(0.03);
  });

  it('cuts at two parent standard deviations, keeping the normal shape inside', () => {
    expect(weights.every((w) => Math.abs(w) <= 2 * parent)).toBe(true);
    // 60000 draws reach within 2% of the cut (the density there is φ(2)/0.9545 > 0).
    expect(Math.max(...weights.map(Math.abs))).toBeGreaterThan(0.98 * 2 * parent);
    // P(|z| ≤ 1 | |z| ≤ 2) = 0.682689 / 0.954500 ≈ 0.7152.
    const withinOne = weights.filter((w) => Math.abs(w) <= parent).length / weights.length;
    expect(Math.abs(withinOne - 0.682689 / 0.9545)).toBeLessThan(0.01);
  });
});
