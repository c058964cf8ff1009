// A seeded xoshiro128** stream: 32-bit integer arithmetic only (Math.imul, shifts), so uniform
// draws are bit-identical in every JavaScript engine, in Node and in browsers.
import type { Random } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { cos } from './math/cos';
import { log } from './math/log';

/**
 * A random stream from a seed (any 32-bit integer; other numbers are folded in).
 *
 * @example
 * const random = createRandom(42);
 * random.uniform(); // the same value on every machine
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new InvalidArgumentError(`seed must be a finite number, got ${seed}`);
  // splitmix32 spreads one seed over the 128-bit state, as the xoshiro authors recommend. Its
  // first step adds the golden ratio, so seed 0 is safe without a special case (a fallback
  // here would make seed 0 and seed 0x9e3779b9 the same stream).
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return randomFromState([next(), next(), next(), next()]);
}

/**
 * Resumes a stream from `random.state()` (four unsigned 32-bit integers s0..s3 of xoshiro128**).
 *
 * @example
 * const saved = random.state();
 * const resumed = randomFromState(saved); // draws what `random` would draw next
 */
export function randomFromState(state: readonly number[]): Random {
  if (state.length !== 4 || state.some((s) => !Number.isInteger(s) || s < 0 || s > 0xffffffff)) {
    throw new InvalidArgumentError('a random state is four unsigned 32-bit integers');
  }
  let [s0, s1, s2, s3] = state as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  const uniform = (): number => {
    // 27 + 26 bits make every double in [0, 1) with spacing 2^-53 equally likely.
    const hi = nextUint32() >>> 5;
    const lo = nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };

  return {
    uniform,
    int(n) {
      if (!Number.isInteger(n) || n <= 0)
        throw new InvalidArgumentError(`int(n) needs a whole n > 0, got ${n}`);
      return Math.floor(uniform() * n);
    },
    normal() {
      // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1]. The sine half is dropped
      // so that the four integers of state() are the whole state. log and cos are this
      // package's (√ is exact in IEEE 754), so draws are the same in every engine.
      const radius = Math.sqrt(-2 * log(1 - uniform()));
      return radius * cos(2 * Math.PI * uniform());
    },
    state: () => [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0],
  };
}

/**
 * A uniformly random permutation of 0..n−1 (Fisher–Yates), written into out[0..n) when given.
 *
 * @example
 * const order = permutation(8000, createRandom(1)); // a seeded shuffle of the training set
 */
export function permutation(n: number, random: Random, out?: Uint32Array): Uint32Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError(`permutation(n) needs a whole n ≥ 0, got ${n}`);
  }
  // A short `out` would silently drop writes and then swap in undefined.
  if (out && out.length < n) {
    throw new InvalidArgumentError(`permutation: out holds ${out.length} values, needs ${n}`);
  }
  out ??= new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
