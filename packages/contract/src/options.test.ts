// mergeOptions: the one place every parameterized plugin's options are checked.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors';
import { mergeOptions } from './options';

describe('mergeOptions', () => {
  it('merges the given options over the defaults', () => {
    expect(mergeOptions('activation "leaky-relu"', { alpha: 0.01, fast: false }, { alpha: 0.2 })).toEqual({
      alpha: 0.2,
      fast: false,
    });
    expect(mergeOptions('x', { alpha: 1 }, undefined)).toEqual({ alpha: 1 });
  });
  it('names an unknown option and lists the valid ones', () => {
    expect(() => mergeOptions('activation "leaky-relu"', { alpha: 0.01 }, { alhpa: 0.2 })).toThrow(
      'activation "leaky-relu" has no option "alhpa"; valid options: alpha',
    );
    expect(() => mergeOptions('loss "x"', {}, { a: 1 })).toThrow(/valid options: \(none\)/);
  });
  it('refuses a value of the wrong type or a non-finite number', () => {
    expect(() => mergeOptions('o', { alpha: 0.01 }, { alpha: 'big' })).toThrow(
      'o option "alpha" must be a finite number, got big',
    );
    expect(() => mergeOptions('o', { alpha: 0.01 }, { alpha: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => mergeOptions('o', { on: true }, { on: 1 })).toThrow(/must be a finite boolean, got 1/);
  });
});
