// The type every optimizer factory returns: the plugin with its options typed, and a
// `configure` that is always present and returns the same type.

/**
 * An optimizer plugin `P` whose `options` are `O` and whose `configure` keeps both.
 *
 * @example
 * const opt: Configured<MinibatchOptimizer, SgdOptions> = sgd().configure({ momentum: 0.9 });
 * opt.options.momentum; // 0.9, typed as number
 */
// Omit first: intersected with P's loose `configure(PluginOptions)` any option would compile.
export type Configured<P, O> = Omit<P, 'options' | 'configure'> & {
  /** The current options, all of them (defaults merged with those given), typed as `O`. */
  readonly options: O;
  /** A copy with `options` merged over the current ones; unknown or mistyped options do not compile. */
  configure(options: Partial<O>): Configured<P, O>;
};
