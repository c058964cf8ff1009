// The contract suite every built-in optimizer passes: naming, frozen defaults, options that
// rebuild the plugin, state in the parameters' precision, and exact checkpoint/resume.
import { existsSync } from 'node:fs';
import type {
  DType,
  FloatArray,
  FullBatchOptimizer,
  MinibatchOptimizer,
  OptimizerPlugin,
} from '@deltanet/contract';
import { createRegistry, FormatError, ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { adamw } from './adamw';
import { quadratic, rosenbrock, vector } from './internal/test-problems';
import { optimizers } from './optimizers';
import { rmsprop } from './rmsprop';
import { deserializeState, serializeState } from './serialize-state';
import { sgd } from './sgd';

const bytes = (x: FloatArray) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
const resume = (state: Parameters<typeof serializeState>[0]) =>
  deserializeState(JSON.parse(JSON.stringify(serializeState(state))));

// Defaults plus the configurations whose state differs (momentum buffers, centered averages).
const minibatch = [
  ...optimizers.filter((o): o is MinibatchOptimizer => o.mode === 'minibatch'),
  sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
  rmsprop({ momentum: 0.9, centered: true }),
  adamw({ learningRate: 0.01 }),
];
const fullBatch = optimizers.filter((o): o is FullBatchOptimizer => o.mode === 'full-batch');
const target = [0.5, -1, 2, 0.25, -0.75];
const f = quadratic(target);

describe('the built-in list', () => {
  it('holds each optimizer once, named after its file, frozen', () => {
    const names = optimizers.map((o) => o.name);
    expect(names).toEqual(['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'conjugate-gradient', 'lbfgs']);
    for (const o of optimizers) {
      expect(existsSync(new URL(`./${o.name}.ts`, import.meta.url))).toBe(true);
      expect(Object.isFrozen(o) && Object.isFrozen(o.options)).toBe(true);
    }
    expect(Object.isFrozen(optimizers)).toBe(true);
  });

  it('builds a registry that resolves by name with options, and lists valid names on a miss', () => {
    const registry = createRegistry(optimizers);
    const momentum = registry.resolve('optimizer', { name: 'sgd', options: { momentum: 0.9 } });
    expect(momentum.options).toMatchObject({ momentum: 0.9 });
    expect(() => registry.get('optimizer', 'adam-x')).toThrow(
      'unknown optimizer "adam-x"; valid optimizers: adagrad, adam, adamw, conjugate-gradient, lbfgs, rmsprop, sgd',
    );
  });
});

describe.each(optimizers.map((o) => [o.name, o] as const))('%s', (name, plugin: OptimizerPlugin) => {
  it('rebuilds itself from { name, options } and rejects unknown options by name', () => {
    expect(plugin.configure?.({})?.options).toEqual(plugin.options);
    const saved = JSON.parse(JSON.stringify({ name: plugin.name, options: plugin.options }));
    expect(createRegistry(optimizers).resolve('optimizer', saved).options).toEqual(plugin.options);
    expect(() => plugin.configure?.({ bogus: 1 })).toThrow(
      `optimizer "${name}" has no option "bogus"; valid options: `,
    );
  });

  it.each(['float32', 'float64'] as const)(
    'keeps per-parameter state in the parameters’ precision (%s)',
    (dtype: DType) => {
      const params = vector(dtype, [0, 0, 0, 0, 0]);
      const state = plugin.mode === 'minibatch' ? plugin.init(params) : plugin.init(params, f);
      for (const [key, value] of Object.entries(state)) {
        if (typeof value === 'number' || key === 'rho') continue; // L-BFGS's m scalars stay float64
        expect([key, value.constructor]).toEqual([key, dtype === 'float32' ? Float32Array : Float64Array]);
      }
    },
  );

  it('refuses state that belongs to a different parameter count', () => {
    const small = new Float64Array(2);
    const big = new Float64Array(5);
    if (plugin.mode === 'minibatch') {
      expect(() => plugin.update(big, new Float64Array(4), plugin.init(big))).toThrow(ShapeError);
      const state = plugin.init(small);
      if (Object.keys(state).length > 0) expect(() => plugin.update(big, big, state)).toThrow(FormatError);
    } else {
      expect(() => plugin.iterate(big, f, plugin.init(small, rosenbrock))).toThrow(FormatError);
    }
  });
});

describe.each(minibatch.map((o) => [`${o.name} ${JSON.stringify(o.options)}`, o] as const))(
  'checkpoint/resume: %s',
  (_, plugin) => {
    it.each(['float32', 'float64'] as const)(
      'continues bit for bit after a JSON round trip (%s)',
      (dtype) => {
        const run = (checkpointAt: number) => {
          const params = vector(dtype, [0, 0, 0, 0, 0]);
          const gradient = vector(dtype, [0, 0, 0, 0, 0]);
          let state = plugin.init(params);
          for (let k = 0; k < 20; k++) {
            if (k === checkpointAt) state = resume(state);
            f(params, gradient);
            plugin.update(params, gradient, state);
          }
          return params;
        };
        const straight = run(-1);
        expect(bytes(run(10))).toEqual(bytes(straight));
        expect(straight.every(Number.isFinite)).toBe(true);
      },
    );
  },
);

describe.each(fullBatch.map((o) => [o.name, o] as const))('checkpoint/resume: %s', (_, plugin) => {
  it.each(['float32', 'float64'] as const)('continues bit for bit after a JSON round trip (%s)', (dtype) => {
    const run = (checkpointAt: number) => {
      const params = vector(dtype, [-1.2, 1]);
      let state = plugin.init(params, rosenbrock);
      const costs: number[] = [];
      for (let k = 0; k < 12; k++) {
        if (k === checkpointAt) state = resume(state);
        costs.push(plugin.iterate(params, rosenbrock, state).cost);
      }
      return { params, costs };
    };
    const straight = run(-1);
    const resumed = run(5);
    expect(bytes(resumed.params)).toEqual(bytes(straight.params));
    expect(resumed.costs).toEqual(straight.costs);
  });
});
