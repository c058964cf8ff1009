// An optimizer whose state outlives one `fit` call: the playground trains one epoch per call
// (so it can pause, step and redraw between epochs), and Adam's moments or L-BFGS's history
// must carry on across those calls exactly as in one long run.
import type { FloatArray, OptimizerPlugin, OptimizerState } from '@deltanet/contract';

/**
 * The same optimizer, except that `init` makes the state once and hands that same state to
 * every later `fit` call. Make a new one for a new network.
 *
 * @example
 * const adam = continuing(registry.resolve('optimizer', 'adam'));
 * await fit(net, data, { optimizer: adam, epochs: 1 }); // moments kept for the next call
 */
export function continuing(plugin: OptimizerPlugin): OptimizerPlugin {
  let state: OptimizerState | undefined;
  if (plugin.mode === 'minibatch') {
    return { ...plugin, init: (params: FloatArray) => (state ??= plugin.init(params)) };
  }
  return { ...plugin, init: (params, objective) => (state ??= plugin.init(params, objective)) };
}
