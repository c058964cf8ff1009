// Numbers for display.

/**
 * 4 significant digits, exponent form when tiny or huge.
 *
 * @example
 * formatNumber(0.123456); // "0.1235"
 */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 1e-3 || size >= 1e5) return value.toExponential(3);
  return Number(value.toPrecision(4)).toString();
}
