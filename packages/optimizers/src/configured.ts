// The type every optimizer factory returns: the plugin with its options typed, and a
// `configure` that is always present and returns the same type.
import type { PluginOptions } from '@deltanet/contract';

/**
 * An optimizer plugin `P` whose `options` are `O` and whose `configure` keeps both.
 *
 * @example
 * const opt: Configured<MinibatchOptimizer, SgdOptions> = sgd().configure({ momentum: 0.9 });
 * opt.options.momentum; // 0.9, typed as number
 */
export type Configured<P, O> = P & {
  readonly options: O;
  configure(options: PluginOptions): Configured<P, O>;
};
