import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { leakyRelu } from './leaky-relu';

describe('leakyRelu', () => {
  it('defaults to α = 0.01: g(−2) = −0.02, g(3) = 3', () => {
    const g = leakyRelu();
    expect(g.name).toBe('leaky-relu');
    expect(g.options).toEqual({ alpha: 0.01 });
    expect([g.output!(-2), g.output!(3)]).toEqual([-0.02, 3]);
  });

  it("has g'(z) = 1 for z > 0 and α for z ≤ 0 (α at the kink)", () => {
    const g = leakyRelu({ alpha: 0.2 });
    expect([-5, 0, 5].map((z) => g.derivative!(z, g.output!(z)))).toEqual([0.2, 0.2, 1]);
    expect(g.output!(-2)).toBeCloseTo(-0.4, 15);
  });

  it('configures a copy, merging over the current options', () => {
    const g = leakyRelu({ alpha: 0.2 });
    const h = g.configure!({ alpha: 0.1 });
    expect(h.options).toEqual({ alpha: 0.1 });
    expect(g.options).toEqual({ alpha: 0.2 });
    expect(g.configure!({}).options).toEqual({ alpha: 0.2 });
    expect(Object.isFrozen(h)).toBe(true);
  });

  it('rejects unknown and non-numeric options, naming the valid ones', () => {
    expect(() => leakyRelu({ slope: 0.1 } as never)).toThrow(InvalidArgumentError);
    expect(() => leakyRelu({ slope: 0.1 } as never)).toThrow('valid options: alpha');
    expect(() => leakyRelu().configure!({ alpha: 'big' })).toThrow('must be a finite number');
    expect(() => leakyRelu({ alpha: Number.NaN })).toThrow(InvalidArgumentError);
  });

  it('lets NaN through forward', () => {
    expect(leakyRelu().output!(Number.NaN)).toBeNaN();
  });
});
