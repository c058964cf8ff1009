// A verifier for any regularizer plugin: ∂R/∂Θ against a float64 central difference of R,
// column 0 (bias weights) ignored by both, `scale` applied, `out` accumulated into.
import type { DType, Matrix, RegularizerPlugin } from '@deltanet/contract';
import { InvalidArgumentError, mergeOptions } from '@deltanet/contract';
import { createRandom, zeros } from '@deltanet/tensor';
import type { Tally } from './internal/check';
import {
  attempt,
  checkIdentity,
  compareEntries,
  expectFinite,
  expectShapeRefusal,
  expectUnchanged,
  newTally,
  reportOf,
  throwIfFailed,
  uniformMatrix,
} from './internal/check';

/** Options of checkRegularizer; every field has a default. */
export interface CheckRegularizerOptions {
  /** Shape of the random Θ, s(l+1) × (s(l) + 1); default 3 × 4. This is s(l+1), the rows. */
  readonly rows?: number;
  /** s(l) + 1, the columns of the random Θ, bias column 0 included; default 4. */
  readonly cols?: number;
  /** Seed of the random Θ and `out`; default 1. */
  readonly seed?: number;
  /** The `scale` (λ/m in the network) passed to accumulateGradient; default 0.7. */
  readonly scale?: number;
  /** Central-difference step; default 1e-5. */
  readonly step?: number;
  /** Largest accepted relative error |a − b| / max(1, |a|, |b|); default 1e-6. */
  readonly tolerance?: number;
}

/** What checkRegularizer found; the same fields as a LossCheckReport. */
export interface RegularizerCheckReport {
  /** True when `failures` is empty. */
  readonly ok: boolean;
  /** The worst relative error of accumulated ∂R/∂Θ against the central difference. */
  readonly maxRelativeError: number;
  /** One line per failed property. */
  readonly failures: string[];
  /** Always empty for now; kept so both reports read alike. */
  readonly skipped: string[];
}

/**
 * Checks a regularizer against the RegularizerPlugin contract on a random Θ whose entries
 * keep |Θ| ≥ 0.1, so no central difference straddles a kink at 0 (L1's):
 * 1. kind "regularizer", a kebab-case name, a description;
 * 2. (out_after − out_before) / scale = (R(Θ + s) − R(Θ − s)) / 2s on columns 1.. in float64;
 * 3. column 0 of `out` is untouched and R does not change when column 0 does;
 * 4. `out` is added to, not overwritten; scale 0 adds nothing; Θ is left alone;
 * 5. a mismatched `out` throws (ShapeError or any Error with a message); R and ∂R are finite at Θ ∈ {0, ±1e-30, 1e3};
 * 6. given a region (`{ fromColumn: 0 }`, a block a layer declares penalized whole), value and
 *    gradient agree on column 0 too (the accumulated gradient is the central difference of
 *    `value(Θ, region)`). A regularizer written before regions, which ignores them consistently,
 *    passes; it then penalizes every block from column 1.
 *
 * @example
 * const report = checkRegularizer(myRegularizer);
 * if (!report.ok) console.error(report.failures.join('\n'));
 */
export function checkRegularizer(
  plugin: RegularizerPlugin,
  options: CheckRegularizerOptions = {},
): RegularizerCheckReport {
  const { rows, cols, seed, scale, step, tolerance } = mergeOptions(
    'checkRegularizer',
    { rows: 3, cols: 4, seed: 1, scale: 0.7, step: 1e-5, tolerance: 1e-6 },
    options,
  );
  if (!(Number.isInteger(rows) && rows >= 1 && Number.isInteger(cols) && cols >= 2)) {
    throw new InvalidArgumentError(
      `checkRegularizer: rows must be a whole number ≥ 1 and cols ≥ 2, got ${rows} × ${cols}`,
    );
  }
  if (!(scale !== 0 && step > 0 && step < 0.1 && tolerance > 0)) {
    throw new InvalidArgumentError('checkRegularizer: scale must be ≠ 0, 0 < step < 0.1 and tolerance > 0');
  }

  const tally = newTally();
  checkIdentity(tally, plugin, 'regularizer');
  const random = createRandom(seed);
  const theta = uniformMatrix(rows, cols, 0.1, 1, random);
  for (let i = 0; i < theta.data.length; i++) if (random.int(2) === 1) theta.data[i] = -theta.data[i]!;
  const before = uniformMatrix(rows, cols, -1, 1, random);
  attempt(tally, 'gradient check', () => checkGradient(tally, plugin, theta, before, scale, step, tolerance));
  attempt(tally, 'bias column check', () => checkBiasIgnored(tally, plugin, theta));
  attempt(tally, 'region check', () => checkWholeRegion(tally, plugin, theta, step, tolerance));
  attempt(tally, 'scale 0 check', () => {
    const out = zeros(rows, cols);
    out.data.set(before.data);
    plugin.accumulateGradient(theta, 0, out);
    expectUnchanged(tally, 'accumulateGradient with scale 0 changed out', out, before.data);
  });
  expectShapeRefusal(
    tally,
    `accumulateGradient with theta ${rows} × ${cols} and out ${rows + 1} × ${cols}`,
    () => plugin.accumulateGradient(zeros(rows, cols), 1, zeros(rows + 1, cols)),
  );
  for (const dtype of ['float64', 'float32'] as const) {
    attempt(tally, `${dtype} extremes check`, () => checkExtremes(tally, plugin, rows, cols, dtype));
  }
  return reportOf(tally);
}

/**
 * Like checkRegularizer, but throws an InvalidArgumentError listing every failure.
 *
 * @example
 * assertRegularizer(myRegularizer);
 */
export function assertRegularizer(plugin: RegularizerPlugin, options?: CheckRegularizerOptions): void {
  throwIfFailed(
    `regularizer "${String(plugin.name)}"`,
    'RegularizerPlugin',
    checkRegularizer(plugin, options),
  );
}

function checkGradient(
  tally: Tally,
  plugin: RegularizerPlugin,
  theta: Matrix,
  before: Matrix,
  scale: number,
  step: number,
  tolerance: number,
): void {
  const thetaBefore = theta.data.slice();
  const out = zeros(theta.rows, theta.cols);
  out.data.set(before.data);
  plugin.accumulateGradient(theta, scale, out);
  expectUnchanged(tally, 'accumulateGradient modified theta', theta, thetaBefore);
  const cols = theta.cols;
  const analytic = zeros(theta.rows, cols);
  const numeric = zeros(theta.rows, cols);
  for (let i = 0; i < theta.data.length; i++) {
    if (i % cols === 0) {
      // Bias weights: `out` must come back bit for bit, since nothing may be added there.
      if (!Object.is(out.data[i], before.data[i])) {
        tally.failures.push(`accumulateGradient changed column 0 (bias weights) at row ${i / cols}`);
      }
      continue;
    }
    // A regularizer that overwrites `out` instead of adding to it fails here too.
    analytic.data[i] = (out.data[i]! - before.data[i]!) / scale;
    const saved = theta.data[i]!;
    theta.data[i] = saved + step;
    const plus = plugin.value(theta);
    // Divide by the step actually taken: saved ± step is rounded to the nearest double.
    const wide = theta.data[i]!;
    theta.data[i] = saved - step;
    const minus = plugin.value(theta);
    const span = wide - theta.data[i]!;
    theta.data[i] = saved;
    numeric.data[i] = (plus - minus) / span;
  }
  compareEntries(
    tally,
    '(out after − out before) / scale vs central difference of value',
    analytic.data,
    numeric.data,
    cols,
    tolerance,
    true,
  );
}

function checkBiasIgnored(tally: Tally, plugin: RegularizerPlugin, theta: Matrix): void {
  const base = plugin.value(theta);
  const shifted = zeros(theta.rows, theta.cols);
  shifted.data.set(theta.data);
  for (let i = 0; i < theta.rows; i++) shifted.data[i * theta.cols] = shifted.data[i * theta.cols]! + 3;
  const value = plugin.value(shifted);
  if (value !== base) {
    tally.failures.push(
      `value depends on column 0 (bias weights): ${base} before shifting it, ${value} after`,
    );
  }
}

function checkExtremes(
  tally: Tally,
  plugin: RegularizerPlugin,
  rows: number,
  cols: number,
  dtype: DType,
): void {
  const extremes = [0, 1e-30, -1e-30, 1e3];
  const theta = zeros(rows, cols, dtype);
  for (let i = 0; i < theta.data.length; i++) theta.data[i] = extremes[i % extremes.length]!;
  const value = plugin.value(theta);
  if (!Number.isFinite(value)) tally.failures.push(`value is ${value} at Θ ∈ {0, ±1e-30, 1e3} (${dtype})`);
  const out = zeros(rows, cols, dtype);
  plugin.accumulateGradient(theta, 1, out);
  expectFinite(tally, `accumulateGradient at Θ ∈ {0, ±1e-30, 1e3} (${dtype})`, out);
}

/** With region { fromColumn: 0 }, column 0's gradient is the central difference of value(Θ, region). */
function checkWholeRegion(
  tally: Tally,
  plugin: RegularizerPlugin,
  theta: Matrix,
  step: number,
  tolerance: number,
): void {
  const region = { fromColumn: 0 };
  const out = zeros(theta.rows, theta.cols);
  plugin.accumulateGradient(theta, 1, out, region);
  for (let i = 0; i < theta.rows; i++) {
    const k = i * theta.cols;
    const saved = theta.data[k]!;
    theta.data[k] = saved + step;
    const plus = plugin.value(theta, region);
    theta.data[k] = saved - step;
    const minus = plugin.value(theta, region);
    theta.data[k] = saved;
    const numeric = (plus - minus) / (2 * step);
    const error = Math.abs(out.data[k]! - numeric) / Math.max(1, Math.abs(numeric));
    if (!(error <= tolerance)) {
      tally.failures.push(
        `with region { fromColumn: 0 }, ∂R/∂Θ at row ${i}, column 0 is ${out.data[k]}, the central difference of value ${numeric} (value and gradient disagree about the region)`,
      );
      return;
    }
  }
}
