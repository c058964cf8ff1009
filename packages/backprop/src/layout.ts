// Where each Θ(l) sits inside the one flat parameter vector the optimizers see.

/** Offset and shape of Θ(l) (0-based l over weight layers) in the flat parameter vector. */
export interface ThetaLayout {
  /** Index in `params` of Θ(l)'s element (0, 0). */
  readonly offset: number;
  /** s(l+1): units fed by this layer. */
  readonly rows: number;
  /** s(l) + 1: inputs plus the bias unit in column 0. */
  readonly cols: number;
}

/**
 * Θ(1), Θ(2), … stored one after another, each row-major s(l+1) × (s(l)+1).
 *
 * @example
 * thetaLayout([3, 5, 3]); // [{offset: 0, rows: 5, cols: 4}, {offset: 20, rows: 3, cols: 6}]
 */
export function thetaLayout(layers: readonly number[]): ThetaLayout[] {
  const layout: ThetaLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const rows = layers[l + 1]!;
    const cols = layers[l]! + 1;
    layout.push({ offset, rows, cols });
    offset += rows * cols;
  }
  return layout;
}

/** Total number of parameters, bias weights included. */
export function parameterCount(layers: readonly number[]): number {
  return thetaLayout(layers).reduce((n, { rows, cols }) => n + rows * cols, 0);
}
