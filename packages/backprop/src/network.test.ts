import { fromRows, matrix } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from './builtins';
import { checkGradients, createNetwork, Network, predictedClasses, resolveSpec } from './index';
import { courseGradientFixture } from './internal/course-fixture';
import { WORKSPACES_KEPT } from './network';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('a 2-1-1 network worked by hand', () => {
  // x = [1, 2]; Θ(1) = [0.1 0.2 0.3]; Θ(2) = [−0.5 1]; y = 1; sigmoid everywhere.
  // z(2) = 0.1 + 0.2·1 + 0.3·2 = 0.9, a(2) = σ(0.9); z(3) = −0.5 + a(2), h = σ(z(3)).
  // J = −log h; δ(3) = h − 1; D(2) = δ(3)·[1, a(2)]; δ(2) = 1·δ(3)·a(2)(1 − a(2)); D(1) = δ(2)·[1, 1, 2].
  const a2 = sigma(0.9);
  const h = sigma(-0.5 + a2);
  const delta3 = h - 1;
  const delta2 = delta3 * a2 * (1 - a2);
  const net = createNetwork({ layers: [2, 1, 1] });
  net.setParams([0.1, 0.2, 0.3, -0.5, 1]);
  const x = fromRows([[1, 2]]);
  const y = fromRows([[1]]);

  it('predicts h', () => {
    expect(net.predict(x).data[0]).toBeCloseTo(h, 15);
  });

  it('computes J and D', () => {
    const gradient = new Float64Array(5);
    expect(net.gradients(x, y, gradient)).toBeCloseTo(-Math.log(h), 14);
    const expected = [delta2, delta2, 2 * delta2, delta3, delta3 * a2];
    expected.forEach((value, i) => expect(gradient[i]).toBeCloseTo(value, 15));
  });

  it('adds (λ/m)Θ to non-bias columns and λ/(2m)ΣΘ² to J', () => {
    const regularized = createNetwork({ layers: [2, 1, 1], lambda: 3 });
    regularized.setParams(net.params);
    const gradient = new Float64Array(5);
    const cost = regularized.gradients(x, y, gradient);
    expect(cost).toBeCloseTo(-Math.log(h) + (3 / 2) * (0.2 ** 2 + 0.3 ** 2 + 1 ** 2), 14);
    const expected = [delta2, delta2 + 3 * 0.2, 2 * delta2 + 3 * 0.3, delta3, delta3 * a2 + 3 * 1];
    expected.forEach((value, i) => expect(gradient[i]).toBeCloseTo(value, 14));
  });
});

describe("the course's checkNNGradients", () => {
  for (const lambda of [0, 3]) {
    it(`agrees with central differences below 1e-9 at λ = ${lambda}`, () => {
      const { layers, theta1, theta2, x, y } = courseGradientFixture();
      const net = createNetwork({ layers, lambda });
      net.setParams([...theta1.data, ...theta2.data]);
      const report = checkGradients(net, x, y);
      expect(report.checked).toBe(38);
      expect(report.relativeDifference).toBeLessThan(1e-9);
      expect(report.passed).toBe(true);
      expect(report.flagged).toBe(0);
      expect(report.worst[0]!.layer).toBeGreaterThanOrEqual(1);
    });
  }

  it('names the worst entry when a gradient is wrong', () => {
    const { layers, theta1, theta2, x, y } = courseGradientFixture();
    const honest = createNetwork({ layers });
    // A regularizer whose gradient is off for Θ(2)[1, 3] only: the check must point there.
    const broken = new Network(
      { ...honest.spec, lambda: 1, regularizer: brokenRegularizer(1, 3) },
      { params: [...theta1.data, ...theta2.data] },
    );
    const report = checkGradients(broken, x, y);
    expect(report.relativeDifference).toBeGreaterThan(1e-3);
    expect(report.passed).toBe(false);
    expect(report.flagged).toBe(1);
    expect(report.worst[0]).toMatchObject({ layer: 2, row: 1, column: 3, flagged: true, kink: false });
  });
});

describe('the output delta', () => {
  it("uses the loss's fused delta equal to the general rule ∂ℓ/∂a .* g'(z)", () => {
    for (const [output, loss] of [
      ['sigmoid', 'cross-entropy'],
      ['softmax', 'softmax-cross-entropy'],
      ['linear', 'mean-squared-error'],
    ] as const) {
      const fused = createNetwork({ layers: [4, 6, 3], outputActivation: output, loss, seed: 3 });
      // The same plugins hidden behind new objects with no fused delta: the general rule runs.
      const { fusedDeltas: _unused, ...plainLoss } = fused.loss;
      const general = new Network({ ...fused.spec, loss: plainLoss }, { params: fused.params });
      const x = fromRows([
        [0.5, -1, 2, 0.1],
        [1, 1, -0.3, 0.7],
      ]);
      const y = fromRows([
        [0, 1, 0],
        [1, 0, 0],
      ]);
      const a = new Float64Array(fused.parameterCount);
      const b = new Float64Array(fused.parameterCount);
      fused.gradients(x, y, a);
      general.gradients(x, y, b);
      a.forEach((value, i) => expect(Math.abs(value - b[i]!)).toBeLessThan(1e-12));
    }
  });
});

describe('softmax with targets whose rows do not sum to 1', () => {
  it('agrees with central differences for multi-hot, soft and all-zero rows', () => {
    const net = createNetwork({
      layers: [3, 5, 4],
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      seed: 5,
    });
    const x = fromRows([
      [0.5, -1, 2],
      [1, 0.3, -0.7],
      [-0.2, 0.8, 0.4],
      [1.5, -0.5, 0],
    ]);
    const y = fromRows([
      [1, 1, 0, 0],
      [0.1, 0.2, 0.3, 0.1],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
    // Before the rows were checked, δ(L) = h − y was used here and this was 0.072.
    expect(checkGradients(net, x, y).relativeDifference).toBeLessThan(1e-9);
  });
});

describe('workspaces', () => {
  it(`keeps the ${WORKSPACES_KEPT} most recently used batch sizes, and predicts right on any`, () => {
    const net = createNetwork({ layers: [3, 4, 2], seed: 2 });
    const rows = Array.from({ length: 12 }, (_, i) => [i / 7, 1 - i / 5, (i % 3) - 1]);
    const oneByOne = rows.map((row) => Array.from(net.predict(fromRows([row])).data));
    for (let m = 1; m <= rows.length; m++) {
      expect(Array.from(net.predict(fromRows(rows.slice(0, m))).data)).toEqual(oneByOne.slice(0, m).flat());
    }
    const held = net.workspace(2); // evicted below, and still usable by whoever holds it
    const recent = Array.from({ length: WORKSPACES_KEPT }, (_, i) => net.workspace(20 + i));
    recent.forEach((ws, i) => expect(net.workspace(20 + i)).toBe(ws));
    expect(net.workspace(2)).not.toBe(held);
    expect(net.workspace(20)).not.toBe(recent[0]); // evicted by size 2 coming back
    expect(held.rows).toBe(2);
  });
});

describe('specs', () => {
  it('rejects unknown plugins naming the valid ones', () => {
    // Misspelled names do not compile (@ts-expect-error); the run-time check stands behind the types.
    // @ts-expect-error 'nope' is no activation
    expect(() => createNetwork({ layers: [2, 1], activation: 'nope' })).not.toThrow(); // no hidden layer
    // @ts-expect-error 'relu6' is no activation
    expect(() => createNetwork({ layers: [2, 3, 1], activation: 'relu6' })).toThrow(
      /unknown activation "relu6"; valid activations: .*relu.*sigmoid/,
    );
    // @ts-expect-error 'hinge' is no loss
    expect(() => createNetwork({ layers: [2, 1], loss: 'hinge' })).toThrow(
      /unknown loss "hinge"; valid losses/,
    );
  });

  it('rejects bad layer sizes and per-layer activation counts', () => {
    expect(() => createNetwork({ layers: [2] })).toThrow(/at least 2 layer sizes/);
    expect(() => createNetwork({ layers: [2, 0, 1] })).toThrow(/spec.layers\[1\] must be a whole number ≥ 1/);
    expect(() => createNetwork({ layers: [2, 3, 3, 1], activation: ['relu'] })).toThrow(
      /1 activations for 2 hidden/,
    );
  });

  it('takes plugin objects as well as names', () => {
    const registry = builtinRegistry();
    const relu = registry.get('activation', 'relu');
    const spec = resolveSpec({ layers: [2, 3, 1], activation: relu }, registry);
    expect(spec.activations.map((a) => a.name)).toEqual(['relu', 'sigmoid']);
  });

  it('initializes Θ from the seed, breaking symmetry', () => {
    const a = createNetwork({ layers: [3, 4, 2], seed: 11 });
    const b = createNetwork({ layers: [3, 4, 2], seed: 11 });
    const c = createNetwork({ layers: [3, 4, 2], seed: 12 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
    const rows = [0, 1, 2, 3].map((r) => Array.from(a.thetas[0]!.data.subarray(r * 4, r * 4 + 4)).join());
    expect(new Set(rows).size).toBe(4);
  });
});

describe('bad input', () => {
  const net = createNetwork({ layers: [2, 3, 1] });
  it('names mismatched shapes', () => {
    expect(() => net.predict(fromRows([[1, 2, 3]]))).toThrow(
      /x has 3 features per row; the network's input layer has 2/,
    );
    expect(() => net.evaluate(fromRows([[1, 2]]), fromRows([[1], [0]]))).toThrow(/x has 1 rows but y has 2/);
  });
  it('names the row and column of NaN and Infinity', () => {
    expect(() => net.predict(matrix(2, 2, new Float64Array([1, 2, 3, Number.NaN])))).toThrow(
      /x row 1, column 1 is NaN/,
    );
    expect(() => net.evaluate(fromRows([[1, 2]]), fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(
      /y row 0, column 0 is Infinity/,
    );
    expect(() => net.setParams(new Array(net.parameterCount).fill(Number.NaN))).toThrow(
      /parameters row 0, column 0/,
    );
  });
});

function brokenRegularizer(row: number, column: number) {
  return {
    kind: 'regularizer' as const,
    name: 'broken',
    description: 'L2 with one wrong gradient entry',
    value: () => 0,
    accumulateGradient(
      theta: { rows: number; cols: number },
      scale: number,
      out: { data: Float64Array | Float32Array },
    ) {
      const at = row * theta.cols + column;
      if (theta.rows === 3) out.data[at] = out.data[at]! + scale;
    },
  };
}

describe('predictedClasses', () => {
  it('reads classes by argmax, or by the 0.5 threshold for one output', () => {
    expect(
      Array.from(
        predictedClasses(
          fromRows([
            [0.1, 0.7, 0.2],
            [0.9, 0.05, 0.05],
          ]),
        ),
      ),
    ).toEqual([1, 0]);
    expect(Array.from(predictedClasses(fromRows([[0.49], [0.5], [0.93]])))).toEqual([0, 1, 1]);
  });
});
