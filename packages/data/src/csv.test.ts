import { DataError, InvalidArgumentError } from '@deltanet/contract';
import { toRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

const iris = [
  'sepal_length,sepal_width,petal_length,petal_width,species',
  '5.1,3.5,1.4,0.2,setosa',
  '7.0,3.2,4.7,1.4,versicolor',
  '6.3,3.3,6.0,2.5,virginica',
  '4.9,3.0,1.4,0.2,setosa',
].join('\n');

/** The DataError that `run` throws (failing the test if it throws anything else). */
function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

describe('parseCsv: reading', () => {
  it('reads a header, numeric features and text classes (sorted) as one-hot targets', () => {
    const d = parseCsv(iris, { source: 'iris.csv' });
    expect(d.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(toRows(d.x)).toEqual([
      [5.1, 3.5, 1.4, 0.2],
      [7.0, 3.2, 4.7, 1.4],
      [6.3, 3.3, 6.0, 2.5],
      [4.9, 3.0, 1.4, 0.2],
    ]);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(d.labels!)).toEqual([0, 1, 2, 0]);
    expect(toRows(d.y)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(d.name).toBe('iris.csv');
  });

  it('detects a missing header and orders numeric classes by value', () => {
    const d = parseCsv('0.5,10\n1.5,2\n2.5,1\n3.5,2.0\n');
    expect(d.featureNames).toBeUndefined();
    expect(toRows(d.x)).toEqual([[0.5], [1.5], [2.5], [3.5]]);
    expect(d.classNames).toEqual(['1', '2', '10']);
    expect(Array.from(d.labels!)).toEqual([2, 1, 0, 1]);
  });

  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes, CRLF, a BOM', () => {
    const text = '\uFEFF"a,1","b ""2""",label\r\n1,"2","big\r\ncat"\r\n" 3 ",4,"say ""hi"""\r\n';
    const d = parseCsv(text);
    expect(d.featureNames).toEqual(['a,1', 'b "2"']);
    expect(toRows(d.x)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(d.classNames).toEqual(['big\r\ncat', 'say "hi"']);
  });

  it('selects label and features by name or index, in the order given', () => {
    const d = parseCsv(iris, { label: 'species', features: ['petal_width', 0] });
    expect(d.featureNames).toEqual(['petal_width', 'sepal_length']);
    expect(toRows(d.x)[1]).toEqual([1.4, 7.0]);
    expect(parseCsv(iris, { label: 4 }).classNames).toHaveLength(3);
  });

  it('reads x only with label: null, as for a file to predict', () => {
    const d = parseCsv('a,b\n1,2\n3,4', { label: null });
    expect(toRows(d.x)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect([d.y.rows, d.y.cols]).toEqual([2, 0]);
    expect(d.labels).toBeUndefined();
  });

  it('encodes classes with given (training) class names', () => {
    const d = parseCsv('x,y\n1,b\n2,a', { classNames: ['b', 'a', 'c'] });
    expect(Array.from(d.labels!)).toEqual([0, 1]);
    expect(d.y.cols).toBe(3);
    const error = dataError(() => parseCsv('x,y\n1,b\n2,z', { source: 't.csv', classNames: ['a', 'b'] }));
    // Line 3 is "2,z": the label starts at column 3.
    expect(error.message).toBe('t.csv:3:3 (y): unknown class "z"; known classes: a, b');
    expect(error.location).toEqual({ file: 't.csv', line: 3, column: 3, field: 'y' });
  });

  it('reads one-hot label columns, multi-output values and binary 0/1 targets', () => {
    const text = 'f,cat,dog\n0.5,1,0\n0.25,0,1';
    const oneHot = parseCsv(text, { label: ['cat', 'dog'] });
    expect(oneHot.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(oneHot.labels!)).toEqual([0, 1]);
    expect(toRows(oneHot.y)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const values = parseCsv('a,t1,t2\n1,0.5,-2\n2,1e3,7', { label: ['t1', 't2'], labelMode: 'value' });
    expect(toRows(values.y)).toEqual([
      [0.5, -2],
      [1000, 7],
    ]);
    expect(values.labels).toBeUndefined();
    const binary = parseCsv('a,ok\n1,no\n2,yes\n3,no', { labelMode: 'binary' });
    expect(toRows(binary.y)).toEqual([[0], [1], [0]]);
    expect(binary.classNames).toEqual(['no', 'yes']);
  });

  it('takes other delimiters, float32, explicit headers and skips blank lines', () => {
    const d = parseCsv('1;2;a\n\n3;4;b\n', { delimiter: ';', header: false, dtype: 'float32' });
    expect(d.x.data).toBeInstanceOf(Float32Array);
    expect(toRows(d.x)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseCsv('10\t20\n1\t2', { delimiter: '\t', header: true }).featureNames).toEqual(['10']);
    expect(() => parseCsv('1,2', { delimiter: '"' })).toThrow(InvalidArgumentError);
  });
});

describe('parseCsv: errors say where and what was expected', () => {
  it('ragged rows', () => {
    const text = 'a,b,c,d,label\n1,2,3,4,x\n\n1,2,3\n';
    // Line 4 "1,2,3" ends at column 6, where the fourth field should start.
    expect(dataError(() => parseCsv(text, { source: 'd.csv' })).message).toBe(
      'd.csv:4:6: expected 5 fields (as in the header), got 3',
    );
    expect(dataError(() => parseCsv('1,2\n3,4,5')).message).toBe(
      'line 2:5: expected 2 fields (as on line 1), got 3',
    );
  });

  it('non-numeric and non-finite features', () => {
    const text = iris.replace('3.2,4.7,1.4', '3.2,4.7,abc');
    // Line 3 "7.0,3.2,4.7,abc,...": petal_width starts at column 13.
    expect(dataError(() => parseCsv(text, { source: 'iris.csv' })).message).toBe(
      'iris.csv:3:13 (petal_width): expected a number, got "abc"',
    );
    expect(dataError(() => parseCsv('a,b\nNaN,1')).message).toMatch(
      /^line 2:1 \(a\): expected a finite number, got "NaN"/,
    );
    expect(dataError(() => parseCsv('a,b\n-Infinity,1')).message).toMatch(/NaN and Infinity are not allowed/);
    expect(dataError(() => parseCsv('a,b\n1e999,1')).message).toMatch(/overflows float64 to Infinity/);
    expect(dataError(() => parseCsv('a,b\n1e39,1', { dtype: 'float32' })).message).toMatch(
      /overflows float32/,
    );
    expect(dataError(() => parseCsv('1,,x\n2,3,y')).message).toBe(
      'line 1:3 (column 2): expected a number, got an empty field',
    );
    expect(dataError(() => parseCsv('a,b\n0x10,1')).message).toMatch(/expected a number, got "0x10"/);
  });

  it('empty files and files without data rows', () => {
    expect(dataError(() => parseCsv('', { source: 'e.csv' })).message).toBe(
      'e.csv: empty file: expected a header row or rows of numbers',
    );
    expect(dataError(() => parseCsv('\uFEFF\r\n\n')).message).toMatch(/empty file/);
    expect(dataError(() => parseCsv('a,b,label\n')).message).toBe('line 1: no data rows after the header');
  });

  it('unknown or impossible label columns list the valid ones', () => {
    expect(dataError(() => parseCsv(iris, { label: 'Species' })).message).toBe(
      'line 1: unknown label column "Species"; valid columns: "sepal_length", "sepal_width", "petal_length", "petal_width", "species"',
    );
    expect(dataError(() => parseCsv(iris, { label: 5 })).message).toMatch(
      /label column 5 does not exist; there are 5 \(0-based indices 0–4\)/,
    );
    expect(dataError(() => parseCsv('1,2\n3,4', { label: 'y', header: false })).message).toMatch(
      /given by name, but the file has no header row/,
    );
    expect(dataError(() => parseCsv('1\n2')).message).toMatch(/no feature columns/);
    expect(dataError(() => parseCsv(iris, { features: ['species'], label: 'species' })).message).toMatch(
      /both a feature and a label/,
    );
  });

  it('quoting mistakes', () => {
    // The quote opening on line 2, column 3 never closes.
    expect(dataError(() => parseCsv('a,b\n1,"2\n3,4\n', { source: 'q.csv' })).message).toBe(
      'q.csv:2:3: unterminated quoted field: expected a closing " before the end of the file',
    );
    expect(dataError(() => parseCsv('a,b\n1,2"3')).message).toMatch(
      /^line 2:4: a quote inside an unquoted field/,
    );
    expect(dataError(() => parseCsv('a,b\n1,"2"3')).message).toBe(
      'line 2:6: expected a delimiter or the end of the line after a closing quote, got "3"',
    );
  });

  it('bad labels', () => {
    expect(dataError(() => parseCsv('a,y\n1,x\n2, ')).message).toBe(
      'line 3:3 (y): expected a class label, got a blank field',
    );
    expect(dataError(() => parseCsv('f,c,d\n1,1,1', { label: ['c', 'd'] })).message).toBe(
      'line 2:3 (c): expected exactly one 1 among the one-hot columns c, d, got 2',
    );
    expect(dataError(() => parseCsv('f,c,d\n1,0.5,1', { label: ['c', 'd'] })).message).toBe(
      'line 2:3 (c): expected 0 or 1 in a one-hot column, got 0.5',
    );
    expect(dataError(() => parseCsv('a,y\n1,x\n2,y\n3,z', { labelMode: 'binary' })).message).toMatch(
      /'binary' needs exactly 2 classes, found 3: x, y, z/,
    );
    expect(() => parseCsv(iris, { label: [0, 1], labelMode: 'class' })).toThrow(InvalidArgumentError);
  });
});
