import type { Objective } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { conjugateGradient } from './conjugate-gradient';
import { counted, maxDistance, quadratic, rosenbrock, vector } from './internal/test-problems';

const square: Objective = (x, g) => {
  g[0] = 2 * x[0]!;
  return x[0]! * x[0]!;
};

/** Iterates until converged or `limit` iterations; returns the iterations used. */
function minimize(
  opt: ReturnType<typeof conjugateGradient>,
  x: Float32Array | Float64Array,
  f: Objective,
  limit: number,
) {
  const state = opt.init(x, f);
  for (let i = 1; i <= limit; i++) if (opt.iterate(x, f, state).converged) return i;
  return limit + 1;
}

describe('conjugate-gradient', () => {
  it('lands on the minimizer of f = x² in one line search of two evaluations', () => {
    // Worked from fmincg: x = 1, D = 2, s = −2, d1 = −4, z1 = 1/(1 + 4) = 0.2 → x = 0.6, f2 = 0.36,
    // d2 = 1.2·(−2) = −2.4 meets both Wolfe tests but not d2 > σ·d1 = −2, so fmincg extrapolates:
    // A = 6(0.36 − 1)/(−0.2) + 3(−2.4 − 4) = 0, B = 3(1 − 0.36) + 0.2(−4 − 4.8) = 0.16,
    // z2 = 2.4·0.04/(0.16 + 0.16) = 0.3 → x = 0.6 + 0.3·(−2) = 0, d2 = 0 > −2: success.
    const x = new Float64Array([1]);
    const f = counted(square);
    const opt = conjugateGradient();
    const state = opt.init(x, f.objective);
    expect([state['z1'], state['d1'], f.calls()]).toEqual([0.2, -4, 1]);
    const report = opt.iterate(x, f.objective, state);
    expect(report.evaluations).toBe(2);
    expect(f.calls()).toBe(3);
    expect(Math.abs(x[0]!)).toBeLessThan(1e-14); // 0 up to the rounding of 0.2, 0.3 and 0.6
    expect(report.cost).toBeLessThan(1e-28);
  });

  it('converges on a 10-dimensional quadratic to its minimizer A⁻¹b within 1e-8', () => {
    const minimizer = Array.from({ length: 10 }, (_, i) => 3 * Math.sin(i + 1));
    const x = new Float64Array(10);
    const iterations = minimize(conjugateGradient(), x, quadratic(minimizer), 100);
    expect(iterations).toBeLessThanOrEqual(100);
    expect(maxDistance(x, minimizer)).toBeLessThan(1e-8);
  });

  it('with a near-exact line search (small σ), reaches the quadratic’s minimizer in n iterations', () => {
    // Exact line searches on a quadratic make Polak–Ribière linear CG, exact after n steps;
    // fmincg's cubic fit through a quadratic's values and slopes finds the exact minimum.
    const n = 10;
    const minimizer = Array.from({ length: n }, (_, i) => 3 * Math.sin(i + 1));
    const f = quadratic(minimizer);
    const x = new Float64Array(n);
    const opt = conjugateGradient({ rho: 1e-4, sigma: 1e-3 });
    const state = opt.init(x, f);
    for (let i = 0; i < n; i++) opt.iterate(x, f, state);
    expect(maxDistance(x, minimizer)).toBeLessThan(1e-8);
  });

  it('works in float32, to float32 precision', () => {
    const minimizer = Array.from({ length: 10 }, (_, i) => 3 * Math.sin(i + 1));
    const x = new Float32Array(10);
    minimize(conjugateGradient(), x, quadratic(minimizer), 100);
    expect(maxDistance(x, minimizer)).toBeLessThan(1e-5);
  });

  it('reaches Rosenbrock’s minimum (1, 1) from (−1.2, 1) within 1e-5 in at most 60 line searches', () => {
    const x = vector('float64', [-1.2, 1]);
    const iterations = minimize(conjugateGradient(), x, rosenbrock, 60);
    expect(iterations).toBeLessThanOrEqual(60);
    expect(maxDistance(x, [1, 1])).toBeLessThan(1e-5);
  });

  it('retries a failed line search along −D once, and gives up (converged) after a second failure', () => {
    // A gradient of the wrong sign: every search along s = −D goes uphill, so each one spends
    // 1 + MAX = 21 evaluations, fails, and restores θ exactly.
    const liar: Objective = (x, g) => {
      g[0] = -2 * x[0]!;
      return x[0]! * x[0]!;
    };
    const x = new Float64Array([1]);
    const opt = conjugateGradient();
    const state = opt.init(x, liar);
    expect(opt.iterate(x, liar, state)).toEqual({ cost: 1, evaluations: 21, converged: false });
    expect([x[0], state['lsFailed']]).toEqual([1, 1]);
    expect(opt.iterate(x, liar, state)).toEqual({ cost: 1, evaluations: 21, converged: true });
    expect(x[0]).toBe(1);
  });

  it('reports converged without evaluating when the gradient is exactly zero', () => {
    const x = new Float64Array([0]);
    const f = counted(square);
    const opt = conjugateGradient();
    const state = opt.init(x, f.objective);
    expect(opt.iterate(x, f.objective, state)).toEqual({ cost: 0, evaluations: 0, converged: true });
    expect(f.calls()).toBe(1);
  });

  it('counts every evaluation it reports', () => {
    const f = counted(rosenbrock);
    const x = vector('float64', [-1.2, 1]);
    const opt = conjugateGradient();
    const state = opt.init(x, f.objective);
    let reported = 1;
    for (let i = 0; i < 10; i++) reported += opt.iterate(x, f.objective, state).evaluations;
    expect(reported).toBe(f.calls());
  });

  it('validates the Wolfe–Powell constants', () => {
    expect(() => conjugateGradient({ rho: 0.6 })).toThrow(
      'option "rho" must be below "sigma", got 0.6 ≥ 0.5',
    );
    expect(() => conjugateGradient({ maxLineSearch: 2.5 })).toThrow(
      'option "maxLineSearch" must be a whole number in [1, ∞), got 2.5',
    );
    expect(() => conjugateGradient({ RHO: 0.1 } as never)).toThrow(
      'valid options: rho, sigma, interpolationMargin, extrapolationLimit, maxLineSearch, slopeRatio',
    );
  });

  it('throws when the objective is not finite at the start', () => {
    expect(() => conjugateGradient().init(new Float64Array([1]), () => Number.NaN)).toThrow(
      'the objective returned NaN at the starting point',
    );
  });
});
