// Gradient checking: backprop's D(l) against central differences (J(θ+ε) − J(θ−ε)) / 2ε,
// always in float64: the course's ‖n − a‖/‖n + a‖ decides, with an absolute floor; entries beyond
// an absolute-plus-relative tolerance are flagged, and steps that cross a relu-like kink are named.
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom, permutation } from '@deltanet/tensor';
import { checkedBatch } from './internal/data';
import type { Network } from './network';
import { costAndGradient, costOf, forward } from './propagate';
import { locateParameter, parameterName } from './stack';
import type { Workspace } from './workspace';

/** Settings of `checkGradients`. */
export interface GradientCheckOptions {
  /** Step ε of the central difference. Default 1e-4, as in the course. */
  readonly epsilon?: number;
  /** How many worst entries to report. Default 5. */
  readonly worst?: number;
  /** Check only this many parameters, chosen by `seed` (all by default). */
  readonly sample?: number;
  /** Seed of the random choice of `sample` parameters. Default 0. */
  readonly seed?: number;
  /**
   * The verdict: passes when ‖n − a‖ ≤ tolerance·‖n + a‖ + absoluteTolerance·√k over the k
   * checked entries. Defaults 1e-5 and 1e-8 (see `passed`).
   */
  readonly tolerance?: number;
  /** The verdict's absolute floor per checked entry (the √k term). Default 1e-8. */
  readonly absoluteTolerance?: number;
  /**
   * A single entry is flagged when |a − n| > absolute + relative·|n|, as PyTorch's gradcheck
   * compares entries. Defaults 1e-5 and 1e-3.
   */
  readonly entryTolerance?: {
    /** The absolute part of an entry's tolerance. Default 1e-5. */
    readonly absolute?: number;
    /** The part relative to |n|, the numerical derivative. Default 1e-3. */
    readonly relative?: number;
  };
}

/** One parameter's comparison; for dense layers, layer is l of Θ(l) and column 0 the bias weight. */
export interface GradientEntry {
  /** l of Θ(l), 1-based, for a dense layer's weight; for another layer's parameter, its index in the spec's `layers`. */
  readonly layer: number;
  /** Row of Θ(l), 0-based: the unit in layer l + 1 (of the parameter block, for other layers). */
  readonly row: number;
  /** Column of Θ(l), 0-based: 0 is the bias weight, j ≥ 1 the input unit j of layer l (of the block, for other layers). */
  readonly column: number;
  /** The parameter in layers' terms: "layer 3 batch-norm γ[5]" (index in the spec's `layers`, kind, block and entry). */
  readonly name: string;
  /** a: backprop's ∂J/∂θ for this parameter. */
  readonly backprop: number;
  /** n: the central difference (J(θ + ε) − J(θ − ε)) / 2ε. */
  readonly numeric: number;
  /** |a − n|. */
  readonly absoluteDifference: number;
  /** |a − n| / max(|a|, |n|, 1e-8): the floor keeps round-off on ~0 gradients from dominating. */
  readonly relativeDifference: number;
  /** |a − n| / (absolute + relative·|n|) with the entry tolerances: above 1 is `flagged`. */
  readonly toleranceRatio: number;
  /** The entry is beyond the entry tolerances and no kink explains it. */
  readonly flagged: boolean;
  /**
   * θ ± ε moved some pre-activation z across a kink of its activation (relu at 0): the central
   * difference then straddles two slopes and says nothing about backprop's derivative.
   */
  readonly kink: boolean;
}

/** The result: headline figures, the verdict and the entries that agree least. */
export interface GradientCheckReport {
  /** ‖n − a‖ / ‖n + a‖ over the checked entries: the course's check. */
  readonly relativeDifference: number;
  /** ‖n − a‖ itself, for the absolute floor of the verdict. */
  readonly differenceNorm: number;
  /**
   * ‖n − a‖ ≤ tolerance·‖n + a‖ + absoluteTolerance·√k: the course's ratio, with a floor so that
   * round-off on vanishing gradients (a trained network at a minimum) cannot fail a correct
   * backprop. Entries across a kink are left out of both norms.
   */
  readonly passed: boolean;
  /** The relative tolerance the verdict used (the option, default 1e-5). */
  readonly tolerance: number;
  /** The absolute floor the verdict used (the option, default 1e-8). */
  readonly absoluteTolerance: number;
  /** The largest entry `relativeDifference`, kinks left out; 0 when none was checked. */
  readonly maxRelativeDifference: number;
  /** The largest entry `absoluteDifference`, kinks left out; 0 when none was checked. */
  readonly maxAbsoluteDifference: number;
  /** Entries checked: min(`sample`, parameterCount) if given, else every parameter (kinks included). */
  readonly checked: number;
  /** The network's parameter count, bias weights included. */
  readonly parameterCount: number;
  /** Entries beyond the entry tolerances (kinks not counted). */
  readonly flagged: number;
  /** Entries whose ±ε crossed a kink, left out of the verdict. */
  readonly kinks: number;
  /** The entries that agree least, by `toleranceRatio`, kinks last. */
  readonly worst: readonly GradientEntry[];
  /** J at the unchanged Θ, computed in float64. */
  readonly cost: number;
}

/**
 * Compares backprop's gradient of J at the network's Θ with central differences, on a float64
 * copy of the network (the network itself is untouched).
 *
 * @example
 * const report = checkGradients(net, x, y);
 * report.passed; // backprop is right (report.relativeDifference is the course's figure)
 */
export function checkGradients(
  network: Network,
  x: Matrix,
  y: Matrix,
  options: GradientCheckOptions = {},
): GradientCheckReport {
  const { epsilon = 1e-4, worst = 5, sample, seed = 0 } = options;
  const { tolerance = 1e-5, absoluteTolerance = 1e-8 } = options;
  const { absolute = 1e-5, relative = 1e-3 } = options.entryTolerance ?? {};
  for (const [name, value] of Object.entries({ epsilon, tolerance, absoluteTolerance, absolute, relative })) {
    if (!(value >= 0) || (name === 'epsilon' && value === 0))
      throw new InvalidArgumentError(`${name} must be a number > 0, got ${value}`);
  }
  const net = network.clone('float64');
  const { x: x64, y: y64 } = checkedBatch(net.layers, 'float64', { x, y });
  const analytic = new Float64Array(net.params.length);
  // Train mode without random draws: dropout passes through, batch-norm uses the batch's statistics.
  const context = net.contexts.check;
  const ws = net.workspace(x64.rows);
  const cost = costAndGradient(net, x64, y64, ws, analytic, ws.rows, context);

  const kinks = kinkWatch(net, ws);
  const costAt = () => {
    forward(net, x64, ws, context);
    return costOf(net, ws, y64);
  };
  const indices = chooseIndices(net.params.length, sample, seed);
  const entries: GradientEntry[] = [];
  let differenceSquared = 0;
  let sumSquared = 0;
  let counted = 0;
  for (const index of indices) {
    const saved = net.params[index]!;
    net.params[index] = saved + epsilon;
    const plus = costAt();
    kinks.remember();
    net.params[index] = saved - epsilon;
    const minus = costAt();
    const kink = kinks.crossed();
    net.params[index] = saved;
    const numeric = (plus - minus) / (2 * epsilon);
    const backprop = analytic[index]!;
    const absoluteDifference = Math.abs(backprop - numeric);
    if (!kink) {
      differenceSquared += absoluteDifference ** 2;
      sumSquared += (backprop + numeric) ** 2;
      counted++;
    }
    const toleranceRatio = absoluteDifference / (absolute + relative * Math.abs(numeric));
    entries.push({
      ...locate(net, index),
      backprop,
      numeric,
      absoluteDifference,
      relativeDifference: absoluteDifference / Math.max(Math.abs(backprop), Math.abs(numeric), 1e-8),
      toleranceRatio,
      flagged: !kink && toleranceRatio > 1,
      kink,
    });
  }
  entries.sort((a, b) => Number(a.kink) - Number(b.kink) || b.toleranceRatio - a.toleranceRatio);
  const differenceNorm = Math.sqrt(differenceSquared);
  const sumNorm = Math.sqrt(sumSquared);
  return {
    relativeDifference: sumNorm === 0 ? differenceNorm : differenceNorm / sumNorm,
    differenceNorm,
    passed: differenceNorm <= tolerance * sumNorm + absoluteTolerance * Math.sqrt(counted),
    tolerance,
    absoluteTolerance,
    maxRelativeDifference: entries.reduce(
      (max, e) => (e.kink ? max : Math.max(max, e.relativeDifference)),
      0,
    ),
    maxAbsoluteDifference: entries.reduce(
      (max, e) => (e.kink ? max : Math.max(max, e.absoluteDifference)),
      0,
    ),
    checked: entries.length,
    parameterCount: net.params.length,
    flagged: entries.filter((e) => e.flagged).length,
    kinks: entries.filter((e) => e.kink).length,
    worst: entries.slice(0, worst),
    cost,
  };
}

/**
 * Watches the pre-activations z of layers whose activation has a kink at 0 (its derivative just
 * below 0 differs from just above, asked through the plugin's scalar `derivative`), so a check can
 * tell when θ + ε and θ − ε put some z on different sides of it.
 */
function kinkWatch(net: Network, ws: Workspace): { remember(): void; crossed(): boolean } {
  const watched = net.activations.flatMap((g, l) => (hasKinkAtZero(g) ? [l] : []));
  const saved = watched.map((l) => new Float64Array(ws.z[l]!.data.length));
  return {
    remember() {
      for (let i = 0; i < watched.length; i++) saved[i]!.set(ws.z[watched[i]!]!.data);
    },
    crossed() {
      return watched.some((l, i) => {
        const before = saved[i]!;
        const after = ws.z[l]!.data;
        for (let j = 0; j < after.length; j++) if (before[j]! > 0 !== after[j]! > 0) return true;
        return false;
      });
    },
  };
}

function hasKinkAtZero(g: ActivationPlugin): boolean {
  if (!g.output || !g.derivative) return false;
  const tiny = 1e-300;
  const left = g.derivative(-tiny, g.output(-tiny));
  const right = g.derivative(tiny, g.output(tiny));
  return Number.isFinite(left) && Number.isFinite(right) && Math.abs(left - right) > 1e-9;
}

/**
 * Layer (1-based, as Θ(l), for dense; the spec's index for other layers), row and column of a
 * flat parameter index, and its name in layers' terms ("layer 3 batch-norm γ[5]").
 */
export function locate(
  net: Network,
  index: number,
): { layer: number; row: number; column: number; name: string } {
  const found = locateParameter(net.stack, index);
  if (!found) {
    throw new InvalidArgumentError(`parameter index ${index} is outside ${net.params.length} parameters`);
  }
  const { layer, block, entry } = found;
  const { cols } = layer.built.parameters[block]!;
  return {
    layer: layer.dense !== undefined ? layer.dense + 1 : layer.index,
    row: Math.floor(entry / cols),
    column: entry % cols,
    name: parameterName(layer, layer.built.parameters[block]!, entry),
  };
}

function chooseIndices(count: number, sample: number | undefined, seed: number): Iterable<number> {
  if (sample === undefined || sample >= count) return Array.from({ length: count }, (_, i) => i);
  if (!Number.isInteger(sample) || sample < 1)
    throw new InvalidArgumentError(`sample must be a whole number ≥ 1, got ${sample}`);
  return permutation(count, createRandom(seed)).subarray(0, sample).sort();
}
