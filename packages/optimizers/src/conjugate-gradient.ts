// Nonlinear conjugate gradient: a port of Carl Edward Rasmussen's fmincg.m (the minimizer of the
// Coursera ML course, ex4), split so that one `iterate` is one line search. Polak–Ribière
// directions s ← βs − D, with a Wolfe–Powell line search by quadratic/cubic interpolation.
import type { FloatArray, FullBatchOptimizer, Objective } from '@deltanet/contract';
import type { Configured } from './configured';
import { fail, resolveOptions } from './internal/options';
import { assertFiniteCost, stateArray, stateNumber, zerosLike } from './internal/state';
import type { VectorKernels } from './internal/vector-kernels';
import { vectorKernels } from './internal/vector-kernels';

/** fmincg's line-search constants, under readable names; the defaults are fmincg's. */
export type ConjugateGradientOptions = {
  /** RHO = 0.01: sufficient decrease, f(z) ≤ f(0) + ρ·z·f′(0). */
  readonly rho: number;
  /** SIG = 0.5: curvature, |f′(z)| ≤ −σ·f′(0); ρ < σ < 1. Smaller is a more exact line search. */
  readonly sigma: number;
  /** INT = 0.1: do not re-evaluate within this fraction of the current bracket's ends. */
  readonly interpolationMargin: number;
  /** EXT = 3: extrapolate at most this many times the current step. */
  readonly extrapolationLimit: number;
  /** MAX = 20: objective evaluations per line search after the first. */
  readonly maxLineSearch: number;
  /** RATIO = 100: the next initial step grows at most this much over the last one. */
  readonly slopeRatio: number;
};

const defaults: ConjugateGradientOptions = /* @__PURE__ */ Object.freeze({
  rho: 0.01,
  sigma: 0.5,
  interpolationMargin: 0.1,
  extrapolationLimit: 3,
  maxLineSearch: 20,
  slopeRatio: 100,
});

/** MATLAB's realmin, the smallest normal double: keeps d1/(d2 − realmin) finite when d2 = 0. */
const realmin = 2.2250738585072014e-308;

/**
 * fmincg as a full-batch optimizer. Each `iterate` searches along s from θ for a step z meeting
 * the Wolfe–Powell conditions f(θ + zs) ≤ f(θ) + ρ·z·d1 and |D(θ + zs)ᵀs| ≤ −σ·d1 (d1 = Dᵀs < 0),
 * then takes the Polak–Ribière direction
 *
 *   s ← ((D₂ᵀD₂ − D₁ᵀD₂) / D₁ᵀD₁)·s − D₂,  or −D₂ if that is not downhill,
 *
 * and the next initial step z ← z·min(RATIO, d1/d2). A failed search restores θ and retries along
 * −D; a second failure in a row reports `converged: true`.
 *
 * State (plain data): f1 = f(θ), df1 = D(θ), s, d1 = D(θ)ᵀs, z1 (next initial step), lsFailed
 * (0/1), and work buffers x0, df2 whose contents between calls do not matter.
 *
 * @example
 * const cg = conjugateGradient();
 * const state = cg.init(params, costFunction); // one evaluation
 * for (let i = 0; i < 50 && !cg.iterate(params, costFunction, state).converged; i++);
 */
export function conjugateGradient(
  options: Partial<ConjugateGradientOptions> = {},
): Configured<FullBatchOptimizer, ConjugateGradientOptions> {
  const resolved = resolveOptions('conjugate-gradient', defaults, options, {
    rho: { above: 0, below: 1 },
    sigma: { above: 0, below: 1 },
    interpolationMargin: { above: 0, below: 0.5 },
    extrapolationLimit: { above: 1 },
    maxLineSearch: { min: 1, integer: true },
    slopeRatio: { above: 0 },
  });
  if (!(resolved.rho < resolved.sigma)) {
    fail('conjugate-gradient', `option "rho" must be below "sigma", got ${resolved.rho} ≥ ${resolved.sigma}`);
  }

  return Object.freeze<ReturnType<typeof conjugateGradient>>({
    kind: 'optimizer',
    name: 'conjugate-gradient',
    mode: 'full-batch',
    description: "nonlinear conjugate gradient (Rasmussen's fmincg): Polak–Ribière, Wolfe–Powell line search",
    options: resolved,
    configure: (more: Partial<ConjugateGradientOptions>) => conjugateGradient({ ...resolved, ...more }),
    init(params, objective, context) {
      const { dot } = vectorKernels(context);
      const df1 = zerosLike(params);
      const f1 = assertFiniteCost('conjugate-gradient', objective(params, df1));
      const s = zerosLike(params);
      for (let i = 0; i < s.length; i++) s[i] = -df1[i]!;
      const d1 = -dot(s, s);
      // fmincg's first step is red/(1 − d1) = 1/(1 + |D|²) with red = 1.
      return { f1, d1, z1: 1 / (1 - d1), lsFailed: 0, s, df1, x0: zerosLike(params), df2: zerosLike(params) };
    },
    iterate(X, f, state, context) {
      const kernels = vectorKernels(context);
      const { dot } = kernels;
      const n = X.length;
      const s = stateArray(state, 's', n);
      const df1 = stateArray(state, 'df1', n);
      const x0 = stateArray(state, 'x0', n);
      const df2 = stateArray(state, 'df2', n);
      const f1 = stateNumber(state, 'f1');
      const d1 = stateNumber(state, 'd1');
      // D = 0 exactly: there is no downhill direction (fmincg would spend 2·MAX evaluations).
      if (d1 === 0) return { cost: f1, evaluations: 0, converged: true };

      x0.set(X);
      const search = lineSearch(resolved, kernels, X, f, s, df2, f1, d1, stateNumber(state, 'z1'));
      if (search.success) {
        // Polak–Ribière β from the old gradient df1 and the new one df2.
        const beta = (dot(df2, df2) - dot(df1, df2)) / dot(df1, df1);
        for (let i = 0; i < n; i++) s[i] = beta * s[i]! - df2[i]!;
        let d2 = dot(df2, s);
        if (d2 > 0) {
          for (let i = 0; i < n; i++) s[i] = -df2[i]!;
          d2 = -dot(s, s);
        }
        // fmincg swaps df1 and df2; swapping the state's references does that without copying.
        state['df1'] = df2;
        state['df2'] = df1;
        state['f1'] = search.f2;
        state['z1'] = search.z1 * Math.min(resolved.slopeRatio, d1 / (d2 - realmin));
        state['d1'] = d2;
        state['lsFailed'] = 0;
        return { cost: search.f2, evaluations: search.evaluations, converged: false };
      }
      // Failure: back to θ0. The search wrote only X and df2, so f1 and df1 are still θ0's
      // (fmincg's f0 and df0 copies are not needed).
      X.set(x0);
      if (stateNumber(state, 'lsFailed') !== 0) {
        return { cost: f1, evaluations: search.evaluations, converged: true };
      }
      // Retry along steepest descent at θ0. fmincg.m swaps df1/df2 after restoring df1, which
      // takes the gradient of the last trial point instead; we use θ0's own gradient (see README).
      for (let i = 0; i < n; i++) s[i] = -df1[i]!;
      const d1New = -dot(s, s);
      state['d1'] = d1New;
      state['z1'] = 1 / (1 - d1New);
      state['lsFailed'] = 1;
      return { cost: f1, evaluations: search.evaluations, converged: false };
    },
  });
}

interface SearchResult {
  readonly success: boolean;
  readonly f2: number;
  readonly z1: number;
  readonly evaluations: number;
}

/**
 * fmincg's inner loops, verbatim in structure: X moves along s by z1 from θ0 (cost f1, slope d1)
 * and ends at the last point tried; df2 holds its gradient. Comments are fmincg's.
 */
function lineSearch(
  c: ConjugateGradientOptions,
  { dot, axpy }: VectorKernels,
  X: FloatArray,
  f: Objective,
  s: FloatArray,
  df2: FloatArray,
  f1: number,
  d1: number,
  z1: number,
): SearchResult {
  const { rho: RHO, sigma: SIG, interpolationMargin: INT, extrapolationLimit: EXT } = c;
  axpy(z1, s, X);
  let f2 = f(X, df2);
  let evaluations = 1;
  let d2 = dot(df2, s);
  let f3 = f1; // initialize point 3 equal to point 1
  let d3 = d1;
  let z3 = -z1;
  let M = c.maxLineSearch;
  let limit = -1;
  for (;;) {
    while ((f2 > f1 + z1 * RHO * d1 || d2 > -SIG * d1) && M > 0) {
      limit = z1; // tighten the bracket
      let z2: number;
      if (f2 > f1) {
        z2 = z3 - (0.5 * d3 * z3 * z3) / (d3 * z3 + f2 - f3); // quadratic fit
      } else {
        const A = (6 * (f2 - f3)) / z3 + 3 * (d2 + d3); // cubic fit
        const B = 3 * (f3 - f2) - z3 * (d3 + 2 * d2);
        z2 = (Math.sqrt(B * B - A * d2 * z3 * z3) - B) / A; // NaN for a negative root: bisect below
      }
      if (!Number.isFinite(z2)) z2 = z3 / 2; // if we had a numerical problem then bisect
      z2 = Math.max(Math.min(z2, INT * z3), (1 - INT) * z3); // don't accept too close to limits
      z1 += z2; // update the step
      axpy(z2, s, X);
      f2 = f(X, df2);
      evaluations++;
      M--;
      d2 = dot(df2, s);
      z3 -= z2; // z3 is now relative to the location of z2
    }
    if (f2 > f1 + z1 * RHO * d1 || d2 > -SIG * d1) break; // this is a failure
    if (d2 > SIG * d1) return { success: true, f2, z1, evaluations };
    if (M === 0) break; // failure
    const A = (6 * (f2 - f3)) / z3 + 3 * (d2 + d3); // make cubic extrapolation
    const B = 3 * (f3 - f2) - z3 * (d3 + 2 * d2);
    let z2 = (-d2 * z3 * z3) / (B + Math.sqrt(B * B - A * d2 * z3 * z3)); // NaN covers ~isreal
    if (!Number.isFinite(z2) || z2 < 0) {
      // numerical problem or wrong sign: extrapolate the maximum amount, or bisect
      z2 = limit < -0.5 ? z1 * (EXT - 1) : (limit - z1) / 2;
    } else if (limit > -0.5 && z2 + z1 > limit) {
      z2 = (limit - z1) / 2; // extrapolation beyond max? bisect
    } else if (limit < -0.5 && z2 + z1 > z1 * EXT) {
      z2 = z1 * (EXT - 1.0); // extrapolation beyond limit: set to extrapolation limit
    } else if (z2 < -z3 * INT) {
      z2 = -z3 * INT;
    } else if (limit > -0.5 && z2 < (limit - z1) * (1.0 - INT)) {
      z2 = (limit - z1) * (1.0 - INT); // too close to limit?
    }
    f3 = f2; // set point 3 equal to point 2
    d3 = d2;
    z3 = -z2;
    z1 += z2; // update current estimates
    axpy(z2, s, X);
    f2 = f(X, df2);
    evaluations++;
    M--;
    d2 = dot(df2, s);
  }
  return { success: false, f2, z1, evaluations };
}
