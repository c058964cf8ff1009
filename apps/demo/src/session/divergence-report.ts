// Training that blew up, as the page shows it: the library's DivergenceError (where the first
// NaN or Infinity appeared) renumbered to the playground's epoch, as plain data for postMessage.
import type { NonFiniteOrigin } from '@deltanet/backprop';
import { DivergenceError } from '@deltanet/backprop';

/** A divergence the page can show: the message, and where to light up the diagram. */
export interface DivergenceReport {
  /** The playground epoch that failed (1-based; Θ holds the last finite values, from the epoch before). */
  readonly epoch: number;
  readonly batch: number;
  readonly origin: NonFiniteOrigin;
  readonly message: string;
}

/**
 * The report for `error` thrown while training playground epoch `epoch`, or undefined when
 * `error` is not a divergence. The playground runs `fit` one epoch at a time, so the library's
 * own "epoch 1" is replaced by the playground's count.
 *
 * @example
 * divergenceReport(error, 42)?.message; // "Training diverged in epoch 42, batch 3: z(3) is NaN at …"
 */
export function divergenceReport(error: unknown, epoch: number): DivergenceReport | undefined {
  if (!(error instanceof DivergenceError)) return undefined;
  // The library's message is "training diverged at epoch e, batch b: <where>. <hint>".
  const where = error.message.replace(/^training diverged at epoch \d+, batch \d+: /, '');
  return {
    epoch,
    batch: error.batch,
    origin: error.origin,
    message: `Training diverged in epoch ${epoch}, batch ${error.batch}: ${where}`,
  };
}
