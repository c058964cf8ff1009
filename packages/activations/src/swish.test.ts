import { describe, expect, it } from 'vitest';
import { swish } from './swish';

// σ(1) = e/(1 + e) = 0.7310585786300049.
const s1 = Math.E / (1 + Math.E);

describe('swish', () => {
  it('is SiLU by default: g(1) = σ(1), g(−1) = −1/(1 + e) = −0.2689414213699951', () => {
    const g = swish();
    expect(g.options).toEqual({ beta: 1 });
    expect(g.output!(1)).toBeCloseTo(s1, 15);
    expect(g.output!(-1)).toBeCloseTo(-0.2689414213699951, 15);
    expect(g.output!(0)).toBe(0);
  });

  it("has g'(z) = σ(z)(1 + z(1 − σ(z))): 1/2 at 0, σ(1)(2 − σ(1)) = 0.9276705118714869 at 1", () => {
    const g = swish();
    expect(g.derivative!(0, 0)).toBe(0.5);
    expect(g.derivative!(1, g.output!(1))).toBeCloseTo(s1 * (2 - s1), 15);
    expect(s1 * (2 - s1)).toBeCloseTo(0.9276705118714869, 15);
  });

  it('gives z/2 for β = 0 and approaches ReLU for large β', () => {
    expect(swish({ beta: 0 }).output!(3)).toBe(1.5);
    const steep = swish({ beta: 1e3 });
    expect([steep.output!(2), steep.output!(-2)]).toEqual([2, -0]);
  });

  it('stays finite at ±1e30', () => {
    const g = swish();
    expect([g.output!(1e30), g.output!(-1e30)]).toEqual([1e30, -0]);
    // σ(−1e30) = 0 exactly, so g′ = 0·(1 − 1e30) = −0.
    expect([g.derivative!(1e30, 1e30), g.derivative!(-1e30, 0)]).toEqual([1, -0]);
  });

  it('configures β and rejects unknown options', () => {
    expect(swish().configure!({ beta: 1.702 }).options).toEqual({ beta: 1.702 });
    expect(() => swish({ alpha: 1 } as never)).toThrow('valid options: beta');
  });
});
