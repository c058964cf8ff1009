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

describe('createRegistry checks every plugin it is given (assertPlugin)', () => {
  it('refuses a value that is not an object', () => {
    expect(() => createRegistry([null as unknown as ActivationPlugin])).toThrow(
      /a plugin must be an object, got null/,
    );
  });
  it('refuses an unknown kind, listing the valid kinds', () => {
    const odd = { ...activation('odd'), kind: 'metric' } as unknown as ActivationPlugin;
    expect(() => createRegistry([odd])).toThrow(
      /plugin "odd" has kind "metric"; valid kinds: activation, loss, regularizer, optimizer, initializer, backend, layer/,
    );
  });
  it('refuses a name that is not kebab-case', () => {
    expect(() => createRegistry([activation('LeakyRelu')])).toThrow(
      'activation plugin names must be kebab-case (a-z, 0-9, -), got "LeakyRelu"',
    );
    expect(() => createRegistry([activation('-x')])).toThrow(InvalidArgumentError);
  });
  it('refuses two plugins of one kind and name, here or through `with`', () => {
    expect(() => createRegistry([activation('relu')], [activation('relu')])).toThrow(
      /two activation plugins are named "relu"/,
    );
    expect(() => createRegistry([activation('relu')]).with(activation('relu'))).toThrow(InvalidArgumentError);
  });
  it('lists, names and has by kind, sorted; `with` leaves the original unchanged', () => {
    const base = createRegistry([activation('tanh'), activation('relu')]);
    const more = base.with(activation('elu'));
    expect(base.names('activation')).toEqual(['relu', 'tanh']);
    expect(more.list('activation').map((p) => p.name)).toEqual(['elu', 'relu', 'tanh']);
    expect(base.has('activation', 'elu')).toBe(false);
    expect(more.has('activation', 'elu')).toBe(true);
    expect(base.names('loss')).toEqual([]);
  });
});
