#!/usr/bin/env node
// Release rehearsal: what `npm install @deltanet/<pkg>` would give a user, tried before a release.
// In a temporary copy of the repository: `changeset version`, lint, build, pack every public
// package with pnpm (publishConfig applied, prepack guard run); then, in a fresh npm project
// outside any workspace, install the tarballs and run every README example as ESM, as CommonJS,
// type-check it under nodenext, node16, bundler, exactOptionalPropertyTypes and module commonjs
// (node10 resolution), bundle it for the browser with esbuild, and check every tarball with
// publint --strict and are-the-types-wrong on every profile. Exits non-zero on the first failure.
// Usage: node scripts/release-rehearsal.mjs [--keep]   (needs `pnpm install` done; network: npm only)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'deltanet-rehearsal-'));
const copy = join(scratch, 'repo');
const project = join(scratch, 'user');
const tarballs = join(scratch, 'tarballs');

function step(what) {
  console.log(`\n── ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
function run(command, args, cwd, options = {}) {
  return execFileSync(command, args, {
    cwd,
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
}
const pnpm = (args, cwd) => run('npx', ['-y', 'pnpm@10.34.8', ...args], cwd);

try {
  step('copy the repository (tracked and new files, with the installed node_modules linked)');
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root, {
    capture: true,
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) cpSync(join(root, file), join(copy, file), { recursive: true });
  // An offline install from the store pnpm already filled: no download, a few seconds.
  pnpm(['install', '--offline', '--frozen-lockfile', '--config.confirmModulesPurge=false'], copy);

  step('changeset version, then the project lint on the generated changelogs');
  run(join(copy, 'node_modules/.bin/changeset'), ['version'], copy);
  run(join(copy, 'node_modules/.bin/biome'), ['check', '.'], copy);

  step('build and pack every public package');
  pnpm(['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], copy);
  mkdirSync(tarballs);
  pnpm(['-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], copy);
  const packed = readdirSync(tarballs).filter((name) => name.endsWith('.tgz'));
  const packages = readdirSync(join(copy, 'packages'))
    .map((dir) => JSON.parse(readFileSync(join(copy, 'packages', dir, 'package.json'), 'utf8')))
    .filter((json) => !json.private);
  if (packed.length !== packages.length)
    throw new Error(`packed ${packed.length} of ${packages.length} packages`);

  step('publint --strict and are-the-types-wrong (every profile) on each tarball');
  for (const tarball of packed) {
    run(bin('publint'), ['run', join(tarballs, tarball), '--strict']);
    run(bin('attw'), [join(tarballs, tarball), '--profile', 'strict', '--format', 'table-flipped']);
  }

  step('install the tarballs in a fresh npm project outside the workspace');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user', private: true, type: 'module' }),
  );
  // @types/node as a user on Node 20 has it; tsc and esbuild are the repository's own.
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '@types/node@^20.19.0',
      ...packed.map((name) => join(tarballs, name)),
    ],
    project,
  );

  step('every README example: ESM, CommonJS, TypeScript under five settings, browser bundle');
  const examples = readmeExamples();
  const esbuild = bin('esbuild');
  for (const { name, code } of examples) {
    writeFileSync(join(project, `${name}.ts`), code);
    writeFileSync(join(project, `${name}.mts`), code);
    run(esbuild, [`${name}.ts`, '--format=esm', `--outfile=${name}.mjs`, '--log-level=warning'], project);
    console.log(`${name}: ESM`);
    run('node', [`${name}.mjs`], project, { capture: true });
    // CommonJS has no top-level await: such examples run inside an async function there.
    const body = /^\s*await\b|[=(]\s*await\b/m.test(code) ? wrapAsync(code) : code;
    writeFileSync(join(project, `${name}.cjs.ts`), body);
    run(esbuild, [`${name}.cjs.ts`, '--format=cjs', `--outfile=${name}.cjs`, '--log-level=warning'], project);
    console.log(`${name}: CommonJS`);
    run('node', [`${name}.cjs`], project, { capture: true });
    console.log(`${name}: browser bundle`);
    run(
      esbuild,
      [
        `${name}.ts`,
        '--bundle',
        '--platform=browser',
        '--format=esm',
        '--outfile=/dev/null',
        '--log-level=warning',
        '--loader:.json=json',
      ],
      project,
    );
  }
  const typeSettings = {
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
    node16: { module: 'node16', moduleResolution: 'node16' },
    bundler: { module: 'esnext', moduleResolution: 'bundler' },
    exactOptionalPropertyTypes: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      exactOptionalPropertyTypes: true,
    },
  };
  for (const [label, options] of Object.entries(typeSettings)) {
    typecheck(
      label,
      options,
      examples.map(({ name }) => `${name}.mts`),
    );
  }
  // module commonjs resolves like node10 (no exports map): each example as a CommonJS file.
  typecheck(
    'module commonjs (node10 resolution)',
    { module: 'commonjs', moduleResolution: 'node10' },
    examples.map(({ name }) => `${name}.cjs.ts`),
  );

  step(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`\nrelease rehearsal FAILED: ${error.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

/** The ```ts blocks of the root README and every public package's README. */
function readmeExamples() {
  const readmes = [['root', join(copy, 'README.md')]];
  for (const dir of readdirSync(join(copy, 'packages')))
    readmes.push([dir, join(copy, 'packages', dir, 'README.md')]);
  const found = [];
  for (const [name, path] of readmes) {
    const text = readFileSync(path, 'utf8');
    let index = 0;
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g))
      found.push({ name: `${name}-${index++}`, code: match[1] });
  }
  return found;
}

/** Imports stay at the top; the rest runs inside an async function. */
function wrapAsync(code) {
  const lines = code.split('\n');
  const imports = lines.filter((line) => /^import\b/.test(line));
  const rest = lines.filter((line) => !/^import\b/.test(line));
  return `${imports.join('\n')}\nvoid (async () => {\n${rest.join('\n')}\n})();\n`;
}

function typecheck(label, options, files) {
  console.log(`TypeScript: ${label}`);
  const config = {
    compilerOptions: {
      strict: true,
      target: 'es2022',
      lib: ['es2022', 'dom'],
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      ...options,
    },
    files,
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config));
  run(bin('tsc'), ['-p', '.'], project);
}
