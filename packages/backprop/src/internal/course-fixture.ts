// The course's checkNNGradients setup (ex4): a 3-5-3 network, m = 5, Θ and X filled by
// debugInitializeWeights — sin(1..n)/10 reshaped column-major — and y = 1 + mod(1:m, 3).
import type { Matrix } from '@deltanet/contract';
import { oneHot } from '@deltanet/tensor';

/** debugInitializeWeights(fanOut, fanIn): fanOut × (1 + fanIn), W(:) = sin(1:numel)/10 column-major. */
export function debugInitializeWeights(fanOut: number, fanIn: number): Matrix<Float64Array> {
  const rows = fanOut;
  const cols = fanIn + 1;
  const data = new Float64Array(rows * cols);
  // MATLAB's reshape fills columns first: element k (1-based) lands at row (k−1) mod rows.
  for (let k = 1; k <= rows * cols; k++) {
    const row = (k - 1) % rows;
    const col = Math.floor((k - 1) / rows);
    data[row * cols + col] = Math.sin(k) / 10;
  }
  return { rows, cols, data };
}

/** Θ(1), Θ(2), X and one-hot y of checkNNGradients. */
export function courseGradientFixture() {
  const inputLayerSize = 3;
  const hiddenLayerSize = 5;
  const numLabels = 3;
  const m = 5;
  const theta1 = debugInitializeWeights(hiddenLayerSize, inputLayerSize);
  const theta2 = debugInitializeWeights(numLabels, hiddenLayerSize);
  // X = debugInitializeWeights(m, input_layer_size − 1): 5 × 3.
  const x = debugInitializeWeights(m, inputLayerSize - 1);
  // y = 1 + mod(1:m, num_labels)' = [2, 3, 1, 2, 3]; class k is column k − 1.
  const labels = Array.from({ length: m }, (_, i) => ((i + 1) % numLabels) + 1 - 1);
  const y = oneHot(labels, numLabels);
  return { layers: [inputLayerSize, hiddenLayerSize, numLabels], theta1, theta2, x, y };
}
