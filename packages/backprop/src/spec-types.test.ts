// What the spec types accept: built-in names complete and, in a BuiltinNetworkSpec or a
// PluginChoice<P, never>, a misspelled name or option fails to compile (each @ts-expect-error
// must meet an error, or typecheck fails); the default spec still takes registered names.
import type { OptimizerPlugin } from '@deltanet/contract';
import { adam } from '@deltanet/optimizers';
import { describe, expect, it } from 'vitest';
import { createNetwork } from './network';
import type { BuiltinNetworkSpec, NetworkSpec, PluginChoice } from './spec';

describe('typed plugin names and options', () => {
  it('accepts built-ins in a strict spec and fails misspellings at compile time', () => {
    const strict: BuiltinNetworkSpec = {
      layers: [2, 3, 1],
      activation: { name: 'leaky-relu', options: { alpha: 0.2 } },
      loss: 'mean-squared-error',
      outputActivation: 'linear',
      initializer: 'he-normal',
    };
    // @ts-expect-error 'sigmod' is not a built-in activation
    const typo: BuiltinNetworkSpec = { layers: [2, 1], outputActivation: 'sigmod' };
    const option: BuiltinNetworkSpec = {
      layers: [2, 3, 1],
      // @ts-expect-error leaky-relu's option is alpha
      activation: { name: 'leaky-relu', options: { alhpa: 1 } },
    };
    const none: BuiltinNetworkSpec = {
      layers: [2, 3, 1],
      // @ts-expect-error relu takes no options
      activation: { name: 'relu', options: { alpha: 1 } },
    };
    // @ts-expect-error adam's option is learningRate
    const optimizer: PluginChoice<OptimizerPlugin, never> = { name: 'adam', options: { learningrate: 0.1 } };
    // @ts-expect-error the factory is typed too
    expect(() => adam({ learningrate: 0.1 })).toThrow('no option "learningrate"');
    expect(createNetwork(strict).spec.activations.map((a) => a.name)).toEqual(['leaky-relu', 'linear']);
    // The run-time check still stands behind the types.
    expect(() => createNetwork(typo)).toThrow(/unknown activation "sigmod"|"sigmod"/);
    expect([option, none, optimizer]).toHaveLength(3);
  });

  it('takes any registered name in the default spec (the escape hatch)', () => {
    const loose: NetworkSpec = { layers: [2, 1], outputActivation: 'my-activation' };
    const fromFlags = (name: string): NetworkSpec => ({ layers: [2, 1], loss: { name, options: { k: 1 } } });
    expect(() => createNetwork(loose)).toThrow(/my-activation/);
    expect(fromFlags('huber').loss).toEqual({ name: 'huber', options: { k: 1 } });
  });
});
