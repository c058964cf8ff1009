// Schedules against their closed forms, worked by hand in the comments.
import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { cosineDecay, exponentialDecay, stepDecay } from './schedules';

describe('stepDecay', () => {
  it('multiplies the rate by γ every `every` updates', () => {
    const schedule = stepDecay({ initial: 0.1, every: 10, factor: 0.5 });
    // 0.1 · 0.5^⌊t/10⌋: t = 0…9 → 0.1, t = 10…19 → 0.05, t = 25 → 0.025.
    expect([0, 9, 10, 19, 25].map(schedule)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });
  it('refuses a period that is not a whole number ≥ 1', () => {
    expect(() => stepDecay({ initial: 0.1, every: 0, factor: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => stepDecay({ initial: 0.1, every: 1.5, factor: 0.5 })).toThrow(/whole number ≥ 1, got 1.5/);
  });
});

describe('exponentialDecay', () => {
  it('is α₀·γ^(t/every)', () => {
    const schedule = exponentialDecay({ initial: 0.2, factor: 0.5 });
    expect(schedule(0)).toBe(0.2);
    expect(schedule(3)).toBe(0.025); // 0.2 · 0.125, exact in binary
    const slow = exponentialDecay({ initial: 1, factor: 0.25, every: 4 });
    expect(slow(2)).toBe(0.5); // 0.25^(1/2)
    expect(slow(8)).toBe(0.0625);
  });
});

describe('cosineDecay', () => {
  const schedule = cosineDecay({ peak: 0.1, warmup: 5, total: 105 });
  it('warms up linearly from 0 to the peak', () => {
    expect(schedule(0)).toBe(0);
    expect(schedule(2)).toBeCloseTo(0.04, 16); // 0.1 · 2/5
    expect(schedule(5)).toBe(0.1); // cos 0 = 1
  });
  it('then follows half a cosine down to the final rate over total − warmup updates', () => {
    // 100 decay updates: t = 30 is a quarter in, ½(1 + cos(π/4)) = ½ + √2/4.
    expect(schedule(30)).toBeCloseTo(0.1 * (0.5 + Math.SQRT2 / 4), 15);
    expect(schedule(55)).toBeCloseTo(0.05, 15); // halfway: cos(π/2) = 0
    expect(schedule(105)).toBeCloseTo(0, 15); // cos π = −1
    expect(schedule(500)).toBe(schedule(105)); // stays at the end
    const floored = cosineDecay({ peak: 1, total: 10, final: 0.1 });
    expect(floored(10)).toBeCloseTo(0.1, 15);
  });
  it('refuses a total not past the warm-up', () => {
    expect(() => cosineDecay({ peak: 0.1, warmup: 5, total: 5 })).toThrow(
      /"total" must be a whole number > warmup \(5\)/,
    );
  });
});
