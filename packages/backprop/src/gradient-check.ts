// Gradient checking: backprop's D(l) against central differences (J(θ+ε) − J(θ−ε)) / 2ε,
// always in float64, reporting the course's ‖n − a‖/‖n + a‖ and the worst entries by layer,
// row and column.
import type { Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom, permutation } from '@deltanet/tensor';
import { checkedBatch } from './internal/data';
import type { Network } from './network';
import { costOf, forward } from './propagate';

/** Settings of `checkGradients`. */
export interface GradientCheckOptions {
  /** Step ε of the central difference. Default 1e-4, as in the course. */
  readonly epsilon?: number;
  /** How many worst entries to report. Default 5. */
  readonly worst?: number;
  /** Check only this many parameters, chosen by `seed` (all by default). */
  readonly sample?: number;
  readonly seed?: number;
}

/** One parameter's comparison; layer is l of Θ(l), column 0 is the bias weight. */
export interface GradientEntry {
  readonly layer: number;
  readonly row: number;
  readonly column: number;
  readonly backprop: number;
  readonly numeric: number;
  readonly absoluteDifference: number;
  /** |a − n| / max(|a|, |n|, 1e-8): the floor keeps round-off on ~0 gradients from dominating. */
  readonly relativeDifference: number;
}

/** The result: headline figures and the entries that agree least. */
export interface GradientCheckReport {
  /** ‖n − a‖ / ‖n + a‖ over the checked entries (the course's check; < 1e-9 is a pass). */
  readonly relativeDifference: number;
  readonly maxRelativeDifference: number;
  readonly maxAbsoluteDifference: number;
  readonly checked: number;
  readonly parameterCount: number;
  readonly worst: readonly GradientEntry[];
  readonly cost: number;
}

/**
 * Compares backprop's gradient of J at the network's Θ with central differences, on a float64
 * copy of the network (the network itself is untouched).
 *
 * @example
 * const report = checkGradients(net, x, y);
 * report.relativeDifference < 1e-9; // backprop is right
 */
export function checkGradients(
  network: Network,
  x: Matrix,
  y: Matrix,
  options: GradientCheckOptions = {},
): GradientCheckReport {
  const { epsilon = 1e-4, worst = 5, sample, seed = 0 } = options;
  if (!(epsilon > 0)) throw new InvalidArgumentError(`epsilon must be > 0, got ${epsilon}`);
  const net = network.clone('float64');
  const { x: x64, y: y64 } = checkedBatch(net.layers, 'float64', { x, y });
  const analytic = new Float64Array(net.params.length);
  const cost = net.gradients(x64, y64, analytic);

  const ws = net.workspace(x64.rows);
  const costAt = () => {
    forward(net, x64, ws);
    return costOf(net, ws, y64);
  };
  const indices = chooseIndices(net.params.length, sample, seed);
  const entries: GradientEntry[] = [];
  let differenceSquared = 0;
  let sumSquared = 0;
  for (const index of indices) {
    const saved = net.params[index]!;
    net.params[index] = saved + epsilon;
    const plus = costAt();
    net.params[index] = saved - epsilon;
    const minus = costAt();
    net.params[index] = saved;
    const numeric = (plus - minus) / (2 * epsilon);
    const backprop = analytic[index]!;
    const absoluteDifference = Math.abs(backprop - numeric);
    differenceSquared += absoluteDifference ** 2;
    sumSquared += (backprop + numeric) ** 2;
    entries.push({
      ...locate(net, index),
      backprop,
      numeric,
      absoluteDifference,
      relativeDifference: absoluteDifference / Math.max(Math.abs(backprop), Math.abs(numeric), 1e-8),
    });
  }
  entries.sort((a, b) => b.relativeDifference - a.relativeDifference);
  return {
    relativeDifference:
      sumSquared === 0 ? Math.sqrt(differenceSquared) : Math.sqrt(differenceSquared / sumSquared),
    maxRelativeDifference: entries[0]?.relativeDifference ?? 0,
    maxAbsoluteDifference: entries.reduce((max, e) => Math.max(max, e.absoluteDifference), 0),
    checked: entries.length,
    parameterCount: net.params.length,
    worst: entries.slice(0, worst),
    cost,
  };
}

/** Layer (1-based, as Θ(l)), row and column of a flat parameter index. */
export function locate(net: Network, index: number): { layer: number; row: number; column: number } {
  for (let l = 0; l < net.layout.length; l++) {
    const { offset, rows, cols } = net.layout[l]!;
    if (index < offset + rows * cols) {
      const within = index - offset;
      return { layer: l + 1, row: Math.floor(within / cols), column: within % cols };
    }
  }
  throw new InvalidArgumentError(`parameter index ${index} is outside ${net.params.length} parameters`);
}

function chooseIndices(count: number, sample: number | undefined, seed: number): Iterable<number> {
  if (sample === undefined || sample >= count) return Array.from({ length: count }, (_, i) => i);
  if (!Number.isInteger(sample) || sample < 1)
    throw new InvalidArgumentError(`sample must be a whole number ≥ 1, got ${sample}`);
  return permutation(count, createRandom(seed)).subarray(0, sample).sort();
}
