// The contract suite every built-in passes: the public verifier (gradient vs float64 central
// differences, scalar forms, extremes, float32, shapes, JSON options), plus registry use.
import type { ActivationPlugin } from '@deltanet/contract';
import { createRegistry, ShapeError, UnknownPluginError } from '@deltanet/contract';
import { createRandom, zeros } from '@deltanet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activations } from './activations';
import { checkActivation } from './check-activation';
import { elu } from './elu';
import { leakyRelu } from './leaky-relu';
import { swish } from './swish';

const configured: readonly ActivationPlugin[] = [
  leakyRelu({ alpha: 0.2 }),
  elu({ alpha: 0.5 }),
  swish({ beta: 1.702 }),
  swish({ beta: 0.5 }),
];

describe.each(
  [...activations, ...configured].map((p) => [`${p.name} ${JSON.stringify(p.options ?? {})}`, p]),
)('%s', (_label, plugin) => {
  it('passes checkActivation', () => {
    const report = checkActivation(plugin as ActivationPlugin);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.maxRelativeError).toBeLessThanOrEqual(1e-6);
  });

  it('passes checkActivation for other seeds', () => {
    for (const seed of [2, 3, 99])
      expect(checkActivation(plugin as ActivationPlugin, { seed }).failures).toEqual([]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(plugin)).toBe(true);
    if ((plugin as ActivationPlugin).options)
      expect(Object.isFrozen((plugin as ActivationPlugin).options)).toBe(true);
  });

  it('rejects mismatched shapes with a ShapeError naming itself', () => {
    const p = plugin as ActivationPlugin;
    const z = zeros(2, 3);
    expect(() => p.forward(z, zeros(3, 2))).toThrow(ShapeError);
    expect(() => p.forward(z, zeros(3, 2))).toThrow(`"${p.name}"`);
    expect(() => p.backward(z, z, z, zeros(2, 2))).toThrow(ShapeError);
  });

  it('allows out to alias z, a or upstream (property)', () => {
    const p = plugin as ActivationPlugin;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (r, c, seed) => {
          const random = createRandom(seed);
          const z = zeros(r, c);
          const u = zeros(r, c);
          for (let i = 0; i < r * c; i++) {
            z.data[i] = 10 * random.normal();
            u.data[i] = random.normal();
          }
          const a = zeros(r, c);
          const g = zeros(r, c);
          p.forward(z, a);
          p.backward(z, a, u, g);
          const zAlias = { ...z, data: z.data.slice() };
          p.forward(zAlias, zAlias);
          const aAlias = { ...a, data: a.data.slice() };
          p.backward(z, aAlias, u, aAlias);
          const uAlias = { ...u, data: u.data.slice() };
          p.backward(z, a, uAlias, uAlias);
          expect(zAlias.data).toEqual(a.data);
          expect(aAlias.data).toEqual(g.data);
          expect(uAlias.data).toEqual(g.data);
        },
      ),
    );
  });
});

describe('activations', () => {
  it('lists the ten built-ins once each, sigmoid first, named like their files', () => {
    expect(activations.map((p) => p.name)).toEqual([
      'sigmoid',
      'tanh',
      'relu',
      'leaky-relu',
      'elu',
      'softplus',
      'swish',
      'gelu',
      'softmax',
      'linear',
    ]);
    expect(Object.isFrozen(activations)).toBe(true);
  });

  it('builds a registry that resolves options and names the valid choices', () => {
    const registry = createRegistry(activations);
    const leaky = registry.resolve('activation', { name: 'leaky-relu', options: { alpha: 0.2 } });
    expect(leaky.options).toEqual({ alpha: 0.2 });
    expect(leaky.output!(-1)).toBe(-0.2);
    expect(() => registry.get('activation', 'relu6')).toThrow(UnknownPluginError);
    expect(() => registry.get('activation', 'relu6')).toThrow(
      'valid activations: elu, gelu, leaky-relu, linear, relu, sigmoid, softmax, softplus, swish, tanh',
    );
  });

  it('gives every elementwise plugin a scalar pair and softmax none', () => {
    for (const p of activations) {
      const elementwise = p.name !== 'softmax';
      expect(typeof p.output === 'function').toBe(elementwise);
      expect(typeof p.derivative === 'function').toBe(elementwise);
    }
  });
});
