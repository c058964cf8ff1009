// Initializer plugins: the random start Θ(l) that breaks symmetry between hidden units.
import type { Matrix } from './matrix';
import type { PluginBase } from './plugin';
import type { Random } from './random';

/**
 * Fills Θ(l), shape s(l+1) × (s(l)+1) with the bias weights in column 0. The fan-in is
 * `theta.cols − 1` and the fan-out `theta.rows`.
 */
export interface InitializerPlugin extends PluginBase<'initializer'> {
  /** Fills `theta` (s(l+1) × (s(l) + 1), bias column first) in place, drawing from `random`. */
  initialize(theta: Matrix, random: Random): void;
}
