// The training rows and the held-out validation rows of a `fit` call.
import { InvalidArgumentError } from '@deltanet/contract';
import { rowSlice } from '@deltanet/tensor';
import type { Batch, FitOptions } from '../fit-options';
import type { Network } from '../network';
import { checkedBatch } from './data';

/** Checks the data against the network, and splits off `validationSplit` of the last rows. */
export function splitData(
  net: Network,
  data: Batch,
  options: FitOptions,
): { train: Batch; validation?: Batch } {
  const { x, y } = checkedBatch(net.layers, net.dtype, data);
  if (options.validationData) {
    return {
      train: { x, y },
      validation: checkedBatch(net.layers, net.dtype, options.validationData, 'validation '),
    };
  }
  const split = options.validationSplit ?? 0;
  if (!(split >= 0 && split < 1))
    throw new InvalidArgumentError(`validationSplit must be in [0, 1), got ${split}`);
  const held = Math.floor(x.rows * split);
  if (x.rows - held < 1)
    throw new InvalidArgumentError(`no training rows left: ${x.rows} rows, validationSplit ${split}`);
  if (held === 0) return { train: { x, y } };
  const cut = x.rows - held;
  return {
    train: { x: rowSlice(x, 0, cut), y: rowSlice(y, 0, cut) },
    validation: { x: rowSlice(x, cut, x.rows), y: rowSlice(y, cut, x.rows) },
  };
}
