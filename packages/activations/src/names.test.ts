// The typed names list exactly the built-ins: `satisfies` fails to compile on a missing or an
// extra name, and the test compares the keys with the `activations` list itself.
import { describe, expect, it } from 'vitest';
import { activations } from './activations';
import { elu } from './elu';
import { leakyRelu } from './leaky-relu';
import type { ActivationName } from './names';

const typed = {
  sigmoid: true,
  tanh: true,
  relu: true,
  'leaky-relu': true,
  elu: true,
  softplus: true,
  swish: true,
  gelu: true,
  softmax: true,
  linear: true,
} satisfies Record<ActivationName, true>;

describe('ActivationName', () => {
  it('names every built-in activation and nothing else', () => {
    expect(Object.keys(typed).sort()).toEqual(activations.map((a) => a.name).sort());
  });

  it('types the factories’ options (these lines must fail to compile)', () => {
    // @ts-expect-error a misspelled built-in name
    const typo: ActivationName = 'sigmod';
    // @ts-expect-error leaky-relu's option is alpha
    expect(() => leakyRelu({ alhpa: 0.1 })).toThrow('has no option "alhpa"');
    // @ts-expect-error alpha is a number
    expect(() => elu({ alpha: '1' })).toThrow('must be a finite number');
    expect(typo).toBe('sigmod');
  });
});
