// The public verifier: checks any activation, built-in or third-party, against its own claims —
// backward = ∂(Σ u .* g(z))/∂z by central differences, scalar forms, extremes, float32, shapes.
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom, zeros } from '@deltanet/tensor';
import {
  checkFinite,
  checkFloat32,
  checkIdentity,
  checkKernel,
  checkScalars,
  checkShapes,
} from './internal/conformance';
import { checkGradient } from './internal/gradient-check';
import { describeError } from './internal/report';

/** Settings of `checkActivation`; the defaults suit every built-in. */
export interface ActivationCheckOptions {
  /** Seed of the random z and upstream u (default 1); the same seed gives the same report. */
  readonly seed?: number;
  /** Largest relative error allowed between backward and the central difference (default 1e-6). */
  readonly tolerance?: number;
  /**
   * Inputs where forward and backward must be finite (default 0, ±1e-30, ±1e3, ±1e30). Their
   * span [min, max] also bounds the z of the gradient check, so narrowing it (to [−1e30, 10]
   * for g(z) = e^z, whose true value overflows above z ≈ 709) skips the larger sample points.
   */
  readonly extremes?: readonly number[];
}

/** What `checkActivation` found. `ok` is true exactly when `failures` is empty. */
export interface ActivationCheckReport {
  /** The checked activation's name. */
  readonly name: string;
  /** True when every check passed (`failures` is empty). */
  readonly ok: boolean;
  /**
   * The largest |backward − difference| / max(|backward|, |difference|, floor), where the floor is
   * the smallest derivative the difference quotient resolves to `tolerance` (16 ulps of g over
   * 2h); Infinity when the gradient check could not run.
   */
  readonly maxRelativeError: number;
  /** One line per failed check, naming the input where it failed. */
  readonly failures: readonly string[];
}

/**
 * Verifies an activation plugin:
 * - gradient: backward(z, g(z), u) equals ∂/∂z Σ u .* g(z) by float64 central differences with
 *   step h = 1e-6·max(1, |z|), to relative error `tolerance`, after allowing 16 ulps of round-off
 *   in g. z spans ±1e3 and ±1e-3 (kinks at 0 are avoided) plus random values in ±6; perturbing
 *   a row must not move other rows, nor other elements when scalar forms exist;
 * - scalar: output(z) and u·derivative(z, a), when present, equal forward and backward exactly;
 * - kernel: a declared `kernel` names one of the contract's, and forward and backward compute its
 *   definition bit for bit in both precisions (backends may run the kernel instead);
 * - extremes: no NaN or ±Infinity at `extremes`, in float64 and float32;
 * - float32: float32 runs within two float32 ulps of float64 runs on the same inputs;
 * - shapes: writes all of `out` and nothing around it, handles empty and 1 × 1 batches, and
 *   allows out = z (forward) and out = upstream (backward);
 * - identity: kind "activation", kebab-case name, description; options survive a JSON round
 *   trip through configure, and configure rejects unknown options.
 *
 * @example
 * const report = checkActivation(leakyRelu({ alpha: 0.2 }));
 * report.ok; // true
 * checkActivation({ ...sigmoid, name: 'bad', derivative: (_z, a) => a * (1 + a) }).ok; // false
 */
export function checkActivation(
  plugin: ActivationPlugin,
  options: ActivationCheckOptions = {},
): ActivationCheckReport {
  const { seed = 1, tolerance = 1e-6, extremes = DEFAULT_EXTREMES } = options;
  if (!(tolerance > 0 && tolerance < 1)) {
    throw new InvalidArgumentError(`checkActivation: tolerance must be in (0, 1), got ${tolerance}`);
  }
  if (typeof plugin !== 'object' || plugin === null) {
    const failures = [`identity: a plugin must be an object, got ${String(plugin)}`];
    return { name: String(plugin), ok: false, maxRelativeError: Number.POSITIVE_INFINITY, failures };
  }
  const failures: string[] = [];
  const fail = (message: string) => {
    failures.push(message);
  };
  const run = (label: string, check: () => void) => {
    try {
      check();
    } catch (error) {
      fail(`${label}: threw ${describeError(error)}`);
    }
  };
  const { z, u } = sample(seed);
  let maxRelativeError = Number.POSITIVE_INFINITY;
  run('identity', () => checkIdentity(plugin, z, fail));
  run('gradient', () => {
    const domain =
      extremes.length > 0
        ? ([Math.min(...extremes), Math.max(...extremes)] as const)
        : ([-Infinity, Infinity] as const);
    maxRelativeError = checkGradient(plugin, z, u, tolerance, domain, fail);
  });
  run('scalar', () => {
    const all = [...z.data, ...extremes];
    const upstream = [...u.data, ...extremes.map(() => 1)];
    checkScalars(plugin, vector(all), vector(upstream), fail);
  });
  run('kernel', () => {
    const all = [...z.data, ...extremes, -0];
    checkKernel(plugin, vector(all), vector([...u.data, ...extremes.map(() => 1), 1]), fail);
  });
  run('extremes', () => checkFinite(plugin, extremes, fail));
  run('float32', () => checkFloat32(plugin, z, u, fail));
  run('shapes', () => checkShapes(plugin, z, u, fail));
  return { name: String(plugin.name), ok: failures.length === 0, maxRelativeError, failures };
}

/** The error `assertActivation` throws; `report` holds every failure. */
export class ActivationCheckError extends InvalidArgumentError {
  /** The failed report, with `ok` false and one line per failure. */
  readonly report: ActivationCheckReport;
  /** Builds the error from a failed report; the message lists its failures. */
  constructor(report: ActivationCheckReport) {
    super(`activation "${report.name}" failed its check:\n- ${report.failures.join('\n- ')}`);
    this.report = report;
  }
}

/**
 * Runs `checkActivation` and throws an ActivationCheckError listing the failures unless it
 * passes; for a third-party plugin's own test suite.
 *
 * @example
 * assertActivation(myActivation); // throws ActivationCheckError when a check fails
 */
export function assertActivation(plugin: ActivationPlugin, options?: ActivationCheckOptions): void {
  const report = checkActivation(plugin, options);
  if (!report.ok) throw new ActivationCheckError(report);
}

const DEFAULT_EXTREMES: readonly number[] = [0, -1e-30, 1e-30, -1e3, 1e3, -1e30, 1e30];
const COLS = 7;
const RANDOM_ROWS = 4;
// Fixed rows: large magnitudes (saturation, overflow) and small ones near the usual kinks at 0,
// at non-integers so that hard-sigmoid-like kinks at ±1, ±2.5, ±3, 6 are not straddled.
const LARGE = [-1e3, -97.3, -31.7, -4.9, 4.9, 31.7, 1e3];
const SMALL = [-1.7, -0.37, -1e-3, 1e-3, 0.37, 1.7, 2.9];

/** z: the fixed rows, then random values with 1e-3 ≤ |z| ≤ 6; u: uniform in [−1, 1]. */
function sample(seed: number): { z: Matrix; u: Matrix } {
  const random = createRandom(seed);
  const z = zeros(2 + RANDOM_ROWS, COLS);
  const u = zeros(2 + RANDOM_ROWS, COLS);
  z.data.set(LARGE, 0);
  z.data.set(SMALL, COLS);
  for (let i = 2 * COLS; i < z.data.length; i++) {
    const sign = random.uniform() < 0.5 ? -1 : 1;
    z.data[i] = sign * (1e-3 + (6 - 1e-3) * random.uniform());
  }
  for (let i = 0; i < u.data.length; i++) u.data[i] = 2 * random.uniform() - 1;
  return { z, u };
}

function vector(values: readonly number[]): Matrix {
  return { rows: 1, cols: values.length, data: Float64Array.from(values) };
}
