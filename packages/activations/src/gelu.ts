// GELU in its tanh form (Hendrycks & Gimpel 2016, eq. in §2):
// g(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³))): BERT and GPT-2's GELU, Keras approximate=True.
import type { ActivationPlugin } from '@deltanet/contract';
import { logistic } from '@deltanet/tensor';
import { elementwise } from './internal/elementwise';

// ½(1 + tanh x) = σ(2x), so the paper's form is z·σ(k(z + c·z³)) with k = 2√(2/π).
const c = 0.044715;
const k = 1.5957691216057308; // 2·√(2/π), a literal so the module has no top-level calls

/**
 * GELU, tanh approximation: g(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³))) = z·σ(u) with
 * u = 2√(2/π)(z + 0.044715z³), and g'(z) = σ(u) + z·σ(u)(1 − σ(u))·2√(2/π)(1 + 3·0.044715z²).
 * Within 5·10⁻⁴ of the exact z·Φ(z) (PyTorch's default). The σ form keeps the negative tail
 * where 1 + tanh(x) cancels to 0 (g(−10) = −1.2·10⁻³⁷, not −0) and stays finite for any z.
 *
 * @example
 * gelu.output!(1); // 0.8411919906082768 (exact GELU: 0.8413447460685429)
 * gelu.derivative!(0, 0); // 0.5
 */
export const gelu: ActivationPlugin = /* @__PURE__ */ elementwise({
  name: 'gelu',
  description: 'g(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³))) (tanh approximation)',
  output: (z) => z * logistic(k * (z + c * z * z * z)),
  derivative: (z) => {
    const s = logistic(k * (z + c * z * z * z));
    const t = s * (1 - s);
    // Once σ saturates t is 0; skipping the product avoids 0 · Infinity when z² overflows.
    return t === 0 ? s : s + z * t * k * (1 + 3 * c * z * z);
  },
});
