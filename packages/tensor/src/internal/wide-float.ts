// A test oracle: binary floating point with 320-bit mantissas on BigInt (m·2^e), and e^x, ln x,
// cos x from their Taylor and atanh series in it, so the elementary functions of src/math are
// measured against values 260 bits more precise than a double, computed with no floating point.

/** m·2^e exactly; m carries at most PRECISION bits after every operation. */
export interface Wide {
  readonly m: bigint;
  readonly e: number;
}

const PRECISION = 320;

function bitLength(m: bigint): number {
  return (m < 0n ? -m : m).toString(2).length;
}

function normalize(m: bigint, e: number): Wide {
  if (m === 0n) return { m, e: 0 };
  const excess = bitLength(m) - PRECISION;
  return excess > 0 ? { m: m >> BigInt(excess), e: e + excess } : { m, e };
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double. */
export function wide(x: number): Wide {
  if (!Number.isFinite(x)) throw new Error(`wide: ${x} is not finite`);
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  const signed = bits >> 63n ? -m : m;
  return normalize(signed, (exponent === 0 ? 1 : exponent) - 1075);
}

export function add(a: Wide, b: Wide): Wide {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return normalize((a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e);
}

export function negate(a: Wide): Wide {
  return { m: -a.m, e: a.e };
}

export function sub(a: Wide, b: Wide): Wide {
  return add(a, negate(b));
}

export function mul(a: Wide, b: Wide): Wide {
  return normalize(a.m * b.m, a.e + b.e);
}

export function div(a: Wide, b: Wide): Wide {
  const shift = PRECISION + bitLength(b.m);
  return normalize((a.m << BigInt(shift)) / b.m, a.e - b.e - shift);
}

/** 2^k · a, exactly. */
export function scale(a: Wide, k: number): Wide {
  return { m: a.m, e: a.e + k };
}

const ONE = wide(1);
const TWO = wide(2);

/** True when |term| is below 2^−(PRECISION + 8) of |sum|, i.e. further terms cannot matter. */
function negligible(term: Wide, sum: Wide): boolean {
  if (term.m === 0n) return true;
  if (sum.m === 0n) return false;
  return bitLength(term.m) + term.e < bitLength(sum.m) + sum.e - PRECISION - 8;
}

/** 2·atanh(s) = ln((1 + s)/(1 − s)) for |s| ≤ 1/3. */
function twiceAtanh(s: Wide): Wide {
  const s2 = mul(s, s);
  let power = s;
  let sum = s;
  for (let n = 3; ; n += 2) {
    power = mul(power, s2);
    const term = div(power, wide(n));
    if (negligible(term, sum)) break;
    sum = add(sum, term);
  }
  return scale(sum, 1);
}

const LN2 = twiceAtanh(div(ONE, wide(3)));

/** atan(1/n) for a whole n ≥ 2. */
function atanInverse(n: number): Wide {
  const x = div(ONE, wide(n));
  const x2 = mul(x, x);
  let power = x;
  let sum = x;
  for (let k = 3, sign = -1; ; k += 2, sign = -sign) {
    power = mul(power, x2);
    const term = div(power, wide(sign * k));
    if (negligible(term, sum)) break;
    sum = add(sum, term);
  }
  return sum;
}

// Machin's formula: π/4 = 4·atan(1/5) − atan(1/239).
const HALF_PI = scale(sub(scale(atanInverse(5), 2), atanInverse(239)), 1);

/** Σ sign-alternating or not r^n/n! from n = start in steps of 2 (cos: 0, sin: 1) or 1. */
function taylor(r: Wide, start: number, step: number, alternate: boolean): Wide {
  let term = start === 0 ? ONE : r;
  let sum = term;
  const r2 = step === 2 ? mul(r, r) : r;
  for (let n = start + step; ; n += step) {
    const divisor = step === 2 ? (n - 1) * n : n;
    term = div(mul(term, r2), wide(alternate ? -divisor : divisor));
    if (negligible(term, sum)) break;
    sum = add(sum, term);
  }
  return sum;
}

/** e^x for a finite double x, or for an exact Wide. */
export function wideExp(x: number | Wide): Wide {
  const v = typeof x === 'number' ? wide(x) : x;
  const k = Math.round(approximate(v) / Math.LN2);
  const r = sub(v, mul(wide(k), LN2));
  return scale(taylor(r, 0, 1, false), k);
}

/** A Wide as the nearest-ish double (for choosing reductions only). */
function approximate(v: Wide): number {
  const excess = Math.max(bitLength(v.m) - 60, 0);
  return Number(v.m >> BigInt(excess)) * 2 ** (v.e + excess);
}

/** x^y = e^(y·ln x) for a positive finite x and finite y. */
export function widePow(x: number, y: number): Wide {
  return wideExp(mul(wide(y), wideLog(x)));
}

/** e^x − 1. */
export function wideExpm1(x: number): Wide {
  // Near 0 the series without its leading 1 keeps every bit of the small result.
  if (Math.abs(x) < 0.5) {
    const r = wide(x);
    return sub(taylor(r, 0, 1, false), ONE);
  }
  return sub(wideExp(x), ONE);
}

/** ln x for a positive finite double, or for an exact Wide. */
export function wideLog(x: number | Wide): Wide {
  const v = typeof x === 'number' ? wide(x) : x;
  if (v.m <= 0n) throw new Error('wideLog: x must be positive');
  // v = 2^k·f with f in [1, 2): ln v = k·ln2 + 2·atanh((f − 1)/(f + 1)).
  const k = bitLength(v.m) + v.e - 1;
  const f = scale(v, -k);
  return add(mul(wide(k), LN2), twiceAtanh(div(sub(f, ONE), add(f, ONE))));
}

/** ln(1 + x) for a double x > −1 (exact 1 + x for |x| ≥ 2^−250). */
export function wideLog1p(x: number): Wide {
  return wideLog(add(ONE, wide(x)));
}

/** tanh x = (e^2x − 1)/(e^2x + 1). */
export function wideTanh(x: number): Wide {
  if (Math.abs(x) > 40) return wide(Math.sign(x)); // within 2^−115 of ±1
  const m = wideExpm1(2 * x);
  return div(m, add(m, TWO));
}

/** cos x for a finite double, reduced by π/2 in 320-bit precision. */
export function wideCos(x: number): Wide {
  const n = Math.round(x / (Math.PI / 2));
  const r = sub(wide(x), mul(wide(n), HALF_PI));
  switch (((n % 4) + 4) % 4) {
    case 0:
      return taylor(r, 0, 2, true);
    case 1:
      return negate(taylor(r, 1, 2, true));
    case 2:
      return negate(taylor(r, 0, 2, true));
    default:
      return taylor(r, 1, 2, true);
  }
}

/** sin x for a finite double, reduced by π/2 in 320-bit precision. */
export function wideSin(x: number): Wide {
  const n = Math.round(x / (Math.PI / 2));
  const r = sub(wide(x), mul(wide(n), HALF_PI));
  switch (((n % 4) + 4) % 4) {
    case 0:
      return taylor(r, 1, 2, true);
    case 1:
      return taylor(r, 0, 2, true);
    case 2:
      return negate(taylor(r, 1, 2, true));
    default:
      return negate(taylor(r, 0, 2, true));
  }
}

/**
 * |d − exact| in units in the last place of the double nearest `exact` (subnormals: 2^−1074),
 * as a float. A correctly rounded result is within 0.5; fdlibm's bound is 1.
 */
export function ulpError(d: number, exact: Wide): number {
  const difference = sub(wide(d), exact);
  if (difference.m === 0n) return 0;
  const magnitude = exact.m === 0n ? -1074 : bitLength(exact.m) + exact.e - 1;
  const ulpExponent = Math.max(magnitude - 52, -1074);
  // difference / 2^ulpExponent as a double: take its top 60 bits.
  const excess = Math.max(bitLength(difference.m) - 60, 0);
  const top = Number((difference.m < 0n ? -difference.m : difference.m) >> BigInt(excess));
  return top * 2 ** (difference.e + excess - ulpExponent);
}

/**
 * `count` seeded doubles whose magnitudes are spread evenly in log scale over [lo, hi) (so
 * every binade is reached), negative too when `signed`. Each draws fresh mantissa bits.
 */
export function spread(seed: number, count: number, lo: number, hi: number, signed: boolean): number[] {
  // A 32-bit LCG keeps the oracle free of the package under test.
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const [a, b] = [Math.log2(lo), Math.log2(hi)];
  return Array.from({ length: count }, () => {
    const magnitude = 2 ** (a + (b - a) * next()) * (1 + next() * 2 ** -20);
    return signed && next() < 0.5 ? -magnitude : magnitude;
  });
}
