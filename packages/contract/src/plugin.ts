// The plugin base: a plain object `{ kind, name, description, ... }`; kinds add their functions.
import type { ActivationPlugin } from './activation';
import type { BackendPlugin } from './backend';
import type { InitializerPlugin } from './initializer';
import type { LayerPlugin } from './layer';
import type { LossPlugin } from './loss';
import type { OptimizerPlugin } from './optimizer';
import type { RegularizerPlugin } from './regularizer';

/** The families of plugin; each has its own interface. */
export type PluginKind =
  | 'activation'
  | 'loss'
  | 'regularizer'
  | 'optimizer'
  | 'initializer'
  | 'backend'
  | 'layer';

/** Hyper-parameters of a parameterized plugin: plain, JSON-serializable values. */
export type PluginOptions = Readonly<Record<string, number | string | boolean>>;

/**
 * What every plugin carries. `name` is unique within its kind and equals the defining file's
 * name (`leaky-relu.ts` → `"leaky-relu"`). Parameterized plugins also carry their `options`
 * and a `configure` that returns a copy with other options, so a saved `{ name, options }`
 * rebuilds the same plugin.
 */
export interface PluginBase<K extends PluginKind> {
  /** The plugin's family, which decides the functions it carries. */
  readonly kind: K;
  /** Unique within its kind; the name specs and saved files use (e.g. `'leaky-relu'`). */
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
  | BackendPlugin
  | LayerPlugin;

/** The plugin interface of one kind. */
export type PluginOfKind<K extends PluginKind> = Extract<
  Plugin,
  {
    /** The kind to select. */
    kind: K;
  }
>;

/** How a plugin is named in specs and files: by name, with optional options. */
export type PluginRef =
  | string
  | {
      /** The plugin's registered name. */
      readonly name: string;
      /** Options passed to its `configure`; undefined keeps its defaults. */
      readonly options?: PluginOptions;
    };

/** The options type of a plugin that takes none: an empty object, and no key accepted. */
export type NoOptions = Readonly<Record<string, never>>;

/**
 * A name among the built-in names `N`, or any other (a registered third-party plugin). Editors
 * complete the literals; `(string & {})` keeps them from collapsing into plain `string`.
 *
 * @example
 * const name: PluginName<'sigmoid' | 'tanh'> = 'tanh'; // completes 'sigmoid' | 'tanh'
 */
export type PluginName<N extends string> = N | (string & {});

/**
 * A reference to one of the plugins in `M` (a map from name to options type): the name alone,
 * or the name with options checked against that plugin's own options.
 *
 * @example
 * type Ref = BuiltinPluginRef<{ adam: { learningRate: number } }>;
 * const ok: Ref = { name: 'adam', options: { learningRate: 0.01 } };
 * // { name: 'adam', options: { learningrate: 0.01 } } does not compile.
 */
export type BuiltinPluginRef<M> = {
  [N in keyof M & string]:
    | N
    | {
        /** One of the names in `M`. */
        readonly name: N;
        /** Some of that plugin's options, type-checked; undefined keeps its defaults. */
        readonly options?: SomeOptions<M[N]>;
      };
}[keyof M & string];

/** Some of the options `O`; `NoOptions` (an index signature of never) stays as it is. */
type SomeOptions<O> = string extends keyof O ? O : Partial<O>;

/**
 * A reference to a plugin that is not built in: any name, any plain options, resolved at run
 * time by the registry (which lists the valid names when it is unknown).
 */
export type CustomPluginRef =
  | (string & {})
  | {
      /** Any registered name, checked against the registry at run time. */
      readonly name: string & {};
      /** Plain options for its `configure`, checked at run time; undefined keeps its defaults. */
      readonly options?: PluginOptions;
    };

/**
 * Your own activations, by name → options type, added through declaration merging so a spec
 * accepts their names (and checks their options) like the built-ins'. Empty by default.
 *
 * @example
 * declare module '@deltanet/contract' {
 *   interface RegisteredActivations { 'my-act': { k: number } }
 * }
 * // createNetwork({ layers: [2, 1], outputActivation: 'my-act' }, { registry }) now compiles.
 */
// biome-ignore lint/suspicious/noEmptyInterface: an interface users extend by declaration merging
export interface RegisteredActivations {}
/** Your own losses, name → options type; see `RegisteredActivations`. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface RegisteredLosses {}
/** Your own regularizers, name → options type; see `RegisteredActivations`. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface RegisteredRegularizers {}
/** Your own optimizers, name → options type; see `RegisteredActivations`. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface RegisteredOptimizers {}
/** Your own initializers, name → options type; see `RegisteredActivations`. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface RegisteredInitializers {}
/** Your own backends, name → options type; see `RegisteredActivations`. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface RegisteredBackends {}
/** Your own layers, name → options type; see `RegisteredActivations`. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface RegisteredLayers {}

/** The registered (declaration-merged) names of every kind: kind → name → options type. */
export interface RegisteredPlugins {
  /** `RegisteredActivations`. */
  activation: RegisteredActivations;
  /** `RegisteredLosses`. */
  loss: RegisteredLosses;
  /** `RegisteredRegularizers`. */
  regularizer: RegisteredRegularizers;
  /** `RegisteredOptimizers`. */
  optimizer: RegisteredOptimizers;
  /** `RegisteredInitializers`. */
  initializer: RegisteredInitializers;
  /** `RegisteredBackends`. */
  backend: RegisteredBackends;
  /** `RegisteredLayers`. */
  layer: RegisteredLayers;
}

declare const checkedKind: unique symbol;

/**
 * A plugin name of kind `K` checked against a registry at run time by `pluginName`: the escape
 * hatch for names known only when the program runs (flags, files, UI choices). A plain
 * `string` is not assignable to it, so only a checked name gets past a typed spec.
 */
export type CheckedPluginName<K extends PluginKind = PluginKind> = string & {
  /** A type-only brand (no such property at run time) recording the kind the name was checked for. */
  readonly [checkedKind]: K;
};

/** A checked name, alone or with options (checked by the plugin's `configure` when resolved). */
export type CheckedPluginRef<K extends PluginKind = PluginKind> =
  | CheckedPluginName<K>
  | {
      /** A name checked by `pluginName`. */
      readonly name: CheckedPluginName<K>;
      /** Options for its `configure`, checked when resolved; undefined keeps its defaults. */
      readonly options?: PluginOptions;
    };
