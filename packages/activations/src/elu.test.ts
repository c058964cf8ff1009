import { describe, expect, it } from 'vitest';
import { elu } from './elu';

describe('elu', () => {
  it('gives g(−1) = 1/e − 1 = −0.6321205588285577 and g(2) = 2 with α = 1', () => {
    const g = elu();
    expect(g.options).toEqual({ alpha: 1 });
    expect(g.output!(-1)).toBeCloseTo(-0.6321205588285577, 15);
    expect(g.output!(2)).toBe(2);
  });

  it("has g'(z) = α·e^z for z ≤ 0: 1/e = 0.36787944117144233 at −1, α at 0", () => {
    const g = elu();
    expect(g.derivative!(-1, g.output!(-1))).toBeCloseTo(0.36787944117144233, 15);
    expect(g.derivative!(0, g.output!(0))).toBe(1);
    expect(g.derivative!(3, 3)).toBe(1);
  });

  it('scales the negative side by α', () => {
    const g = elu({ alpha: 0.5 });
    expect(g.output!(-1)).toBeCloseTo(-0.31606027941427883, 15);
    expect(g.derivative!(-1, g.output!(-1))).toBeCloseTo(0.18393972058572117, 15);
    expect(g.derivative!(0, 0)).toBe(0.5);
  });

  it('is accurate near 0 (expm1) and saturates at −α', () => {
    // α(e^z − 1) = z + z²/2 + … = −1e−10 + 5e−21 at z = −1e−10.
    expect(elu().output!(-1e-10)).toBe(-1e-10 + 5e-21);
    expect(elu({ alpha: 2 }).output!(-1e30)).toBe(-2);
  });

  it('configures and rejects unknown options', () => {
    expect(elu().configure!({ alpha: 0.3 }).options).toEqual({ alpha: 0.3 });
    expect(() => elu().configure!({ beta: 1 })).toThrow(
      'activation "elu" has no option "beta"; valid options: alpha',
    );
  });
});
