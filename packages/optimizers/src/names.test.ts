// The typed names list exactly the built-ins, and the factories' options are typed per
// optimizer: the @ts-expect-error lines must fail to compile, or typecheck fails.
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import type { OptimizerName } from './names';
import { optimizers } from './optimizers';
import { sgd } from './sgd';

const typed = {
  sgd: true,
  adagrad: true,
  rmsprop: true,
  adam: true,
  adamw: true,
  'conjugate-gradient': true,
  lbfgs: true,
} satisfies Record<OptimizerName, true>;

describe('OptimizerName and the factories’ options', () => {
  it('names every built-in optimizer and nothing else', () => {
    expect(Object.keys(typed).sort()).toEqual(optimizers.map((p) => p.name).sort());
  });

  it('refuses misspelled names and options at compile time as at run time', () => {
    // @ts-expect-error a misspelled built-in name
    const name: OptimizerName = 'adma';
    // @ts-expect-error adam's option is learningRate
    expect(() => adam({ learningrate: 0.1 })).toThrow('optimizer "adam" has no option "learningrate"');
    // @ts-expect-error momentum is a number
    expect(() => sgd({ momentum: 'high' })).toThrow('must be a finite number');
    // @ts-expect-error configure keeps the same options type
    expect(() => sgd().configure({ nesterov: 1 })).toThrow('must be a finite boolean');
    expect(name).toBe('adma');
    expect(sgd().configure({ momentum: 0.9 }).options.momentum).toBe(0.9);
  });
});
