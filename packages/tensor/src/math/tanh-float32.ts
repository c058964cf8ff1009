// tanh rounded to float32, as assembly/tanh.ts's tanhNarrowLanes computes it for the wasm kernel,
// one value at a time: float32 results need tanh x only to the precision that decides their
// rounding, so a cheaper formula runs and its result is rounded only where that rounding is
// certain to equal the exact port's (Ziv's test); otherwise the exact port runs. The result is
// Math.fround(tanh(x)) for every x, in every engine: the formula is the same IEEE operations in
// the same order as the kernel's, whose decision was checked against the exact port for every
// float32 argument (see assembly/tanh.ts for the formula and its error bound).
import { INV_LN2, LN2_HI, LN2_LO } from '../internal/ln2-reduction';
import { tanh } from './tanh';

// q(r) ≈ (e^r − 1)/r on |r| ≤ ln2/2, c₈ … c₁ (scripts/tanh-coefficients.mjs).
const C8 = 0.0000027625165059187913;
const C7 = 0.000024876160162284216;
const C6 = 0.00019841208593653436;
const C5 = 0.0013888821685135977;
const C4 = 0.008333333353825686;
const C3 = 0.041666666890913855;
const C2 = 0.1666666666664816;
const C1 = 0.4999999999979802;
// 1 ∓ 2⁻³⁶: the interval Ziv's test rounds both ends of.
const BELOW = 0.9999999999854481;
const ABOVE = 1.000000000014552;
// 2ᵏ for the k = round(w/ln2) of w ≤ 40: 0 … 58, each exact.
const POWERS = Float64Array.from({ length: 59 }, (_, k) => 2 ** k);

/**
 * Math.fround(tanh(x)), with `tanh` this package's fdlibm port, at a fraction of its cost.
 *
 * @example
 * tanhFloat32(0.5); // 0.46211716532707214 (Math.fround(0.46211715726000974))
 */
export function tanhFloat32(x: number): number {
  // w = min(2|x|, 40): tanh 20 is 1 in float64; NaN stays NaN and fails the test below.
  const magnitude = Math.abs(x);
  const w = Math.min(magnitude + magnitude, 40);
  // k = trunc(w/ln2 + ½) for w ≥ 0 (NaN gives 0, and r stays NaN).
  const k = (w * INV_LN2 + 0.5) | 0;
  const r = w - k * LN2_HI - k * LN2_LO;
  const q = (((((((C8 * r + C7) * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + 1;
  const twoK = POWERS[k]!;
  const m = twoK * (r * q) + (twoK - 1);
  const z = m / (m + 2);
  const below = Math.fround(z * BELOW);
  if (below !== Math.fround(z * ABOVE)) return Math.fround(tanh(x));
  // z ≥ 0; tanh(−x) = −tanh(x) and rounding is symmetric; tanh(±0) is ±0 itself.
  return x < 0 ? -below : x > 0 ? below : x;
}
