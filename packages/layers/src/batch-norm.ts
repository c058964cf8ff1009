// Batch normalization (Ioffe & Szegedy 2015): each unit normalized by the batch's mean and
// variance in training, by running estimates in inference, then scaled by γ and shifted by β.
import type { BuiltLayer, LayerPlugin, LayerShape, Matrix, PluginOptions } from '@deltanet/contract';
import { InvalidArgumentError, mergeOptions } from '@deltanet/contract';

/** Options of `batchNorm`. */
export type BatchNormOptions = {
  /**
   * How much of the running statistics each training batch keeps: running ← momentum·running +
   * (1 − momentum)·batch statistic (Keras's meaning, not PyTorch's, whose momentum is our
   * 1 − momentum). In [0, 1]. Default 0.99, as in Keras.
   */
  momentum: number;
  /** Added to the variance before its square root, > 0. Default 1e-3, as in Keras. */
  epsilon: number;
};

const defaults: BatchNormOptions = { momentum: 0.99, epsilon: 1e-3 };

/**
 * `batchNorm({ momentum, epsilon })`: y = γ·x̂ + β per unit, x̂ = (x − μ)/√(σ² + ε). In train
 * mode μ and σ² are the batch's (σ² the biased variance, over the m rows) and the running
 * mean and variance move toward them by `momentum`; in inference mode the running statistics
 * are used and the state is untouched. γ (starts at 1) and β (starts at 0) are trainable and
 * not penalized by the regularizer; the running mean (starts at 0) and variance (starts at 1)
 * are state, saved with the model.
 *
 * @example
 * createNetwork({ layers: [2, 8, 'batch-norm', 1] });
 */
export function batchNorm(options: Partial<BatchNormOptions> | PluginOptions = {}): LayerPlugin {
  const current = mergeOptions('layer "batch-norm"', defaults, options);
  const { momentum, epsilon } = current;
  if (!(momentum >= 0 && momentum <= 1)) {
    throw new InvalidArgumentError(`batch-norm momentum must be in [0, 1], got ${momentum}`);
  }
  if (!(epsilon > 0)) throw new InvalidArgumentError(`batch-norm epsilon must be > 0, got ${epsilon}`);
  return Object.freeze({
    kind: 'layer',
    name: 'batch-norm',
    description: 'batch normalization: γ·(x − μ)/√(σ² + ε) + β with running μ, σ² for inference',
    options: current,
    configure: (next: PluginOptions) => batchNorm(mergeOptions('layer "batch-norm"', current, next)),
    build: ({ inputUnits: n }: LayerShape): BuiltLayer => ({
      outputUnits: n,
      parameters: [
        { name: 'γ', rows: 1, cols: n, penalized: null, initial: 1 },
        { name: 'β', rows: 1, cols: n, penalized: null, initial: 0 },
      ],
      state: [
        { name: 'running mean', rows: 1, cols: n, initial: 0 },
        { name: 'running variance', rows: 1, cols: n, initial: 1 },
      ],
      // x̂, and 1/√(σ² + ε) per unit in row 0 of the second.
      saved: [n, n],
      savedNames: ['x̂', '1/√(σ² + ε)'],
      forward(context, { input, output, saved }, [gamma, beta], [runningMean, runningVariance]) {
        const [xHat, inverseStd] = saved as [Matrix, Matrix];
        const m = input.rows;
        const x = input.data;
        for (let j = 0; j < n; j++) {
          let mean: number;
          let variance: number;
          if (context.mode === 'train') {
            mean = 0;
            for (let i = 0; i < m; i++) mean += x[i * n + j]!;
            mean /= m;
            variance = 0;
            for (let i = 0; i < m; i++) variance += (x[i * n + j]! - mean) ** 2;
            variance /= m;
            runningMean!.data[j] = momentum * runningMean!.data[j]! + (1 - momentum) * mean;
            runningVariance!.data[j] = momentum * runningVariance!.data[j]! + (1 - momentum) * variance;
          } else {
            mean = runningMean!.data[j]!;
            variance = runningVariance!.data[j]!;
          }
          const inverse = 1 / Math.sqrt(variance + epsilon);
          inverseStd.data[j] = inverse;
          const g = gamma!.data[j]!;
          const b = beta!.data[j]!;
          for (let i = 0; i < m; i++) {
            const normalized = (x[i * n + j]! - mean) * inverse;
            xHat.data[i * n + j] = normalized;
            output.data[i * n + j] = g * normalized + b;
          }
        }
      },
      backward(context, { input, saved }, outputGradient, [gamma], [dGamma, dBeta], inputGradient) {
        const [xHat, inverseStd] = saved as [Matrix, Matrix];
        const m = input.rows;
        const G = outputGradient.data;
        for (let j = 0; j < n; j++) {
          // Σᵢ G and Σᵢ G·x̂: β's and γ's gradients, and the two means the input gradient needs.
          let sum = 0;
          let sumXHat = 0;
          for (let i = 0; i < m; i++) {
            sum += G[i * n + j]!;
            sumXHat += G[i * n + j]! * xHat.data[i * n + j]!;
          }
          dBeta!.data[j] = sum / m;
          dGamma!.data[j] = sumXHat / m;
          if (!inputGradient) continue;
          const scale = gamma!.data[j]! * inverseStd.data[j]!;
          const train = context.mode === 'train';
          for (let i = 0; i < m; i++) {
            const k = i * n + j;
            // Train: μ and σ² depend on every row, so ∂x̂/∂x subtracts their share
            // (dx = γ/σ·(G − mean(G) − x̂·mean(G·x̂))); inference: they are constants.
            inputGradient.data[k] = train
              ? scale * (G[k]! - sum / m - xHat.data[k]! * (sumXHat / m))
              : scale * G[k]!;
          }
        }
      },
    }),
  });
}
