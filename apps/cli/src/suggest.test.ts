import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest';

describe('did you mean', () => {
  it('counts edits as Damerau–Levenshtein does', () => {
    // kitten → sitting: the textbook 3; "ca" → "ac": one swap.
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'ac')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest name for a typo, and nothing for a different word', () => {
    expect(closest('sigmiod', ['sigmoid', 'tanh', 'relu'])).toBe('sigmoid');
    expect(closest('epoch', ['epochs', 'seed'])).toBe('epochs');
    expect(closest('lamda', ['lambda', 'lr'])).toBe('lambda');
    expect(closest('banana', ['sigmoid', 'tanh', 'relu'])).toBeUndefined();
  });
});
