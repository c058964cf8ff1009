import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { adamw } from './adamw';
import { maxDistance, vector } from './internal/test-problems';

const tolerance = { float64: 1e-12, float32: 1e-6 };

describe.each(['float64', 'float32'] as const)('adamw (%s)', (dtype) => {
  it('decays every parameter, bias weights too, by (1 − αλ) when D = 0', () => {
    const opt = adamw({ learningRate: 0.1, weightDecay: 0.5 });
    const params = vector(dtype, [2, -4]);
    opt.update(params, vector(dtype, [0, 0]), opt.init(params)); // m = 0: the Adam step is 0
    expect(maxDistance(params, [2 * 0.95, -4 * 0.95])).toBeLessThan(tolerance[dtype]);
  });

  it('decays first, then takes the Adam step', () => {
    const opt = adamw({ learningRate: 0.001, weightDecay: 0.01 });
    const params = vector(dtype, [1, -2]);
    opt.update(params, vector(dtype, [0.5, 0.5]), opt.init(params));
    // θ·(1 − αλ) − α·D/(|D| + ε) with αλ = 1e-5: [1 − 1e-5 − s, −2 + 2e-5 − s]
    const s = (0.001 * 0.5) / (0.5 + 1e-8);
    expect(maxDistance(params, [1 - 1e-5 - s, -2 + 2e-5 - s])).toBeLessThan(tolerance[dtype]);
  });
});

describe('adamw, property', () => {
  it('equals adam bit for bit when λ = 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (g) => {
          const a = new Float64Array(g.length).fill(1);
          const b = new Float64Array(g.length).fill(1);
          const [plain, decoupled] = [adam(), adamw({ weightDecay: 0 })];
          const [sa, sb] = [plain.init(a), decoupled.init(b)];
          for (let k = 0; k < 3; k++) {
            plain.update(a, Float64Array.from(g), sa);
            decoupled.update(b, Float64Array.from(g), sb);
          }
          expect(Buffer.from(b.buffer)).toEqual(Buffer.from(a.buffer));
        },
      ),
    );
  });
});
