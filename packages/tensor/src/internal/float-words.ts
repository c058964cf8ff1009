// The two 32-bit halves of a float64, as fdlibm's GET_HIGH_WORD / SET_HIGH_WORD read and write
// them: the sign, exponent and top 20 mantissa bits in the high word, the rest in the low word.

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);
// Typed arrays use the platform's byte order; every JavaScript engine in use is little-endian,
// but the index is derived rather than assumed so a big-endian engine gives the same numbers.
/** The index of the high word in an Int32Array over a Float64Array's buffer (LOW: the other). */
export const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
export const LOW = 1 - HIGH;

/** The high word of x as a signed 32-bit integer (negative exactly when x's sign bit is set). */
export function highWord(x: number): number {
  float[0] = x;
  return words[HIGH]!;
}

/** The low word of x (its last 32 mantissa bits), as a signed 32-bit integer. */
export function lowWord(x: number): number {
  float[0] = x;
  return words[LOW]!;
}

/** x with its high word replaced by `high` (the low word kept). */
export function withHighWord(x: number, high: number): number {
  float[0] = x;
  words[HIGH] = high;
  return float[0]!;
}

/** The float64 whose words are `high` and `low`. */
export function fromWords(high: number, low: number): number {
  words[HIGH] = high;
  words[LOW] = low;
  return float[0]!;
}
