// L-BFGS as PyTorch's torch.optim.LBFGS with line_search_fn='strong_wolfe', one iteration per
// `iterate`: d = −H·D by the two-loop recursion over the last m pairs (s, y), then a
// strong-Wolfe line search along d.
import type { FloatArray, FullBatchOptimizer, OptimizerState } from '@deltanet/contract';
import type { Configured } from './configured';
import { strongWolfe } from './internal/line-search';
import { fail, resolveOptions } from './internal/options';
import { assertFiniteCost, stateArray, stateNumber, zerosLike } from './internal/state';
import type { VectorKernels } from './internal/vector-kernels';
import { vectorKernels } from './internal/vector-kernels';

/** Hyper-parameters of `lbfgs` (PyTorch's names in brackets). */
export type LbfgsOptions = {
  /** Step tried first by each line search [lr], 1 for a quasi-Newton step. */
  readonly learningRate: number;
  /** m, the number of (s, y) pairs kept [history_size; PyTorch defaults to 100]. */
  readonly historySize: number;
  /** Converged when max|D| ≤ this [tolerance_grad]. */
  readonly toleranceGrad: number;
  /** Converged when a step, or the change in cost, is below this [tolerance_change]. */
  readonly toleranceChange: number;
  /** Line-search evaluations after the first [max_ls]. */
  readonly maxLineSearch: number;
  /** Sufficient-decrease constant of the Wolfe conditions. */
  readonly c1: number;
  /** Curvature constant of the Wolfe conditions. */
  readonly c2: number;
};

const defaults: LbfgsOptions = /* @__PURE__ */ Object.freeze({
  learningRate: 1,
  historySize: 10,
  toleranceGrad: 1e-7,
  toleranceChange: 1e-9,
  maxLineSearch: 25,
  c1: 1e-4,
  c2: 0.9,
});

/** PyTorch keeps a pair only when yᵀs exceeds this, so H stays positive definite. */
const curvatureFloor = 1e-10;

/**
 * Limited-memory BFGS. From the last m pairs sₖ = θₖ₊₁ − θₖ, yₖ = Dₖ₊₁ − Dₖ, ρₖ = 1/yₖᵀsₖ, the
 * two-loop recursion computes d = −H·D with H₀ = γI, γ = sᵀy/yᵀy of the newest pair:
 *
 *   q ← −D;  newest→oldest: aₖ = ρₖ sₖᵀq, q ← q − aₖyₖ;  r ← γq;
 *   oldest→newest: bₖ = ρₖ yₖᵀr, r ← r + (aₖ − bₖ)sₖ;  d = r
 *
 * then θ ← θ + t·d with t from a strong-Wolfe search starting at α (the very first search starts
 * at min(1, 1/|D|₁)·α). Converged when max|D| ≤ toleranceGrad, or Dᵀd, max|t·d| or the change
 * in cost falls below toleranceChange.
 *
 * State (plain data): loss = f(θ), gradient = D(θ), iteration, hDiag = γ; the pairs in a ring
 * historyS, historyY (m·n each, slot k at k·n), rho (Float64Array of m), count pairs starting at
 * slot head (the oldest); work buffers direction, origin, work0..2 (contents between calls unused).
 *
 * @example
 * const opt = lbfgs({ historySize: 10 });
 * const state = opt.init(params, costFunction); // one evaluation
 * for (let i = 0; i < 100 && !opt.iterate(params, costFunction, state).converged; i++);
 */
export function lbfgs(options: Partial<LbfgsOptions> = {}): Configured<FullBatchOptimizer, LbfgsOptions> {
  const resolved = resolveOptions('lbfgs', defaults, options, {
    learningRate: { above: 0 },
    historySize: { min: 1, integer: true },
    toleranceGrad: { min: 0 },
    toleranceChange: { min: 0 },
    maxLineSearch: { min: 1, integer: true },
    c1: { above: 0, below: 1 },
    c2: { above: 0, below: 1 },
  });
  const { learningRate, historySize: m, toleranceGrad, toleranceChange } = resolved;
  if (!(resolved.c1 < resolved.c2)) {
    fail('lbfgs', `option "c1" must be below "c2", got ${resolved.c1} ≥ ${resolved.c2}`);
  }

  return Object.freeze<ReturnType<typeof lbfgs>>({
    kind: 'optimizer',
    name: 'lbfgs',
    mode: 'full-batch',
    description: 'L-BFGS: two-loop recursion over the last m steps, strong-Wolfe line search',
    options: resolved,
    configure: (more: Partial<LbfgsOptions>) => lbfgs({ ...resolved, ...more }),
    init(params, objective) {
      const n = params.length;
      const gradient = zerosLike(params);
      const loss = assertFiniteCost('lbfgs', objective(params, gradient));
      return {
        loss,
        gradient,
        iteration: 0,
        hDiag: 1,
        count: 0,
        head: 0,
        historyS: zerosLike(params, 0, m * n),
        historyY: zerosLike(params, 0, m * n),
        rho: new Float64Array(m),
        direction: zerosLike(params),
        origin: zerosLike(params),
        work0: zerosLike(params),
        work1: zerosLike(params),
        work2: zerosLike(params),
      };
    },
    iterate(x, objective, state, context) {
      const kernels = vectorKernels(context);
      const n = x.length;
      const g = stateArray(state, 'gradient', n);
      const loss = stateNumber(state, 'loss');
      if (maxAbs(g) <= toleranceGrad) return { cost: loss, evaluations: 0, converged: true };
      const iteration = stateNumber(state, 'iteration') + 1;
      state['iteration'] = iteration;

      const d = stateArray(state, 'direction', n);
      searchDirection(kernels, state, g, d, m);
      let t = iteration === 1 ? Math.min(1, 1 / sumAbs(g)) * learningRate : learningRate;
      const gtd = kernels.dot(g, d);
      if (gtd > -toleranceChange) return { cost: loss, evaluations: 0, converged: true };

      // Trial points are origin + t·d written into x itself, as PyTorch moves the parameters.
      const origin = stateArray(state, 'origin', n);
      origin.set(x);
      const work = [
        stateArray(state, 'work0', n),
        stateArray(state, 'work1', n),
        stateArray(state, 'work2', n),
      ] as const;
      const moveTo = (step: number) => {
        x.set(origin);
        kernels.axpy(step, d, x);
      };
      const evaluate = (step: number, out: FloatArray) => {
        moveTo(step);
        return objective(x, out);
      };
      const found = strongWolfe(evaluate, d, t, loss, g, gtd, work, resolved, kernels.dot);
      t = found.t;
      moveTo(t);

      // PyTorch forms this pair at the start of the next iteration; the numbers are the same.
      const [y, s] = work.filter((w) => w !== found.g) as [FloatArray, FloatArray];
      for (let i = 0; i < n; i++) {
        y[i] = found.g[i]! - g[i]!;
        s[i] = t * d[i]!;
      }
      remember(kernels, state, s, y, n, m);
      if (found.g !== g) g.set(found.g);
      state['loss'] = found.f;

      const converged =
        maxAbs(g) <= toleranceGrad ||
        maxAbs(s) <= toleranceChange ||
        Math.abs(found.f - loss) < toleranceChange;
      return { cost: found.f, evaluations: found.evaluations, converged };
    },
  });
}

/** d ← −H·D by the two-loop recursion over the stored pairs, oldest at slot `head`. */
function searchDirection(
  { dot, axpy }: VectorKernels,
  state: OptimizerState,
  g: FloatArray,
  d: FloatArray,
  m: number,
): void {
  const n = g.length;
  const S = stateArray(state, 'historyS', m * n);
  const Y = stateArray(state, 'historyY', m * n);
  const rho = stateArray(state, 'rho', m);
  const count = stateNumber(state, 'count');
  const head = stateNumber(state, 'head');
  const hDiag = stateNumber(state, 'hDiag');
  const a = new Float64Array(m); // m numbers per iteration: negligible beside a full-batch pass
  for (let i = 0; i < n; i++) d[i] = -g[i]!;
  for (let k = count - 1; k >= 0; k--) {
    const slot = (head + k) % m;
    const ak = dot(S.subarray(slot * n, slot * n + n), d) * rho[slot]!;
    a[slot] = ak;
    // d − ak·y is d + (−ak)·y exactly: negation is exact in floating point.
    axpy(-ak, Y.subarray(slot * n, slot * n + n), d);
  }
  for (let i = 0; i < n; i++) d[i] = d[i]! * hDiag;
  for (let k = 0; k < count; k++) {
    const slot = (head + k) % m;
    const yr = dot(Y.subarray(slot * n, slot * n + n), d);
    axpy(a[slot]! - yr * rho[slot]!, S.subarray(slot * n, slot * n + n), d);
  }
}

/** Stores (s, y) when yᵀs > 1e-10, dropping the oldest pair when all m slots are full. */
function remember(
  { dot }: VectorKernels,
  state: OptimizerState,
  s: FloatArray,
  y: FloatArray,
  n: number,
  m: number,
): void {
  const ys = dot(y, s);
  if (!(ys > curvatureFloor)) return;
  const count = stateNumber(state, 'count');
  const head = stateNumber(state, 'head');
  let slot: number;
  if (count < m) {
    slot = (head + count) % m;
    state['count'] = count + 1;
  } else {
    slot = head;
    state['head'] = (head + 1) % m;
  }
  stateArray(state, 'historyS', m * n).set(s, slot * n);
  stateArray(state, 'historyY', m * n).set(y, slot * n);
  stateArray(state, 'rho', m)[slot] = 1 / ys;
  state['hDiag'] = ys / dot(y, y);
}

function maxAbs(x: FloatArray): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]!));
  return max;
}

function sumAbs(x: FloatArray): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]!);
  return sum;
}
