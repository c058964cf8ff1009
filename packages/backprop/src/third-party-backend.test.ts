// Backends chosen by name, and a backend written outside the packages: a gemm-only one that
// counts its calls passes checkBackend, is completed from reference, and trains a network to
// the js backend's very bits (its gemm is js's, every other kernel reference's, which js equals).
import type { BackendKernel, BackendPlugin, CompleteBackend, GemmArgs } from '@deltanet/contract';
import { backendKernels, pluginName, UnknownPluginError } from '@deltanet/contract';
import { adam, conjugateGradient, lbfgs, sgd } from '@deltanet/optimizers';
import { checkBackend, createRandom, js, reference, wasm, zeros } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, createNetwork, fit } from './index';

function circle(rows: number) {
  const random = createRandom(9);
  const x = zeros(rows, 2);
  const y = zeros(rows, 1);
  for (let i = 0; i < rows; i++) {
    const [u, v] = [random.uniform() * 2 - 1, random.uniform() * 2 - 1];
    x.data.set([u, v], 2 * i);
    y.data[i] = u * u + v * v < 0.5 ? 1 : 0;
  }
  return { x, y };
}

let gemmCalls = 0;
const countingGemm: BackendPlugin = {
  kind: 'backend',
  name: 'counting-gemm',
  description: "js's gemm, counting its calls; every other kernel from reference",
  supports: () => true,
  gemm(args: GemmArgs) {
    gemmCalls++;
    js.gemm(args);
  },
};

/** js with every kernel counted, to see which kernels the network runs on its backend. */
function countingAll(): { backend: CompleteBackend; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrap =
    <F extends (...args: never[]) => unknown>(name: string, f: F) =>
    (...args: Parameters<F>) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return f(...args);
    };
  const kernels = Object.fromEntries(
    (['gemm', ...backendKernels] as const).map((name) => [
      name,
      wrap(name, js[name] as (...args: never[]) => unknown),
    ]),
  );
  const backend = { ...js, name: 'counting-all', ...kernels } as CompleteBackend;
  return { backend, calls };
}

describe('a third-party backend', () => {
  it('implementing only gemm passes checkBackend, reference filling in the rest', () => {
    const report = checkBackend(countingGemm, { exactGemm: true });
    expect(report.failures).toEqual([]);
    expect(report.fromReference).toEqual([...backendKernels]);
  });

  it('trains a network, given as the plugin or by name, to the js backend bits', async () => {
    const data = circle(120);
    const spec = { layers: [2, 6, 1], activation: 'tanh', seed: 2 } as const;
    const options = { optimizer: adam({ learningRate: 0.05 }), epochs: 4, batchSize: 16 };
    const registry = builtinRegistry().with(countingGemm);
    const byName = createNetwork(spec, {
      registry,
      backend: pluginName(registry, 'backend', 'counting-gemm'),
    });
    const asPlugin = createNetwork(spec, { backend: countingGemm });
    const onJs = createNetwork(spec, { backend: 'js' });
    gemmCalls = 0;
    await fit(byName, data, options);
    expect(gemmCalls).toBeGreaterThan(0);
    await fit(asPlugin, data, options);
    await fit(onJs, data, options);
    expect(byName.backend.gemm).toBe(countingGemm.gemm);
    expect(byName.backend.activationForward).toBe(reference.activationForward);
    expect(Array.from(byName.params)).toEqual(Array.from(onJs.params));
    expect(Array.from(asPlugin.params)).toEqual(Array.from(onJs.params));
  });

  it('that is broken is rejected by checkBackend, naming the kernel', () => {
    const kink: BackendPlugin = {
      ...countingGemm,
      name: 'kink',
      // relu's derivative taken as 1 at z = 0, where the contract says 0.
      activationBackward(kernel, z, a, upstream, out) {
        reference.activationBackward(kernel, z, a, upstream, out);
        if (kernel === 'relu') for (let i = 0; i < out.length; i++) if (z[i] === 0) out[i] = upstream[i]!;
      },
    };
    const report = checkBackend(kink);
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toMatch(
      /^activationBackward \(relu, float64, 1 values\): out\[0\] = .* at z = 0/,
    );
  });
});

describe('the network on its backend', () => {
  it('runs every kernel of a training step through it: products, activations, column sums, h − y, Adam, scans', async () => {
    const { backend, calls } = countingAll();
    const net = createNetwork({ layers: [2, 5, 1], seed: 1 }, { backend });
    await fit(net, circle(40), { optimizer: adam({ learningRate: 0.01 }), epochs: 1, batchSize: 10 });
    const used: (BackendKernel | 'gemm')[] = [
      'gemm',
      'activationForward',
      'activationBackward',
      'sumColumns',
      'difference',
      'adamUpdate',
      'findNonFinite',
    ];
    for (const name of used) expect(calls.get(name), name).toBeGreaterThan(0);
    const sgdNet = createNetwork({ layers: [2, 5, 1], seed: 1 }, { backend });
    await fit(sgdNet, circle(40), { optimizer: sgd({ learningRate: 0.1 }), epochs: 1, batchSize: 10 });
    expect(calls.get('axpy')).toBeGreaterThan(0);
    for (const optimizer of [conjugateGradient(), lbfgs()]) {
      calls.clear();
      const fullBatch = createNetwork({ layers: [2, 5, 1], seed: 1 }, { backend });
      await fit(fullBatch, circle(40), { optimizer, epochs: 2, batchSize: 'full' });
      expect(calls.get('dot'), `${optimizer.name}: dot`).toBeGreaterThan(0);
      expect(calls.get('axpy'), `${optimizer.name}: axpy`).toBeGreaterThan(0);
    }
  });

  it('gives CG and L-BFGS the same bits on reference, js and wasm as without a backend', async () => {
    for (const optimizer of [conjugateGradient(), lbfgs()]) {
      const data = circle(60);
      const spec = { layers: [2, 6, 1], seed: 4 } as const;
      // Driving the optimizer by hand, without fit's context, runs tensor's own loops.
      const byHand = createNetwork(spec, { backend: 'reference' });
      const objective = (params: Float64Array | Float32Array, out: Float64Array | Float32Array) => {
        byHand.params.set(params);
        return byHand.gradients(data.x, data.y, out);
      };
      const state = optimizer.init(byHand.params, objective);
      for (let i = 0; i < 3; i++) optimizer.iterate(byHand.params, objective, state);
      for (const backend of ['reference', 'js', 'wasm'] as const) {
        const net = createNetwork(spec, { backend });
        await fit(net, data, { optimizer, epochs: 3, batchSize: 'full' });
        expect(Array.from(net.params), `${optimizer.name} on ${backend}`).toEqual(Array.from(byHand.params));
      }
    }
  });

  // Batches of 40 keep every product under 4,096 multiply-adds, where wasm's gemm gives js's bits
  // and its fused denseStep runs; larger products differ in the last bits (docs/reproducibility.md).
  it('gives the same bits on reference, js and wasm (sigmoid, tanh, relu; Adam; the fused step on wasm)', async () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const results = [];
      for (const backend of ['reference', 'js', 'wasm'] as const) {
        const net = createNetwork(
          { layers: [2, 8, 7, 1], activation: ['tanh', 'relu'], dtype, seed: 5 },
          { backend },
        );
        await fit(net, circle(200), { optimizer: adam({ learningRate: 0.02 }), epochs: 3, batchSize: 40 });
        results.push(Array.from(net.params));
      }
      expect(results[1], `js vs reference (${dtype})`).toEqual(results[0]);
      expect(results[2], `wasm vs reference (${dtype})`).toEqual(results[0]);
    }
  });

  it('gives the same bits on every backend with dropout and batch-norm in the stack', async () => {
    const results = [];
    for (const backend of ['reference', 'js', 'wasm'] as const) {
      const net = createNetwork(
        { layers: [2, 8, { name: 'dropout', options: { rate: 0.25 } }, 'batch-norm', 6, 1], seed: 3 },
        { backend },
      );
      await fit(net, circle(120), { optimizer: adam({ learningRate: 0.02 }), epochs: 3, batchSize: 30 });
      results.push([...Array.from(net.params), ...Array.from(net.state)]);
    }
    expect(results[1], 'js vs reference').toEqual(results[0]);
    expect(results[2], 'wasm vs reference').toEqual(results[0]);
  });

  it('is chosen by name, with an error listing the valid names for an unknown one', () => {
    expect(createNetwork({ layers: [2, 1] }, { backend: 'js' }).backend).toBe(js);
    expect(createNetwork({ layers: [2, 1] }, { backend: 'reference' }).backend).toBe(reference);
    expect(createNetwork({ layers: [2, 1] }, { backend: 'wasm' }).backend).toBe(wasm);
    const registry = builtinRegistry();
    expect(() =>
      createNetwork({ layers: [2, 1] }, { backend: pluginName(registry, 'backend', 'jss') }),
    ).toThrow(UnknownPluginError);
    // @ts-expect-error: a misspelled built-in name does not compile
    expect(() => createNetwork({ layers: [2, 1] }, { backend: 'jss' })).toThrow(
      /unknown backend "jss"; valid backends: js, reference, wasm/,
    );
  });
});
