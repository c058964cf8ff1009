// The strong-Wolfe line search of PyTorch's torch/optim/lbfgs.py (`_strong_wolfe` and
// `_cubic_interpolate`, themselves ported from torch7's lswolfe.lua and polyinterp.lua).
// Gradients live in caller-owned buffers; the bracket holds references, never copies.
import type { FloatArray } from '@deltanet/contract';
import { dot as tensorDot } from '@deltanet/tensor';

/** The constants of one strong-Wolfe search. */
export interface WolfeConstants {
  /** Sufficient decrease: f(t) ≤ f(0) + c1·t·f′(0). */
  readonly c1: number;
  /** Curvature: |f′(t)| ≤ −c2·f′(0). */
  readonly c2: number;
  /** Stop zooming when the bracket is shorter than this (times max|d|). */
  readonly toleranceChange: number;
  /** Evaluations after the first. */
  readonly maxLineSearch: number;
}

/** What the search found: cost, the buffer holding its gradient, the step, evaluations spent. */
export interface WolfeResult {
  readonly f: number;
  readonly g: FloatArray;
  readonly t: number;
  readonly evaluations: number;
}

/**
 * The minimizer of the cubic through (x1, f1) and (x2, f2) with slopes g1, g2, clamped to
 * [lo, hi] (default: between x1 and x2); the midpoint when the cubic has no real minimizer.
 *
 * @example
 * cubicInterpolate(0, 1, -2, 2, 1, 2); // 1: f = (x − 1)² is its own cubic fit
 */
export function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  lo = Math.min(x1, x2),
  hi = Math.max(x1, x2),
): number {
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

/**
 * Searches φ(t) = f(x + t·d) from t for a step meeting the strong Wolfe conditions, given
 * φ(0) = f, ∇f(x) = g and φ′(0) = gtd < 0. `evaluate(t, out)` returns φ(t) and writes ∇f(x + t·d)
 * into `out`. `g` is never written; `work` (three buffers of d's length) holds the rest.
 */
export function strongWolfe(
  evaluate: (t: number, gradientOut: FloatArray) => number,
  d: FloatArray,
  t: number,
  f: number,
  g: FloatArray,
  gtd: number,
  work: readonly [FloatArray, FloatArray, FloatArray],
  { c1, c2, toleranceChange, maxLineSearch }: WolfeConstants,
  dot: (x: FloatArray, y: FloatArray) => number = tensorDot,
): WolfeResult {
  // A work buffer that neither bracket end (nor the previous point) is using.
  const free = (a: FloatArray, b: FloatArray) =>
    work[0] !== a && work[0] !== b ? work[0] : work[1] !== a && work[1] !== b ? work[1] : work[2];
  let dNorm = 0;
  for (let i = 0; i < d.length; i++) dNorm = Math.max(dNorm, Math.abs(d[i]!));

  let gNew = work[0];
  let fNew = evaluate(t, gNew);
  let evaluations = 1;
  let gtdNew = dot(gNew, d);

  // Bracket an interval containing a point satisfying the Wolfe criteria.
  let [tPrev, fPrev, gPrev, gtdPrev] = [0, f, g, gtd];
  const bt = [0, 0];
  const bf = [0, 0];
  const bg: FloatArray[] = [g, g];
  const bgtd = [0, 0];
  const setBracket = (i: number, ti: number, fi: number, gi: FloatArray, gtdi: number) => {
    bt[i] = ti;
    bf[i] = fi;
    bg[i] = gi;
    bgtd[i] = gtdi;
  };
  let done = false;
  let lsIter = 0;
  while (lsIter < maxLineSearch) {
    if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      setBracket(0, tPrev, fPrev, gPrev, gtdPrev);
      setBracket(1, t, fNew, gNew, gtdNew);
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      // A one-point bracket: both ends are the accepted point.
      setBracket(0, t, fNew, gNew, gtdNew);
      setBracket(1, t, fNew, gNew, gtdNew);
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      setBracket(0, tPrev, fPrev, gPrev, gtdPrev);
      setBracket(1, t, fNew, gNew, gtdNew);
      break;
    }
    // Extrapolate, at least 1% past t and at most 10·t.
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
    [tPrev, fPrev, gPrev, gtdPrev] = [tmp, fNew, gNew, gtdNew];
    gNew = free(gPrev, g);
    fNew = evaluate(t, gNew);
    evaluations++;
    gtdNew = dot(gNew, d);
    lsIter++;
  }
  if (lsIter === maxLineSearch) {
    // Out of evaluations: PyTorch falls back to the bracket [0, t] and skips the zoom.
    setBracket(0, 0, f, g, gtd);
    setBracket(1, t, fNew, gNew, gtdNew);
  }

  // Zoom: shrink the bracket until a point satisfies the conditions.
  let insufficientProgress = false;
  let [low, high] = bf[0]! <= bf[1]! ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLineSearch) {
    if (Math.abs(bt[1]! - bt[0]!) * dNorm < toleranceChange) break; // bracket too small
    t = cubicInterpolate(bt[0]!, bf[0]!, bgtd[0]!, bt[1]!, bf[1]!, bgtd[1]!);
    // If t lands within 10% of an end twice in a row (or outside), move it 10% inside.
    const hi = Math.max(bt[0]!, bt[1]!);
    const lo = Math.min(bt[0]!, bt[1]!);
    const eps = 0.1 * (hi - lo);
    if (Math.min(hi - t, t - lo) < eps) {
      if (insufficientProgress || t >= hi || t <= lo) {
        t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    gNew = free(bg[0]!, bg[1]!);
    fNew = evaluate(t, gNew);
    evaluations++;
    gtdNew = dot(gNew, d);
    lsIter++;
    if (fNew > f + c1 * t * gtd || fNew >= bf[low]!) {
      // Armijo condition not satisfied or not lower than the lowest point: new high end.
      setBracket(high, t, fNew, gNew, gtdNew);
      [low, high] = bf[0]! <= bf[1]! ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) {
        done = true; // Wolfe conditions satisfied
      } else if (gtdNew * (bt[high]! - bt[low]!) >= 0) {
        setBracket(high, bt[low]!, bf[low]!, bg[low]!, bgtd[low]!); // old low becomes new high
      }
      setBracket(low, t, fNew, gNew, gtdNew); // new point becomes new low
    }
  }
  return { f: bf[low]!, g: bg[low]!, t: bt[low]!, evaluations };
}
