// Plain-text tables for terminal output: columns padded to their widest cell.

const numeric = /^[-+]?[0-9.,%e+-]+$/;

/**
 * Rows of cells as aligned lines. A column whose cells below the first row all look like
 * numbers aligns right; others align left.
 */
export function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  const right: boolean[] = [];
  rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      widths[j] = Math.max(widths[j] ?? 0, cell.length);
      if (i > 0 || rows.length === 1) right[j] = (right[j] ?? true) && (cell === '' || numeric.test(cell));
    });
  });
  return rows
    .map((row) =>
      row.map((cell, j) => (right[j] ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!))).join('  '),
    )
    .map((line) => `${indent}${line}`.trimEnd())
    .join('\n');
}
