import type { RegularizerPlugin } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { assertRegularizer, checkRegularizer } from './check-regularizer';
import { l2 } from './l2';

/** ½ΣΘ² over columns 1.., written loosely so single properties can be broken. */
function squares(overrides: Partial<RegularizerPlugin> = {}): RegularizerPlugin {
  return {
    kind: 'regularizer',
    name: 'test-squares',
    description: 'R = ½ΣΘ²',
    value(theta) {
      let sum = 0;
      for (let i = 0; i < theta.data.length; i++) if (i % theta.cols !== 0) sum += 0.5 * theta.data[i]! ** 2;
      return sum;
    },
    accumulateGradient(theta, scale, out) {
      if (out.rows !== theta.rows || out.cols !== theta.cols)
        throw Object.assign(new Error('shapes'), { code: 'shape' });
      for (let i = 0; i < theta.data.length; i++) {
        if (i % theta.cols !== 0) out.data[i] = out.data[i]! + scale * theta.data[i]!;
      }
    },
    ...overrides,
  };
}

describe('checkRegularizer', () => {
  it('passes a correct third-party regularizer', () => {
    expect(checkRegularizer(squares())).toMatchObject({ ok: true, failures: [] });
  });

  it('fails one that penalizes the bias column', () => {
    const report = checkRegularizer(
      squares({
        value(theta) {
          let sum = 0;
          for (const w of theta.data) sum += 0.5 * w * w;
          return sum;
        },
        accumulateGradient(theta, scale, out) {
          for (let i = 0; i < theta.data.length; i++) out.data[i] = out.data[i]! + scale * theta.data[i]!;
        },
      }),
    );
    const text = report.failures.join('\n');
    expect(text).toMatch(/changed column 0/);
    expect(text).toMatch(/value depends on column 0/);
  });

  it('fails one that ignores scale', () => {
    const report = checkRegularizer(
      squares({ accumulateGradient: (theta, _scale, out) => squares().accumulateGradient(theta, 1, out) }),
    );
    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toMatch(/central difference/);
    expect(report.failures.join('\n')).toMatch(/scale 0 changed out/);
  });

  it('fails one that overwrites out instead of adding to it', () => {
    const report = checkRegularizer(
      squares({
        accumulateGradient(theta, scale, out) {
          for (let i = 0; i < theta.data.length; i++) {
            if (i % theta.cols !== 0) out.data[i] = scale * theta.data[i]!;
          }
        },
      }),
    );
    expect(report.failures.join('\n')).toMatch(/out after − out before/);
  });

  it('fails one that does not check shapes', () => {
    const loose = checkRegularizer(
      squares({
        accumulateGradient(theta, scale, out) {
          for (let i = 0; i < theta.data.length; i++) {
            if (i % theta.cols !== 0) out.data[i] = out.data[i]! + scale * theta.data[i]!;
          }
        },
      }),
    );
    expect(loose.failures).toEqual([expect.stringMatching(/did not throw; mismatched shapes must throw/)]);
  });
});

describe('checkRegularizer over regions', () => {
  it('fails one whose value honours the region but whose gradient does not', () => {
    const report = checkRegularizer(
      squares({
        value(theta, region) {
          const from = region?.fromColumn ?? 1;
          let sum = 0;
          for (let i = 0; i < theta.data.length; i++)
            if (i % theta.cols >= from) sum += 0.5 * theta.data[i]! ** 2;
          return sum;
        },
      }),
    );
    expect(report.failures.join('\n')).toMatch(
      /with region \{ fromColumn: 0 \}, ∂R\/∂Θ at row 0, column 0 is 0/,
    );
  });
  it('passes the built-ins, which honour it', () => {
    expect(checkRegularizer(l2).failures).toEqual([]);
  });
});

describe('assertRegularizer', () => {
  it('passes silently or throws the failures', () => {
    expect(() => assertRegularizer(l2)).not.toThrow();
    expect(() => assertRegularizer(squares({ value: () => 0 }))).toThrow(/"test-squares" breaks/);
  });
});
