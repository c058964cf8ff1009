#!/usr/bin/env node
// The prepack guard every public package runs (`"prepack": "node ../../scripts/prepack.mjs"`):
// packing or publishing fails, instead of shipping a tarball without dist/, when a file the
// manifest points at is missing or older than a source it is built from. Run `pnpm build` first.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Every file the published manifest points at (main, module, types and every exports target). */
function targets(value, found = new Set()) {
  if (typeof value === 'string') found.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) targets(v, found);
  return found;
}
const exportsMap = manifest.publishConfig?.exports ?? manifest.exports;
const built = [...targets([manifest.main, manifest.module, manifest.types, exportsMap])].filter(
  (path) => path !== './package.json',
);

/** Sources of the build: src/ without tests, and the package's build configuration. */
function sources(path, found = []) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) sources(full, found);
    else if (!/\.test\.ts$/.test(entry.name)) found.push(full);
  }
  return found;
}
const inputs = [...sources(join(dir, 'src')), join(dir, 'tsup.config.ts')].filter(existsSync);

const problems = [];
const missing = built.filter((path) => !existsSync(join(dir, path)));
if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
else {
  const oldest = Math.min(...built.map((path) => statSync(join(dir, path)).mtimeMs));
  const newer = inputs.filter((path) => statSync(path).mtimeMs > oldest);
  if (newer.length > 0) {
    const shown = newer.slice(0, 5).map((path) => relative(dir, path));
    problems.push(`older than ${shown.join(', ')}${newer.length > 5 ? ` and ${newer.length - 5} more` : ''}`);
  }
}
if (problems.length > 0) {
  console.error(
    `${manifest.name}: refusing to pack; dist/ is ${problems.join('; ')}.\n` +
      'Build first: npx -y pnpm@10.34.8 build (from the repository root).',
  );
  process.exit(1);
}
