// Writes draws into Θ(l) row by row, with the bias column either drawn too or set to zero.
import type { Matrix } from '@deltanet/contract';

/**
 * Θ[i, j] ← draw() for every weight column j ≥ 1; Θ[i, 0] ← draw() when `bias` is 'draw',
 * else 0. Zeroing (not skipping) the bias column makes re-initializing a used Θ a fresh start.
 */
export function fillWeights(theta: Matrix, bias: 'draw' | 'zero', draw: () => number): void {
  const { rows, cols, data } = theta;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    data[base] = bias === 'draw' ? draw() : 0;
    for (let j = 1; j < cols; j++) data[base + j] = draw();
  }
}
