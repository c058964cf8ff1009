import type { ActivationPlugin, LossPlugin, Matrix } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { assertLoss, checkLoss } from './check-loss';
import { crossEntropy } from './cross-entropy';

// σ and its backward upstream .* a(1 − a), written here rather than imported.
const sigmoid = {
  forward(z: Matrix, out: Matrix) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = 1 / (1 + Math.exp(-z.data[i]!));
  },
  backward(_z: Matrix, a: Matrix, upstream: Matrix, out: Matrix) {
    for (let i = 0; i < a.data.length; i++) out.data[i] = upstream.data[i]! * a.data[i]! * (1 - a.data[i]!);
  },
};

/** Squared error ½Σ(h − y)², written loosely so single properties can be broken. */
function squared(overrides: Partial<LossPlugin> = {}): LossPlugin {
  return {
    kind: 'loss',
    name: 'test-squared',
    description: 'ℓ = ½Σ(h − y)²',
    value(h, y) {
      if (h.rows !== y.rows || h.cols !== y.cols) throw new ShapeError('h and y differ');
      let sum = 0;
      for (let i = 0; i < h.data.length; i++) sum += 0.5 * (h.data[i]! - y.data[i]!) ** 2;
      return sum;
    },
    gradient(h, y, out) {
      if (h.rows !== y.rows || h.cols !== y.cols) throw new ShapeError('h and y differ');
      for (let i = 0; i < h.data.length; i++) out.data[i] = h.data[i]! - y.data[i]!;
    },
    ...overrides,
  };
}

describe('checkLoss', () => {
  it('passes a correct third-party loss', () => {
    const report = checkLoss(squared(), { targets: 'real' });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.maxRelativeError).toBeLessThan(1e-8);
  });

  it('fails a gradient off by a factor of 1.01', () => {
    const good = squared();
    const bad = squared({
      gradient(h, y, out) {
        good.gradient(h, y, out);
        for (let i = 0; i < out.data.length; i++) out.data[i] = 1.01 * out.data[i]!;
      },
    });
    const report = checkLoss(bad);
    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toMatch(/gradient vs central difference/);
    expect(report.maxRelativeError).toBeGreaterThan(1e-3);
  });

  it('fails a loss that returns the mean over rows, even with a consistent gradient', () => {
    const good = squared();
    const mean = squared({
      value: (h, y) => good.value(h, y) / h.rows,
      gradient(h, y, out) {
        good.gradient(h, y, out);
        for (let i = 0; i < out.data.length; i++) out.data[i] = out.data[i]! / h.rows;
      },
    });
    const report = checkLoss(mean);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(/not divided by m/);
  });

  it('fails an unclamped log at h = 0 and a gradient that leaves entries unwritten', () => {
    const naive = squared({
      value(h, y) {
        let sum = 0;
        for (let i = 0; i < h.data.length; i++) sum -= y.data[i]! * Math.log(h.data[i]!);
        return sum;
      },
      gradient(h, y, out) {
        for (let i = 1; i < h.data.length; i++) out.data[i] = -y.data[i]! / h.data[i]!;
      },
    });
    const text = checkLoss(naive, { targets: 'one-hot' }).failures.join('\n');
    expect(text).toMatch(/value is NaN at h ∈ \{0, 1/);
    expect(text).toMatch(/every entry of out must be written/);
    expect(text).toMatch(/did not throw; mismatched shapes must throw/);
  });

  it('holds a fused delta declaring kernel "difference" to exactly h − y', () => {
    const nearly: LossPlugin = {
      ...crossEntropy,
      name: 'nearly-difference',
      fusedDeltas: [
        {
          activation: 'sigmoid',
          kernel: 'difference',
          // Within any tolerance of h − y, but not its bits: a backend computing h − y itself
          // would train differently.
          delta(h, y, out) {
            for (let i = 0; i < h.data.length; i++) out.data[i] = (h.data[i]! - y.data[i]!) * (1 + 2 ** -40);
          },
        },
      ],
    };
    const checked = checkLoss(nearly, { activations: { sigmoid } });
    expect(checked.failures).toEqual([
      expect.stringMatching(
        /fused delta for "sigmoid" declares kernel "difference" but gives .* where h − y = .* \(float64, entry \d+\)/,
      ),
    ]);
    const odd = { ...nearly, fusedDeltas: [{ ...nearly.fusedDeltas![0]!, kernel: 'sum' as 'difference' }] };
    expect(checkLoss(odd).failures).toEqual([expect.stringMatching(/kernel "sum" is not "difference"/)]);
  });

  it('cross-checks a fused delta against the given activation, and skips it otherwise', () => {
    const wrong: LossPlugin = {
      ...crossEntropy,
      name: 'wrong-fused',
      fusedDeltas: [
        {
          activation: 'sigmoid',
          delta(h, y, out) {
            for (let i = 0; i < h.data.length; i++) out.data[i] = y.data[i]! - h.data[i]!;
          },
        },
      ],
    };
    const checked = checkLoss(wrong, { activations: { sigmoid } });
    expect(checked.ok).toBe(false);
    expect(checked.failures.join('\n')).toMatch(/fused delta for "sigmoid" vs ∂ℓ\/∂h/);
    const unchecked = checkLoss(wrong);
    expect(unchecked.ok).toBe(true);
    expect(unchecked.skipped).toEqual([expect.stringMatching(/"sigmoid"/)]);
  });

  it('accepts activations as a list of plugins', () => {
    const plugin: ActivationPlugin = { kind: 'activation', name: 'sigmoid', description: 'σ', ...sigmoid };
    const report = checkLoss(crossEntropy, { activations: [plugin] });
    expect(report).toMatchObject({ ok: true, skipped: [] });
  });

  it('reports a bad identity', () => {
    const report = checkLoss(squared({ name: 'Squared Error', kind: 'lost' as 'loss' }));
    expect(report.failures).toEqual([
      'kind is "lost", expected "loss"',
      'name "Squared Error" is not kebab-case (a-z, 0-9, -)',
    ]);
  });

  it('rejects unknown options and target kinds, naming the valid ones', () => {
    expect(() => checkLoss(squared(), { targets: 'soft' as 'real' })).toThrow(/binary, one-hot, real/);
    expect(() => checkLoss(squared(), { epsilon: 1 } as never)).toThrow(InvalidArgumentError);
    expect(() => checkLoss(squared(), { rows: 1 })).toThrow(/≥ 2/);
  });
});

describe('assertLoss', () => {
  it('passes silently or throws the failures', () => {
    expect(() => assertLoss(crossEntropy)).not.toThrow();
    const bad = squared({ value: () => 0 });
    expect(() => assertLoss(bad)).toThrow(/loss "test-squared" breaks the LossPlugin contract:\n- gradient/);
  });

  /**
   * Huber's loss with δ = 1 (PyTorch's HuberLoss, summed): ℓ = ½d² for |d| ≤ 1, |d| − ½ beyond,
   * d = h − y, so ∂ℓ/∂h = d inside and sign(d) outside. Defined for every real h.
   */
  function huber(gradientBeyondOne: (d: number) => number): LossPlugin {
    return squared({
      name: 'test-huber',
      domain: [-Infinity, Infinity],
      value(h, y) {
        if (h.rows !== y.rows || h.cols !== y.cols) throw new ShapeError('h and y differ');
        let sum = 0;
        for (let i = 0; i < h.data.length; i++) {
          const d = h.data[i]! - y.data[i]!;
          sum += Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
        }
        return sum;
      },
      gradient(h, y, out) {
        if (h.rows !== y.rows || h.cols !== y.cols) throw new ShapeError('h and y differ');
        for (let i = 0; i < h.data.length; i++) {
          const d = h.data[i]! - y.data[i]!;
          out.data[i] = Math.abs(d) <= 1 ? d : gradientBeyondOne(d);
        }
      },
    });
  }

  it('samples the whole declared domain: a Huber loss wrong only beyond |h − y| = 1 fails', () => {
    expect(checkLoss(huber(Math.sign), { targets: 'real' }).failures).toEqual([]);
    // The quadratic piece's gradient carried past the kink: right for |d| ≤ 1, wrong beyond.
    const wrong = checkLoss(
      huber((d) => d),
      { targets: 'real' },
    );
    expect(wrong.ok).toBe(false);
    expect(wrong.failures.join('\n')).toMatch(/gradient vs central difference/);
    // On the default domain [0, 1] every |h − y| < 1, which is why the domain must be declared.
    const { domain: _declared, ...undeclared } = huber((d) => d);
    expect(checkLoss(undeclared, { targets: 'real' }).ok).toBe(true);
  });

  it('checks finiteness at the ends of the declared domain', () => {
    // An unbounded domain's "ends" are h = ±1e6: a loss that overflows past |ℓ| = 1e5 fails there.
    const exploding = huber(Math.sign);
    const overflow = squared({
      domain: [-Infinity, Infinity],
      value: (h, y) => (exploding.value(h, y) > 1e5 ? Number.POSITIVE_INFINITY : exploding.value(h, y)),
      gradient: exploding.gradient,
    });
    expect(checkLoss(overflow, { targets: 'real' }).failures.join('\n')).toMatch(
      /value is Infinity at h ∈ \{-1000000, 1000000\}/,
    );
  });

  it('rejects a malformed domain', () => {
    const report = checkLoss(squared({ domain: [1, 0] }));
    expect(report.failures).toEqual(['domain must be [min, max] with min < max, got [1,0]']);
  });

  it('accepts any Error with a message for mismatched shapes, not only ShapeError', () => {
    const plain = squared({
      value(h, y) {
        if (h.rows !== y.rows) throw new RangeError(`h is ${h.rows} rows, y ${y.rows}`);
        return squared().value(h, y);
      },
      gradient(h, y, out) {
        if (h.rows !== y.rows) throw new Error(`h is ${h.rows} rows, y ${y.rows}`);
        squared().gradient(h, y, out);
      },
    });
    expect(checkLoss(plain, { targets: 'real' }).failures).toEqual([]);
    const silent = squared({
      value(h, y) {
        if (h.rows !== y.rows) throw new Error('');
        return squared().value(h, y);
      },
    });
    expect(checkLoss(silent, { targets: 'real' }).failures).toEqual([
      'value with h 3 × 4 and y 4 × 4 threw Error: ; expected an Error saying the shapes differ',
    ]);
  });
});
