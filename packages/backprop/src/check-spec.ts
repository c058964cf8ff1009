// The escape hatch for a whole spec known only at run time (a config file, flags, an import):
// every plugin name is checked against the registry, and the spec comes back typed.
import type { Plugin, PluginKind, PluginRef, PluginRegistry } from '@deltanet/contract';
import { checkPluginRef } from '@deltanet/contract';
import { builtinRegistry } from './builtins';
import type {
  LayeredNetworkSpec,
  NetworkSpec,
  UncheckedLayeredNetworkSpec,
  UncheckedNetworkSpec,
} from './spec';

/**
 * Checks every plugin name of `spec` against `registry` (default: the built-ins) and returns
 * the spec typed as a `NetworkSpec` (a `LayeredNetworkSpec` when it has other layers). Throws `UnknownPluginError` (listing the valid names) on
 * an unknown name; options, sizes and numbers are checked later, by `createNetwork`, as usual.
 *
 * @example
 * const spec = checkSpec(JSON.parse(await readFile('net.json', 'utf8')), registry);
 * const net = createNetwork(spec, { registry });
 */
export function checkSpec(spec: UncheckedNetworkSpec, registry?: PluginRegistry): NetworkSpec;
/** `checkSpec` for a spec with other layers between the sizes: their names are checked too. */
export function checkSpec(spec: UncheckedLayeredNetworkSpec, registry?: PluginRegistry): LayeredNetworkSpec;
export function checkSpec(
  spec: UncheckedLayeredNetworkSpec,
  registry: PluginRegistry = builtinRegistry(),
): LayeredNetworkSpec {
  const check = <K extends PluginKind>(kind: K, choice: PluginRef | Plugin) =>
    typeof choice === 'object' && 'kind' in choice ? choice : checkPluginRef(registry, kind, choice);
  const { layers, activation, outputActivation, loss, regularizer, initializer, ...rest } = spec;
  return {
    ...rest,
    // Sizes pass through (checked by createNetwork); other layers' names are checked here.
    layers: Array.isArray(layers)
      ? layers.map((entry) => (typeof entry === 'number' ? entry : check('layer', entry)))
      : layers,
    ...(activation !== undefined && {
      activation: isList(activation)
        ? activation.map((a) => check('activation', a))
        : check('activation', activation),
    }),
    ...(outputActivation !== undefined && { outputActivation: check('activation', outputActivation) }),
    ...(loss !== undefined && { loss: check('loss', loss) }),
    ...(regularizer !== undefined && { regularizer: check('regularizer', regularizer) }),
    ...(initializer !== undefined && { initializer: check('initializer', initializer) }),
  } as LayeredNetworkSpec;
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
