// The course's layer: z = [1, x]·Θᵀ, a = g(z), with Θ s(l+1) × (s(l)+1) and the bias weights in column 0.
import type { BuiltLayer, LayerPlugin, LayerShape, Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { sumRowsIntoColumn } from '@deltanet/tensor';
import { gemm } from './internal/gemm';

/**
 * `dense`: one parameter block Θ (s(l+1) × (s(l)+1), bias weights in column 0, penalized from
 * column 1 on), forward z = [1, x]·Θᵀ and a = g(z) with the activation the spec gives the
 * layer, backward δ = ∂/∂a .* g′(z), D = δᵀ·[1, x]/m, ∂/∂x = δ·Θ[:, 1:]. In specs a dense layer
 * is written as its unit count (`layers: [784, 25, 10]`); `build` needs `outputUnits` and
 * `activation`. The network runs all-dense stacks through its own fused passes, which do the
 * same arithmetic in the same order (same bits).
 *
 * @example
 * const layer = dense.build({ inputUnits: 2, outputUnits: 3, activation: sigmoid });
 * layer.parameters[0]; // { name: 'Θ', rows: 3, cols: 3, penalized: { fromColumn: 1 }, … }
 */
export const dense: LayerPlugin = /* @__PURE__ */ Object.freeze({
  kind: 'layer',
  name: 'dense',
  description: "a = g([1, x]·Θᵀ), the course's layer with its bias weights in column 0 of Θ",
  build({ inputUnits, outputUnits, activation }: LayerShape): BuiltLayer {
    if (outputUnits === undefined || !Number.isInteger(outputUnits) || outputUnits < 1) {
      throw new InvalidArgumentError(`dense needs a whole number of output units ≥ 1, got ${outputUnits}`);
    }
    if (!activation) throw new InvalidArgumentError('dense needs an activation');
    const units = outputUnits;
    const cols = inputUnits + 1;
    return {
      outputUnits: units,
      parameters: [{ name: 'Θ', rows: units, cols, penalized: { fromColumn: 1 }, initial: 'initializer' }],
      state: [],
      // z, then δ = ∂(Σℓ)/∂z.
      saved: [units, units],
      savedNames: ['z', 'δ'],
      forward(context, { input, output, saved }, [theta]) {
        const z = saved[0]!;
        fillRowsWithBias(theta!, z);
        // z += x·Θ[:, 1:]ᵀ: the bias went in first and the product adds onto it (β = 1).
        gemm(
          context.backend,
          { transA: false, transB: true, m: input.rows, n: units, k: inputUnits, alpha: 1, beta: 1 },
          { data: input.data, offset: 0, stride: inputUnits },
          { data: theta!.data, offset: 1, stride: cols },
          { data: z.data, offset: 0, stride: units },
        );
        activation.forward(z, output);
      },
      backward(context, { input, output, saved }, outputGradient, [theta], [gradient], inputGradient) {
        const [z, delta] = saved as [Matrix, Matrix];
        const m = input.rows;
        activation.backward(z, output, outputGradient, delta);
        // D[:, 1:] = δᵀ·x / m, D[:, 0] = Σᵢ δᵢ / m (the bias unit is 1 for every example).
        gemm(
          context.backend,
          { transA: true, transB: false, m: units, n: inputUnits, k: m, alpha: 1 / m, beta: 0 },
          { data: delta.data, offset: 0, stride: units },
          { data: input.data, offset: 0, stride: inputUnits },
          { data: gradient!.data, offset: 1, stride: cols },
        );
        sumRowsIntoColumn(delta, gradient!, 0, 1 / m);
        if (!inputGradient) return;
        // ∂/∂x = δ·Θ[:, 1:]; the bias column is skipped, not computed and dropped.
        gemm(
          context.backend,
          { transA: false, transB: false, m, n: inputUnits, k: units, alpha: 1, beta: 0 },
          { data: delta.data, offset: 0, stride: units },
          { data: theta!.data, offset: 1, stride: cols },
          { data: inputGradient.data, offset: 0, stride: inputUnits },
        );
      },
    };
  },
});

/** Every row of z ← Θ[:, 0]ᵀ, the bias weights. */
function fillRowsWithBias(theta: Matrix, z: Matrix): void {
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < z.cols; j++) z.data[i * z.cols + j] = theta.data[j * theta.cols]!;
  }
}
