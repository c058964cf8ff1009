// Combinations that train nonsense, found before training and reported as warnings: a
// softmax cross-entropy without a softmax output, cross-entropy over outputs or targets outside
// [0, 1], a [0, 1] output for targets outside it, and features whose scales differ by orders of
// magnitude without --normalize, and layers that act differently in training (dropout,
// batch-norm) under a full-batch optimizer's line search. Output ranges are probed through the
// plugin's own forward.
import type { Network } from '@deltanet/backprop';
import type { ActivationPlugin, Matrix, OptimizerPlugin } from '@deltanet/contract';
import { fromRows, zeros } from '@deltanet/tensor';

/** Losses of log h: their h must lie in [0, 1]; a `distribution` one needs rows summing to 1. */
const probabilityLosses: Readonly<Record<string, 'elementwise' | 'distribution'>> = {
  'cross-entropy': 'elementwise',
  'softmax-cross-entropy': 'distribution',
};

/** What an output activation gives over z in [−50, 50]: values in [0, 1], rows summing to 1. */
export function outputRange(
  activation: ActivationPlugin,
  units: number,
): { unit: boolean; distribution: boolean } {
  const probes = [-50, -8, -1, -0.1, 0, 0.3, 2, 9, 50];
  const z = fromRows(
    probes.map((p, i) => Array.from({ length: units }, (_, j) => p * (1 + ((i + j) % 3)) * 0.5)),
  );
  const a = zeros(z.rows, z.cols);
  try {
    activation.forward(z, a);
  } catch {
    return { unit: false, distribution: false };
  }
  const values = Array.from(a.data);
  const unit = values.every((v) => v >= 0 && v <= 1);
  let distribution = unit && units > 1;
  for (let i = 0; distribution && i < a.rows; i++) {
    const sum = values.slice(i * units, (i + 1) * units).reduce((s, v) => s + v, 0);
    distribution = Math.abs(sum - 1) <= 1e-9;
  }
  return { unit, distribution };
}

/** The warnings for training `net` on x, y (y in the units the network is trained on). */
export function trainingWarnings(
  net: Network,
  data: { x: Matrix; y: Matrix; featureNames?: readonly string[] },
  options: { normalized: boolean },
): string[] {
  const warnings: string[] = [];
  const output = net.activations.at(-1)!;
  const units = net.layers.at(-1)!;
  const range = outputRange(output, units);
  const lossKind = probabilityLosses[net.loss.name];
  const [low, high] = extent(data.y.data);
  if (lossKind === 'distribution' && !range.distribution) {
    warnings.push(
      `--loss ${net.loss.name} expects each output row to be a probability distribution (a softmax output), but --output-activation ${output.name} does not give one; use --output-activation softmax`,
    );
  } else if (lossKind && !range.unit) {
    warnings.push(
      `--loss ${net.loss.name} takes log of the outputs, which must lie in [0, 1], but --output-activation ${output.name} gives values outside it`,
    );
  }
  if (lossKind && (low < 0 || high > 1)) {
    warnings.push(
      `--loss ${net.loss.name} expects targets in [0, 1], but they range over [${low}, ${high}]; for real-valued targets use --label-mode value (mean-squared-error, linear output)`,
    );
  } else if (range.unit && (low < 0 || high > 1)) {
    warnings.push(
      `--output-activation ${output.name} gives values in [0, 1], but the targets range over [${low}, ${high}], which it can never reach; use --output-activation linear or --normalize-targets`,
    );
  }
  if (!options.normalized) {
    const spread = featureSpread(data.x);
    if (spread && spread.largest.std / spread.smallest.std >= 100) {
      const name = (j: number) => data.featureNames?.[j] ?? `column ${j}`;
      warnings.push(
        `feature scales differ by ${Math.round(Math.log10(spread.largest.std / spread.smallest.std))} orders of magnitude (σ of ${name(spread.largest.column)} ${spread.largest.std.toPrecision(3)}, of ${name(spread.smallest.column)} ${spread.smallest.std.toPrecision(3)}); gradient descent crawls along the small ones: pass --normalize`,
      );
    }
  }
  return warnings;
}

function extent(values: ArrayLike<number>): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    low = Math.min(low, values[i]!);
    high = Math.max(high, values[i]!);
  }
  return [low, high];
}

/** The columns of x with the largest and the smallest non-zero standard deviation. */
function featureSpread(x: Matrix) {
  let largest: { column: number; std: number } | undefined;
  let smallest: { column: number; std: number } | undefined;
  for (let j = 0; j < x.cols; j++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < x.rows; i++) sum += x.data[i * x.cols + j]!;
    const mean = sum / x.rows;
    for (let i = 0; i < x.rows; i++) squares += (x.data[i * x.cols + j]! - mean) ** 2;
    const std = Math.sqrt(squares / x.rows);
    if (!(std > 0)) continue;
    if (!largest || std > largest.std) largest = { column: j, std };
    if (!smallest || std < smallest.std) smallest = { column: j, std };
  }
  return largest && smallest ? { largest, smallest } : undefined;
}

/**
 * A full-batch optimizer (CG, L-BFGS) evaluates the objective several times per iteration and its
 * line search expects the same function each time; a layer other than dense may not give it one
 * (dropout draws new masks per evaluation, batch-norm moves its running statistics per evaluation,
 * and they settle only over many). Said of any such layer, by its name: the warning needs no
 * knowledge of a particular kind.
 */
export function fullBatchLayerWarnings(net: Network, optimizer: OptimizerPlugin): string[] {
  if (optimizer.mode !== 'full-batch') return [];
  const kinds = [
    ...new Set(net.stack.filter((layer) => layer.dense === undefined).map((layer) => layer.plugin.name)),
  ];
  if (kinds.length === 0) return [];
  return [
    `${optimizer.name} evaluates the whole training set several times per iteration, and ${kinds.join(' and ')} act${kinds.length === 1 ? 's' : ''} differently in training (dropout draws new masks at every evaluation, batch-norm moves its running statistics at every evaluation and predicts with them): its line search may stall and predictions may not match training; a minibatch optimizer (adam, sgd) suits these layers`,
  ];
}
