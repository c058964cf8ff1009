// CSV cells as predict writes them: quoted when they hold a delimiter, quote or line break
// (RFC 4180), and text that a spreadsheet would run as a formula (a cell beginning with =, +,
// -, @, tab or carriage return, per OWASP's CSV injection advice) prefixed with ' so it stays text.
// Numbers are written as numbers: a leading minus sign there is a value, not a formula.

/** One CSV cell of text (a class name, a heading). */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV cell of a number, in shortest round-trip form. */
export function csvNumber(value: number): string {
  return String(value);
}
