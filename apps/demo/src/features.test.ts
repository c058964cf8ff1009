import { describe, expect, it } from 'vitest';
import { featureNames, isFeatureName, mapFeatures } from './features';

describe('mapFeatures', () => {
  it('computes each feature of each point, in the order asked', () => {
    // (2, −3) and (π/2, 0.5): values worked by hand.
    const points = Float64Array.of(2, -3, Math.PI / 2, 0.5);
    const out = mapFeatures(points, ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin x1', 'sin x2']);
    const expected = [
      [2, -3, 4, 9, -6, 0.9092974268256817, -0.1411200080598672],
      [Math.PI / 2, 0.5, 2.4674011002723395, 0.25, 0.7853981633974483, 1, 0.479425538604203],
    ];
    expected.flat().forEach((value, i) => expect(out[i]).toBeCloseTo(value, 15));
    expect(Array.from(mapFeatures(points, ['x1·x2', 'x1']))).toEqual([-6, 2, Math.PI / 4, Math.PI / 2]);
  });

  it('rejects odd-length points and an empty feature list', () => {
    expect(() => mapFeatures([1, 2, 3], ['x1'])).toThrow(/pairs, got 3 values/);
    expect(() => mapFeatures([1, 2], [])).toThrow(/at least one feature/);
  });

  it('knows its names', () => {
    expect(featureNames.every(isFeatureName)).toBe(true);
    expect(isFeatureName('x3')).toBe(false);
  });
});
