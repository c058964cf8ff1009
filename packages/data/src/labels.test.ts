import { DataError, InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { encodeLabels, inferClassNames } from './labels';

describe('inferClassNames', () => {
  it('sorts numeric labels by value and merges equal numbers', () => {
    expect(inferClassNames(['10', '2', ' 2.0', '-1', '1e1'])).toEqual(['-1', '2', '10']);
    expect(inferClassNames([3, 1, 2, 1])).toEqual(['1', '2', '3']);
  });

  it('sorts text labels by code unit, independent of locale', () => {
    expect(inferClassNames(['virginica', 'setosa', 'Versicolor', 'setosa'])).toEqual([
      'Versicolor',
      'setosa',
      'virginica',
    ]);
    expect(inferClassNames(['b', '1', 'a'])).toEqual(['1', 'a', 'b']);
    expect(inferClassNames([true, false])).toEqual(['false', 'true']);
  });
});

describe('encodeLabels', () => {
  it('uses the given (training) order', () => {
    expect(Array.from(encodeLabels(['b', 'a', ' b '], ['b', 'a']))).toEqual([0, 1, 0]);
    expect(Array.from(encodeLabels(['2.0', 10, '1'], ['1', '2', '10']))).toEqual([1, 2, 0]);
  });

  it('names the line and the value of an unknown label', () => {
    const run = () => encodeLabels(['a', 'c'], ['a', 'b'], { source: 'test.csv', lines: [2, 3], field: 'y' });
    expect(run).toThrow(DataError);
    expect(run).toThrow('test.csv:3 (y): unknown class "c"; known classes: a, b');
    expect(() => encodeLabels(['zzz'], ['a'])).toThrow('(row 1): unknown class "zzz"; known classes: a');
  });

  it('refuses repeated class names', () => {
    expect(() => encodeLabels(['a'], ['a', 'a'])).toThrow(InvalidArgumentError);
  });
});
