// Registries are built explicitly from plugin lists; nothing registers itself on import.
import { InvalidArgumentError, UnknownPluginError } from './errors';
import type {
  CheckedPluginName,
  CheckedPluginRef,
  Plugin,
  PluginKind,
  PluginOfKind,
  PluginOptions,
  PluginRef,
} from './plugin';

/** An immutable lookup of plugins by kind and name. */
export interface PluginRegistry {
  /** The plugin of that kind and name, or an UnknownPluginError listing the valid names. */
  get<K extends PluginKind>(kind: K, name: string): PluginOfKind<K>;
  /**
   * Like `get`, then applies the ref's options through the plugin's `configure`. A plugin
   * without `configure` accepts exactly the options it carries (so a model saved with it loads
   * back) and refuses any others.
   */
  resolve<K extends PluginKind>(kind: K, ref: PluginRef): PluginOfKind<K>;
  /** Whether a plugin of that kind and name is registered (never throws). */
  has(kind: PluginKind, name: string): boolean;
  /** The plugins of one kind, sorted by name. */
  list<K extends PluginKind>(kind: K): readonly PluginOfKind<K>[];
  /** The names of one kind, sorted. */
  names(kind: PluginKind): readonly string[];
  /** A new registry with these plugins added (same kind and name: an error). */
  with(...plugins: readonly Plugin[]): PluginRegistry;
}

/**
 * Builds a registry from lists of plugins, built-in or third-party alike.
 *
 * @example
 * const registry = createRegistry(activations, losses, [myActivation]);
 * registry.get('activation', 'sigmoid');
 */
export function createRegistry(...lists: readonly (readonly Plugin[])[]): PluginRegistry {
  const byKind = new Map<PluginKind, Map<string, Plugin>>();
  const all: Plugin[] = [];
  for (const plugin of lists.flat()) {
    assertPlugin(plugin);
    let named = byKind.get(plugin.kind);
    if (!named) {
      named = new Map();
      byKind.set(plugin.kind, named);
    }
    if (named.has(plugin.name)) {
      throw new InvalidArgumentError(`two ${plugin.kind} plugins are named "${plugin.name}"`);
    }
    named.set(plugin.name, plugin);
    all.push(plugin);
  }

  const names = (kind: PluginKind) => [...(byKind.get(kind)?.keys() ?? [])].sort();
  const get = <K extends PluginKind>(kind: K, name: string): PluginOfKind<K> => {
    const plugin = byKind.get(kind)?.get(name);
    if (!plugin) throw new UnknownPluginError(kind, name, names(kind));
    return plugin as PluginOfKind<K>;
  };

  return {
    get,
    resolve(kind, ref) {
      const { name, options } = typeof ref === 'string' ? { name: ref, options: undefined } : ref;
      const plugin = get(kind, name);
      if (!options || Object.keys(options).length === 0) return plugin;
      if (!plugin.configure) {
        // A plugin without `configure` can only be itself: a saved { name, options } loads back
        // when the options are the ones it carries (a custom plugin saved with its options).
        if (sameOptions(plugin.options ?? {}, options)) return plugin;
        throw new InvalidArgumentError(
          plugin.options && Object.keys(plugin.options).length > 0
            ? `${kind} "${name}" has no configure, so it is fixed at ${JSON.stringify(plugin.options)}; got ${JSON.stringify(options)}`
            : `${kind} "${name}" takes no options, got ${Object.keys(options).join(', ')}`,
        );
      }
      return plugin.configure(options) as typeof plugin;
    },
    has: (kind, name) => byKind.get(kind)?.has(name) ?? false,
    list: (kind) => names(kind).map((name) => get(kind, name)),
    names,
    with: (...plugins) => createRegistry(all, plugins),
  };
}

/** Every plugin kind, in the order tools list them. */
export const pluginKinds: readonly PluginKind[] = [
  'activation',
  'loss',
  'regularizer',
  'optimizer',
  'initializer',
  'backend',
  'layer',
];

function sameOptions(a: PluginOptions, b: PluginOptions): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

function assertPlugin(value: unknown): asserts value is Plugin {
  const plugin = value as Partial<Plugin> | null;
  if (typeof plugin !== 'object' || plugin === null) {
    throw new InvalidArgumentError(`a plugin must be an object, got ${String(value)}`);
  }
  if (!pluginKinds.includes(plugin.kind as PluginKind)) {
    throw new InvalidArgumentError(
      `plugin "${String(plugin.name)}" has kind "${String(plugin.kind)}"; valid kinds: ${pluginKinds.join(', ')}`,
    );
  }
  if (typeof plugin.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(plugin.name)) {
    throw new InvalidArgumentError(
      `${plugin.kind} plugin names must be kebab-case (a-z, 0-9, -), got ${JSON.stringify(plugin.name)}`,
    );
  }
}

/**
 * Checks a run-time `name` against `registry` and returns it typed for a spec. Throws the
 * registry's `UnknownPluginError` (which lists the valid names) when there is no such plugin.
 *
 * @example
 * const activation = pluginName(registry, 'activation', flags.activation); // 'tnah' throws
 * createNetwork({ layers: [2, 4, 1], activation }, { registry });
 */
export function pluginName<K extends PluginKind>(
  registry: PluginRegistry,
  kind: K,
  name: string,
): CheckedPluginName<K> {
  registry.get(kind, name);
  return name as CheckedPluginName<K>;
}

/**
 * `pluginName` for a whole ref: `'tanh'` or `{ name, options }`, its name checked, its options
 * passed through (the plugin's `configure` checks them when the spec is resolved).
 *
 * @example
 * const loss = checkPluginRef(registry, 'loss', { name: 'huber', options: { delta: 2 } });
 */
export function checkPluginRef<K extends PluginKind>(
  registry: PluginRegistry,
  kind: K,
  ref: PluginRef,
): CheckedPluginRef<K> {
  if (typeof ref === 'string') return pluginName(registry, kind, ref);
  const name = pluginName(registry, kind, ref.name);
  return ref.options ? { name, options: ref.options } : { name };
}
