// The registry of every built-in plugin. Building it is explicit: importing this module
// registers nothing anywhere; callers add third-party plugins with `registry.with(...)`.
import { activations } from '@deltanet/activations';
import type { PluginRegistry } from '@deltanet/contract';
import { createRegistry } from '@deltanet/contract';
import { layers } from '@deltanet/layers';
import { losses, regularizers } from '@deltanet/losses';
import { optimizers } from '@deltanet/optimizers';
import { backends, initializers } from '@deltanet/tensor';

/**
 * Activations, losses, regularizers, optimizers, initializers, backends and layers shipped with deltanet.
 *
 * @example
 * const registry = builtinRegistry().with(myActivation);
 */
export function builtinRegistry(): PluginRegistry {
  return createRegistry(activations, losses, regularizers, optimizers, initializers, backends, layers);
}
