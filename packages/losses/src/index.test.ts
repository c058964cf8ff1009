import { describe, expect, it } from 'vitest';
import * as losses from './index';

describe('@deltanet/losses', () => {
  it('exports exactly the documented values', () => {
    expect(Object.keys(losses).sort()).toEqual([
      'assertLoss',
      'assertRegularizer',
      'checkLoss',
      'checkRegularizer',
      'crossEntropy',
      'l1',
      'l2',
      'losses',
      'meanSquaredError',
      'regularizers',
      'softmaxCrossEntropy',
    ]);
  });
});
