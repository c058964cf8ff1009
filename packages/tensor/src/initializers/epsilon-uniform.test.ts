// epsilon-uniform against the course's ε_init = √6/√(L_in + L_out) and U[−ε, ε]'s std ε/√3.
import { describe, expect, it } from 'vitest';
import { zeros } from '../matrix';
import { createRandom } from '../random';
import { epsilonUniform } from './epsilon-uniform';

const column = (data: ArrayLike<number>, cols: number, j: number) =>
  Array.from(data).filter((_, at) => at % cols === j);
const std = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('epsilon-uniform', () => {
  it('draws every entry, bias column included, within ±√6/√(L_in + L_out)', () => {
    // Θ(1) of the course's 400-25-10 network: ε = √6/√425 ≈ 0.1188 (the course rounds to 0.12).
    const theta = zeros(25, 401);
    epsilonUniform.initialize(theta, createRandom(1));
    const epsilon = Math.sqrt(6) / Math.sqrt(425);
    expect(epsilon).toBeCloseTo(0.1188, 4);
    const all = Array.from(theta.data);
    expect(all.every((w) => Math.abs(w) <= epsilon)).toBe(true);
    // 10025 uniform draws come within 0.1% of the edge (miss chance ≈ e⁻¹⁰).
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.999 * epsilon);
    const bias = column(theta.data, 401, 0);
    expect(bias.every((w) => w !== 0)).toBe(true);
    expect(new Set(bias).size).toBe(25);
  });

  it('has the standard deviation ε/√3 = √(2/(L_in + L_out)) and mean 0', () => {
    const theta = zeros(200, 301);
    epsilonUniform.initialize(theta, createRandom(2));
    const all = Array.from(theta.data);
    const expected = Math.sqrt(2 / 500);
    expect(Math.abs(std(all) / expected - 1)).toBeLessThan(0.03);
    expect(Math.abs(all.reduce((s, x) => s + x, 0) / all.length)).toBeLessThan(0.05 * expected);
  });

  it('stays within the float32 rounding of ε in float32', () => {
    // Θ(2) of 400-25-10: ε = √6/√35 ≈ 0.414.
    const theta = zeros(10, 26, 'float32');
    epsilonUniform.initialize(theta, createRandom(3));
    const bound = Math.fround(Math.sqrt(6) / Math.sqrt(35));
    expect(Array.from(theta.data).every((w) => Math.abs(w) <= bound)).toBe(true);
  });

  it('fills a bias-only Θ (L_in = 0) with ε = √6/√L_out', () => {
    const theta = zeros(6, 1);
    epsilonUniform.initialize(theta, createRandom(4));
    expect(Array.from(theta.data).every((w) => w !== 0 && Math.abs(w) <= Math.sqrt(6 / 6))).toBe(true);
  });
});
