// Target standardization for regression (--normalize-targets): the network learns
// y' = (y − μ) / σ with μ, σ of the training targets, and every output is mapped back,
// h = h'·σ + μ, so figures and predictions are in the targets' own units.
import type { Matrix } from '@deltanet/contract';
import type { Standardizer } from '@deltanet/data';
import { dtypeOf, zeros } from '@deltanet/tensor';

/** h'·σ + μ column by column: outputs of a network trained on standardized targets, in y's units. */
export function undoStandardizer(h: Matrix, standardizer: Standardizer | undefined): Matrix {
  if (!standardizer) return h;
  const { mean, std } = standardizer;
  const out = zeros(h.rows, h.cols, dtypeOf(h.data));
  for (let i = 0; i < h.rows; i++) {
    for (let j = 0; j < h.cols; j++) out.data[i * h.cols + j] = h.data[i * h.cols + j]! * std[j]! + mean[j]!;
  }
  return out;
}
