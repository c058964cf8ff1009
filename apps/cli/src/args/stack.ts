// --layers and --hidden: dense layers as unit counts, other layers by name between them
// ("784,dropout:0.2,96,batch-norm,10"), each name checked against the registry.
import type { PluginRef, PluginRegistry } from '@deltanet/contract';
import { InvalidArgumentError, pluginName } from '@deltanet/contract';
import { UsageError } from '../exit-codes';
import { integer, pluginRef } from './values';

/**
 * "96,dropout:0.2,batch-norm" → [96, { name: 'dropout', options: { rate: 0.2 } }, 'batch-norm'];
 * "" → []. A whole number is a dense layer; anything else a layer by name, with options as
 * `name:key=value:…` or, for a layer with a single option, `name:value` (dropout:0.2). Unknown
 * names throw the registry's error (listing the valid ones); bad options say which entry.
 *
 * @example
 * stackEntries('--layers', '784,dropout:0.2,96,10', registry);
 */
export function stackEntries(flag: string, text: string, registry: PluginRegistry): (number | PluginRef)[] {
  if (text.trim() === '') return [];
  return text.split(',').map((raw, i) => {
    const part = raw.trim();
    // Anything that starts like a number is a size, with the sizes' own error.
    if (/^[+-.\d]/.test(part) || part === '') return integer(flag, part, 1);
    const ref = layerRef(flag, part, registry);
    try {
      registry.resolve('layer', ref);
    } catch (error) {
      if (error instanceof InvalidArgumentError) {
        throw new UsageError(`${flag}: entry ${i + 1} (${part}): ${error.message}`);
      }
      throw error;
    }
    return ref;
  });
}

/** One layer entry: the name checked, `name:value` turned into the layer's single option. */
function layerRef(flag: string, part: string, registry: PluginRegistry): PluginRef {
  const [name = '', first, ...rest] = part.split(':');
  const layer = registry.get('layer', pluginName(registry, 'layer', name));
  if (first === undefined || first.includes('=')) return pluginRef(flag, part);
  const keys = Object.keys(layer.options ?? {});
  if (keys.length !== 1 || rest.length > 0) {
    throw new UsageError(
      `${flag}: "${part}": name the option as ${name}:key=value${keys.length > 0 ? ` (options: ${keys.join(', ')})` : ` (${name} takes none)`}`,
    );
  }
  const value = Number(first);
  if (first.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`${flag}: "${part}": expected a number after "${name}:", got "${first}"`);
  }
  return { name, options: { [keys[0]!]: value } };
}
