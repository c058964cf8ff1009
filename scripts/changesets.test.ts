// Every changeset must parse as @changesets/parse reads it: front matter of `"package": bump`
// lines between two `---` lines. A formatter once turned such files into markdown headings
// (biome now leaves .changeset/ alone); this test keeps a broken one from reaching a release.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../.changeset/', import.meta.url);
const publicPackages = new Set(
  readdirSync(new URL('../packages/', import.meta.url)).map((name) => {
    const manifest = JSON.parse(
      readFileSync(new URL(`../packages/${name}/package.json`, import.meta.url), 'utf8'),
    );
    return manifest.name as string;
  }),
);

describe('changesets', () => {
  const files = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md');

  it.each(files)('%s has front matter naming public packages and a summary', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    const match = /^---\n((?:"[^"]+": (?:major|minor|patch)\n)+)---\n\n(\S[\s\S]*)$/.exec(text);
    expect(match, `${name} does not start with ---, "package": bump lines, --- and a summary`).not.toBeNull();
    for (const line of match![1]!.trim().split('\n')) {
      expect(publicPackages.has(JSON.parse(line.split(': ')[0]!)), `${name}: ${line}`).toBe(true);
    }
  });
});
