// The options and shape shared by the TensorFlow Playground's 2-D classification sets.
import type { Dataset, DTypeOption } from '../dataset';

/** Options of every playground generator. */
export interface PlaygroundOptions extends DTypeOption {
  /** Number of points m; default 500. */
  readonly samples?: number;
  /**
   * Noise as a fraction 0..0.5, the playground's slider 0–50 % divided by 100; default 0.
   * Each generator documents what it scales.
   */
  readonly noise?: number;
  /** Seed of the random stream; default 1. */
  readonly seed?: number;
}

/**
 * A playground generator: m points in the plane, x m × 2 (features x1, x2), y m × 1 holding
 * the class 0 or 1 (the playground's −1 and +1), labels 0/1, classNames ['0', '1'] — or, for the
 * regression sets (plane, multi-gaussian), the target value and no labels.
 *
 * @example
 * const make: PlaygroundGenerator = playgroundSets.xor;
 */
export type PlaygroundGenerator = (options?: PlaygroundOptions) => Dataset;
