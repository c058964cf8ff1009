// x^y as V8's `legacy::pow` computes it (fdlibm's e_pow.c with ECMAScript's special cases and one
// change in the last step; what Math.pow and `**` run in Node 20), ported operation for operation
// in float64 so every IEEE 754 engine gives its bits. Newer V8 (Chromium 156) calls the C
// library's pow instead, which differs from it on about one β^t in twenty that Adam computes.
import { HIGH, highWord, LOW, lowWord, withHighWord } from '../internal/float-words';
import { twoTo } from '../internal/powers-of-two';

const BP = [1.0, 1.5];
const DP_H = [0.0, 0.5849624872207642];
const DP_L = [0.0, 1.350039202129749e-8];
const TWO_53 = 9007199254740992;
// (3/2)·(log x − 2s − (2/3)s³) as a polynomial in s² (e_pow.c).
const L1 = 0.5999999999999946;
const L2 = 0.4285714285785502;
const L3 = 0.33333332981837743;
const L4 = 0.272728123808534;
const L5 = 0.23066074577556175;
const L6 = 0.20697501780033842;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;
const LG2 = Math.LN2;
const LG2_H = 0.6931471824645996;
const LG2_L = -1.904654299957768e-9;
const OVT = 8.008566259537294e-17;
const CP = 0.9617966939259756;
const CP_H = 0.9617967009544373;
const CP_L = -7.028461650952758e-9;
const IVLN2 = Math.LOG2E;
const IVLN2_H = 1.4426950216293335;
const IVLN2_L = 1.9259629911266175e-8;

// One store of x, then both halves read from it (x86 forwards a whole store to a load of half).
const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

/**
 * x with its low word cleared (fdlibm's SET_LOW_WORD(x, 0)): its top 21 mantissa bits, for finite
 * x. The low word's value, (low word)·2^(e−1075) for biased exponent e (1 for subnormals), is
 * subtracted instead of written: writing half a double and reading it whole stalls the CPU's
 * store forwarding, and the subtraction is exact, so the result is the same double.
 */
function highPart(x: number): number {
  scratch[0] = x;
  const low = scratchWords[LOW]! >>> 0;
  if (low === 0) return x;
  const e = (scratchWords[HIGH]! >>> 20) & 0x7ff;
  const lowValue = low * twoTo((e === 0 ? 1 : e) - 1075);
  return x < 0 ? x + lowValue : x - lowValue;
}

/** The positive normal double whose high word is `high` and whose low word is 0, built exactly. */
function fromHighWord(high: number): number {
  return twoTo((high >>> 20) - 1023) * (1 + (high & 0x000fffff) * 9.5367431640625e-7); // 2⁻²⁰
}

/** z·2ⁿ for z in [1, 2) when the result is subnormal or underflows (fdlibm's scalbn). */
function scaleDown(z: number, n: number): number {
  const k = ((highWord(z) >> 20) & 0x7ff) + n;
  if (k <= -54) return 0 * z;
  // 2^(k+54) first, exactly, then one rounding in the multiplication by 2⁻⁵⁴.
  return withHighWord(z, (highWord(z) & 0x800fffff) | ((k + 54) << 20)) * 5.551115123125783e-17;
}

/**
 * x^y, within one ulp, the same bits on every engine (unlike `Math.pow` and `**`). log₂|x| is
 * computed to about 70 bits as t1 + t2, multiplied by y split in two halves, and 2 raised to the
 * product by exp's rational approximation; the special cases follow C99 Annex F.
 *
 * @example
 * pow(0.999, 1000); // 0.36769542477096373 (Adam's bias correction 1 − β₂ᵗ needs β₂ᵗ)
 * pow(-8, 1 / 3); // NaN (a negative base needs a whole exponent)
 */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x) >>> 0;
  const hy = highWord(y);
  const ly = lowWord(y) >>> 0;
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x⁰ = 1, even for NaN
  // NaN in, NaN out (C's pow gives 1ʸ = 1 even for NaN; ECMAScript does not).
  if (
    ix > 0x7ff00000 ||
    (ix === 0x7ff00000 && lx !== 0) ||
    iy > 0x7ff00000 ||
    (iy === 0x7ff00000 && ly !== 0)
  ) {
    return x + y; // NaN
  }

  // For x < 0: 0 when y is not a whole number, 1 when odd, 2 when even.
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±∞
      if (((ix - 0x3ff00000) | lx) === 0) return Number.NaN; // (±1)^±∞, as ECMAScript says
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, and √ is exact in IEEE 754
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x = ±0, ±∞, ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0)
        z = Number.NaN; // (−1)^non-integer
      else if (yisint === 1) z = -z;
    }
    return z;
  }

  // n is −1 for x < 0, else 0 (fdlibm's ((u_int32_t)hx >> 31) − 1 reads the other way round:
  // there it is 0 for x < 0 and −1 otherwise).
  const negative = hx < 0;
  if (negative && yisint === 0) return Number.NaN; // (x < 0)^non-integer
  const s = negative && yisint === 1 ? -1 : 1;

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2³¹
    if (iy > 0x43f00000) {
      // |y| > 2⁶⁴: overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Number.POSITIVE_INFINITY : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Number.POSITIVE_INFINITY : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * Number.POSITIVE_INFINITY : s * 0;
    if (ix > 0x3ff00000) return hy > 0 ? s * Number.POSITIVE_INFINITY : s * 0;
    // |1 − x| ≤ 2⁻²⁰: log x from x − x²/2 + x³/3 − x⁴/4.
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = highPart(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO_53;
      n -= 53;
      ix = highWord(ax);
    }
    const exponentBits = ix >> 20;
    n += exponentBits - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e)
      k = 0; // |x| < √(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < √3
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    // fdlibm sets ax's high word to ix, which changes only its exponent bits: the same number as
    // scaling by a power of two, without writing half a double.
    ax *= twoTo((ix >> 20) - exponentBits);

    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    let u = ax - BP[k]!;
    let v = 1 / (ax + BP[k]!);
    const ss = u * v;
    const sH = highPart(ss);
    let tH = fromHighWord(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
    let tL = ax - (tH - BP[k]!);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = highPart(3.0 + s2 + r);
    tL = r - (tH - 3.0 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    const pH = highPart(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    // log₂(ax) = n + dp_h + z_h + z_l
    const t = n;
    t1 = highPart(zH + zL + DP_H[k]! + t);
    t2 = zL - (t1 - t - DP_H[k]! - zH);
  }

  // (y1 + y2)·(t1 + t2)
  const y1 = highPart(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  let i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return s * Number.POSITIVE_INFINITY;
    if (pL + OVT > z - pH) return s * Number.POSITIVE_INFINITY;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * 0;
    if (pL <= z - pH) return s * 0;
  }

  // 2^(p_h + p_l)
  i = j & 0x7fffffff;
  let k = (i >> 20) - 0x3ff;
  let n = 0;
  if (i > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const high = n & ~(0x000fffff >> k);
    const t = high < 0 ? -fromHighWord(high & 0x7fffffff) : fromHighWord(high);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = highPart(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const c = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  // fdlibm has (z·c)/(c − 2) − (w + z·w); V8 moved the correction into the divisor, and this
  // port keeps V8's form so that Node 20's results stay what they were.
  const r = (z * c) / (c - 2.0 - (w + z * w));
  z = 1 - (r - z);
  j = highWord(z) + (n << 20);
  // Adding n to z's exponent bits is multiplying by 2ⁿ wherever the result is normal.
  if (j >> 20 <= 0) z = scaleDown(z, n);
  else z = n === 1024 ? z * twoTo(1023) * 2 : z * twoTo(n);
  return s * z;
}
