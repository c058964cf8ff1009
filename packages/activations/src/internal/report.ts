// Small helpers for the verifier's messages and comparisons.

/** x and y are the same number, counting NaN as equal to NaN (and 0 equal to −0). */
export function sameNumber(x: number, y: number): boolean {
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}

/** A number short enough for a message: 7 significant digits. */
export function describeNumber(x: number): string {
  return Number.isFinite(x) && x !== 0 ? String(Number(x.toPrecision(7))) : String(x);
}

/** The message of anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
