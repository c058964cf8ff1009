import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { generatePlaygroundRegression, playgroundRegressionSets } from './regression-sets';

describe('playgroundRegressionSets', () => {
  const names = ['multi-gaussian', 'plane'] as const;

  it('names the two sets', () => {
    expect(Object.keys(playgroundRegressionSets).sort()).toEqual([...names]);
  });

  it.each(names)('%s is deterministic per seed, differs between seeds, and honours dtype', (name) => {
    const a = generatePlaygroundRegression(name, { samples: 100, noise: 0.2, seed: 5 });
    const b = generatePlaygroundRegression(name, { samples: 100, noise: 0.2, seed: 5 });
    const c = generatePlaygroundRegression(name, { samples: 100, noise: 0.2, seed: 6 });
    expect(b.x.data).toEqual(a.x.data);
    expect(b.y.data).toEqual(a.y.data);
    expect(c.x.data).not.toEqual(a.x.data);
    const f = generatePlaygroundRegression(name, { samples: 10, dtype: 'float32' });
    expect(f.y.data).toBeInstanceOf(Float32Array);
    expect(f.featureNames).toEqual(['x1', 'x2']);
    expect(f.name).toBe(name);
  });

  it('names the valid sets for an unknown one, and checks the options', () => {
    expect(() => generatePlaygroundRegression('circle')).toThrow(InvalidArgumentError);
    expect(() => generatePlaygroundRegression('circle')).toThrow(
      'unknown playground regression set "circle"; valid sets: multi-gaussian, plane',
    );
    expect(() => generatePlaygroundRegression('plane', { noise: 0.7 })).toThrow(/plane: noise must be/);
  });
});
