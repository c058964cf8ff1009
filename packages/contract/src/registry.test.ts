// createRegistry: lookups by kind and name, errors that list the valid names, and resolving
// { name, options } refs, including custom plugins that carry options but have no configure.
import { describe, expect, it } from 'vitest';
import type { ActivationPlugin } from './activation';
import { InvalidArgumentError, UnknownPluginError } from './errors';
import { createRegistry } from './registry';

/** A minimal activation; the functions are never called here. */
function activation(name: string, extra: Partial<ActivationPlugin> = {}): ActivationPlugin {
  const noop = () => {};
  return {
    kind: 'activation',
    name,
    description: name,
    forward: noop,
    backward: noop,
    ...extra,
  };
}

describe('createRegistry', () => {
  it('finds plugins by kind and name and lists the valid names for an unknown one', () => {
    const registry = createRegistry([activation('b'), activation('a')]);
    expect(registry.get('activation', 'a').name).toBe('a');
    expect(registry.names('activation')).toEqual(['a', 'b']);
    expect(() => registry.get('activation', 'c')).toThrow(UnknownPluginError);
    expect(() => registry.get('activation', 'c')).toThrow(/a, b/);
  });

  it('loads back a custom plugin saved with its options even without configure', () => {
    const cube = activation('scaled-cube', { options: { scale: 2 } });
    const registry = createRegistry([cube]);
    // What describePlugin saves for it: { name, options }.
    expect(registry.resolve('activation', { name: 'scaled-cube', options: { scale: 2 } })).toBe(cube);
    expect(() => registry.resolve('activation', { name: 'scaled-cube', options: { scale: 3 } })).toThrow(
      'activation "scaled-cube" has no configure, so it is fixed at {"scale":2}; got {"scale":3}',
    );
    expect(() =>
      registry.resolve('activation', { name: 'scaled-cube', options: { scale: 2, extra: 1 } }),
    ).toThrow(InvalidArgumentError);
  });

  it('refuses options for a plugin that has none and no configure', () => {
    const registry = createRegistry([activation('plain')]);
    expect(registry.resolve('activation', { name: 'plain', options: {} }).name).toBe('plain');
    expect(() => registry.resolve('activation', { name: 'plain', options: { a: 1 } })).toThrow(
      'activation "plain" takes no options, got a',
    );
  });

  it('applies options through configure when the plugin has one', () => {
    const configurable: ActivationPlugin = activation('leaky', {
      options: { alpha: 0.01 },
      configure: (options) => activation('leaky', { options: { alpha: 0.01, ...options } }),
    });
    const registry = createRegistry([configurable]);
    expect(registry.resolve('activation', { name: 'leaky', options: { alpha: 0.2 } }).options).toEqual({
      alpha: 0.2,
    });
  });
});
