// A verifier for any loss plugin, built-in or third-party: ∂ℓ/∂h against a float64 central
// difference of ℓ over the loss's whole declared domain of h, shapes, finiteness at the domain's
// ends, and fused deltas against δ = ∂ℓ/∂h .* g'(z).
import type { ActivationPlugin, DType, FusedDelta, LossPlugin, Matrix, Random } from '@deltanet/contract';
import { InvalidArgumentError, mergeOptions } from '@deltanet/contract';
import { clone, createRandom, rowSlice, zeros } from '@deltanet/tensor';
import { checkFusedValue } from './check-fused-value';
import type { Tally } from './internal/check';
import {
  attempt,
  checkIdentity,
  compareEntries,
  expectFinite,
  expectShapeRefusal,
  expectUnchanged,
  nanLike,
  newTally,
  relativeError,
  reportOf,
  throwIfFailed,
  uniformMatrix,
} from './internal/check';

/**
 * What the random targets y look like: 'binary' yₖ ∈ {0, 1}; 'one-hot' one 1 per row (needed
 * where a fused delta assumes rows of y sum to 1, as softmax-cross-entropy's does); 'real'
 * yₖ uniform in [0, 1) (soft labels, regression targets).
 */
export type TargetKind = 'binary' | 'one-hot' | 'real';

/** The two functions checkLoss needs from an activation; any ActivationPlugin has them. */
export type CheckActivation = Pick<ActivationPlugin, 'forward' | 'backward'>;

/** Options of checkLoss; every field has a default. */
export interface CheckLossOptions {
  /** Kind of random targets; default 'binary'. */
  readonly targets?: TargetKind;
  /**
   * Activations to verify fused deltas against, as a list of plugins or a map name → plugin.
   * A fused delta whose activation is missing here is listed in `skipped`, not failed.
   */
  readonly activations?: readonly ActivationPlugin[] | Readonly<Record<string, CheckActivation>>;
  /** Batch shape m × K of the random inputs; default 3 × 4. This is m, the rows (examples). */
  readonly rows?: number;
  /** K, the columns (output units) of the random inputs; default 4. */
  readonly cols?: number;
  /** Seed of the random h, y and z; default 1. */
  readonly seed?: number;
  /** Central-difference step; default 1e-5. */
  readonly step?: number;
  /** Largest accepted relative error (see `maxRelativeError`); default 1e-6. */
  readonly tolerance?: number;
}

/** What checkLoss found. */
export interface LossCheckReport {
  /** True when `failures` is empty. */
  readonly ok: boolean;
  /**
   * The worst |a − b| / max(1, |a|, |b|) over every numeric comparison: gradient against central
   * difference, fused against general delta, whole batch against sum of rows.
   */
  readonly maxRelativeError: number;
  /** One line per failed property. */
  readonly failures: string[];
  /** Properties that could not be checked (a fused delta's activation was not given). */
  readonly skipped: string[];
}

const targetKinds: readonly TargetKind[] = ['binary', 'one-hot', 'real'];

/** The contract's default domain of h: probabilities. */
const probabilities: readonly [number, number] = [0, 1];
/** How far h is sampled on an unbounded side: targets lie in [0, 1], so |h − y| reaches about 7. */
const reach = 8;

/**
 * Where h is sampled for the derivative checks: the declared domain less 5 % at each finite end
 * (clear of ε clamps), and out to ±8 on an infinite side, so that losses whose formula changes
 * away from y (Huber's beyond |h − y| = δ) are checked on every piece.
 */
function samplingInterval(domain: readonly [number, number]): [number, number] {
  const [min, max] = domain;
  const low = Number.isFinite(min) ? min : Number.isFinite(max) ? Math.min(max, 0) - reach : -reach;
  const high = Number.isFinite(max) ? max : Number.isFinite(min) ? Math.max(min, 1) + reach : reach;
  const margin = 0.05 * (high - low);
  return [Number.isFinite(min) ? low + margin : low, Number.isFinite(max) ? high - margin : high];
}

/**
 * The extreme h the loss must stay finite at: each finite end and the double next to it inside
 * (a saturated sigmoid output reaches 0, 1e-30 and 1 − 2⁻⁵³), ±1e6 on an infinite side.
 */
function extremeOutputs(domain: readonly [number, number]): number[] {
  const [min, max] = domain;
  const scale = (x: number) => Math.max(1, Math.abs(x));
  const values = [Number.isFinite(min) ? min : -1e6, Number.isFinite(max) ? max : 1e6];
  if (Number.isFinite(min)) values.push(min + 1e-30 * scale(min));
  if (Number.isFinite(max)) values.push(max - 2 ** -53 * scale(max));
  return values;
}

/**
 * Checks a loss against the LossPlugin contract, on random h across its declared `domain`
 * (default [0, 1]: h in (0.05, 0.95); [−∞, ∞]: h in (−8, 8)) and targets of `options.targets`:
 * 1. kind "loss", a kebab-case name, a description, a valid `domain` when declared;
 * 2. gradient = (ℓ(h + s) − ℓ(h − s)) / 2s entry by entry in float64 (s = step);
 * 3. `value` is Σᵢ ℓ(hᵢ, yᵢ) (equal to the sum of its rows' values, not their mean);
 * 4. gradient writes every entry of `out`, leaves h and y alone; mismatched h, y throw an Error
 *    with a message (ShapeError in the built-ins);
 * 5. value, gradient and fused deltas are finite at the domain's ends (for [0, 1]:
 *    h ∈ {0, 1, 1e-30, 1 − 2⁻⁵³}), float64 and float32;
 * 6. each fused delta equals backward(z, g(z), ∂ℓ/∂h) for its activation in `options.activations`;
 * 7. a fused delta's `value` from z is `value(h, y)` bit for bit where no clamp acts, and the
 *    delta is its central difference in z, saturated z in (−40, 40) included.
 *
 * @example
 * const report = checkLoss(myLoss, { targets: 'one-hot', activations });
 * if (!report.ok) console.error(report.failures.join('\n'));
 */
export function checkLoss(plugin: LossPlugin, options: CheckLossOptions = {}): LossCheckReport {
  const { activations, targets = 'binary', ...numbers } = options;
  const { rows, cols, seed, step, tolerance } = mergeOptions(
    'checkLoss',
    { rows: 3, cols: 4, seed: 1, step: 1e-5, tolerance: 1e-6 },
    numbers,
  );
  if (!targetKinds.includes(targets)) {
    throw new InvalidArgumentError(
      `checkLoss: unknown targets "${targets}"; valid: ${targetKinds.join(', ')}`,
    );
  }
  if (!(Number.isInteger(rows) && rows >= 2 && Number.isInteger(cols) && cols >= 2)) {
    throw new InvalidArgumentError(
      `checkLoss: rows and cols must be whole numbers ≥ 2, got ${rows} × ${cols}`,
    );
  }
  if (!(step > 0 && tolerance > 0))
    throw new InvalidArgumentError('checkLoss: step and tolerance must be > 0');

  const tally = newTally();
  checkIdentity(tally, plugin, 'loss');
  const domain = plugin.domain ?? probabilities;
  if (!validDomain(domain)) {
    tally.failures.push(`domain must be [min, max] with min < max, got ${JSON.stringify(domain)}`);
    return reportOf(tally);
  }
  const random = createRandom(seed);
  const [low, high] = samplingInterval(domain);
  const h = uniformMatrix(rows, cols, low, high, random);
  const y = makeTargets(targets, rows, cols, random);
  attempt(tally, 'gradient check', () => checkGradient(tally, plugin, h, y, step, tolerance));
  attempt(tally, 'row-sum check', () => checkRowSum(tally, plugin, h, y, tolerance));
  const mismatch = `h ${rows} × ${cols} and y ${rows + 1} × ${cols}`;
  expectShapeRefusal(tally, `value with ${mismatch}`, () =>
    plugin.value(zeros(rows, cols), zeros(rows + 1, cols)),
  );
  expectShapeRefusal(tally, `gradient with ${mismatch}`, () =>
    plugin.gradient(zeros(rows, cols), zeros(rows + 1, cols), zeros(rows, cols)),
  );
  for (const dtype of ['float64', 'float32'] as const) {
    attempt(tally, `${dtype} extremes check`, () =>
      checkExtremes(tally, plugin, targets, cols, dtype, extremeOutputs(domain)),
    );
  }
  checkFusedDeltas(tally, plugin, activations, targets, rows, cols, random, tolerance);
  return reportOf(tally);
}

/**
 * Like checkLoss, but throws an InvalidArgumentError listing every failure.
 *
 * @example
 * assertLoss(myLoss); // in a test: passes silently or says what is wrong
 */
export function assertLoss(plugin: LossPlugin, options?: CheckLossOptions): void {
  throwIfFailed(`loss "${String(plugin.name)}"`, 'LossPlugin', checkLoss(plugin, options));
}

function checkGradient(
  tally: Tally,
  plugin: LossPlugin,
  h: Matrix,
  y: Matrix,
  step: number,
  tol: number,
): void {
  const hBefore = h.data.slice();
  const yBefore = y.data.slice();
  const analytic = nanLike(h);
  plugin.gradient(h, y, analytic);
  expectFinite(tally, 'gradient (every entry of out must be written)', analytic);
  expectUnchanged(tally, 'gradient modified h', h, hBefore);
  expectUnchanged(tally, 'gradient modified y', y, yBefore);
  const numeric = zeros(h.rows, h.cols);
  for (let i = 0; i < h.data.length; i++) {
    const saved = h.data[i]!;
    h.data[i] = saved + step;
    const plus = plugin.value(h, y);
    // Divide by the step actually taken: saved ± step is rounded to the nearest double.
    const wide = h.data[i]!;
    h.data[i] = saved - step;
    const minus = plugin.value(h, y);
    const span = wide - h.data[i]!;
    h.data[i] = saved;
    numeric.data[i] = (plus - minus) / span;
  }
  compareEntries(tally, 'gradient vs central difference of value', analytic.data, numeric.data, h.cols, tol);
}

function checkRowSum(tally: Tally, plugin: LossPlugin, h: Matrix, y: Matrix, tolerance: number): void {
  const whole = plugin.value(h, y);
  let rowSum = 0;
  for (let i = 0; i < h.rows; i++) rowSum += plugin.value(rowSlice(h, i, i + 1), rowSlice(y, i, i + 1));
  const error = relativeError(whole, rowSum);
  tally.maxRelativeError = Math.max(tally.maxRelativeError, error);
  if (error > tolerance) {
    tally.failures.push(
      `value must be Σᵢ ℓ(hᵢ, yᵢ), not divided by m: ${whole} on the batch vs ${rowSum} summed over its rows`,
    );
  }
}

function checkExtremes(
  tally: Tally,
  plugin: LossPlugin,
  targets: TargetKind,
  cols: number,
  dtype: DType,
  extremes: readonly number[],
): void {
  const extremesLabel = `h ∈ {${extremes.join(', ')}}`;
  const rows = 2 * extremes.length;
  const h = zeros(rows, cols, dtype);
  const y = zeros(rows, cols, dtype);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      h.data[i * cols + j] = extremes[i % extremes.length]!;
      // Deterministic targets so every extreme h meets both y = 0 and y = 1 (or a mid value).
      y.data[i * cols + j] =
        targets === 'one-hot'
          ? Number(j === i % cols)
          : targets === 'binary'
            ? (i + j) % 2
            : ((i + j) % 3) / 2;
    }
  }
  const value = plugin.value(h, y);
  if (!Number.isFinite(value)) tally.failures.push(`value is ${value} at ${extremesLabel} (${dtype})`);
  const out = nanLike(h);
  plugin.gradient(h, y, out);
  expectFinite(tally, `gradient at ${extremesLabel} (${dtype})`, out);
  for (const fused of plugin.fusedDeltas ?? []) {
    const delta = nanLike(h);
    fused.delta(h, y, delta);
    expectFinite(tally, `fused delta for "${fused.activation}" at ${extremesLabel} (${dtype})`, delta);
  }
}

function checkFusedDeltas(
  tally: Tally,
  plugin: LossPlugin,
  activations: CheckLossOptions['activations'],
  targets: TargetKind,
  rows: number,
  cols: number,
  random: Random,
  tolerance: number,
): void {
  const seen = new Set<string>();
  for (const fused of plugin.fusedDeltas ?? []) {
    const name = fused.activation;
    if (seen.has(name)) tally.failures.push(`two fused deltas are declared for activation "${name}"`);
    seen.add(name);
    if (fused.kernel !== undefined) checkDeltaKernel(tally, fused, targets, rows, cols, random);
    const activation = Array.isArray(activations)
      ? (activations as readonly ActivationPlugin[]).find((a) => a.name === name)
      : (activations as Readonly<Record<string, CheckActivation>> | undefined)?.[name];
    if (!activation) {
      tally.skipped.push(`fused delta for "${name}": no such activation was given to check it against`);
      continue;
    }
    attempt(tally, `fused delta for "${name}"`, () => {
      // z in (−3, 3) keeps a sigmoid's h in (0.047, 0.953), well clear of the ε clamp.
      const z = uniformMatrix(rows, cols, -3, 3, random);
      const y = makeTargets(targets, rows, cols, random);
      const a = nanLike(z);
      activation.forward(z, a);
      const upstream = nanLike(z);
      plugin.gradient(a, y, upstream);
      const general = nanLike(z);
      activation.backward(z, a, upstream, general);
      const fusedOut = nanLike(z);
      fused.delta(a, y, fusedOut);
      expectFinite(tally, `fused delta for "${name}" (every entry of out must be written)`, fusedOut);
      compareEntries(
        tally,
        `fused delta for "${name}" vs ∂ℓ/∂h .* g'(z)`,
        fusedOut.data,
        general.data,
        cols,
        tolerance,
      );
    });
    if (fused.value) {
      attempt(tally, `fused value for "${name}"`, () =>
        checkFusedValue(
          tally,
          plugin,
          fused,
          activation,
          () => makeTargets(targets, rows, cols, random),
          rows,
          cols,
          random,
          // log(1 − h) from a rounded h near 1 − ε carries ~1e-9 of cancellation, which a step
          // of 1e-6 would magnify to 1e-3; 1e-4 keeps it near 1e-5, and a delta that is wrong
          // at saturation is wrong by O(1) (h − y against the clamp's 0).
          1e-4,
          Math.max(tolerance, 1e-4),
        ),
      );
    }
  }
}

/**
 * A fused delta declaring `kernel: 'difference'` computes exactly h − y (each entry in float64,
 * rounded once), in both precisions: backends compute it themselves on that promise.
 */
function checkDeltaKernel(
  tally: Tally,
  fused: FusedDelta,
  targets: TargetKind,
  rows: number,
  cols: number,
  random: Random,
): void {
  const what = `fused delta for "${fused.activation}"`;
  if (fused.kernel !== 'difference') {
    tally.failures.push(`${what}: kernel ${JSON.stringify(fused.kernel)} is not "difference"`);
    return;
  }
  attempt(tally, `${what} as h − y`, () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const h = clone(uniformMatrix(rows, cols, 0, 1, random), dtype);
      const y = clone(makeTargets(targets, rows, cols, random), dtype);
      const out = clone(nanLike(h), dtype);
      fused.delta(h, y, out);
      const round = dtype === 'float32' ? Math.fround : (x: number) => x;
      for (let i = 0; i < out.data.length; i++) {
        const expected = round(h.data[i]! - y.data[i]!);
        if (!Object.is(out.data[i], expected)) {
          tally.failures.push(
            `${what} declares kernel "difference" but gives ${out.data[i]} where h − y = ${expected} (${dtype}, entry ${i})`,
          );
          return;
        }
      }
    }
  });
}

function validDomain(domain: unknown): domain is readonly [number, number] {
  if (!Array.isArray(domain) || domain.length !== 2) return false;
  const [min, max] = domain as unknown[];
  return typeof min === 'number' && typeof max === 'number' && min < max;
}

function makeTargets(kind: TargetKind, rows: number, cols: number, random: Random): Matrix {
  const y = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    if (kind === 'one-hot') y.data[i * cols + random.int(cols)] = 1;
    else
      for (let j = 0; j < cols; j++)
        y.data[i * cols + j] = kind === 'binary' ? random.int(2) : random.uniform();
  }
  return y;
}
