import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { generatePlayground, playgroundSets } from './sets';

describe('playgroundSets', () => {
  const names = ['circle', 'gauss', 'spiral', 'xor'] as const;

  it('names the four sets', () => {
    expect(Object.keys(playgroundSets).sort()).toEqual([...names]);
  });

  it.each(names)('%s is deterministic per seed and differs between seeds', (name) => {
    const a = generatePlayground(name, { samples: 100, noise: 0.2, seed: 5 });
    const b = generatePlayground(name, { samples: 100, noise: 0.2, seed: 5 });
    const c = generatePlayground(name, { samples: 100, noise: 0.2, seed: 6 });
    expect(b.x.data).toEqual(a.x.data);
    expect(b.labels).toEqual(a.labels);
    expect(c.x.data).not.toEqual(a.x.data);
  });

  it.each(names)('%s has the playground shape: x m × 2, y m × 1 of 0/1, balanced classes', (name) => {
    const d = generatePlayground(name, { samples: 300, noise: 0.1, seed: 1, dtype: 'float32' });
    expect([d.x.rows, d.x.cols, d.y.rows, d.y.cols]).toEqual([300, 2, 300, 1]);
    expect(d.x.data).toBeInstanceOf(Float32Array);
    expect(d.classNames).toEqual(['0', '1']);
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(d.name).toBe(name);
    expect(Array.from(d.y.data)).toEqual(Array.from(d.labels!));
    const ones = d.labels!.reduce((a, b) => a + b, 0);
    // xor balances only in expectation (and noise moves labels): 150 ± 3σ ≈ 150 ± 26.
    expect(Math.abs(ones - 150)).toBeLessThan(30);
  });

  it('names the valid sets for an unknown one', () => {
    expect(() => generatePlayground('moons')).toThrow(InvalidArgumentError);
    expect(() => generatePlayground('moons')).toThrow(
      'unknown playground set "moons"; valid sets: circle, gauss, spiral, xor',
    );
    expect(() => generatePlayground('toString')).toThrow(/unknown playground set/);
  });
});
