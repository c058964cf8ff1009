// The verifier must pass correct third-party plugins and fail wrong ones, each for its reason.
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import { InvalidArgumentError, mergeOptions } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { ActivationCheckError, assertActivation, checkActivation } from './check-activation';
import { sigmoid } from './sigmoid';
import { softmax } from './softmax';

// The contract's own example, written as a third party would.
const identity: ActivationPlugin = {
  kind: 'activation',
  name: 'identity',
  description: 'g(z) = z',
  output: (z) => z,
  derivative: () => 1,
  forward: (z, out) => out.data.set(z.data),
  backward: (_z, _a, upstream, out) => out.data.set(upstream.data),
};

/** A third-party elementwise plugin from a scalar pair, with naive loops. */
function scalar(name: string, output: (z: number) => number, derivative: (z: number, a: number) => number) {
  const plugin: ActivationPlugin = {
    kind: 'activation',
    name,
    description: name,
    output,
    derivative,
    forward: (z, out) => {
      for (let i = 0; i < z.data.length; i++) out.data[i] = output(z.data[i]!);
    },
    backward: (z, a, u, out) => {
      for (let i = 0; i < z.data.length; i++) out.data[i] = u.data[i]! * derivative(z.data[i]!, a.data[i]!);
    },
  };
  return plugin;
}

function total(values: Iterable<number>): number {
  let sum = 0;
  for (const x of values) sum += x;
  return sum;
}

const failuresOf = (plugin: ActivationPlugin, options = {}) => checkActivation(plugin, options).failures;

describe('checkActivation', () => {
  it('passes a correct third-party plugin', () => {
    const report = checkActivation(identity);
    expect(report).toEqual({
      name: 'identity',
      ok: true,
      maxRelativeError: report.maxRelativeError,
      failures: [],
    });
    expect(report.maxRelativeError).toBeLessThan(1e-12);
  });

  it('fails a sigmoid whose derivative is a(1 + a) instead of a(1 − a), at the gradient', () => {
    const wrong = { ...sigmoid, name: 'wrong-sigmoid', derivative: (_z: number, a: number) => a * (1 + a) };
    const wrongBackward = scalar('wrong-sigmoid', sigmoid.output!, wrong.derivative);
    const report = checkActivation(wrongBackward);
    expect(report.ok).toBe(false);
    expect(report.maxRelativeError).toBeGreaterThan(0.5);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(/^gradient: backward disagrees with the float64 central difference/);
    // Keeping the correct batch backward but a wrong scalar derivative fails the scalar check.
    expect(failuresOf(wrong)).toEqual([expect.stringMatching(/^scalar: backward gives/)]);
  });

  it('holds a declared kernel to its definition bit for bit, and rejects unknown kernels', () => {
    // The identity's loops are the identity kernel exactly; declared as the relu kernel they are
    // not (negative z), and a kernel name outside the contract is refused outright.
    expect(checkActivation({ ...identity, kernel: 'identity' }).ok).toBe(true);
    expect(checkActivation({ ...identity, kernel: 'relu' }).failures).toEqual([
      expect.stringMatching(/^kernel: forward gives -?[\d.e-]+ at z = .* \(float64\) but "relu" gives 0$/),
    ]);
    // tanh computed as (e^2z − 1)/(e^2z + 1): right to a few ulps, not Math.tanh's bits.
    const closeTanh = scalar(
      'close-tanh',
      (z) => (z > 20 ? 1 : z < -20 ? -1 : Math.expm1(2 * z) / (Math.expm1(2 * z) + 2)),
      (_z, a) => 1 - a * a,
    );
    const report = checkActivation({ ...closeTanh, kernel: 'tanh' });
    expect(report.failures).toEqual([expect.stringMatching(/^kernel: forward gives .* but "tanh" gives /)]);
    expect(checkActivation({ ...identity, kernel: 'softsign' as 'tanh' }).failures).toEqual([
      'kernel: "softsign" is not one of identity, logistic, tanh, relu',
    ]);
  });

  it('fails a derivative off by only 1e−5 relative', () => {
    const off = scalar('off', sigmoid.output!, (_z, a) => a * (1 - a) * (1 + 1e-5));
    expect(failuresOf(off)[0]).toMatch(/^gradient:/);
  });

  it('fails a naive sigmoid whose derivative e^−z / (1 + e^−z)² is NaN at z = −1e3', () => {
    const naive = scalar(
      'naive-sigmoid',
      (z) => 1 / (1 + Math.exp(-z)),
      (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2,
    );
    const failures = failuresOf(naive);
    expect(failures).toContainEqual(
      expect.stringMatching(/^extremes: backward \(float64\) gives NaN at z = -1000/),
    );
    expect(failures).toContainEqual(expect.stringMatching(/^gradient: .*z = -1000/));
  });

  it('fails a softmax whose backward forgets the off-diagonal terms', () => {
    const diagonal: ActivationPlugin = {
      ...softmax,
      name: 'diagonal-softmax',
      backward: (_z, a, u, out) => {
        for (let i = 0; i < a.data.length; i++) out.data[i] = u.data[i]! * a.data[i]! * (1 - a.data[i]!);
      },
    };
    expect(failuresOf(diagonal)).toEqual([expect.stringMatching(/^gradient: backward disagrees/)]);
  });

  it('fails a plugin that mixes rows (examples), e.g. normalizing over the whole batch', () => {
    const { output: _output, derivative: _derivative, ...batchOnly } = identity;
    const batchwise: ActivationPlugin = {
      ...batchOnly,
      name: 'batch-center',
      forward: (z, out) => {
        const mean = total(z.data) / z.data.length;
        for (let i = 0; i < z.data.length; i++) out.data[i] = z.data[i]! - mean;
      },
    };
    expect(failuresOf(batchwise)).toContainEqual(
      'gradient: perturbing z[0] changed a[7]: rows (examples) must be independent',
    );
  });

  it('fails a forward that breaks when out is z', () => {
    // Re-reads the row's maximum from z after writing into out: fine unless out is z.
    const clobbering: ActivationPlugin = {
      ...softmax,
      name: 'clobbering',
      forward: (z: Matrix, out: Matrix) => {
        for (let r = 0; r < z.rows; r++) {
          const row = (m: Matrix) => m.data.subarray(r * z.cols, (r + 1) * z.cols);
          for (let j = 0; j < z.cols; j++) row(out)[j] = Math.exp(row(z)[j]! - Math.max(...row(z)));
          const sum = total(row(out));
          for (let j = 0; j < z.cols; j++) row(out)[j] = row(out)[j]! / sum;
        }
      },
    };
    expect(failuresOf({ ...clobbering, forward: softmax.forward })).toEqual([]);
    expect(failuresOf(clobbering)).toContain('shapes: forward(z, z) differs from forward(z, out)');
  });

  it('fails names that cannot be saved, and options that do not survive JSON or configure', () => {
    expect(failuresOf({ ...identity, name: 'My Identity' })).toEqual([
      'identity: name "My Identity" is not kebab-case (a-z, 0-9, -)',
    ]);
    // Fixed options without configure load back (the registry resolves equal options to the
    // plugin itself), as long as JSON keeps them: Infinity does not survive (it becomes null).
    expect(failuresOf({ ...identity, options: { scale: 1 } })).toEqual([]);
    expect(failuresOf({ ...identity, options: { scale: Number.POSITIVE_INFINITY } })).toEqual([
      'options: { "scale": Infinity } changes through JSON (to { "scale": null })',
    ]);
    const lax: ActivationPlugin = { ...identity, options: { scale: 1 }, configure: () => lax };
    expect(failuresOf(lax)).toEqual(['options: configure accepted an unknown option "no-such-option"']);
  });

  it('passes a parameterized third-party plugin built with mergeOptions', () => {
    const scaled = (options = {}): ActivationPlugin => {
      const current = mergeOptions('activation "scaled"', { k: 2 }, options);
      return {
        ...scalar(
          'scaled',
          (z) => current.k * z,
          () => current.k,
        ),
        options: current,
        configure: (next) => scaled(mergeOptions('activation "scaled"', current, next)),
      };
    };
    expect(failuresOf(scaled({ k: 3 }))).toEqual([]);
  });

  it('reports a plugin that throws instead of throwing itself', () => {
    const broken = {
      ...identity,
      backward: () => {
        throw new Error('not implemented');
      },
    };
    const failures = failuresOf(broken);
    expect(failures[0]).toBe('gradient: threw Error: not implemented');
  });

  it('lets an overflowing activation (e^z) pass on a narrowed domain', () => {
    const exp = scalar('exp', Math.exp, (_z, a) => a);
    expect(failuresOf(exp)).toContainEqual(
      expect.stringMatching(/^extremes: forward \(float64\) gives Infinity/),
    );
    expect(failuresOf(exp, { extremes: [-1e30, -1e3, 0, 1, 10] })).toEqual([]);
  });

  it('rejects a meaningless tolerance', () => {
    expect(() => checkActivation(identity, { tolerance: 0 })).toThrow('tolerance must be in (0, 1), got 0');
  });

  it('is deterministic for a seed', () => {
    const wrong = scalar('w', Math.tanh, (_z, a) => 1 - a);
    expect(checkActivation(wrong, { seed: 7 })).toEqual(checkActivation(wrong, { seed: 7 }));
  });
});

describe('assertActivation', () => {
  it('returns quietly for a passing plugin', () => {
    expect(() => assertActivation(identity)).not.toThrow();
  });

  it('throws an ActivationCheckError carrying the report', () => {
    const wrong = scalar('wrong-tanh', Math.tanh, (_z, a) => 1 + a * a);
    try {
      assertActivation(wrong);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ActivationCheckError);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const { report, message } = error as ActivationCheckError;
      expect(report.ok).toBe(false);
      expect(message).toMatch(/^activation "wrong-tanh" failed its check:\n- gradient:/);
    }
  });
});
