// The seeded stream against xoshiro128**'s published outputs and an independent BigInt
// transcription of the authors' C code (prng.di.unimi.it/xoshiro128starstar.c), plus sanity
// statistics with generous bounds.
import { InvalidArgumentError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { cos } from './math/cos';
import { log } from './math/log';
import { createRandom, permutation, randomFromState } from './random';

const MASK = 0xffffffffn;
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & MASK;

/** xoshiro128** 1.1 as in the C reference, on unsigned BigInts: returns next() and the state. */
function referenceStream(seedState: readonly number[]) {
  const s = seedState.map(BigInt) as [bigint, bigint, bigint, bigint];
  return {
    next(): number {
      const result = (rotl((s[1] * 5n) & MASK, 7n) * 9n) & MASK;
      const t = (s[1] << 9n) & MASK;
      s[2] ^= s[0];
      s[3] ^= s[1];
      s[1] ^= s[2];
      s[0] ^= s[3];
      s[2] ^= t;
      s[3] = rotl(s[3], 11n);
      return Number(result);
    },
    state: () => s.map(Number),
  };
}

/** uniform = ((o₁ >>> 5)·2²⁶ + (o₂ >>> 6)) / 2⁵³, built from two raw outputs. */
function referenceUniform(stream: { next(): number }): number {
  const hi = stream.next() >>> 5;
  const lo = stream.next() >>> 6;
  return (hi * 2 ** 26 + lo) / 2 ** 53;
}

const draws = (n: number, draw: () => number) => Array.from({ length: n }, draw);

describe('xoshiro128** reference values', () => {
  it('the BigInt transcription reproduces the published outputs for state {1, 2, 3, 4}', () => {
    // Published test vector of xoshiro128** (state s = {1, 2, 3, 4}); the first is worked by
    // hand: rotl(2·5, 7)·9 = 1280·9 = 11520.
    const stream = referenceStream([1, 2, 3, 4]);
    expect(draws(10, stream.next)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('uniform() is made of those outputs', () => {
    // First draw by hand: (11520 >>> 5)·2²⁶ + (0 >>> 6) = 360·2²⁶, over 2⁵³: 360 / 2²⁷.
    const random = randomFromState([1, 2, 3, 4]);
    expect(random.uniform()).toBe(360 / 2 ** 27);
    const stream = referenceStream([1, 2, 3, 4]);
    referenceUniform(stream);
    for (let i = 0; i < 1000; i++) expect(random.uniform()).toBe(referenceUniform(stream));
    expect(random.state()).toEqual(stream.state());
  });

  it('int(n) and normal() are built from uniform() as documented', () => {
    const random = randomFromState([5, 6, 7, 8]);
    const stream = referenceStream([5, 6, 7, 8]);
    for (let i = 0; i < 100; i++) {
      expect(random.int(10)).toBe(Math.floor(referenceUniform(stream) * 10));
      const u1 = referenceUniform(stream);
      const u2 = referenceUniform(stream);
      expect(random.normal()).toBe(Math.sqrt(-2 * log(1 - u1)) * cos(2 * Math.PI * u2));
    }
  });

  it('createRandom seeds the state with splitmix32 (x += 0x9e3779b9, then the fmix32 finalizer)', () => {
    const mix = (x: bigint) => {
      let z = x;
      z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & MASK;
      z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & MASK;
      return Number(z ^ (z >> 16n));
    };
    for (const seed of [0, 1, 42, 0xffffffff]) {
      const expected = [1n, 2n, 3n, 4n].map((i) => mix((BigInt(seed) + i * 0x9e3779b9n) & MASK));
      expect(createRandom(seed).state()).toEqual(expected);
    }
  });
});

describe('createRandom and randomFromState', () => {
  it('gives the same sequence for the same seed and a different one for another', () => {
    const [a, b, c] = [createRandom(7), createRandom(7), createRandom(8)];
    const first = draws(50, a.uniform);
    expect(draws(50, b.uniform)).toEqual(first);
    expect(draws(50, c.uniform)).not.toEqual(first);
  });

  it('keeps seed 0 distinct from seed 0x9e3779b9', () => {
    expect(createRandom(0).state()).not.toEqual(createRandom(0x9e3779b9).state());
  });

  it('resumes exactly from state()', () => {
    const random = createRandom(2024);
    draws(17, random.uniform);
    random.normal();
    const resumed = randomFromState(random.state());
    expect(draws(100, resumed.uniform)).toEqual(draws(100, random.uniform));
    expect(draws(20, resumed.normal)).toEqual(draws(20, random.normal));
  });

  it('escapes the all-zero state, a fixed point of xoshiro', () => {
    const random = randomFromState([0, 0, 0, 0]);
    expect(draws(4, random.uniform).some((u) => u !== 0)).toBe(true);
  });

  it('rejects malformed states and seeds', () => {
    expect(() => randomFromState([1, 2, 3])).toThrow(InvalidArgumentError);
    expect(() => randomFromState([1, 2, 3, 2 ** 32])).toThrow('four unsigned 32-bit integers');
    expect(() => randomFromState([1, 2, 3, -1])).toThrow(InvalidArgumentError);
    expect(() => randomFromState([1, 2, 3, 0.5])).toThrow(InvalidArgumentError);
    expect(() => createRandom(Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('distributions (1e5 draws, bounds far beyond sampling error)', () => {
  const n = 100_000;
  const moments = (xs: number[]) => {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    return { mean, variance };
  };

  it('uniform lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = draws(n, createRandom(1).uniform);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const { mean, variance } = moments(xs);
    // Standard errors: √(1/12)/√n ≈ 0.0009 for the mean, ≈ 0.0002 for the variance.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
  });

  it('normal has mean 0, variance 1 and 68.27% of draws within one σ', () => {
    const xs = draws(n, createRandom(2).normal);
    const { mean, variance } = moments(xs);
    // Standard errors: 0.003 (mean), 0.0045 (variance), 0.0015 (the fraction).
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    const within = xs.filter((x) => Math.abs(x) <= 1).length / n;
    expect(Math.abs(within - 0.682689)).toBeLessThan(0.01);
  });

  it('int(n) covers 0..n−1 about evenly and rejects a bad n', () => {
    const random = createRandom(3);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) counts[random.int(5)]! += 1;
    // Each count is about 20000 ± 126 (one standard error).
    for (const c of counts) expect(Math.abs(c - n / 5)).toBeLessThan(800);
    expect(() => random.int(0)).toThrow(InvalidArgumentError);
    expect(() => random.int(2.5)).toThrow(InvalidArgumentError);
  });
});

describe('permutation', () => {
  it('is a permutation of 0..n−1', () => {
    const p = permutation(1000, createRandom(4));
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(permutation(0, createRandom(4)))).toEqual([]);
    expect(Array.from(permutation(1, createRandom(4)))).toEqual([0]);
  });

  it('is seeded: the same seed shuffles the same way, another seed differently', () => {
    const a = permutation(100, createRandom(5));
    expect(permutation(100, createRandom(5))).toEqual(a);
    expect(permutation(100, createRandom(6))).not.toEqual(a);
  });

  it('writes into the given buffer', () => {
    const out = new Uint32Array(4).fill(99);
    expect(permutation(4, createRandom(1), out)).toBe(out);
    expect(Array.from(out).sort()).toEqual([0, 1, 2, 3]);
  });

  it('draws each of the 3! orders about equally often', () => {
    const random = createRandom(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = permutation(3, random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Each is about 10000 ± 91 (one standard error).
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('rejects a bad n or a short buffer', () => {
    expect(() => permutation(-1, createRandom(1))).toThrow(InvalidArgumentError);
    expect(() => permutation(1.5, createRandom(1))).toThrow(InvalidArgumentError);
    expect(() => permutation(5, createRandom(1), new Uint32Array(4))).toThrow('out holds 4 values, needs 5');
  });
});
