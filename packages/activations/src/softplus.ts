// Softplus g(z) = ln(1 + e^z), the smooth ReLU, with g'(z) = σ(z).
import type { ActivationPlugin } from '@deltanet/contract';
import { exp, log1p, logistic } from '@deltanet/tensor';
import { elementwise } from './internal/elementwise';

/**
 * Softplus: g(z) = ln(1 + e^z), computed as ln(1 + e^−|z|) + max(z, 0) (equal for every z), so
 * e^x is only taken of x ≤ 0 and log1p keeps the small tail exact: g(−40) = e^−40, not 0, and
 * g(1e3) = 1e3, not Infinity. g'(z) = σ(z) = 1 / (1 + e^−z).
 *
 * @example
 * softplus.output!(0); // ln 2 = 0.6931471805599453
 * softplus.derivative!(0, Math.LN2); // 0.5
 */
export const softplus: ActivationPlugin = /* @__PURE__ */ elementwise({
  name: 'softplus',
  description: 'g(z) = ln(1 + e^z); g′ = σ(z)',
  output: (z) => log1p(exp(-Math.abs(z))) + Math.max(z, 0),
  derivative: (z) => logistic(z),
});
