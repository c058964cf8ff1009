// Adam's update kernel. From 2,048 parameters it runs in wasm; the result must equal the
// JavaScript loop bit for bit (the loop runs on chunks below the threshold), and one step must
// match Kingma & Ba's closed form.
import { ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { adamUpdate } from './adam-update';
import { wasm } from './backends/wasm';
import { createRandom } from './random';

const N = 5001; // over the wasm threshold, odd so the scalar tail runs too
const CHUNK = 1000; // under it

function arrays(Type: Float32ArrayConstructor | Float64ArrayConstructor, seed: number) {
  const random = createRandom(seed);
  const draw = (scale: number) =>
    Type.from(Array.from({ length: N }, () => (random.uniform() - 0.5) * scale));
  return { theta: draw(2), gradient: draw(1e-2), m: draw(1e-3), v: draw(1e-4).map(Math.abs) };
}

describe('adamUpdate', () => {
  for (const Type of [Float64Array, Float32Array]) {
    const precision = Type === Float64Array ? 'float64' : 'float32';
    it(`gives the same bits whole (wasm) and in chunks (JavaScript) over 5 steps (${precision})`, () => {
      const whole = arrays(Type, 3);
      const chunked = arrays(Type, 3);
      for (let step = 1; step <= 5; step++) {
        const stepSize = (0.01 / (1 - 0.9 ** step)) * Math.sqrt(1 - 0.999 ** step);
        const epsilonHat = 1e-8 * Math.sqrt(1 - 0.999 ** step);
        const decay = step % 2 ? 1 : 0.999;
        wasm.adamUpdate(
          whole.theta,
          whole.gradient,
          whole.m,
          whole.v,
          0.9,
          0.999,
          stepSize,
          epsilonHat,
          decay,
        );
        for (let at = 0; at < N; at += CHUNK) {
          const part = (x: Float32Array | Float64Array) => x.subarray(at, at + CHUNK);
          const { theta, gradient, m, v } = chunked;
          adamUpdate(part(theta), part(gradient), part(m), part(v), 0.9, 0.999, stepSize, epsilonHat, decay);
        }
      }
      for (const key of ['theta', 'm', 'v'] as const) {
        const mismatch = whole[key].findIndex((x, i) => !Object.is(x, chunked[key][i]));
        expect(mismatch, key).toBe(-1);
      }
    });
  }

  it('moves each parameter by about α·sign(g) on the first step (Kingma & Ba, section 2.1)', () => {
    // From m = v = 0: m₁ = (1 − β₁)g, v₁ = (1 − β₂)g², and with αₜ = α√(1 − β₂)/(1 − β₁) the
    // step is α·g/|g| up to ε. 4,096 parameters, so the wasm path runs.
    const n = 4096;
    const theta = new Float64Array(n);
    const gradient = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1) * (1 + i));
    const alpha = 0.001;
    adamUpdate(
      theta,
      gradient,
      new Float64Array(n),
      new Float64Array(n),
      0.9,
      0.999,
      (alpha / 0.1) * Math.sqrt(0.001),
      1e-8 * Math.sqrt(0.001),
      1,
    );
    theta.forEach((t, i) => expect(t).toBeCloseTo(-alpha * Math.sign(gradient[i]!), 9));
  });

  it('refuses arrays of different lengths', () => {
    const four = () => new Float64Array(4);
    expect(() => adamUpdate(four(), new Float64Array(3), four(), four(), 0.9, 0.999, 1, 0, 1)).toThrow(
      ShapeError,
    );
  });
});
