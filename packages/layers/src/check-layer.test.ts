import type { ActivationPlugin, LayerPlugin } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { batchNorm } from './batch-norm';
import { checkLayer } from './check-layer';
import { dense } from './dense';
import { dropout } from './dropout';

// An activation defined here (tanh from Math) so the test needs no other package's plugins.
const tanh: ActivationPlugin = {
  kind: 'activation',
  name: 'tanh',
  description: 'tanh',
  output: Math.tanh,
  derivative: (_z, a) => 1 - a * a,
  forward(z, out) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = Math.tanh(z.data[i]!);
  },
  backward(_z, a, upstream, out) {
    for (let i = 0; i < a.data.length; i++) out.data[i] = upstream.data[i]! * (1 - a.data[i]! ** 2);
  },
} as ActivationPlugin;

describe('checkLayer', () => {
  it('passes the built-in layers', () => {
    expect(
      checkLayer(dense, { shape: { inputUnits: 3, outputUnits: 4, activation: tanh } }).failures,
    ).toEqual([]);
    expect(checkLayer(dropout({ rate: 0.3 })).failures).toEqual([]);
    expect(checkLayer(batchNorm()).failures).toEqual([]);
    expect(checkLayer(batchNorm({ momentum: 0.5, epsilon: 1e-5 }), { rows: 7 }).failures).toEqual([]);
  });

  it('finds a backward that is wrong for one parameter', () => {
    const broken: LayerPlugin = {
      ...batchNorm(),
      build(shape) {
        const built = batchNorm().build(shape);
        return {
          ...built,
          backward(context, pass, g, params, gradients, input) {
            built.backward(context, pass, g, params, gradients, input);
            gradients[1]!.data[2] = gradients[1]!.data[2]! * 2;
          },
        };
      },
    };
    const report = checkLayer(broken);
    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toMatch(/∂\/∂β\[2\]/);
  });

  it('finds a layer that changes its state in inference mode', () => {
    const leaky: LayerPlugin = {
      ...batchNorm(),
      build(shape) {
        const built = batchNorm().build(shape);
        return {
          ...built,
          forward: (context, pass, params, state) =>
            built.forward({ ...context, mode: 'train' }, pass, params, state),
        };
      },
    };
    expect(checkLayer(leaky).failures).toContain('forward in inference mode changed the state');
  });

  it('names a layer whose build throws', () => {
    expect(checkLayer(dense).failures[0]).toMatch(
      /build\(.*\) threw: dense needs a whole number of output units/,
    );
  });
});

describe('dropout', () => {
  it('keeps units with probability 1 − rate, scaled by 1/(1 − rate), and passes x through in inference', async () => {
    const { createRandom } = await import('@deltanet/tensor');
    const { reference } = await import('@deltanet/tensor');
    const built = dropout({ rate: 0.25 }).build({ inputUnits: 1000 });
    const input = { rows: 4, cols: 1000, data: new Float64Array(4000).fill(2) };
    const output = { rows: 4, cols: 1000, data: new Float64Array(4000) };
    const saved = [{ rows: 4, cols: 1000, data: new Float64Array(4000) }];
    built.forward(
      { mode: 'train', backend: reference, random: createRandom(3) },
      { input, output, saved },
      [],
      [],
    );
    const kept = output.data.filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([2 / 0.75]));
    // 4000 draws at p = 0.75: the standard deviation of the kept fraction is 0.0068.
    expect(Math.abs(kept.length / 4000 - 0.75)).toBeLessThan(0.03);
    built.forward(
      { mode: 'inference', backend: reference, random: createRandom(3) },
      { input, output, saved },
      [],
      [],
    );
    expect(output.data.every((v) => v === 2)).toBe(true);
  });

  it('refuses a rate outside [0, 1)', () => {
    expect(() => dropout({ rate: 1 })).toThrow('dropout rate must be in [0, 1), got 1');
    expect(() => dropout().configure!({ rate: -0.1 })).toThrow(/got -0.1/);
  });
});

describe('batch-norm', () => {
  it('normalizes each unit by the batch statistics in training and moves the running ones by momentum', async () => {
    const { reference } = await import('@deltanet/tensor');
    const built = batchNorm({ momentum: 0.9, epsilon: 1e-3 }).build({ inputUnits: 1 });
    const input = { rows: 4, cols: 1, data: Float64Array.from([1, 2, 3, 4]) };
    const output = { rows: 4, cols: 1, data: new Float64Array(4) };
    const saved = built.saved.map(() => ({ rows: 4, cols: 1, data: new Float64Array(4) }));
    const gamma = { rows: 1, cols: 1, data: Float64Array.from([2]) };
    const beta = { rows: 1, cols: 1, data: Float64Array.from([0.5]) };
    const mean = { rows: 1, cols: 1, data: Float64Array.from([0]) };
    const variance = { rows: 1, cols: 1, data: Float64Array.from([1]) };
    built.forward(
      { mode: 'train', backend: reference, random: undefined },
      { input, output, saved },
      [gamma, beta],
      [mean, variance],
    );
    // μ = 2.5, σ² = 1.25 (biased), so y = 2·(x − 2.5)/√1.251 + 0.5.
    const expected = [1, 2, 3, 4].map((x) => (2 * (x - 2.5)) / Math.sqrt(1.251) + 0.5);
    expected.forEach((v, i) => expect(output.data[i]).toBeCloseTo(v, 12));
    expect(mean.data[0]).toBeCloseTo(0.25, 15);
    expect(variance.data[0]).toBeCloseTo(0.9 + 0.125, 15);
  });
});
