import { fromRows, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { linear } from './linear';

describe('linear', () => {
  it('is the identity with derivative 1', () => {
    expect([-3.5, 0, 1e30].map(linear.output!)).toEqual([-3.5, 0, 1e30]);
    expect(linear.derivative!(-3.5, -3.5)).toBe(1);
  });

  it('copies z forward and upstream backward', () => {
    const z = fromRows([
      [1, -2],
      [3, 0.25],
    ]);
    const a = zeros(2, 2);
    linear.forward(z, a);
    expect(a.data).toEqual(z.data);
    const u = fromRows([
      [5, 6],
      [7, 8],
    ]);
    const out = zeros(2, 2);
    linear.backward(z, a, u, out);
    expect(out.data).toEqual(u.data);
  });
});
