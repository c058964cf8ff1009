// 2ᵏ for every whole k from −1074 to 1023, as a table: scaling by it is exact wherever the
// product is a normal number, and a lookup is several times cheaper than building the double
// from its bits through a typed-array pair in the elementary functions' hot paths.
import { fromWords } from './float-words';

const LOWEST = -1074;

function table(): Float64Array {
  const powers = new Float64Array(1023 - LOWEST + 1);
  for (let k = LOWEST; k <= 1023; k++) {
    // Normal powers from their exponent bits; subnormal ones from 2⁻¹⁰²² halved exactly.
    powers[k - LOWEST] = k >= -1022 ? fromWords((0x3ff + k) << 20, 0) : powers[k - LOWEST + 1]! / 2;
  }
  // The subnormal ones were filled before their halves' source: fill them again downwards.
  for (let k = -1023; k >= LOWEST; k--) powers[k - LOWEST] = powers[k - LOWEST + 1]! / 2;
  return powers;
}

const POWERS = /* @__PURE__ */ table();

/** 2ᵏ for a whole k in [−1074, 1023]. */
export function twoTo(k: number): number {
  return POWERS[k - LOWEST]!;
}
