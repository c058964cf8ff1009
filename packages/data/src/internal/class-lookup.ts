// Maps a label's text to its class index, matching numbers by value ("1.0" is class "1").
import { InvalidArgumentError } from '@deltanet/contract';
import { isNumeric } from './numbers';

/**
 * The canonical text of a class label: trimmed, and numbers written as JavaScript writes them
 * ("1.0" → "1", "1e2" → "100"), so that numerically equal labels are one class.
 */
export function canonicalLabel(value: string | number | boolean): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  const text = value.trim();
  return isNumeric(text) ? String(Number(text)) : text;
}

/** A function giving each label's index in `classNames`, or −1 for an unknown label. */
export function classLookup(classNames: readonly string[]): (value: string | number | boolean) => number {
  if (new Set(classNames).size !== classNames.length) {
    throw new InvalidArgumentError(`class names repeat: ${classNames.join(', ')}`);
  }
  const exact = new Map<string, number>();
  const canonical = new Map<string, number>();
  classNames.forEach((name, index) => {
    exact.set(name, index);
    const key = canonicalLabel(name);
    if (!canonical.has(key)) canonical.set(key, index);
  });
  return (value) => {
    const text = typeof value === 'string' ? value.trim() : String(value);
    return exact.get(text) ?? canonical.get(canonicalLabel(value)) ?? -1;
  };
}
