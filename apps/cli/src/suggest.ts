// "Did you mean …?": the closest valid name to a mistyped one, by Damerau–Levenshtein distance
// (a swap of two neighbours counts as one edit, the commonest typo).

/** Edits (insert, delete, substitute, swap neighbours) between a and b. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The valid name closest to `given`, if it is close enough to be a typo: at most a third of
 * its length in edits (at least one), or a name that starts with it.
 */
export function closest(given: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const name of valid) {
    const d = editDistance(given.toLowerCase(), name.toLowerCase());
    if (d < distance) {
      best = name;
      distance = d;
    }
  }
  if (best !== undefined && distance <= Math.max(1, Math.floor(given.length / 3))) return best;
  const prefixed = valid.filter((name) => given.length >= 2 && name.startsWith(given));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` (did you mean "x"?)`, or nothing. */
export function didYouMean(given: string, valid: readonly string[], prefix = ''): string {
  const match = closest(given, valid);
  return match === undefined ? '' : `; did you mean "${prefix}${match}"?`;
}
