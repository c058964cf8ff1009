// A guard for a cost that explodes without reaching NaN (Adam at a learning rate of 1000 ends
// "completed" at J ≈ 2.5e18 otherwise): an epoch whose mean cost exceeds `factor` times the
// run's first batch cost J(Θ₀) stops training like a divergence, with Θ put back to the start
// of that epoch, the last one that had not exploded.
import type { FloatArray } from '@deltanet/contract';
import { DeltanetError, InvalidArgumentError } from '@deltanet/contract';

/** Settings of `fit`'s `costGuard`. */
export interface CostGuard {
  /** How many times the first batch's cost an epoch's mean cost may reach. Default 1e4. */
  readonly factor?: number;
}

/** Training stopped because the cost exploded; Θ holds the start of `epoch`. */
export class ExplodingCostError extends DeltanetError {
  /** The 1-based epoch whose mean cost exploded; Θ is back at its start. */
  readonly epoch: number;
  /** That epoch's mean cost. */
  readonly cost: number;
  /** The run's first batch cost the mean is compared with (at least `Number.MIN_VALUE`). */
  readonly reference: number;
  /** The error for `cost` exceeding `factor` × `reference` in `epoch`; code `'diverged'`. */
  constructor(epoch: number, cost: number, reference: number, factor: number) {
    super(
      'diverged',
      `training diverged at epoch ${epoch}: the mean cost ${cost.toExponential(3)} is more than ${factor.toExponential(0)} times the first batch's ${reference.toExponential(3)}, without reaching NaN. Θ is back at the start of epoch ${epoch}; lower the learning rate or raise λ.`,
    );
    this.epoch = epoch;
    this.cost = cost;
    this.reference = reference;
  }
}

/** The guard's state over one `fit` call; undefined when the option is off. */
export function costGuard(setting: boolean | CostGuard | undefined, params: FloatArray) {
  if (!setting) return undefined;
  const factor = setting === true ? 1e4 : (setting.factor ?? 1e4);
  if (!(factor > 1) || !Number.isFinite(factor)) {
    throw new InvalidArgumentError(`costGuard.factor must be a finite number > 1, got ${factor}`);
  }
  const start = new Float64Array(params.length);
  let reference: number | undefined;
  return {
    /** Call before each epoch: remembers Θ to put back. */
    beginEpoch(): void {
      start.set(params);
    },
    /** Call after a finished epoch with its first batch's cost and its mean cost. */
    check(epoch: number, firstCost: number, meanCost: number): void {
      // A run whose first cost is 0 has nothing to scale by: the tiniest cost then counts.
      reference ??= Math.max(Math.abs(firstCost), Number.MIN_VALUE);
      if (meanCost > factor * reference) {
        params.set(start);
        throw new ExplodingCostError(epoch, meanCost, reference, factor);
      }
    },
  };
}
