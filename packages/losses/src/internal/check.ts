// Bookkeeping shared by checkLoss and checkRegularizer: error measure, failure messages,
// random inputs. These run once per check, not per training step, so they may allocate.
import type { FloatArray, Matrix, PluginKind, Random } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { dtypeOf, zeros } from '@deltanet/tensor';

/** Accumulates what a check found. */
export interface Tally {
  maxRelativeError: number;
  readonly failures: string[];
  readonly skipped: string[];
}

export function newTally(): Tally {
  return { maxRelativeError: 0, failures: [], skipped: [] };
}

/** The report a check returns: ok when nothing failed. */
export function reportOf(tally: Tally) {
  return {
    ok: tally.failures.length === 0,
    maxRelativeError: tally.maxRelativeError,
    failures: tally.failures,
    skipped: tally.skipped,
  };
}

/** Throws an InvalidArgumentError listing every failure of a report. */
export function throwIfFailed(
  what: string,
  contract: string,
  report: { ok: boolean; failures: readonly string[] },
): void {
  if (!report.ok) {
    throw new InvalidArgumentError(
      `${what} breaks the ${contract} contract:\n- ${report.failures.join('\n- ')}`,
    );
  }
}

/**
 * |a − b| / max(1, |a|, |b|): relative where derivatives are large, absolute below 1, where a
 * pure relative error would blow up roundoff around an exact 0 (−y/h at y = 0, say). NaN and
 * infinities give Infinity, so they always fail.
 */
export function relativeError(a: number, b: number): number {
  const error = Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
  return Number.isNaN(error) ? Number.POSITIVE_INFINITY : error;
}

/**
 * Compares `actual` with `expected` entry by entry and records one failure naming how many
 * entries disagree and the worst one as [row, col]. `skipColumn0` is for regularizers.
 */
export function compareEntries(
  tally: Tally,
  what: string,
  actual: FloatArray,
  expected: FloatArray,
  cols: number,
  tolerance: number,
  skipColumn0 = false,
): void {
  let bad = 0;
  let total = 0;
  let worst = -1;
  let worstError = 0;
  for (let i = 0; i < actual.length; i++) {
    if (skipColumn0 && i % cols === 0) continue;
    total++;
    const error = relativeError(actual[i]!, expected[i]!);
    if (error > tally.maxRelativeError) tally.maxRelativeError = error;
    if (error > tolerance) bad++;
    if (error > worstError || worst < 0) {
      worst = i;
      worstError = error;
    }
  }
  if (bad > 0) {
    tally.failures.push(
      `${what}: ${bad} of ${total} entries differ by more than ${tolerance}; worst ${at(worst, cols)}: ` +
        `${fmt(actual[worst]!)} vs ${fmt(expected[worst]!)} (relative error ${worstError.toExponential(1)})`,
    );
  }
}

/** Records a failure unless every entry is finite (NaN fill left over means "not written"). */
export function expectFinite(tally: Tally, what: string, m: Matrix): void {
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i]!)) {
      tally.failures.push(`${what}: entry ${at(i, m.cols)} is ${m.data[i]}, expected a finite number`);
      return;
    }
  }
}

/** Records a failure unless `m` still holds `before`, entry for entry (Object.is). */
export function expectUnchanged(tally: Tally, what: string, m: Matrix, before: FloatArray): void {
  for (let i = 0; i < before.length; i++) {
    if (!Object.is(m.data[i], before[i])) {
      tally.failures.push(`${what}: entry ${at(i, m.cols)} changed from ${before[i]} to ${m.data[i]}`);
      return;
    }
  }
}

/** Runs `fn`, recording a failure instead of letting a plugin's exception end the check. */
export function attempt(tally: Tally, what: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    tally.failures.push(`${what} threw: ${describe(error)}`);
  }
}

/**
 * Records a failure unless `fn` refuses mismatched shapes by throwing an Error with a message.
 * The built-ins throw `ShapeError`, but the contract asks only for an error that says what is
 * wrong: a plugin need not import our classes (and `instanceof` fails across two copies of
 * @deltanet/contract, ESM beside CJS, anyway).
 */
export function expectShapeRefusal(tally: Tally, what: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error && error.message.trim().length > 0) return;
    tally.failures.push(`${what} threw ${describe(error)}; expected an Error saying the shapes differ`);
    return;
  }
  tally.failures.push(
    `${what} did not throw; mismatched shapes must throw (ShapeError, or any Error with a message)`,
  );
}

/** Records failures unless the plugin has the right kind, a kebab-case name and a description. */
export function checkIdentity(
  tally: Tally,
  plugin: { kind?: unknown; name?: unknown; description?: unknown },
  kind: PluginKind,
): void {
  if (plugin.kind !== kind) tally.failures.push(`kind is ${JSON.stringify(plugin.kind)}, expected "${kind}"`);
  if (typeof plugin.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(plugin.name)) {
    tally.failures.push(`name ${JSON.stringify(plugin.name)} is not kebab-case (a-z, 0-9, -)`);
  }
  if (typeof plugin.description !== 'string' || plugin.description.length === 0) {
    tally.failures.push('description is missing');
  }
}

/** A float64 rows × cols matrix of uniform draws in (lo, hi). */
export function uniformMatrix(rows: number, cols: number, lo: number, hi: number, random: Random): Matrix {
  const m = zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = lo + (hi - lo) * random.uniform();
  return m;
}

/** A matrix of `like`'s shape and precision filled with NaN, so unwritten entries show. */
export function nanLike(like: Matrix): Matrix {
  const m = zeros(like.rows, like.cols, dtypeOf(like.data));
  m.data.fill(Number.NaN);
  return m;
}

function at(index: number, cols: number): string {
  return `[${Math.floor(index / cols)}, ${index % cols}]`;
}

function fmt(x: number): string {
  return String(Number.isFinite(x) ? Number(x.toPrecision(8)) : x);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
