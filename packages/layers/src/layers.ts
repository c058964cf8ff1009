// Every built-in layer with its default options, for building a registry.
import type { LayerPlugin } from '@deltanet/contract';
import { batchNorm } from './batch-norm';
import { dense } from './dense';
import { dropout } from './dropout';

/**
 * `dense`, `dropout()` and `batchNorm()`; a spec's `{ name, options }` configures them.
 *
 * @example
 * const registry = createRegistry(activations, layers);
 */
export const layers: readonly LayerPlugin[] = /* @__PURE__ */ Object.freeze([
  dense,
  /* @__PURE__ */ dropout(),
  /* @__PURE__ */ batchNorm(),
]);
