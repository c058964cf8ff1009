// The Adam step shared by `adam` and `adamw` (which only adds a decay factor): PyTorch's
// torch.optim.Adam, with the bias corrections folded into two per-step constants.
import type { FloatArray, OptimizerState } from '@deltanet/contract';
import { adamUpdate as adamKernel, pow } from '@deltanet/tensor';
import { assertGradient, stateArray, stateNumber, zerosLike } from './state';

/** The constants of one Adam step. */
export interface AdamConstants {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/** The ranges Adam's constants must lie in (shared with AdamW). */
export const adamBounds = {
  learningRate: { min: 0 },
  beta1: { min: 0, below: 1 },
  beta2: { min: 0, below: 1 },
  epsilon: { min: 0 },
} as const;

/** Fresh Adam state: step count t = 0 and zero moments m, v in the parameters' precision. */
export function adamInit(params: FloatArray): OptimizerState {
  return { step: 0, m: zerosLike(params), v: zerosLike(params) };
}

/**
 * t ← t + 1;  m ← β₁m + (1 − β₁)D;  v ← β₂v + (1 − β₂)D²;
 * θ ← decay·θ − αₜ · m / (√v + ε̂)  with  αₜ = α·√(1 − β₂ᵗ) / (1 − β₁ᵗ),  ε̂ = ε·√(1 − β₂ᵗ)
 * which is PyTorch's θ − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε) with both corrections moved
 * out of the loop (Kingma & Ba's own "more efficient order", Algorithm 1 note): one division
 * and one square root per parameter instead of two divisions, equal up to rounding.
 * `decay` is 1 for Adam and 1 − αλ for AdamW, applied to θ before the step as PyTorch does.
 */
export function adamUpdate(
  name: string,
  { learningRate: alpha, beta1, beta2, epsilon }: AdamConstants,
  decay: number,
  params: FloatArray,
  gradient: FloatArray,
  state: OptimizerState,
): void {
  assertGradient(name, params, gradient);
  const n = params.length;
  const m = stateArray(state, 'm', n);
  const v = stateArray(state, 'v', n);
  const t = stateNumber(state, 'step') + 1;
  state['step'] = t;
  // Once per step, not per parameter. @deltanet/tensor's pow, not `**`: engines compute powers
  // differently (Chromium 156's β^t differs from Node 20's about once in twenty).
  const root2 = Math.sqrt(1 - pow(beta2, t));
  const stepSize = (alpha / (1 - pow(beta1, t))) * root2;
  const epsilonHat = epsilon * root2;
  // One kernel from @deltanet/tensor (wasm SIMD where it can, the same bits either way).
  adamKernel(params, gradient, m, v, beta1, beta2, stepSize, epsilonHat, decay);
}
