import { DataError } from '@deltanet/contract';
import { toRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from './jsonl';

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message;
  }
  throw new Error('expected a DataError');
}

describe('parseJsonLines', () => {
  it('reads objects: numeric keys in first-line order as features, "label" as the class', () => {
    const text = [
      '{"id": "a1", "w": 0.5, "label": "cat", "h": 2}',
      '',
      '{"h": 3, "label": "dog", "w": 1.5, "id": "b2"}',
      '{"w": -1, "h": 1e2, "label": "cat", "id": "c3"}',
    ].join('\n');
    const d = parseJsonLines(text, { source: 'pets.jsonl' });
    expect(d.featureNames).toEqual(['w', 'h']);
    expect(toRows(d.x)).toEqual([
      [0.5, 2],
      [1.5, 3],
      [-1, 100],
    ]);
    expect(d.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(d.labels!)).toEqual([0, 1, 0]);
    expect(d.name).toBe('pets.jsonl');
  });

  it('defaults to the last key without "label", and takes given features and numeric classes', () => {
    const d = parseJsonLines('{"a": 1, "b": 2, "y": 10}\r\n{"a": 3, "b": 4, "y": 2}', { features: ['b'] });
    expect(d.featureNames).toEqual(['b']);
    expect(toRows(d.x)).toEqual([[2], [4]]);
    expect(d.classNames).toEqual(['2', '10']);
  });

  it('reads arrays by index, and x only with label: null', () => {
    const d = parseJsonLines('[1, 2, true]\n[3, 4, false]');
    expect(toRows(d.x)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(d.classNames).toEqual(['false', 'true']);
    expect(d.featureNames).toBeUndefined();
    const x = parseJsonLines('[1, 2]\n[3, 4]', { label: null, dtype: 'float32' });
    expect(toRows(x.x)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(x.y.cols).toBe(0);
  });

  it('reads several label keys as one-hot or as values, and encodes with given class names', () => {
    const oneHot = parseJsonLines('{"x": 1, "a": 0, "b": 1}\n{"x": 2, "a": 1, "b": 0}', {
      label: ['a', 'b'],
    });
    expect(Array.from(oneHot.labels!)).toEqual([1, 0]);
    expect(oneHot.classNames).toEqual(['a', 'b']);
    const values = parseJsonLines('{"x": 1, "t": 0.25}', { label: ['t'], labelMode: 'value' });
    expect(toRows(values.y)).toEqual([[0.25]]);
    const given = parseJsonLines('{"x": 1, "label": "b"}', { classNames: ['a', 'b'] });
    expect(Array.from(given.labels!)).toEqual([1]);
  });

  it('names the line, column and key of every problem', () => {
    const good = '{"a": 1, "label": "x"}';
    // Line 2 has "a" at column 2; its value is text.
    expect(message(() => parseJsonLines(`${good}\n{"a": "abc", "label": "y"}`, { source: 'f.jsonl' }))).toBe(
      'f.jsonl:2:2 (a): expected a number, got "abc"',
    );
    expect(message(() => parseJsonLines(`${good}\n{"label": "y"}`))).toBe(
      'line 2 (a): missing key (line 1 has it)',
    );
    expect(message(() => parseJsonLines(`${good}\n{"a": null, "label": "y"}`))).toMatch(/got null/);
    expect(message(() => parseJsonLines(`${good}\n{"a": 1e999, "label": "y"}`))).toMatch(
      /expected a finite number/,
    );
    expect(message(() => parseJsonLines(`${good}\n{"a": "NaN", "label": "y"}`))).toMatch(/NaN and Infinity/);
    expect(message(() => parseJsonLines(`${good}\n{"a": 1, "label": ["y"]}`))).toMatch(
      /expected a label .* got an array/,
    );
    expect(message(() => parseJsonLines(`${good}\n\n{"a": 1,}`))).toMatch(/^line 3(:\d+)?: invalid JSON/);
    expect(message(() => parseJsonLines(`${good}\n[1, 2]`))).toBe(
      'line 2:1: expected an object (like line 1), got an array',
    );
    expect(message(() => parseJsonLines('[1, 2]\n[1]'))).toBe(
      'line 2:1: expected 2 elements (as on line 1), got 1',
    );
    expect(message(() => parseJsonLines('[1, "x"]\n[1, "b"]', { classNames: ['x'] }))).toBe(
      'line 2 ([1]): unknown class "b"; known classes: x',
    );
    expect(message(() => parseJsonLines(' \n'))).toBe(
      'empty file: expected one JSON object or array per line',
    );
    expect(message(() => parseJsonLines('42'))).toMatch(/expected an object .* got 42/);
    expect(message(() => parseJsonLines(good, { label: 'y' }))).toBe(
      'line 1: unknown label key "y"; valid keys: "a", "label"',
    );
    expect(message(() => parseJsonLines('{"name": "x", "label": 1}'))).toMatch(
      /no numeric features among keys name, label/,
    );
    expect(message(() => parseJsonLines('[1, 2]', { label: 2 }))).toMatch(
      /label element 2 does not exist; there are 2/,
    );
  });
});
