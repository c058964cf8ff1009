// An optimizer whose state outlives one `fit` call: the playground trains one epoch per call
// (so it can pause, step and redraw between epochs), and Adam's moments or L-BFGS's history
// must carry on across those calls exactly as in one long run.
import type { FloatArray, OptimizerPlugin, OptimizerState } from '@deltanet/contract';

/** Where a continuing optimizer keeps its state; pass it on to keep the state across a retune. */
export interface OptimizerStateBox {
  state?: OptimizerState;
}

/**
 * The same optimizer, except that `init` makes the state once (into `box`) and hands that same
 * state to every later `fit` call. Make a new one for a new network; give a new one the old box
 * to change an option such as the learning rate without losing Adam's moments.
 *
 * @example
 * const adam = continuing(registry.resolve('optimizer', 'adam'));
 * await fit(net, data, { optimizer: adam, epochs: 1 }); // moments kept for the next call
 */
export function continuing(plugin: OptimizerPlugin, box: OptimizerStateBox = {}): OptimizerPlugin {
  if (plugin.mode === 'minibatch') {
    return { ...plugin, init: (params: FloatArray) => (box.state ??= plugin.init(params)) };
  }
  return { ...plugin, init: (params, objective) => (box.state ??= plugin.init(params, objective)) };
}
