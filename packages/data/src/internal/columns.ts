// Resolves columns named by header name or 0-based index, with errors that list the valid ones.
import type { SourceLocation } from '@deltanet/contract';
import { DataError } from '@deltanet/contract';
import type { ColumnRef } from '../label-mode';

/**
 * The 0-based indices of `refs` among `width` columns named `names` (undefined without a
 * header). `what` ("label", "feature") names the role and `unit` ("column", "key") the kind of
 * column in messages; a column given twice is an error.
 */
export function resolveColumns(
  refs: readonly ColumnRef[],
  names: readonly string[] | undefined,
  width: number,
  what: string,
  where: SourceLocation,
  unit = 'column',
): number[] {
  const indices = refs.map((ref) => resolveColumn(ref, names, width, what, where, unit));
  const seen = new Set<number>();
  indices.forEach((index, k) => {
    if (seen.has(index)) throw new DataError(where, `${what} ${unit} ${show(refs[k]!)} is given twice`);
    seen.add(index);
  });
  return indices;
}

function resolveColumn(
  ref: ColumnRef,
  names: readonly string[] | undefined,
  width: number,
  what: string,
  where: SourceLocation,
  unit: string,
): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < width) return ref;
    throw new DataError(
      where,
      `${what} ${unit} ${ref} does not exist; there ${width === 1 ? 'is 1' : `are ${width}`} (0-based indices 0–${width - 1})`,
    );
  }
  if (!names) {
    throw new DataError(
      where,
      `${what} ${unit} "${ref}" is given by name, but ${unit === 'column' ? 'the file has no header row' : `${unit}s have no names`}; give a 0-based index (0–${width - 1})`,
    );
  }
  const first = names.indexOf(ref);
  if (first < 0) {
    throw new DataError(
      where,
      `unknown ${what} ${unit} "${ref}"; valid ${unit}s: ${names.map(show).join(', ')}`,
    );
  }
  if (names.indexOf(ref, first + 1) >= 0) {
    throw new DataError(where, `two ${unit}s are named "${ref}"; give the ${what} by 0-based index`);
  }
  return first;
}

function show(ref: ColumnRef): string {
  return typeof ref === 'number' ? String(ref) : JSON.stringify(ref);
}

/** A `label` option as a list: one column, several, or none for `null`. */
export function columnList(label: ColumnRef | readonly ColumnRef[] | null): readonly ColumnRef[] {
  if (label === null) return [];
  return typeof label === 'string' || typeof label === 'number' ? [label] : label;
}
