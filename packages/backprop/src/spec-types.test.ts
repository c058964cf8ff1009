// What the spec types accept: built-in names and names registered by declaration merging
// compile, with their options typed; a misspelled name or option fails to compile (every
// expected-error directive must meet an error, or typecheck fails); names known only at run
// time get in through `pluginName`, which checks them against the registry.
import type { ActivationPlugin, Matrix, OptimizerPlugin } from '@deltanet/contract';
import { checkPluginRef, pluginName } from '@deltanet/contract';
import { adam } from '@deltanet/optimizers';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { builtinRegistry } from './builtins';
import { checkSpec } from './check-spec';
import { createNetwork } from './network';
import type { NetworkSpec, PluginChoice, UncheckedNetworkSpec } from './spec';

// A user's own activation, made known to the types as a user would in their project.
declare module '@deltanet/contract' {
  interface RegisteredActivations {
    'spec-types-cube': { readonly gain: number };
  }
}

const cube: ActivationPlugin = {
  kind: 'activation',
  name: 'spec-types-cube',
  description: 'g(z) = z³ (a test activation)',
  forward: (z: Matrix, out: Matrix) => {
    for (let i = 0; i < z.data.length; i++) out.data[i] = z.data[i]! ** 3;
  },
  backward: (z: Matrix, _a: Matrix, upstream: Matrix, out: Matrix) => {
    for (let i = 0; i < z.data.length; i++) out.data[i] = 3 * z.data[i]! ** 2 * upstream.data[i]!;
  },
  output: (z) => z ** 3,
  derivative: (z) => 3 * z ** 2,
};

describe('typed plugin names and options', () => {
  it('accepts built-ins and fails misspellings at compile time', () => {
    const spec: NetworkSpec = {
      layers: [2, 3, 1],
      activation: { name: 'leaky-relu', options: { alpha: 0.2 } },
      loss: 'mean-squared-error',
      outputActivation: 'linear',
      initializer: 'he-normal',
    };
    // @ts-expect-error 'sigmod' is not a built-in activation
    const typo: NetworkSpec = { layers: [2, 1], outputActivation: 'sigmod' };
    const option: NetworkSpec = {
      layers: [2, 3, 1],
      // @ts-expect-error leaky-relu's option is alpha
      activation: { name: 'leaky-relu', options: { alhpa: 1 } },
    };
    const none: NetworkSpec = {
      layers: [2, 3, 1],
      // @ts-expect-error relu takes no options
      activation: { name: 'relu', options: { alpha: 1 } },
    };
    // @ts-expect-error adam's option is learningRate
    const optimizer: PluginChoice<OptimizerPlugin> = { name: 'adam', options: { learningrate: 0.1 } };
    // @ts-expect-error a plain run-time string is not a typed name
    const fromText = (name: string): NetworkSpec => ({ layers: [2, 1], loss: name });
    // @ts-expect-error the factory is typed too
    expect(() => adam({ learningrate: 0.1 })).toThrow('no option "learningrate"');
    expect(createNetwork(spec).spec.activations.map((a) => a.name)).toEqual(['leaky-relu', 'linear']);
    // The run-time check still stands behind the types.
    expect(() => createNetwork(typo)).toThrow(/unknown activation "sigmod"; valid activations: /);
    expect([option, none, optimizer, fromText]).toHaveLength(4);
  });

  it('takes a name registered by declaration merging, with its options typed', () => {
    const registry = builtinRegistry().with(cube);
    const spec: NetworkSpec = { layers: [2, 3, 1], activation: 'spec-types-cube' };
    const configured: NetworkSpec = {
      layers: [2, 3, 1],
      // @ts-expect-error the registered options type says gain
      activation: { name: 'spec-types-cube', options: { gian: 2 } },
    };
    expect(createNetwork(spec, { registry }).spec.activations[0]).toBe(cube);
    expect(configured.layers).toHaveLength(3);
  });

  it('takes names known only at run time through pluginName, which checks the registry', () => {
    const registry = builtinRegistry();
    const fromFlag = (text: string) => pluginName(registry, 'activation', text);
    expectTypeOf(fromFlag('tanh')).toMatchTypeOf<PluginChoice<ActivationPlugin>>();
    const spec: NetworkSpec = { layers: [2, 3, 1], activation: fromFlag('tanh') };
    expect(createNetwork(spec).spec.activations[0]!.name).toBe('tanh');
    // A checked activation name is not a loss name.
    // @ts-expect-error CheckedPluginName<'activation'> is not a loss
    const wrongKind: NetworkSpec = { layers: [2, 1], loss: fromFlag('tanh') };
    expect(wrongKind.layers).toHaveLength(2);
    // The same error (listing the valid names) as an unknown name in a spec.
    expect(() => fromFlag('tnah')).toThrow(/unknown activation "tnah"; valid activations: .*tanh/);
    const activation = checkPluginRef(registry, 'activation', {
      name: 'leaky-relu',
      options: { alpha: 0.3 },
    });
    expect(createNetwork({ layers: [2, 3, 1], activation }).spec.activations[0]!.options).toEqual({
      alpha: 0.3,
    });
    expect(() => checkPluginRef(registry, 'loss', { name: 'huber', options: { delta: 2 } })).toThrow(
      /unknown loss "huber"/,
    );
  });

  it('checks a whole run-time spec with checkSpec', () => {
    const fromFile: unknown = JSON.parse(
      '{"layers":[2,3,1],"activation":["tanh"],"outputActivation":{"name":"linear"},"loss":"mean-squared-error"}',
    );
    const spec: NetworkSpec = checkSpec(fromFile as UncheckedNetworkSpec);
    expect(createNetwork(spec).spec.activations.map((a) => a.name)).toEqual(['tanh', 'linear']);
    expect(() => checkSpec({ layers: [2, 3, 1], activation: ['tanh'], loss: 'mse' })).toThrow(
      /unknown loss "mse"; valid losses: /,
    );
    const registry = builtinRegistry().with(cube);
    expect(checkSpec({ layers: [2, 3, 1], activation: 'spec-types-cube' }, registry).activation).toBe(
      'spec-types-cube',
    );
  });
});
