// σ for one number and for arrays. The array form runs in wasm (an f64x2 port of fdlibm's exp)
// from 64 values up; every element must equal the scalar form bit for bit, which is itself
// checked against closed forms.
import type { FloatArray } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wasm } from './backends/wasm';
import { logistic, mapLogistic, mapLogisticBackward } from './logistic';
import { createRandom } from './random';

// Arguments that reach every branch of fdlibm's exp through σ's e^−|z|: |z| below 2⁻²⁸, between
// ln2/2 and 1.5·ln2 (k = ±1 set directly), near the 707 cut where the SIMD lanes hand over,
// subnormal results (|z| > 708.4), underflow to 0 (|z| > 745.1), signed zeros, ±∞ and NaN.
const edges = [
  0,
  -0,
  1e-300,
  -3e-9,
  3.725290298461914e-9,
  0.3465735902799726,
  0.34657359027997264,
  0.5,
  -1,
  1.0397207708399179,
  -1.04,
  20,
  -36.7,
  706.99,
  707,
  -707.01,
  708.3,
  -708.5,
  720,
  -744,
  745.2,
  -746,
  1e30,
  -1e30,
  Infinity,
  -Infinity,
  NaN,
];

function scalarLoop(z: Float32Array | Float64Array): Float32Array | Float64Array {
  const out = new (z.constructor as Float64ArrayConstructor)(z.length);
  for (let i = 0; i < z.length; i++) out[i] = logistic(z[i]!);
  return out;
}

describe('logistic', () => {
  it('gives σ(0) = 1/2 and σ(±1) = e^±1/(1 + e^±1), and saturates without NaN', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(1)).toBeCloseTo(Math.E / (1 + Math.E), 15);
    expect(logistic(-1)).toBeCloseTo(1 / (1 + Math.E), 15);
    expect([logistic(-1e30), logistic(1e30), logistic(-Infinity), logistic(Infinity)]).toEqual([0, 1, 0, 1]);
    expect(logistic(Number.NaN)).toBeNaN();
  });
});

// The JavaScript loop (js and reference backends) and the wasm backend's SIMD kernel.
const forwards = [
  ['mapLogistic', mapLogistic],
  ['wasm logistic kernel', (z: FloatArray, out: FloatArray) => wasm.activationForward('logistic', z, out)],
] as const;
const backwards = [
  ['mapLogisticBackward', mapLogisticBackward],
  [
    'wasm logistic backward kernel',
    (a: FloatArray, u: FloatArray, out: FloatArray) => wasm.activationBackward('logistic', a, a, u, out),
  ],
] as const;

describe.each(forwards)('%s', (_name, mapLogistic) => {
  for (const Type of [Float64Array, Float32Array]) {
    const precision = Type === Float64Array ? 'float64' : 'float32';

    it(`equals logistic per element, bit for bit, at every branch of exp (${precision})`, () => {
      // Each edge at every position of a 2-lane pair and in the odd tail, beside ordinary values.
      const z = new Type(edges.length * 4 + 1);
      edges.forEach((e, i) => {
        z[4 * i] = e;
        z[4 * i + 1] = 0.25 * i - 3;
        z[4 * i + 2] = -0.25 * i + 2;
        z[4 * i + 3] = -e;
      });
      z[z.length - 1] = 745.2;
      const out = new Type(z.length);
      mapLogistic(z, out);
      const expected = scalarLoop(z);
      for (let i = 0; i < z.length; i++) expect(Object.is(out[i], expected[i]), `σ(${z[i]})`).toBe(true);
    });

    it(`equals logistic per element on random batches, short and long (${precision}, property)`, () => {
      const value = fc.oneof(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: -800, max: 800, noNaN: true }),
        fc.double({ noNaN: false }),
      );
      fc.assert(
        fc.property(fc.array(value, { minLength: 0, maxLength: 300 }), (values) => {
          const z = Type.from(values);
          const out = new Type(z.length);
          mapLogistic(z, out);
          const expected = scalarLoop(z);
          for (let i = 0; i < z.length; i++) if (!Object.is(out[i], expected[i])) return false;
          return true;
        }),
      );
    });
  }

  it('equals the scalar logistic on 2¹⁸ arbitrary bit patterns (subnormals, NaNs and ±∞ among them), both precisions', () => {
    // The kernel and the scalar function are one algorithm in two languages; any double goes.
    const random = createRandom(15);
    const bits = Uint32Array.from({ length: 1 << 19 }, () => random.int(2 ** 32));
    for (const z of [new Float64Array(bits.buffer), new Float32Array(bits.buffer)]) {
      const out = new (z.constructor as Float64ArrayConstructor)(z.length);
      mapLogistic(z, out);
      for (let i = 0; i < z.length; i++) {
        const expected = z instanceof Float32Array ? Math.fround(logistic(z[i]!)) : logistic(z[i]!);
        if (!Object.is(out[i], expected)) expect.fail(`σ(${z[i]}) = ${out[i]}, scalar ${expected}`);
      }
    }
  });

  it('works in place and agrees with 1/(1 + e^−z) to float64 rounding', () => {
    const z = Float64Array.from({ length: 1000 }, (_, i) => (i - 500) / 25);
    const naive = Array.from(z, (x) => 1 / (1 + Math.exp(-x)));
    mapLogistic(z, z);
    z.forEach((s, i) => expect(Math.abs(s - naive[i]!)).toBeLessThanOrEqual(2 * Number.EPSILON));
  });

  it('refuses arrays of different lengths or precisions', () => {
    expect(() => mapLogistic(new Float64Array(3), new Float64Array(2))).toThrow(ShapeError);
    expect(() => mapLogistic(new Float64Array(3), new Float32Array(3))).toThrow(/one length and precision/);
  });
});

describe.each(backwards)('%s', (_name, mapLogisticBackward) => {
  for (const Type of [Float64Array, Float32Array]) {
    const precision = Type === Float64Array ? 'float64' : 'float32';
    it(`equals upstream·(a(1 − a)) per element, bit for bit, short and long, in place too (${precision}, property)`, () => {
      const pair = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -1e3, max: 1e3 }));
      fc.assert(
        fc.property(fc.array(pair, { minLength: 0, maxLength: 200 }), fc.boolean(), (pairs, inPlace) => {
          const a = Type.from(pairs.map(([ai]) => ai));
          const upstream = Type.from(pairs.map(([, g]) => g));
          const expected = new Type(a.length);
          for (let i = 0; i < a.length; i++) expected[i] = upstream[i]! * (a[i]! * (1 - a[i]!));
          const out = inPlace ? upstream : new Type(a.length);
          mapLogisticBackward(a, upstream, out);
          return out.every((x, i) => Object.is(x, expected[i]));
        }),
      );
    });
  }

  it("gives σ'(0)·g = g/4 at a = 1/2 and 0 at saturation", () => {
    const a = new Float64Array(100).fill(0.5);
    a[1] = 1;
    a[2] = 0;
    const out = new Float64Array(100);
    mapLogisticBackward(a, new Float64Array(100).fill(8), out);
    expect([out[0], out[1], out[2], out[99]]).toEqual([2, 0, 0, 2]);
  });

  it('refuses arrays of different lengths or precisions', () => {
    expect(() => mapLogisticBackward(new Float64Array(3), new Float64Array(3), new Float32Array(3))).toThrow(
      ShapeError,
    );
  });
});
