// A model file's integrity check: sha256 over a canonical JSON form of the whole document
// except the `integrity` field itself (keys sorted, numbers in shortest round-trip form), so
// indentation and key order may change but no value can change without the check noticing.
import { isObject } from './internal/is-object';
import { sha256Hex } from './internal/sha256';

/** The `integrity` field's value for a document: `"sha256:<64 hex digits>"`. */
export function documentIntegrity(doc: Record<string, unknown>): string {
  const { integrity: _, ...rest } = doc;
  return `sha256:${sha256Hex(canonicalJson(rest))}`;
}

/** JSON with object keys sorted at every depth; the same values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
