// A network spec: layer sizes and plugin choices, by name (serializable) or by plugin object.
import type { ActivationOptionsByName } from '@deltanet/activations';
import type {
  ActivationPlugin,
  BuiltinPluginRef,
  CheckedPluginRef,
  CustomPluginRef,
  DType,
  InitializerPlugin,
  LayerPlugin,
  LossPlugin,
  Plugin,
  PluginKind,
  PluginOptions,
  PluginRef,
  PluginRegistry,
  RegisteredPlugins,
  RegularizerPlugin,
} from '@deltanet/contract';
import { InvalidArgumentError, UnknownPluginError } from '@deltanet/contract';
import type { LayerOptionsByName } from '@deltanet/layers';
import type { LossOptionsByName, RegularizerOptionsByName } from '@deltanet/losses';
import type { OptimizerOptionsByName } from '@deltanet/optimizers';
import type { BackendOptionsByName, InitializerOptionsByName } from '@deltanet/tensor';

/**
 * The built-in plugins of every kind: name → options type. Specs are typed from it, so editors
 * complete `'leaky-relu'` and check `{ name: 'adam', options: { learningRate } }`.
 *
 * @example
 * type AdamOptions = BuiltinPlugins['optimizer']['adam']; // { learningRate, beta1, … }
 */
export interface BuiltinPlugins {
  /** From `@deltanet/activations`. */
  activation: ActivationOptionsByName;
  /** From `@deltanet/losses`. */
  loss: LossOptionsByName;
  /** From `@deltanet/losses`. */
  regularizer: RegularizerOptionsByName;
  /** From `@deltanet/optimizers`. */
  optimizer: OptimizerOptionsByName;
  /** From `@deltanet/tensor`. */
  initializer: InitializerOptionsByName;
  /** From `@deltanet/tensor`. */
  backend: BackendOptionsByName;
  /** From `@deltanet/layers`. */
  layer: LayerOptionsByName;
}

/**
 * A plugin given by name (`'relu'`), by name with options, or as the plugin object itself.
 * Names are typed: the built-ins, the names you add to `RegisteredActivations` & co. (from
 * `@deltanet/contract`, by declaration merging), and names checked at run time by
 * `pluginName(registry, kind, text)`. So editors complete names and options, and a misspelled
 * name or option does not compile. `Extra` widens what is accepted (`UncheckedNetworkSpec`
 * uses it for specs read from files, checked by the registry at run time only).
 *
 * @example
 * const adam: PluginChoice<OptimizerPlugin> = { name: 'adam', options: { learningRate: 0.01 } };
 * const fromFlag: PluginChoice<OptimizerPlugin> = pluginName(registry, 'optimizer', flags.optimizer);
 */
export type PluginChoice<P extends Plugin, Extra = never> =
  | BuiltinPluginRef<BuiltinPlugins[P['kind']] & RegisteredPlugins[P['kind']]>
  | CheckedPluginRef<P['kind']>
  | Extra
  | P;

/**
 * What a network is: s(1)..s(L) units per layer and the plugins each layer uses. Plugins are
 * named as `PluginChoice` says (typed names); `Extra` widens the accepted refs.
 *
 * @example
 * const spec: NetworkSpec = { layers: [784, 25, 10], activation: 'tanh', lambda: 1, seed: 7 };
 * // { layers: [2, 1], outputActivation: 'sigmod' } does not compile.
 */
export interface NetworkSpec<Extra = never> {
  /** Units per layer, input first: [s(1), …, s(L)]; at least an input and an output layer. */
  readonly layers: readonly number[];
  /** Hidden activation: one for every hidden layer, or one per hidden layer. Default sigmoid. */
  readonly activation?:
    | PluginChoice<ActivationPlugin, Extra>
    | readonly PluginChoice<ActivationPlugin, Extra>[];
  /** Output activation g in h = g(z(L)). Default sigmoid. */
  readonly outputActivation?: PluginChoice<ActivationPlugin, Extra>;
  /** The cost ℓ(h, y). Default cross-entropy. */
  readonly loss?: PluginChoice<LossPlugin, Extra>;
  /** The weight penalty R(Θ), scaled by λ/m. Default l2. */
  readonly regularizer?: PluginChoice<RegularizerPlugin, Extra>;
  /** λ ≥ 0. Default 0. */
  readonly lambda?: number;
  /** How Θ starts. Default epsilon-uniform (the course's ±√6/√(L_in + L_out)). */
  readonly initializer?: PluginChoice<InitializerPlugin, Extra>;
  /** Seed of the initial Θ (and, by default, of training's shuffles). Default 0. */
  readonly seed?: number;
  /** Precision of Θ and every buffer. Default float64. */
  readonly dtype?: DType;
}

/**
 * One entry of a layered spec's `layers`: a number (a dense layer of that many units) or another
 * layer by name or `{ name, options }`, typed like every plugin choice.
 *
 * @example
 * const entry: LayerEntry = { name: 'dropout', options: { rate: 0.2 } };
 */
export type LayerEntry<Extra = never> = number | PluginChoice<LayerPlugin, Extra>;

/**
 * A spec whose `layers` may hold other layers between the dense sizes: what `createNetwork`
 * takes (a `NetworkSpec`, all dense, is one). Numbers are dense layers of that many units (s(1),
 * …, s(L), the first the input, the last the output) with the spec's activations; other layers
 * go between the numbers by name or `{ name, options }`. The first and last entries are numbers.
 *
 * @example
 * const spec: LayeredNetworkSpec = { layers: [2, 8, { name: 'dropout', options: { rate: 0.2 } }, 8, 'batch-norm', 1] };
 * // { layers: [2, 'dropuot', 1] } does not compile.
 */
export interface LayeredNetworkSpec<Extra = never> extends Omit<NetworkSpec<Extra>, 'layers'> {
  /** The stack, input first: dense sizes and, between them, other layers. */
  readonly layers: readonly LayerEntry<Extra>[];
}

/**
 * A spec whose plugin names are plain strings, checked only at run time by the registry (an
 * unknown name throws `UnknownPluginError` listing the valid ones): what a model file holds.
 * `resolveSpec` takes it; prefer `NetworkSpec` or `LayeredNetworkSpec` in code, where names are typed.
 *
 * @example
 * const spec: UncheckedNetworkSpec = JSON.parse(text).spec;
 */
export type UncheckedNetworkSpec = NetworkSpec<CustomPluginRef>;

/**
 * `UncheckedNetworkSpec` whose `layers` may hold other layers (any name, checked at run time):
 * what a model file with layers holds, and what `resolveSpec` takes.
 *
 * @example
 * const spec: UncheckedLayeredNetworkSpec = { layers: [784, { name: 'dropout', options: { rate: 0.2 } }, 96, 10] };
 */
export type UncheckedLayeredNetworkSpec = LayeredNetworkSpec<CustomPluginRef>;

/** A plugin as saved in a model file: its name and options. */
export interface PluginDescriptor {
  /** The plugin's registered name. */
  readonly name: string;
  /** Its current options; undefined when it has none. */
  readonly options?: PluginOptions;
}

/** A spec with every default filled in and every plugin resolved. */
export interface ResolvedSpec {
  /** s(1)…s(L), the units of the dense chain (the spec's numbers), inputs first (at least 2, each ≥ 1). */
  readonly layers: readonly number[];
  /** The spec's `layers` with every non-dense layer resolved: numbers (dense units) and layer plugins, input first. */
  readonly stack: readonly (number | LayerPlugin)[];
  /** One per weight layer: hidden activations, then the output activation (length L − 1). */
  readonly activations: readonly ActivationPlugin[];
  /** The loss J averages over the m examples. */
  readonly loss: LossPlugin;
  /** The weight penalty, scaled by λ/m. */
  readonly regularizer: RegularizerPlugin;
  /** λ, the regularization strength (≥ 0; 0 turns the penalty off). */
  readonly lambda: number;
  /** Draws the starting Θ(l). */
  readonly initializer: InitializerPlugin;
  /** Seed of the initializer's random numbers. */
  readonly seed: number;
  /** Precision of Θ and of every matrix the network computes. */
  readonly dtype: DType;
}

/** Fills defaults, validates sizes and numbers, and resolves every plugin through `registry`. */
export function resolveSpec(spec: UncheckedLayeredNetworkSpec, registry: PluginRegistry): ResolvedSpec {
  const stack = resolveStack(spec.layers, registry);
  const layers = stack.filter((entry): entry is number => typeof entry === 'number');
  const lambda = spec.lambda ?? 0;
  if (!(Number.isFinite(lambda) && lambda >= 0)) {
    throw new InvalidArgumentError(`spec.lambda must be a finite number ≥ 0, got ${lambda}`);
  }
  const seed = spec.seed ?? 0;
  if (!Number.isInteger(seed)) throw new InvalidArgumentError(`spec.seed must be an integer, got ${seed}`);
  const dtype = spec.dtype ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new InvalidArgumentError(`spec.dtype must be "float32" or "float64", got ${JSON.stringify(dtype)}`);
  }

  const hiddenCount = layers.length - 2;
  const hiddenChoice = spec.activation ?? 'sigmoid';
  const hidden = Array.isArray(hiddenChoice)
    ? hiddenChoice
    : Array.from({ length: hiddenCount }, () => hiddenChoice);
  if (hidden.length !== hiddenCount) {
    throw new InvalidArgumentError(
      `spec.activation lists ${hidden.length} activations for ${hiddenCount} hidden layers; give one, or one per hidden layer`,
    );
  }
  const activation = (choice: PluginChoice<ActivationPlugin, CustomPluginRef>) =>
    choosePlugin(registry, 'activation', choice);
  return {
    layers,
    stack,
    activations: [...hidden.map(activation), activation(spec.outputActivation ?? 'sigmoid')],
    loss: choosePlugin(registry, 'loss', spec.loss ?? 'cross-entropy'),
    regularizer: choosePlugin(registry, 'regularizer', spec.regularizer ?? 'l2'),
    lambda,
    initializer: choosePlugin(registry, 'initializer', spec.initializer ?? 'epsilon-uniform'),
    seed,
    dtype,
  };
}

/** The serializable form of a resolved spec: plugins by name and options. */
export function describeSpec(spec: ResolvedSpec) {
  const hidden = spec.activations.slice(0, -1).map(describePlugin);
  return {
    /** The stack, inputs first: dense layers as their units, other layers as `{ name, options }` (or the name alone). */
    layers: spec.stack.map((entry) => (typeof entry === 'number' ? entry : describeLayer(entry))),
    /** The hidden layers' activations, one per hidden layer (length L − 2). */
    activation: hidden,
    /** The output layer's activation. */
    outputActivation: describePlugin(spec.activations[spec.activations.length - 1]!),
    /** The loss. */
    loss: describePlugin(spec.loss),
    /** The regularizer. */
    regularizer: describePlugin(spec.regularizer),
    /** λ, the regularization strength. */
    lambda: spec.lambda,
    /** The initializer that drew the starting Θ. */
    initializer: describePlugin(spec.initializer),
    /** The initializer's seed. */
    seed: spec.seed,
    /** `'float32'` or `'float64'`. */
    dtype: spec.dtype,
  };
}

/** The JSON shape `describeSpec` returns; `UncheckedLayeredNetworkSpec` accepts it back. */
export type SpecDescription = ReturnType<typeof describeSpec>;

/** `{ name, options }` of a plugin; options only when it has any. */
export function describePlugin(plugin: Plugin): PluginDescriptor {
  return plugin.options && Object.keys(plugin.options).length > 0
    ? { name: plugin.name, options: { ...plugin.options } }
    : { name: plugin.name };
}

/** A plugin given by name, name and options, or as itself, checked to be of `kind`. */
export function choosePlugin<K extends PluginKind>(
  registry: PluginRegistry,
  kind: K,
  choice: PluginRef | Plugin,
) {
  if (typeof choice === 'object' && choice !== null && 'kind' in choice) {
    if (choice.kind !== kind) {
      throw new InvalidArgumentError(`expected a ${kind} plugin, got the ${choice.kind} "${choice.name}"`);
    }
    return choice as Extract<Plugin, { kind: K }>;
  }
  return registry.resolve(kind, choice);
}

/**
 * The spec's `layers` resolved: numbers checked as unit counts, other entries resolved as layer
 * plugins (an unknown name throws the registry's error listing the valid ones, prefixed with
 * its index); the first and last entries must be numbers (the input and output sizes).
 */
function resolveStack(
  layers: UncheckedLayeredNetworkSpec['layers'],
  registry: PluginRegistry,
): (number | LayerPlugin)[] {
  if (!Array.isArray(layers) || layers.filter((entry) => typeof entry === 'number').length < 2) {
    throw new InvalidArgumentError(
      `spec.layers must list at least 2 layer sizes, got ${JSON.stringify(layers)}`,
    );
  }
  return layers.map((entry, l) => {
    if (typeof entry === 'number') {
      if (!Number.isInteger(entry) || entry < 1) {
        throw new InvalidArgumentError(
          `spec.layers[${l}] must be a whole number ≥ 1, got ${JSON.stringify(entry)}`,
        );
      }
      return entry;
    }
    const what = typeof entry === 'string' ? entry : (entry as { name?: unknown })?.name;
    if (l === 0 || l === layers.length - 1) {
      throw new InvalidArgumentError(
        `spec.layers[${l}] is the ${l === 0 ? 'input' : 'output'} layer and must be its unit count, got ${JSON.stringify(what)}`,
      );
    }
    if (what === 'dense') {
      throw new InvalidArgumentError(
        `spec.layers[${l}]: write a dense layer as its unit count (e.g. 25), not as "dense"`,
      );
    }
    try {
      return choosePlugin(registry, 'layer', entry as PluginRef | Plugin);
    } catch (error) {
      if (error instanceof UnknownPluginError) {
        const named = new UnknownPluginError(error.kind, error.pluginName, error.validNames);
        named.message = `spec.layers[${l}]: ${error.message}`;
        throw named;
      }
      if (error instanceof InvalidArgumentError) {
        throw new InvalidArgumentError(`spec.layers[${l}] (${String(what)}): ${error.message}`);
      }
      throw error;
    }
  });
}

/** A layer as a spec names it: the bare name without options, else `{ name, options }`. */
function describeLayer(layer: LayerPlugin): string | PluginDescriptor {
  const described = describePlugin(layer);
  return described.options ? described : described.name;
}
