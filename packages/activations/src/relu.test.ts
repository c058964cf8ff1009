import { fromRows, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { relu } from './relu';

describe('relu', () => {
  it('gives max(0, z)', () => {
    expect([-2, -0.5, 0, 0.5, 3, 1e30].map(relu.output!)).toEqual([0, 0, 0, 0.5, 3, 1e30]);
  });

  it("takes relu'(0) = 0 at the kink, 1 for z > 0, 0 for z < 0", () => {
    expect([-1, 0, 1e-300, 5].map((z) => relu.derivative!(z, relu.output!(z)))).toEqual([0, 0, 1, 1]);
  });

  it('lets NaN through forward so divergence is seen, not masked as 0', () => {
    expect(relu.output!(Number.NaN)).toBeNaN();
  });

  it('masks the upstream gradient by z > 0', () => {
    const z = fromRows([[-1, 2, 0, 3]]);
    const a = zeros(1, 4);
    relu.forward(z, a);
    const out = zeros(1, 4);
    relu.backward(z, a, fromRows([[10, 20, 30, 40]]), out);
    expect(Array.from(out.data)).toEqual([0, 20, 0, 40]);
  });
});
