// Elementwise kernels on small vectors whose results are worked by hand.
import { ShapeError } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axpy, dot, findNonFinite, hadamard, scale, subtract, sumOfSquares } from './elementwise';

const f64 = (...xs: number[]) => new Float64Array(xs);

describe('elementwise kernels', () => {
  it('axpy: y ← y + αx', () => {
    const y = f64(1, 2, 3);
    axpy(-2, f64(1, 0.5, -1), y);
    expect(Array.from(y)).toEqual([-1, 1, 5]);
  });

  it('scale: x ← αx', () => {
    const x = new Float32Array([2, -4]);
    scale(0.5, x);
    expect(Array.from(x)).toEqual([1, -2]);
  });

  it('hadamard and subtract, also in place', () => {
    const out = new Float64Array(3);
    hadamard(f64(1, 2, 3), f64(4, 5, 6), out);
    expect(Array.from(out)).toEqual([4, 10, 18]);
    const a = f64(5, 7, 9);
    subtract(a, f64(1, 2, 3), a);
    expect(Array.from(a)).toEqual([4, 5, 6]);
    hadamard(a, a, a);
    expect(Array.from(a)).toEqual([16, 25, 36]);
  });

  it('dot and sumOfSquares', () => {
    expect(dot(f64(1, 2, 3), f64(4, -5, 6))).toBe(4 - 10 + 18);
    expect(sumOfSquares(f64(3, 4))).toBe(25);
    expect(sumOfSquares(new Float32Array(0))).toBe(0);
  });

  it('accumulates float32 inputs in float64', () => {
    // 2²⁴ + 1 is not a float32, so a float32 accumulator would lose the ones.
    const x = new Float32Array([16777216, 1, 1]);
    expect(dot(x, new Float32Array([1, 1, 1]))).toBe(16777218);
  });

  it('rejects different lengths, naming both', () => {
    expect(() => axpy(1, f64(1, 2), f64(1))).toThrow(ShapeError);
    expect(() => dot(f64(1, 2), f64(1))).toThrow('dot: lengths differ, 2 vs 1');
    expect(() => hadamard(f64(1), f64(1), f64(1, 2))).toThrow(ShapeError);
    expect(() => subtract(f64(1), f64(1, 2), f64(1))).toThrow(ShapeError);
  });
});

describe('findNonFinite', () => {
  it('finds the first NaN or ±Infinity, or returns −1', () => {
    expect(findNonFinite(f64(0, -0, 1e308, -Number.MAX_VALUE, Number.MIN_VALUE))).toBe(-1);
    expect(findNonFinite(f64(1, Number.NaN, Number.POSITIVE_INFINITY))).toBe(1);
    expect(findNonFinite(f64(1, 2, Number.NEGATIVE_INFINITY))).toBe(2);
    expect(findNonFinite(new Float32Array([Number.POSITIVE_INFINITY]))).toBe(0);
    expect(findNonFinite(new Float64Array(0))).toBe(-1);
  });

  it('agrees with a Number.isFinite scan on arrays longer than its eight-element blocks', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.boolean(), (values, single) => {
        const x = single ? new Float32Array(values) : new Float64Array(values);
        expect(findNonFinite(x)).toBe(Array.from(x).findIndex((v) => !Number.isFinite(v)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('axpy on longer vectors', () => {
  it('equals y + αx element by element past its four-element unrolling', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 23 }), (values) => {
        // Integers and α = 2 keep every result exact in float64.
        const x = new Float64Array(values);
        const y = new Float64Array(values.map((v) => v * 3 + 1));
        axpy(2, x, y);
        expect(Array.from(y)).toEqual(values.map((v) => v * 3 + 1 + 2 * v));
      }),
    );
  });
});
