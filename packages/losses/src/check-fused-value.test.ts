// checkLoss's fused-value checks, shown failing on the two mistakes they exist for: a value from
// z that is only the clamped value again (flat where the fused δ still pushes), and one that
// changes the loss's numbers where no clamp acts.
import type { LossPlugin, Matrix } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { checkLoss } from './check-loss';
import { crossEntropy } from './cross-entropy';

// σ written here, not imported from the package under test's neighbours.
const sigmoid = {
  forward(z: Matrix, out: Matrix) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = 1 / (1 + Math.exp(-z.data[i]!));
  },
  backward(_z: Matrix, a: Matrix, upstream: Matrix, out: Matrix) {
    for (let i = 0; i < a.data.length; i++) out.data[i] = upstream.data[i]! * a.data[i]! * (1 - a.data[i]!);
  },
};

/** cross-entropy with its sigmoid fused delta's value replaced. */
function withFusedValue(value: (z: Matrix, h: Matrix, y: Matrix) => number): LossPlugin {
  const fused = crossEntropy.fusedDeltas![0]!;
  return { ...crossEntropy, fusedDeltas: [{ activation: 'sigmoid', delta: fused.delta, value }] };
}

describe('checkLoss on a fused value from z', () => {
  it('passes the built-in cross-entropy, whose value from z is exact at saturated outputs', () => {
    expect(checkLoss(crossEntropy, { activations: { sigmoid } }).failures).toEqual([]);
  });

  it('fails a value from z that is the clamped value again: flat where δ = h − y is not', () => {
    const report = checkLoss(
      withFusedValue((_z, h, y) => crossEntropy.value(h, y)),
      { activations: { sigmoid }, seed: 2 },
    );
    expect(report.failures.join('\n')).toMatch(
      /fused delta for "sigmoid" vs central difference of its value in z \(z in \(−40, 40\)\)/,
    );
  });

  it('fails a value from z that moves the numbers where no clamp acts', () => {
    // Σ softplus form everywhere: the same function, but not value(h, y)'s bits.
    const everywhere = (z: Matrix, _h: Matrix, y: Matrix) => {
      let sum = 0;
      for (let i = 0; i < z.data.length; i++) {
        const t = y.data[i]!;
        const zi = z.data[i]!;
        sum += t * Math.log1p(Math.exp(-zi)) + (1 - t) * Math.log1p(Math.exp(zi));
      }
      return sum;
    };
    const report = checkLoss(withFusedValue(everywhere), { activations: { sigmoid }, targets: 'real' });
    expect(report.failures.join('\n')).toMatch(/must equal value\(h, y\) bit for bit where no clamp acts/);
  });
});
