// A gradient transform, optax's GradientTransformation: an {init, update} pair that turns the
// update vector u (starting as the gradient D) into the next one. Chains of them are optimizers.
import type { FloatArray, OptimizerState } from '@deltanet/contract';

/**
 * One step of an optimizer chain: u ← T(u). The chain starts with u = D (the minibatch
 * gradient) and ends with θ ← θ + u, so the last transform usually scales by −α.
 *
 * `update` rewrites `updates` in place and advances `state` in place (its numbers and arrays
 * are overwritten); `params` is read, never written. `u` is always float64, whatever the
 * parameters' precision, so a chain rounds once, when θ + u is stored.
 *
 * State is plain data, and the keys of every transform of a chain share one object: each
 * transform names its own keys (a chain refuses two transforms claiming the same key).
 *
 * @example
 * const halve: GradientTransform = {
 *   name: 'halve', stateKeys: [], init: () => ({}),
 *   update: (u) => { for (let i = 0; i < u.length; i++) u[i] = 0.5 * u[i]!; },
 * };
 */
export interface GradientTransform {
  /** What the transform does, for errors and descriptions (`scale-by-adam`). */
  readonly name: string;
  /** The state keys `init` creates, so a chain can refuse a clash. */
  readonly stateKeys: readonly string[];
  /** Fresh state for a parameter vector of this length and precision. */
  init(params: FloatArray): OptimizerState;
  /** u ← T(u) in place; advances `state` in place; reads θ only. */
  update(updates: Float64Array, state: OptimizerState, params: FloatArray): void;
}
