// The typed names list exactly the built-ins: `satisfies` fails to compile on a missing or an
// extra name, and the test compares the keys with the exported lists themselves.
import { describe, expect, it } from 'vitest';
import { losses, regularizers } from './builtins';
import type { LossName, RegularizerName } from './names';

const lossNames = {
  'cross-entropy': true,
  'softmax-cross-entropy': true,
  'mean-squared-error': true,
} satisfies Record<LossName, true>;
const regularizerNames = { l2: true, l1: true } satisfies Record<RegularizerName, true>;

describe('LossName and RegularizerName', () => {
  it('name every built-in and nothing else', () => {
    expect(Object.keys(lossNames).sort()).toEqual(losses.map((p) => p.name).sort());
    expect(Object.keys(regularizerNames).sort()).toEqual(regularizers.map((p) => p.name).sort());
  });

  it('reject misspellings (these lines must fail to compile)', () => {
    // @ts-expect-error a misspelled built-in loss
    const loss: LossName = 'cross-entropie';
    // @ts-expect-error there is no l3
    const regularizer: RegularizerName = 'l3';
    expect([loss, regularizer]).toEqual(['cross-entropie', 'l3']);
  });
});
