// fdlibm's trigonometric kernels and argument reduction (k_cos.c, k_sin.c and e_rem_pio2.c of
// fdlibm 5.3, as V8 ran them through Node 20) for |x| ≤ 2²⁰·π/2, ported operation for operation in
// float64; cos.ts and sin.ts pick among them by the quadrant.
import { fromWords, highWord } from './float-words';

// π/2 in three pieces of 33 bits plus tails (e_rem_pio2.c).
const INV_PIO2 = 0.6366197723675814;
const PIO2_1 = 1.5707963267341256;
const PIO2_1T = 6.077100506506192e-11;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_2T = 2.0222662487959506e-21;
const PIO2_3 = 2.0222662487111665e-21;
const PIO2_3T = 8.4784276603689e-32;
// The high words of n·π/2 for n = 1…32: x whose high word matches may cancel in x − n·π/2.
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a,
  0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a,
  0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac,
  0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

const C1 = 0.0416666666666666;
const C2 = -0.001388888888887411;
const C3 = 0.00002480158728947673;
const C4 = -2.7557314351390663e-7;
const C5 = 2.087572321298175e-9;
const C6 = -1.1359647557788195e-11;

const S1 = -0.16666666666666632;
const S2 = 0.00833333333332249;
const S3 = -0.0001984126982985795;
const S4 = 0.0000027557313707070068;
const S5 = -2.5050760253406863e-8;
const S6 = 1.58969099521155e-10;

/** The high word of the largest |x| the reduction here handles, 2²⁰·π/2 (fdlibm's medium range; its comment says 2¹⁹). */
export const MEDIUM = 0x413921fb;

/** cos(x + y) for |x + y| ≤ π/4, y the tail of a reduced argument (k_cos.c). */
export function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return 1; // |x| < 2⁻²⁷
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // 1 − x²/2 loses bits for |x| ≥ 0.3; subtract qx ≈ x²/4 from both parts first.
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

/** sin(x + y) for |x + y| ≤ π/4, y the tail of a reduced argument (k_sin.c with iy = 1). */
export function kernelSin(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** sin x for |x| ≤ π/4 with no tail (k_sin.c with iy = 0: a different last step, other bits). */
export function kernelSinExact(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + v * (S1 + z * r);
}

// The reduction's result, reused so a draw allocates nothing.
const reduced: [number, number, number] = [0, 0, 0];

/** x = n·π/2 + (y0 + y1) with |y0 + y1| ≤ π/4, for π/4 < |x| ≤ 2²⁰·π/2 (e_rem_pio2.c). */
export function reduce(x: number, hx: number, ix: number): [number, number, number] {
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1; near π/2 a second piece of π/2 keeps the bits.
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    let tail = PIO2_1T;
    if (ix === 0x3ff921fb) {
      z -= sign * PIO2_2;
      tail = PIO2_2T;
    }
    const y0 = z - sign * tail;
    reduced[0] = sign;
    reduced[1] = y0;
    reduced[2] = z - y0 - sign * tail;
    return reduced;
  }
  const t = Math.abs(x);
  const n = (t * INV_PIO2 + 0.5) | 0;
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T; // good to 85 bits
  let y0: number;
  if (n < 32 && ix !== NPIO2_HW[n - 1]) {
    y0 = r - w; // no cancellation possible
  } else {
    const j = ix >> 20;
    y0 = r - w;
    if (j - ((highWord(y0) >> 20) & 0x7ff) > 16) {
      // Cancellation: a second piece of π/2, good to 118 bits.
      let u = r;
      w = fn * PIO2_2;
      r = u - w;
      w = fn * PIO2_2T - (u - r - w);
      y0 = r - w;
      if (j - ((highWord(y0) >> 20) & 0x7ff) > 49) {
        // A third, good to 151 bits: covers every double in range.
        u = r;
        w = fn * PIO2_3;
        r = u - w;
        w = fn * PIO2_3T - (u - r - w);
        y0 = r - w;
      }
    }
  }
  const y1 = r - y0 - w;
  reduced[0] = hx < 0 ? -n : n;
  reduced[1] = hx < 0 ? -y0 : y0;
  reduced[2] = hx < 0 ? -y1 : y1;
  return reduced;
}
