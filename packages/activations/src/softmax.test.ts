import { fromRows, toRows, zeros } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmax } from './softmax';

function forward(rows: number[][]): number[][] {
  const z = fromRows(rows);
  const a = zeros(z.rows, z.cols);
  softmax.forward(z, a);
  return toRows(a);
}

const row = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 });

describe('softmax', () => {
  it('gives softmax([1, 2, 3]) = [0.09003057, 0.24472847, 0.66524096] (published)', () => {
    const [a] = forward([[1, 2, 3]]);
    [0.09003057, 0.24472847, 0.66524096].forEach((p, j) => {
      expect(a![j]).toBeCloseTo(p, 8);
    });
  });

  it('works row by row: each row sums to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        const cols = rows[0]!.length;
        const batch = rows.map((r) => Array.from({ length: cols }, (_, j) => r[j % r.length]!));
        for (const a of forward(batch)) {
          expect(Math.abs(a.reduce((s, x) => s + x, 0) - 1)).toBeLessThanOrEqual(1e-15 * cols);
        }
      }),
    );
  });

  it('is unchanged by adding a constant to a row (property)', () => {
    fc.assert(
      fc.property(row, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (r, c) => {
        const [a] = forward([r]);
        const [b] = forward([r.map((x) => x + c)]);
        // Shifting by c rounds each z to within ulp(c), which moves e^z by ~1e−13 relative.
        b!.forEach((x, j) => {
          expect(Math.abs(x - a![j]!)).toBeLessThanOrEqual(1e-12);
        });
      }),
    );
  });

  it('does not overflow: [1000, 1000] → [½, ½], [1e30, 0] → [1, 0]', () => {
    expect(forward([[1000, 1000]])).toEqual([[0.5, 0.5]]);
    expect(forward([[1e30, 0]])).toEqual([[1, 0]]);
    expect(forward([[-1e30, -1e30, -1e30, -1e30]])).toEqual([[0.25, 0.25, 0.25, 0.25]]);
  });

  it('backward is Jᵀu with the explicit Jacobian J = diag(a) − aaᵀ', () => {
    const z = fromRows([
      [0.3, -1.2, 2.0],
      [1, 1, 1],
    ]);
    const u = fromRows([
      [0.5, -2, 1.5],
      [3, 0, -1],
    ]);
    const a = zeros(2, 3);
    softmax.forward(z, a);
    const out = zeros(2, 3);
    softmax.backward(z, a, u, out);
    for (let r = 0; r < 2; r++) {
      const ar = toRows(a)[r]!;
      const ur = toRows(u)[r]!;
      for (let j = 0; j < 3; j++) {
        // (Jᵀu)ⱼ = Σₖ J[k][j]·uₖ with J[k][j] = ∂aₖ/∂zⱼ = aₖ([k = j] − aⱼ).
        let expected = 0;
        for (let k = 0; k < 3; k++) expected += ar[k]! * ((k === j ? 1 : 0) - ar[j]!) * ur[k]!;
        expect(toRows(out)[r]![j]).toBeCloseTo(expected, 15);
      }
    }
  });

  it('sends a constant upstream to 0 (Σ a = 1 makes J·1 = 0)', () => {
    const z = fromRows([[0.1, 2, -3, 0.7]]);
    const a = zeros(1, 4);
    softmax.forward(z, a);
    const out = zeros(1, 4);
    softmax.backward(z, a, fromRows([[7, 7, 7, 7]]), out);
    for (const x of out.data) expect(Math.abs(x)).toBeLessThanOrEqual(1e-14);
  });

  it('is row-wise, so it has no scalar output or derivative', () => {
    expect(softmax.output).toBeUndefined();
    expect(softmax.derivative).toBeUndefined();
    expect(Object.isFrozen(softmax)).toBe(true);
  });
});
