// Networks with non-dense layers: gradients against central differences, the modes, training.
import { matrix } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import type { LayeredNetworkSpec, StackLayerTrace } from './index';
import { checkGradients, createNetwork, fit } from './index';

// XOR-like data: 16 rows on a grid, the class the sign of x₁·x₂.
const rows = Array.from({ length: 16 }, (_, i) => [((i % 4) - 1.5) / 1.5, (Math.floor(i / 4) - 1.5) / 1.5]);
const x = matrix(16, 2, Float64Array.from(rows.flat()));
const y = matrix(16, 1, Float64Array.from(rows.map(([a, b]) => (a! * b! > 0 ? 1 : 0))));

describe('a stack with dropout and batch-norm', () => {
  it('passes the gradient check, naming parameters by layer', () => {
    const net = createNetwork({
      layers: [2, 'batch-norm', 5, { name: 'dropout', options: { rate: 0.3 } }, 4, 'batch-norm', 1],
      activation: 'tanh',
      lambda: 0.5,
      seed: 3,
    });
    // Move γ and β off their starting 1 and 0 so their gradients are not special.
    net.params.forEach((v, i) => {
      net.params[i] = v + 0.1 * Math.sin(i);
    });
    const report = checkGradients(net, x, y);
    expect(report.passed).toBe(true);
    expect(report.relativeDifference).toBeLessThan(1e-8);
    expect(report.parameterCount).toBe(2 * 2 + 5 * 3 + 4 * 6 + 2 * 4 + 5);
    const names = report.worst.map((e) => e.name).join(' ');
    expect(names).toMatch(/layer \d (dense Θ|batch-norm [γβ])\[\d+\]/);
  });

  it('counts the stack: dense chain in `layers`, every layer in `stack`', () => {
    const net = createNetwork({ layers: [2, 8, 'dropout', 8, 'batch-norm', 1] });
    expect(net.layers).toEqual([2, 8, 8, 1]);
    expect(net.stack.map((l) => `${l.index}:${l.plugin.name}`)).toEqual([
      '1:dense',
      '2:dropout',
      '3:dense',
      '4:batch-norm',
      '5:dense',
    ]);
    expect(net.state.length).toBe(16);
  });

  it('predicts deterministically (inference mode) and trains', async () => {
    const net = createNetwork({
      layers: [2, 12, { name: 'dropout', options: { rate: 0.1 } }, 'batch-norm', 1],
      activation: 'tanh',
      seed: 1,
    });
    const before = net.cost(x, y);
    expect(net.predict(x).data).toEqual(net.predict(x).data);
    await fit(
      net,
      { x, y },
      { epochs: 300, batchSize: 16, optimizer: { name: 'adam', options: { learningRate: 0.05 } } },
    );
    expect(net.cost(x, y)).toBeLessThan(before / 2);
    // Running statistics moved from their start (mean 0, variance 1).
    expect(Array.from(net.state.subarray(0, 12)).some((v) => v !== 0)).toBe(true);
  });

  it('gives the same training bits from the same seed', async () => {
    const run = async () => {
      const net = createNetwork({ layers: [2, 6, { name: 'dropout', options: { rate: 0.5 } }, 1], seed: 2 });
      await fit(net, { x, y }, { epochs: 3, batchSize: 4 });
      return Array.from(net.params);
    };
    expect(await run()).toEqual(await run());
  });
});

describe('early stopping with layers', () => {
  it("puts back the best epoch's Θ together with its running statistics", async () => {
    const net = createNetwork({ layers: [2, 6, 'batch-norm', 1], activation: 'tanh', seed: 2 });
    const atEpoch = new Map<number, { params: number[]; state: number[] }>();
    // A large step makes the validation cost bounce, so the best epoch is not the last one.
    const history = await fit(
      net,
      { x, y },
      {
        optimizer: { name: 'sgd', options: { learningRate: 3 } },
        epochs: 30,
        batchSize: 4,
        validationData: { x, y },
        earlyStopping: { patience: 3 },
        onEvent: (event) => {
          if (event.type === 'epoch') {
            atEpoch.set(event.epoch, { params: Array.from(net.params), state: Array.from(net.state) });
          }
        },
      },
    );
    const best = history.bestEpoch!;
    expect(best).toBeLessThan(history.epochs.length);
    expect(Array.from(net.params)).toEqual(atEpoch.get(best)!.params);
    expect(Array.from(net.state)).toEqual(atEpoch.get(best)!.state);
    expect(Array.from(net.state)).not.toEqual(atEpoch.get(history.epochs.length)!.state);
  });
});

describe('typed layer names', () => {
  it('compile for built-ins with their options and fail misspellings (typecheck asserts these)', async () => {
    const { checkSpec } = await import('./index');
    const ok: LayeredNetworkSpec = {
      layers: [2, { name: 'dropout', options: { rate: 0.1 } }, 3, 'batch-norm', 1],
    };
    // @ts-expect-error: no layer is named "dropuot"
    const misspelled: LayeredNetworkSpec = { layers: [2, 'dropuot', 1] };
    // @ts-expect-error: dropout has no option "rat"
    const badOption: LayeredNetworkSpec = { layers: [2, { name: 'dropout', options: { rat: 0.1 } }, 1] };
    expect(createNetwork(ok).stack).toHaveLength(4);
    expect(() => createNetwork(badOption)).toThrow(/dropout" has no option "rat"; valid options: rate/);
    // checkSpec checks a run-time spec's layer names too.
    expect(() => checkSpec(misspelled)).toThrow(
      'unknown layer "dropuot"; valid layers: batch-norm, dense, dropout',
    );
  });
});

describe('spec errors for layers', () => {
  it('names the index of an unknown layer, listing the valid ones', () => {
    expect(() => createNetwork({ layers: [2, 'dropuot' as 'dropout', 1] })).toThrow(
      'spec.layers[1]: unknown layer "dropuot"; valid layers: batch-norm, dense, dropout',
    );
  });
  it('refuses a bad rate and a layer in the input or output position', () => {
    expect(() => createNetwork({ layers: [2, { name: 'dropout', options: { rate: 1.5 } }, 1] })).toThrow(
      'spec.layers[1] (dropout): dropout rate must be in [0, 1), got 1.5',
    );
    expect(() => createNetwork({ layers: ['dropout', 2, 1] })).toThrow(
      'spec.layers[0] is the input layer and must be its unit count, got "dropout"',
    );
    expect(() => createNetwork({ layers: [2, 3, 'batch-norm'] })).toThrow(
      /spec.layers\[2\] is the output layer/,
    );
  });
});

describe('model files with layers', () => {
  it('round-trip the stack, parameters in stack order and the running statistics', async () => {
    const { parseNetwork, serializeNetwork } = await import('./index');
    const net = createNetwork({
      layers: [2, 5, { name: 'dropout', options: { rate: 0.25 } }, 'batch-norm', 1],
      activation: 'tanh',
      seed: 4,
    });
    await fit(net, { x, y }, { epochs: 3, batchSize: 8 });
    const text = serializeNetwork(net);
    const doc = JSON.parse(text);
    expect(doc.version).toBe(2);
    expect(doc.spec.layers).toEqual([
      2,
      5,
      { name: 'dropout', options: { rate: 0.25 } },
      { name: 'batch-norm', options: { momentum: 0.99, epsilon: 0.001 } },
      1,
    ]);
    expect(doc.layers.map((b: { layer: number; name: string }) => `${b.layer} ${b.name}`)).toEqual([
      '3 γ',
      '3 β',
    ]);
    expect(doc.state.map((b: { name: string }) => b.name)).toEqual(['running mean', 'running variance']);
    const { network } = parseNetwork(text);
    expect(Array.from(network.params)).toEqual(Array.from(net.params));
    expect(Array.from(network.state)).toEqual(Array.from(net.state));
    expect(network.predict(x).data).toEqual(net.predict(x).data);
    expect(serializeNetwork(network)).toBe(text);
  });

  it('names a missing block by layer, kind and name', async () => {
    const { parseNetwork, serializeNetwork } = await import('./index');
    const net = createNetwork({ layers: [2, 3, 'batch-norm', 1] });
    const doc = JSON.parse(serializeNetwork(net));
    doc.state = [];
    expect(() => parseNetwork(JSON.stringify(doc), { verifyIntegrity: false })).toThrow(
      /state \(layer 2 batch-norm running mean\).*expected an object with rows, cols and values/,
    );
  });
});

describe('NaN provenance through layers', () => {
  it('names the non-dense layer whose output first went non-finite', async () => {
    const { builtinRegistry, DivergenceError } = await import('./index');
    const { batchNorm } = await import('@deltanet/layers');
    // Batch-norm whose forward poisons one unit of one example: the first non-finite value is its output.
    const { configure: _fixed, ...plain } = batchNorm();
    const poisoned = {
      ...plain,
      name: 'poisoned',
      build(shape: Parameters<ReturnType<typeof batchNorm>['build']>[0]) {
        const built = batchNorm().build(shape);
        return {
          ...built,
          forward(...args: Parameters<typeof built.forward>) {
            built.forward(...args);
            args[1].output.data[1] = Number.NaN;
          },
        };
      },
    };
    const registry = builtinRegistry().with(poisoned);
    const net = createNetwork({ layers: [2, 3, 'poisoned', 1] as never }, { registry });
    const error = await fit(net, { x, y }, { epochs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(/the output of layer 2 poisoned is NaN at example 0, unit 2/);
  });
});

describe('the step-through and layer outputs with layers', () => {
  it('trace each non-dense layer with its parameters and D, and stackOutputs every layer', async () => {
    const { stackOutputs, traceBackprop } = await import('./index');
    const net = createNetwork({ layers: [2, 4, 'dropout', 'batch-norm', 1], seed: 6 });
    const state = Array.from(net.state);
    const trace = traceBackprop(net, x, y);
    expect(trace.layers.map((l) => `${l.index} ${l.kind}`)).toEqual(['2 dropout', '3 batch-norm']);
    expect(trace.layers[1]!.parameters.map((b) => b.name)).toEqual(['γ', 'β']);
    // Dropout passes through in a trace: its output is a(2).
    expect(trace.layers[0]!.output).toEqual(trace.units[1]!.a);
    // β's D is the mean over rows of ∂(Σℓ)/∂output.
    const g = trace.layers[1]!.outputGradient;
    const mean = g.reduce((sum, row) => sum + row[0]!, 0) / g.length;
    expect(trace.layers[1]!.parameters[1]!.D[0]![0]).toBeCloseTo(mean, 15);
    expect(Array.from(net.state)).toEqual(state);
    // x̂ = (input − μ)/√(σ² + ε) per unit over the batch (biased σ², Keras's ε = 1e-3), from its input.
    const [dropout, batchNorm] = trace.layers as [StackLayerTrace, StackLayerTrace];
    expect(batchNorm.saved.map((s) => s.name)).toEqual(['x̂', '1/√(σ² + ε)']);
    for (let j = 0; j < 4; j++) {
      const column = batchNorm.input.map((row) => row[j]!);
      const mu = column.reduce((sum, v) => sum + v, 0) / column.length;
      const variance = column.reduce((sum, v) => sum + (v - mu) ** 2, 0) / column.length;
      column.forEach((v, i) => {
        expect(batchNorm.saved[0]!.value[i]![j]).toBeCloseTo((v - mu) / Math.sqrt(variance + 1e-3), 12);
      });
    }
    // A trace draws no mask: every entry keeps its unit.
    expect(dropout.saved).toEqual([{ name: 'mask', value: dropout.input.map((row) => row.map(() => 1)) }]);
    // The gradients chain: batch-norm's input gradient is dropout's output gradient, and dropout's
    // input gradient times g'(z(2)) is δ(2).
    expect(batchNorm.inputGradient).toEqual(dropout.outputGradient);
    const { gPrime, delta } = trace.units[1]!;
    dropout.inputGradient.forEach((row, i) =>
      row.forEach((v, j) => expect(delta![i]![j]).toBeCloseTo(v * gPrime![i]![j]!, 15)),
    );
    const outputs = stackOutputs(net, x);
    expect(outputs.map((o) => `${o.index} ${o.kind}`)).toEqual([
      '1 dense',
      '2 dropout',
      '3 batch-norm',
      '4 dense',
    ]);
    expect(outputs.at(-1)!.output.data).toEqual(net.predict(x).data);
  });
});
