import type { Objective } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { counted, maxDistance, quadratic, rosenbrock, vector } from './internal/test-problems';
import { lbfgs } from './lbfgs';

const halfSquaredNorm: Objective = (x, g) => {
  let f = 0;
  for (let i = 0; i < x.length; i++) {
    g[i] = x[i]!;
    f += 0.5 * x[i]! * x[i]!;
  }
  return f;
};

function minimize(
  opt: ReturnType<typeof lbfgs>,
  x: Float32Array | Float64Array,
  f: Objective,
  limit: number,
) {
  const state = opt.init(x, f);
  for (let i = 1; i <= limit; i++) if (opt.iterate(x, f, state).converged) return i;
  return limit + 1;
}

describe.each(['float64', 'float32'] as const)('lbfgs on f = ½‖x‖² (%s)', (dtype) => {
  it('scales the first step by min(1, 1/|D|₁), then takes the exact Newton step', () => {
    const tolerance = dtype === 'float32' ? 1e-6 : 1e-14;
    const x = vector(dtype, [3, 4]);
    const f = counted(halfSquaredNorm);
    const opt = lbfgs();
    const state = opt.init(x, f.objective);
    // D = x, d = −D, t = min(1, 1/7). φ(t) = ½(1 − t)²·25: φ′(1/7) = −(6/7)·25 ≈ −21.4 and
    // |φ′| ≤ 0.9·25 = 22.5, so the first trial is accepted: x = (6/7)·[3, 4].
    expect(opt.iterate(x, f.objective, state)).toMatchObject({ evaluations: 1, converged: false });
    expect(maxDistance(x, [18 / 7, 24 / 7])).toBeLessThan(tolerance);
    // s = y = −x₀/7, so γ = sᵀy/yᵀy = 1 and the two-loop gives d = −D: with H = I that is Newton's
    // step, and t = 1 lands on 0.
    const report = opt.iterate(x, f.objective, state);
    expect(report.evaluations).toBe(1);
    expect(maxDistance(x, [0, 0])).toBeLessThan(tolerance);
    // In float64 the gradient is now below toleranceGrad; float32 rounding leaves ~1e-7.
    if (dtype === 'float64') expect(report.converged).toBe(true);
  });
});

describe('lbfgs', () => {
  it('converges on a 10-dimensional quadratic to its minimizer A⁻¹b within 1e-8', () => {
    const minimizer = Array.from({ length: 10 }, (_, i) => 3 * Math.sin(i + 1));
    const x = new Float64Array(10);
    // PyTorch's default tolerances stop at |Δf| < 1e-9 (here ‖x − x*‖ ≈ 1e-5); ask for more.
    const opt = lbfgs({ toleranceGrad: 1e-10, toleranceChange: 0 });
    expect(minimize(opt, x, quadratic(minimizer), 100)).toBeLessThanOrEqual(100);
    expect(maxDistance(x, minimizer)).toBeLessThan(1e-8);
  });

  it('reaches Rosenbrock’s minimum (1, 1) from (−1.2, 1) within 1e-5 in at most 60 iterations', () => {
    const x = vector('float64', [-1.2, 1]);
    const f = counted(rosenbrock);
    const iterations = minimize(lbfgs(), x, f.objective, 60);
    expect(iterations).toBeLessThanOrEqual(60);
    expect(maxDistance(x, [1, 1])).toBeLessThan(1e-5);
    expect(f.calls()).toBeLessThan(100);
  });

  it('keeps the last m steps s = θₖ₊₁ − θₖ in a ring, oldest at `head`', () => {
    const x = vector('float64', [-1.2, 1]);
    const m = 3;
    const opt = lbfgs({ historySize: m });
    const state = opt.init(x, rosenbrock);
    const steps: number[][] = [];
    for (let i = 0; i < 8; i++) {
      const before = Array.from(x);
      opt.iterate(x, rosenbrock, state);
      steps.push([x[0]! - before[0]!, x[1]! - before[1]!]);
    }
    expect(state['count']).toBe(m);
    const S = state['historyS'] as Float64Array;
    const head = state['head'] as number;
    for (let k = 0; k < m; k++) {
      const slot = (head + k) % m;
      // Every step on Rosenbrock this early has yᵀs > 1e-10, so all eight pairs were stored.
      expect(maxDistance(S.subarray(slot * 2, slot * 2 + 2), steps[8 - m + k]!)).toBeLessThan(1e-14);
    }
  });

  it('reports converged at once when the gradient is already below toleranceGrad', () => {
    const x = new Float64Array([0, 0]);
    const opt = lbfgs();
    const state = opt.init(x, halfSquaredNorm);
    expect(opt.iterate(x, halfSquaredNorm, state)).toEqual({ cost: 0, evaluations: 0, converged: true });
  });

  it('validates its options', () => {
    expect(() => lbfgs({ c1: 0.95 })).toThrow('option "c1" must be below "c2", got 0.95 ≥ 0.9');
    expect(() => lbfgs({ historySize: 0 })).toThrow(
      'option "historySize" must be a whole number in [1, ∞), got 0',
    );
    expect(() => lbfgs({ history_size: 5 } as never)).toThrow(
      'has no option "history_size"; valid options: learningRate, historySize, toleranceGrad',
    );
  });
});
