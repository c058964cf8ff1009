// The plugin base: a plain object `{ kind, name, description, ... }`; kinds add their functions.
import type { ActivationPlugin } from './activation';
import type { BackendPlugin } from './backend';
import type { InitializerPlugin } from './initializer';
import type { LossPlugin } from './loss';
import type { OptimizerPlugin } from './optimizer';
import type { RegularizerPlugin } from './regularizer';

/** The families of plugin; each has its own interface. */
export type PluginKind = 'activation' | 'loss' | 'regularizer' | 'optimizer' | 'initializer' | 'backend';

/** Hyper-parameters of a parameterized plugin: plain, JSON-serializable values. */
export type PluginOptions = Readonly<Record<string, number | string | boolean>>;

/**
 * What every plugin carries. `name` is unique within its kind and equals the defining file's
 * name (`leaky-relu.ts` → `"leaky-relu"`). Parameterized plugins also carry their `options`
 * and a `configure` that returns a copy with other options, so a saved `{ name, options }`
 * rebuilds the same plugin.
 */
export interface PluginBase<K extends PluginKind> {
  readonly kind: K;
  readonly name: string;
  /** One line for `deltanet plugins` and help texts. */
  readonly description: string;
  /** Current hyper-parameters, when the plugin has any. */
  readonly options?: PluginOptions;
  /** A copy with `options` merged over the current ones; throws on an unknown option. */
  configure?(options: PluginOptions): PluginOfKind<K>;
}

/** Any plugin. */
export type Plugin =
  | ActivationPlugin
  | LossPlugin
  | RegularizerPlugin
  | OptimizerPlugin
  | InitializerPlugin
  | BackendPlugin;

/** The plugin interface of one kind. */
export type PluginOfKind<K extends PluginKind> = Extract<Plugin, { kind: K }>;

/** How a plugin is named in specs and files: by name, with optional options. */
export type PluginRef = string | { readonly name: string; readonly options?: PluginOptions };
